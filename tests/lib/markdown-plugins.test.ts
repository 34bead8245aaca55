import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import {
	UNSIZED_IMAGE_CLASS,
	responsiveImages,
	russianTypography,
	safeLinks,
	stripBlockedMarkup,
} from '../../src/markdown/plugins.ts';

/** Renders Markdown with the same Sätteri options as astro.config.ts. */
function render(markdown: string) {
	const { html } = markdownToHtml(markdown, {
		features: { rawHtml: true, smartPunctuation: { quotes: false } },
		hastPlugins: [stripBlockedMarkup, safeLinks, russianTypography],
	});
	return parse(html);
}

const links = (markdown: string) =>
	render(markdown)
		.querySelectorAll('a')
		.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') }));

test.each([
	['a Markdown external link', '[x](https://example.com)', 'https://example.com', 'noopener'],
	[
		'a raw HTML link with nofollow',
		'<a href="https://example.com" rel="nofollow">x</a>',
		'https://example.com',
		'nofollow noopener',
	],
	['an internal link', '[x](/blog/servisnyy-podhod/)', '/blog/servisnyy-podhod/', undefined],
	[
		'a link to the site itself',
		'[x](https://butlerspb-blog.netlify.app/)',
		'https://butlerspb-blog.netlify.app/',
		undefined,
	],
	['a javascript: link', '[x](javascript:alert(1))', undefined, undefined],
	['a raw HTML javascript: link', '<a href="javascript:alert(1)">x</a>', undefined, undefined],
	[
		'an entity-hidden javascript: link',
		'<a href="javascript&colon;alert(1)">x</a>',
		undefined,
		undefined,
	],
])('%s', (_, markdown, href, rel) => {
	expect(links(markdown)).toEqual([{ href, rel }]);
});

test('drops <script> and inline event handlers from raw HTML', () => {
	const page = render(
		'Текст.\n\n<script>alert(1)</script>\n\n<p onclick="alert(2)" class="note">Заметка</p>\n\n<img src="a.png" alt="" onerror="alert(3)">',
	);
	expect(page.querySelectorAll('script')).toHaveLength(0);
	expect(page.toString()).not.toMatch(/alert|onclick|onerror/);
	expect(page.querySelector('p.note')?.text).toBe('Заметка');
	expect(page.querySelector('img')?.getAttribute('src')).toBe('a.png');
});

test('drops inline styles from raw HTML, which the CSP (style-src) would block', () => {
	const page = render(
		'<p style="color:red" class="note">Заметка</p>\n\nТекст с <span STYLE="font-weight:bold">выделением</span>.',
	);
	expect(page.querySelectorAll('[style]')).toHaveLength(0);
	expect(page.toString()).not.toMatch(/style=|color:red/i);
	expect(page.querySelector('p.note')?.text).toBe('Заметка');
	expect(page.querySelector('span')?.text).toBe('выделением');
});

test('keeps the raw HTML the existing posts use', () => {
	const page = render(
		'<div class="cta"><a href="https://butlerspb.ru/" target="_blank">Получить консультацию</a></div>\n\n<table><tr><td>Ячейка</td></tr></table>',
	);
	const link = page.querySelector('.cta a');
	expect(link?.getAttribute('target')).toBe('_blank');
	expect(link?.getAttribute('rel')).toBe('noopener');
	expect(page.querySelector('td')?.text).toBe('Ячейка');
});

test('sets Russian quotes in text, never in code', () => {
	const page = render('Компания "Дворецкий" и `"код"`\n\n```\n"блок"\n```');
	expect(page.querySelector('p')?.text).toContain('«Дворецкий»');
	expect(page.querySelector('p code')?.text).toBe('"код"');
	expect(page.querySelector('pre')?.text).toContain('"блок"');
});

describe('responsiveImages', () => {
	const image = (markdown: string) => {
		const { html } = markdownToHtml(markdown, {
			features: { rawHtml: true },
			hastPlugins: [responsiveImages],
		});
		const img = parse(html).querySelector('img');
		return img ? img.attributes : undefined;
	};

	test('an Unsplash image gets lazy loading, its box and a srcset of resized copies', () => {
		const attrs = image('![Гостиная](https://images.unsplash.com/photo-1?w=2070&q=80)');
		expect(attrs).toMatchObject({
			alt: 'Гостиная',
			width: '640',
			height: '427',
			loading: 'lazy',
			decoding: 'async',
			sizes: '(min-width: 672px) 640px, calc(100vw - 2rem)',
		});
		expect(attrs?.['srcset']?.split(', ')).toHaveLength(6);
		expect(attrs?.['src']).toContain('w=640');
	});

	test('another host without a size is marked unsized; with one, its size is kept', () => {
		expect(image('![a](https://example.com/a.png)')).toMatchObject({
			class: UNSIZED_IMAGE_CLASS,
			width: '640',
			height: '427',
			loading: 'lazy',
		});
		const sized = image('<img src="https://example.com/a.png" width="300" height="150" alt="">');
		expect(sized).toMatchObject({ width: '300', height: '150', loading: 'lazy' });
		expect(sized?.['class']).toBeUndefined();
	});

	test('a local image is left to Astro’s pipeline, with the options it needs', () => {
		// Without Astro's image marker after it, the options show as attributes.
		expect(image('![План](./images/plan.png)')).toMatchObject({
			src: './images/plan.png',
			width: '640',
			layout: 'constrained',
			sizes: '(min-width: 672px) 640px, calc(100vw - 2rem)',
			loading: 'lazy',
			decoding: 'async',
		});
	});
});
