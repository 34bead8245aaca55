import { markdownToHtml } from 'satteri';
import { describe, expect, test } from 'vitest';
import { parse } from 'node-html-parser';
import {
	UNSIZED_IMAGE_CLASS,
	responsiveImages,
	russianTypography,
	safeLinks,
	stripBlockedMarkup,
} from '../../../src/markdown/plugins.ts';
import { markdownProcessor, SYNTAX_HIGHLIGHT } from '../../../src/markdown/processor.ts';

/** Renders Markdown with the site's whole processor, as pages are rendered. */
async function renderAll(markdown: string) {
	const renderer = await markdownProcessor.createRenderer({
		image: {},
		syntaxHighlight: SYNTAX_HIGHLIGHT,
	});
	const { code, metadata } = await renderer.render(markdown);
	return { page: parse(code), headings: metadata.headings };
}

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
	['a link to a post file', '[x](servisnyy-podhod.md)', '/blog/servisnyy-podhod/', undefined],
	['a link to ./post.md#section', '[x](./a-b.md#razdel)', '/blog/a-b/#razdel', undefined],
	['a link to ../blog/post.md', '[x](../blog/a-b.md)', '/blog/a-b/', undefined],
	['a raw HTML link to a post file', '<a href="a-b.mdx">x</a>', '/blog/a-b/', undefined],
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

test('GFM column alignment becomes classes, never a style attribute', () => {
	const page = render(
		'| Услуга | Цена | Срок |\n| :--- | ---: | :---: |\n| Уборка | 3 500 | 1 день |',
	);
	expect(page.querySelectorAll('[style]')).toHaveLength(0);
	expect(page.querySelectorAll('th').map((th) => th.getAttribute('class'))).toEqual([
		'align-left',
		'align-right',
		'align-center',
	]);
	expect(page.querySelectorAll('td').map((td) => td.getAttribute('class'))).toEqual([
		'align-left',
		'align-right',
		'align-center',
	]);
});

test('external links whose text is not their URL are marked to print it', () => {
	const page = render('[прайс](https://example.com/p) и <https://example.org/x>, [наш](/blog/a/)');
	expect(page.querySelectorAll('a').map((a) => a.getAttribute('class'))).toEqual([
		'print-url',
		undefined,
		undefined,
	]);
});

test('a table is a focusable region named by its caption or the heading before it', async () => {
	const { page } = await renderAll(
		'## Стоимость услуг\n\nТекст.\n\n| a | b |\n| - | -: |\n| 1 | 2 |\n\n' +
			'<table><caption>Сроки</caption><tr><td>x</td></tr></table>',
	);
	const regions = page.querySelectorAll('div.table-scroll');
	expect(
		regions.map((region) => ({
			role: region.getAttribute('role'),
			tabindex: region.getAttribute('tabindex'),
			label: region.getAttribute('aria-label'),
			table: region.firstChild?.rawTagName,
		})),
	).toEqual([
		{ role: 'region', tabindex: '0', label: 'Стоимость услуг', table: 'table' },
		{ role: 'region', tabindex: '0', label: 'Сроки', table: 'table' },
	]);
});

test('a body # H1 renders as an h2, with an anchor and in the headings', async () => {
	const { page, headings } = await renderAll('# Старый заголовок\n\nТекст.\n\n## Раздел');
	expect(page.querySelectorAll('h1')).toHaveLength(0);
	expect(page.querySelectorAll('h2').map((h) => h.text)).toEqual(['Старый заголовок', 'Раздел']);
	expect(page.querySelectorAll('.heading-anchor')).toHaveLength(2);
	expect(headings.map((h) => [h.depth, h.text])).toEqual([
		[2, 'Старый заголовок'],
		[2, 'Раздел'],
	]);
});

test('a body «Читайте также» section is left out, with its list and the rule before it', async () => {
	const { page, headings } = await renderAll(
		'Текст.\n\n## Раздел\n\nЕщё.\n\n---\n\n## Читайте также:\n\n- [A](/blog/a/)\n- [B](/blog/b/)\n\nПодпись.\n\n## После\n\nКонец.',
	);
	expect(page.text).not.toMatch(/Читайте|Подпись/);
	expect(page.querySelectorAll('hr, ul, a[href^="/blog/"]')).toHaveLength(0);
	expect(headings.map((h) => h.text)).toEqual(['Раздел', 'После']);
	expect(page.querySelectorAll('p').map((p) => p.text)).toEqual(['Текст.', 'Ещё.', 'Конец.']);
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
