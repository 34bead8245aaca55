import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, DIST } from '../support/build.ts';
import { metaContent, readPage } from '../support/html.ts';

const text = (element: HTMLElement | null | undefined): string =>
	(element?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every built HTML file under a dist folder. */
const htmlFiles = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => join(dir, name));

/** Whether an internal path has a built page. */
const pageExists = (dist: string, path: string): boolean =>
	existsSync(join(dist, path.split('#')[0] ?? '', 'index.html'));

const ARTICLES = [
	{
		slug: 'servisnyy-podhod',
		title: 'Сервисный подход: философия успеха ButlerSPB',
		headline:
			'Сервисный подход: как мы в ButlerSPB научились предвосхищать желания, а не просто выполнять задачи',
		// 2025-07-25T21:00:32Z is already 26 July in Moscow.
		date: '26 июля 2025',
		datetime: '2025-07-26T00:00:32+03:00',
		rating: 'Оценка 4,8 из 5 · 666 отзывов',
		missingRelated: [
			'mebel-dolgovechnaya',
			'chat-podderzhka',
			'kak-my-rabotaem-s-zhalobami-na-kachestvo-uborki',
		],
	},
	{
		slug: 'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii',
		title: 'Доверие без границ: как ButlerSPB строит прочные отношения на расстоянии',
		headline:
			'Доверие без границ: Как ButlerSPB выстраивает абсолютно надежные отношения с клиентами на расстоянии',
		date: '22 июля 2025',
		datetime: '2025-07-22T14:31:14+03:00',
		rating: 'Оценка 4,9 из 5 · 791 отзыв',
		missingRelated: [
			'poisk-proverennyh-masterov-dlya-remonta',
			'kak-butlerspb-pomogaet-investoram-v-nedvizhimost',
			'doveritelnoe-upravlenie-kvartiroy-dlya-posutochnoy-sdachi-v-peterburge',
		],
	},
];

describe.each(ARTICLES)('/blog/$slug/', (article) => {
	let page: HTMLElement;
	beforeAll(async () => {
		page = await readPage(`/blog/${article.slug}/`);
	});

	test('is built', () => {
		expect(existsSync(join(DIST, 'blog', article.slug, 'index.html'))).toBe(true);
	});

	test('has the SEO title in <title>, the headline as its only h1, lang="ru"', () => {
		expect(text(page.querySelector('title'))).toBe(`${article.title} — Блог ButlerSPB`);
		expect(page.querySelectorAll('h1').map(text)).toEqual([article.headline]);
		expect(page.querySelector('html')?.getAttribute('lang')).toBe('ru');
		expect(metaContent(page, 'description')?.length).toBeGreaterThan(50);
	});

	test('shows the date in Russian, in Moscow time, with a machine-readable datetime', () => {
		const time = page.querySelector('.article__header time');
		expect(text(time)).toBe(article.date);
		expect(time?.getAttribute('datetime')).toBe(article.datetime);
	});

	test('shows the author, the description and the rating the markup declares', () => {
		const header = text(page.querySelector('.article__header')).replace(/\u00a0/g, ' ');
		expect(header).toContain('Эксперт ButlerSPB');
		expect(header).toContain(article.rating);
		expect(text(page.querySelector('.article__lead')).length).toBeGreaterThan(50);
	});

	test('has a hero image with width and height', () => {
		const hero = page.querySelector('img.article__hero');
		expect(hero?.getAttribute('src')).toMatch(/^https:\/\/images\.unsplash\.com\//);
		expect(Number(hero?.getAttribute('width'))).toBeGreaterThan(0);
		expect(Number(hero?.getAttribute('height'))).toBeGreaterThan(0);
	});

	test('renders the body, with the raw HTML link as a real link', () => {
		const body = page.querySelector('.prose');
		expect(body?.querySelectorAll('h2').length).toBeGreaterThan(3);
		expect(body?.querySelector('h1')).toBeNull();
		const raw = body?.querySelectorAll('a[target="_blank"]') ?? [];
		expect(raw.length).toBeGreaterThan(0);
		for (const link of raw) {
			expect(link.getAttribute('href')).toMatch(/^https:\/\/butlerspb\.ru/);
			expect(link.getAttribute('rel')?.split(' ')).toEqual(
				expect.arrayContaining(['nofollow', 'noopener']),
			);
		}
		expect(text(body)).not.toContain('<a href');
	});

	test('ends with «Читайте также» linking only to posts that exist', () => {
		const related = page.querySelector('.related');
		expect(text(related?.querySelector('h2'))).toBe('Читайте также');
		const hrefs = related?.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '') ?? [];
		expect(hrefs.length).toBeGreaterThan(0);
		for (const href of hrefs) expect(pageExists(DIST, href), href).toBe(true);
		expect(hrefs).not.toContain(`/blog/${article.slug}/`);
	});

	test('never links to the related posts that do not exist', () => {
		const hrefs = page.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
		for (const slug of article.missingRelated) {
			expect(hrefs.some((href) => href.includes(slug))).toBe(false);
		}
	});
});

