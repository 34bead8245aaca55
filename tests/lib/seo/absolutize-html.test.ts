import { describe, expect, test } from 'vitest';
import {
	absolutizeHtml,
	absolutizeSrcset,
	absolutizeUrl,
	decodeAttribute,
	feedHtml,
	withoutPageMarkup,
	resolveImageMarkers,
} from '../../../src/lib/seo/absolutize-html.ts';

const PAGE = 'https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/';

describe('absolutizeUrl', () => {
	test.each([
		['/blog/x/', 'https://butlerspb-blog.netlify.app/blog/x/'],
		['../x/', 'https://butlerspb-blog.netlify.app/blog/x/'],
		['img.png', 'https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/img.png'],
		['#раздел', `${PAGE}#%D1%80%D0%B0%D0%B7%D0%B4%D0%B5%D0%BB`],
		['?page=2', `${PAGE}?page=2`],
		['//cdn.example.org/a.js', 'https://cdn.example.org/a.js'],
		['https://butlerspb.ru/rent', 'https://butlerspb.ru/rent'],
		['mailto:info@butlerspb.ru', 'mailto:info@butlerspb.ru'],
		['tel:+78120000000', 'tel:+78120000000'],
		['data:image/png;base64,AAAA', 'data:image/png;base64,AAAA'],
		['', ''],
	])('%j → %j', (url, expected) => expect(absolutizeUrl(url, PAGE)).toBe(expected));
});

describe('absolutizeSrcset', () => {
	test.each([
		['a.jpg', `${PAGE}a.jpg`],
		[
			'/a.jpg 1x, /b.jpg 2x',
			'https://butlerspb-blog.netlify.app/a.jpg 1x, https://butlerspb-blog.netlify.app/b.jpg 2x',
		],
		[
			'/a.jpg 320w,/b.jpg 640w',
			'https://butlerspb-blog.netlify.app/a.jpg 320w, https://butlerspb-blog.netlify.app/b.jpg 640w',
		],
		['/a,b.jpg 1x', 'https://butlerspb-blog.netlify.app/a,b.jpg 1x'],
		['https://images.unsplash.com/p?w=320 320w', 'https://images.unsplash.com/p?w=320 320w'],
	])('%j → %j', (srcset, expected) => expect(absolutizeSrcset(srcset, PAGE)).toBe(expected));
});

