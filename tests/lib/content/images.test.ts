import { describe, expect, test } from 'vitest';
import {
	articleImageUrls,
	heroImageSize,
	inlineLocalImageOptions,
	inlineRemoteImage,
	isLocalImagePath,
	isUnsplash,
	positiveSize,
	remoteImage,
	socialImageUrl,
	unsplashUrl,
} from '../../../src/lib/content/images.ts';

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

test('articleImageUrls: Unsplash in 16x9, 4x3 and 1x1 at 1200 px wide; other hosts once, as they are', () => {
	const crops = articleImageUrls('http://images.unsplash.com/photo-1?w=2070&q=60').map((url) => {
		const { searchParams } = new URL(url);
		return `${searchParams.get('w')}x${searchParams.get('h')} ${searchParams.get('fit')}`;
	});
	expect(crops).toEqual(['1200x675 crop', '1200x900 crop', '1200x1200 crop']);
	expect(articleImageUrls('http://example.org/a.jpg')).toEqual(['https://example.org/a.jpg']);
});

describe('images in an article’s text', () => {
	const UNSPLASH = 'https://images.unsplash.com/photo-1502672260266-1c1ef2d93688?q=80&w=2070';
	/** Widths and the URL parameters of every srcset candidate. */
	const candidates = (srcset = '') =>
		srcset.split(', ').map((entry) => {
			const [url = '', descriptor = ''] = entry.split(' ');
			const params = new URL(url).searchParams;
			return [descriptor, params.get('w'), params.get('h'), params.get('fit')].join(' ');
		});

	test('an Unsplash URL with only a width is cut to 3:2, offered from 320 to 1280 px', () => {
		const image = inlineRemoteImage(UNSPLASH);
		expect(image).toMatchObject({
			width: 640,
			height: 427,
			loading: 'lazy',
			decoding: 'async',
			sizes: '(min-width: 672px) 640px, calc(100vw - 2rem)',
			unsized: false,
		});
		expect(new URL(image.src).searchParams.get('w')).toBe('640');
		expect(candidates(image.srcset)).toEqual([
			'320w 320 213 crop',
			'480w 480 320 crop',
			'640w 640 427 crop',
			'800w 800 533 crop',
			'1024w 1024 683 crop',
			'1280w 1280 853 crop',
		]);
		// Never the 2070-px original.
		expect(image.srcset).not.toContain('w=2070');
	});

	test.each([
		['w and h in the URL', `${UNSPLASH}&h=2070`, {}, 640, 640],
		['width and height written on the <img>', UNSPLASH, { width: 1600, height: 900 }, 640, 360],
		['a smaller width written on the <img>', UNSPLASH, { width: 300, height: 200 }, 300, 200],
	])('Unsplash, %s: that shape', (_, url, declared, width, height) => {
		const image = inlineRemoteImage(url, declared);
		expect([image.width, image.height]).toEqual([width, height]);
		const last = candidates(image.srcset).at(-1)?.split(' ');
		expect(Number(last?.[1]) / Number(last?.[2])).toBeCloseTo(width / height, 2);
	});

	test('a small declared width: srcset up to twice it, sizes no wider', () => {
		const image = inlineRemoteImage(UNSPLASH, { width: 300, height: 200 });
		expect(candidates(image.srcset).map((entry) => entry.split(' ')[0])).toEqual(['320w', '480w']);
		expect(image.sizes).toBe('(min-width: 332px) 300px, calc(100vw - 2rem)');
	});

	test.each([
		[
			'another host, no size: a 3:2 box, marked unsized',
			'http://example.com/a.jpg',
			{},
			{ src: 'https://example.com/a.jpg', width: 640, height: 427, unsized: true },
		],
		[
			'another host with its size written',
			'https://example.com/a.jpg',
			{ width: 800, height: 800 },
			{ src: 'https://example.com/a.jpg', width: 640, height: 640, unsized: false },
		],
		[
			'a file in public/',
			'/images/a.png',
			{ width: 200, height: 100 },
			{ src: '/images/a.png', width: 200, height: 100, unsized: false },
		],
	])('%s', (_, url, declared, expected) => {
		const image = inlineRemoteImage(url, declared);
		expect(image).toEqual({ ...expected, loading: 'lazy', decoding: 'async' });
	});

	test.each([
		[{}, 640, '(min-width: 672px) 640px, calc(100vw - 2rem)'],
		[{ width: 2000, height: 1000 }, 640, '(min-width: 672px) 640px, calc(100vw - 2rem)'],
		[{ width: 400 }, 400, '(min-width: 432px) 400px, calc(100vw - 2rem)'],
	])('local image options for %j', (declared, width, sizes) => {
		expect(inlineLocalImageOptions(declared)).toEqual({
			width,
			layout: 'constrained',
			sizes,
			loading: 'lazy',
			decoding: 'async',
		});
	});

	test.each([
		['./images/a.jpg', true],
		['images/a.jpg', true],
		['../shared/a.png', true],
		['/images/a.jpg', false],
		['https://images.unsplash.com/x', false],
		['data:image/png;base64,AAAA', false],
	])('isLocalImagePath(%s) → %s', (src, local) => expect(isLocalImagePath(src)).toBe(local));

	test.each([
		['640', 640],
		[' 300 ', 300],
		[480, 480],
		['100%', undefined],
		['0', undefined],
		['-5', undefined],
		['', undefined],
		[undefined, undefined],
		[Number.NaN, undefined],
	])('positiveSize(%j) → %s', (value, size) => expect(positiveSize(value)).toBe(size));
});

test.each([
	[
		{ src: '/_astro/a.jpg', width: 800, height: 600 },
		{ width: 800, height: 600 },
	],
	[{ src: '/_astro/a.jpg' }, { width: 1200, height: 630 }],
	['https://example.com/a.jpg', { width: 1200, height: 630 }],
])('heroImageSize(%j) → %j', (hero, size) => expect(heroImageSize(hero)).toEqual(size));
