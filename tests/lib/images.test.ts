import { expect, test } from 'vitest';
import {
	heroImageSize,
	isUnsplash,
	remoteImage,
	socialImageUrl,
	unsplashUrl,
} from '../../src/lib/images.ts';

const HERO =
	'https://images.unsplash.com/photo-1560448204-e02f11c3d0e2?q=80&w=2070&auto=format&fit=crop';

test('unsplashUrl sets width, cropped height, quality, format and fit', () => {
	const url = new URL(unsplashUrl(HERO, 800));
	expect(url.origin + url.pathname).toBe(
		'https://images.unsplash.com/photo-1560448204-e02f11c3d0e2',
	);
	expect(Object.fromEntries(url.searchParams)).toEqual({
		w: '800',
		h: '420',
		q: '70',
		auto: 'format',
		fit: 'crop',
	});
});

test('remoteImage gives Unsplash a srcset no wider than twice the display width', () => {
	const image = remoteImage(HERO, 480);
	expect(image.width).toBe(480);
	expect(image.height).toBe(252);
	const widths = image.srcset
		?.split(', ')
		.map((entry) => Number(entry.split(' ')[1]?.slice(0, -1)));
	expect(widths).toEqual([320, 480, 640, 800]);
});

test('other hosts keep their URL (upgraded to https) with the hero aspect declared', () => {
	expect(remoteImage('http://example.com/a.jpg', 1200)).toEqual({
		src: 'https://example.com/a.jpg',
		width: 1200,
		height: 630,
	});
	expect(isUnsplash('https://example.com/a.jpg')).toBe(false);
});

test('socialImageUrl crops Unsplash to 1200×630', () => {
	const url = new URL(socialImageUrl(HERO));
	expect([url.searchParams.get('w'), url.searchParams.get('h')]).toEqual(['1200', '630']);
});

test.each([
	[
		{ src: '/_astro/a.jpg', width: 800, height: 600 },
		{ width: 800, height: 600 },
	],
	[{ src: '/_astro/a.jpg' }, { width: 1200, height: 630 }],
	['https://example.com/a.jpg', { width: 1200, height: 630 }],
])('heroImageSize(%j) → %j', (hero, size) => expect(heroImageSize(hero)).toEqual(size));