test('the home page lists the posts newest first', async () => {
	const home = await readPage('/');
	const links = home.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'));
	expect(links).toEqual(ARTICLES.map((a) => `/blog/${a.slug}/`));
	expect(home.querySelectorAll('h1')).toHaveLength(1);
});

test('there is a 404 page', async () => {
	const page = await readPage('/404.html');
	expect(text(page.querySelector('h1'))).toBe('Страница не найдена');
});

test('every page has exactly one h1, a <title> and lang="ru"', async () => {
	const files = htmlFiles(DIST);
	expect(files.length).toBeGreaterThan(3);
	for (const file of files) {
		const page = await readPage(file.slice(DIST.length), DIST);
		// The editor's page is an empty shell the CMS fills in the browser.
		const h1s = file.endsWith('/admin/index.html') ? 0 : 1;
		expect(page.querySelectorAll('h1'), file).toHaveLength(h1s);
		expect(text(page.querySelector('title')), file).not.toBe('');
		expect(page.querySelector('html')?.getAttribute('lang'), file).toBe('ru');
	}
});

describe('a related slug with no post behind it', () => {
	let build: Awaited<ReturnType<typeof buildFixtureSite>>;
	beforeAll(async () => {
		build = await buildFixtureSite('tests/fixtures/related-blog');
	}, 120_000);

	test('makes the build print a warning naming the post and the slug', () => {
		const output = build.stdout + build.stderr;
		expect(output).toMatch(/pervaya-statya\.md.*netu-takoy-stati/);
	});

	test('an inline style in raw HTML is dropped from the page, with a warning', async () => {
		const page = await readPage('/blog/vtoraya-statya/', build.outDir);
		expect(text(page.querySelector('.prose p.note'))).toBe('Заметка со встроенным стилем.');
		expect(page.querySelectorAll('[style]')).toHaveLength(0);
		expect(build.stdout + build.stderr).toMatch(
			/vtoraya-statya\.md:\d+: в HTML текста атрибут style=/,
		);
	});

	test('an .mdx post renders too, with its expressions evaluated', async () => {
		const page = await readPage('/blog/tretya-statya/', build.outDir);
		expect(text(page.querySelector('h1'))).toBe('Третья статья в MDX');
		expect(text(page.querySelector('.prose'))).toContain('в 2025 году');
	});

	test.each(['vtoraya-statya', 'tretya-statya'])(
		'a code block in %s is plain, escaped text with no style attribute (CSP style-src)',
		async (slug) => {
			const page = await readPage(`/blog/${slug}/`, build.outDir);
			const pre = page.querySelector('.prose pre');
			// node-html-parser keeps the content of <pre> as raw HTML: the code must be escaped in it.
			expect(pre?.innerHTML).toContain('&lt;b&gt;не тег&lt;/b&gt;');
			expect(page.querySelectorAll('[style]').map((element) => element.tagName)).toEqual([]);
			expect(pre?.toString()).not.toMatch(/style=/);
		},
	);

	test('an .mdx post is in the feed with its full text', async () => {
		const feed = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
		expect(feed).toContain('https://butlerspb-blog.netlify.app/blog/tretya-statya/');
		expect(feed).toContain('в 2025 году');
	});

	test('is never rendered as a link, while the existing one is', async () => {
		const page = await readPage('/blog/pervaya-statya/', build.outDir);
		const hrefs = page.querySelectorAll('.related a').map((a) => a.getAttribute('href'));
		// The explicit related post comes first; the rest of the block is filled by keywords/recency.
		expect(hrefs).toEqual(['/blog/vtoraya-statya/', '/blog/tretya-statya/']);
		expect(page.toString()).not.toContain('netu-takoy-stati');
	});
});