describe('absolutizeHtml', () => {
	test.each([
		['<a href="/blog/x/">x</a>', '<a href="https://butlerspb-blog.netlify.app/blog/x/">x</a>'],
		["<a href='#faq'>x</a>", `<a href="${PAGE}#faq">x</a>`],
		['<a href=/blog/x/>x</a>', '<a href="https://butlerspb-blog.netlify.app/blog/x/">x</a>'],
		[
			'<img src="/_astro/a.webp" alt="">',
			'<img src="https://butlerspb-blog.netlify.app/_astro/a.webp" alt="">',
		],
		[
			'<img srcset="/a.webp 1x, /b.webp 2x">',
			'<img srcset="https://butlerspb-blog.netlify.app/a.webp 1x, https://butlerspb-blog.netlify.app/b.webp 2x">',
		],
		['<SOURCE SRCSET="/a.avif">', '<SOURCE SRCSET="https://butlerspb-blog.netlify.app/a.avif">'],
		[
			'<video poster="/p.jpg"></video>',
			'<video poster="https://butlerspb-blog.netlify.app/p.jpg"></video>',
		],
		[
			'<blockquote cite="/src/">q</blockquote>',
			'<blockquote cite="https://butlerspb-blog.netlify.app/src/">q</blockquote>',
		],
		['<img src="/a.png"/>', '<img src="https://butlerspb-blog.netlify.app/a.png"/>'],
	])('%s', (html, expected) => expect(absolutizeHtml(html, PAGE)).toBe(expected));

	test('absolute links, other attributes and text are left exactly as they are', () => {
		const html =
			'<p data-href="/x" title="href=/y > z">Ссылка href="/z" и &lt;a href="/w"&gt;</p><a href="https://butlerspb.ru/?a=1&amp;b=2" rel="noopener">b</a>';
		expect(absolutizeHtml(html, PAGE)).toBe(html);
	});

	test('character references are decoded before resolving and re-escaped after', () => {
		expect(absolutizeHtml('<a href="/q?a=1&amp;b=&#39;x&#39;">q</a>', PAGE)).toBe(
			'<a href="https://butlerspb-blog.netlify.app/q?a=1&amp;b=%27x%27">q</a>',
		);
	});

	test('every URL of a rendered article becomes absolute', () => {
		const html = `<h2 id="a">A</h2><p><a href="/blog/x/">x</a> <a href="#a">a</a> <a href="../y/">y</a></p>
<figure><img src="/_astro/i.webp" srcset="/_astro/i-320.webp 320w, /_astro/i-640.webp 640w" alt="i"></figure>`;
		const out = absolutizeHtml(html, PAGE);
		const urls = [...out.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
		const srcset = [...out.matchAll(/\ssrcset="([^"]*)"/g)].flatMap((m) =>
			(m[1] ?? '').split(', ').map((candidate) => candidate.split(' ')[0]),
		);
		expect(urls.length + srcset.length).toBe(6);
		for (const url of [...urls, ...srcset])
			expect(url).toMatch(/^https:\/\/butlerspb-blog\.netlify\.app\//);
	});
});

describe('decodeAttribute', () => {
	test.each([
		['a&amp;b', 'a&b'],
		['&quot;&#39;&#x27;&lt;&gt;', `"''<>`],
		['&unknown;', '&unknown;'],
	])('%j → %j', (value, expected) => expect(decodeAttribute(value)).toBe(expected));
});

describe('resolveImageMarkers', () => {
	const marker = (props: object) =>
		`<img __ASTRO_IMAGE_="${JSON.stringify(props).replace(/&/g, '&amp;').replace(/"/g, '&#x22;')}">`;

	test('a remote image becomes a plain <img> with its URL and alt', () => {
		expect(
			resolveImageMarkers(
				`<p>${marker({ src: 'https://images.unsplash.com/p?a=1&b=2', alt: 'Вид "на" Неву', index: 0 })}</p>`,
			),
		).toBe(
			'<p><img src="https://images.unsplash.com/p?a=1&amp;b=2" alt="Вид &quot;на&quot; Неву"></p>',
		);
	});

	test('a local image is dropped: its built file is not known before rendering', () => {
		expect(
			resolveImageMarkers(`<p>a${marker({ src: './images/a.jpg', alt: 'a', index: 0 })}b</p>`),
		).toBe('<p>ab</p>');
	});

	test('feedHtml resolves markers and absolutizes in one go', () => {
		expect(
			feedHtml(`<a href="/x/">${marker({ src: 'https://e.org/a.png', alt: '' })}</a>`, PAGE),
		).toBe(
			'<a href="https://butlerspb-blog.netlify.app/x/"><img src="https://e.org/a.png" alt=""></a>',
		);
	});
});

describe('withoutPageMarkup', () => {
	test('drops heading anchors and their wrappers, keeps the headings', () => {
		const html =
			'<div class="heading heading--h2"><h2 id="a">Цены &gt; 5</h2><a class="heading-anchor" href="#a" aria-label="Ссылка на раздел «Цены > 5»" data-search-ignore=""><span aria-hidden="true">#</span></a></div>\n<p>Текст <a href="#a">ссылка</a></p>';
		expect(withoutPageMarkup(html)).toBe(
			'<h2 id="a">Цены &gt; 5</h2>\n<p>Текст <a href="#a">ссылка</a></p>',
		);
	});

	test('drops data-search-* attributes and keeps the others', () => {
		expect(
			withoutPageMarkup('<div class="x" data-search-ignore data-search-meta="a:b" id="y">z</div>'),
		).toBe('<div class="x" id="y">z</div>');
	});

	test('feedHtml does it too', () => {
		expect(feedHtml('<p data-search-body>x</p>', PAGE)).toBe('<p>x</p>');
	});
});
