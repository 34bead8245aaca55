import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { SUGGESTION_WORDS_LIMIT } from '../../src/lib/search.ts';
import { SITE } from '../../src/site.ts';
import { readPage } from '../support/html.ts';

/*
 * Reader features as they are written into dist/ by `npm run build`: heading anchors, the
 * search page and its index, scripts only where they earn their place, image loading.
 */

const articleSlugs = async (): Promise<string[]> =>
	(await readdir(join(DIST, 'blog'), { withFileTypes: true }))
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();

async function htmlFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { withFileTypes: true, recursive: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
		.map((entry) => `/${relative(DIST, join(entry.parentPath, entry.name))}`)
		.sort();
}

describe('heading anchors', () => {
	test('every h2/h3 of every article has a unique Latin id and a named anchor to it', async () => {
		let headings = 0;
		for (const slug of await articleSlugs()) {
			const page = await readPage(`/blog/${slug}/`);
			const ids = page.querySelectorAll('[id]').map((el) => el.id);
			expect(new Set(ids).size, slug).toBe(ids.length);
			for (const heading of page.querySelectorAll('.prose h2, .prose h3')) {
				headings++;
				expect(heading.id, heading.text).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
				const wrapper = heading.parentNode;
				expect(wrapper?.classList.contains('heading')).toBe(true);
				const anchor = wrapper?.querySelector('a.heading-anchor');
				expect(anchor?.getAttribute('href')).toBe(`#${heading.id}`);
				expect(anchor?.getAttribute('aria-label')).toMatch(/^Ссылка на раздел «.+»$/);
				// The anchor never leaks into the heading's own text (TOC, accessible name).
				expect(heading.querySelector('a.heading-anchor')).toBeNull();
			}
			// The table of contents links to the same ids.
			for (const link of page.querySelectorAll('.toc a')) {
				expect(ids).toContain(link.getAttribute('href')?.slice(1));
			}
		}
		expect(headings).toBeGreaterThan(5);
	});
});

describe('client scripts', () => {
	test('only /search/ and the editor have a script, a module file from /_astro/; nothing inline', async () => {
		const withScripts: Record<string, string[]> = {};
		for (const path of await htmlFiles(DIST)) {
			if (path.startsWith('/pagefind/')) continue;
			const page = await readPage(path);
			const scripts = page
				.querySelectorAll('script')
				.filter((script) => script.getAttribute('type') !== 'application/ld+json')
				.map(
					(script) =>
						`${script.getAttribute('type')} ${script.getAttribute('src')} ${script.text.trim()}`,
				);
			if (scripts.length > 0) withScripts[path] = scripts;
		}
		// The editor (/admin/) is the other page with a script: it loads the CMS bundle itself.
		expect(Object.keys(withScripts)).toEqual(['/admin/index.html', '/search/index.html']);
		for (const scripts of Object.values(withScripts)) {
			expect(scripts).toEqual([expect.stringMatching(/^module \/_astro\/[\w.-]+\.js $/)]);
		}
	});

	test('no page carries an inline style attribute or an inline event handler', async () => {
		for (const path of await htmlFiles(DIST)) {
			if (path.startsWith('/pagefind/')) continue;
			const html = await readFile(join(DIST, path), 'utf8');
			expect(html, path).not.toMatch(/\sstyle=|\son[a-z]+=/i);
		}
	});
});

describe('search', () => {
	test('the Pagefind index is built, in Russian, over the article pages only', async () => {
		const entry = JSON.parse(await readFile(join(DIST, 'pagefind/pagefind-entry.json'), 'utf8'));
		expect(Object.keys(entry.languages)).toEqual(['ru']);
		expect(entry.languages.ru.page_count).toBe((await articleSlugs()).length);
		await expect(readFile(join(DIST, 'pagefind/pagefind.js'), 'utf8')).resolves.toContain(
			'pagefind',
		);
	});

	test('articles mark their body for the index and keep chrome out of it', async () => {
		let chromeChecked = 0;
		for (const slug of await articleSlugs()) {
			const page = await readPage(`/blog/${slug}/`);
			const body = page.querySelector('[data-search-body]');
			expect(body?.querySelector('h1'), slug).toBeTruthy();
			expect(body?.querySelector('.prose'), slug).toBeTruthy();
			for (const chrome of body?.querySelectorAll('.breadcrumbs, .meta, .rating, .toc, .tags') ??
				[]) {
				chromeChecked++;
				expect(chrome.closest('[data-search-ignore]'), chrome.classNames).toBeTruthy();
			}
			expect(page.querySelector('.related')?.closest('[data-search-body]') ?? null).toBeNull();
		}
		expect(chromeChecked).toBeGreaterThanOrEqual(5);
	});

	test('without JavaScript /search/ lists the newest posts and links to all of them', async () => {
		const page = await readPage('/search/');
		const links = page.querySelectorAll('.all-posts__list a').map((a) => a.getAttribute('href'));
		const articles = (await articleSlugs()).map((slug) => `/blog/${slug}/`);
		expect(links).toHaveLength(Math.min(SITE.postsPerPage, articles.length));
		expect(articles).toEqual(expect.arrayContaining(links));
		const home = await readPage('/');
		const newest = home.querySelectorAll('.card__title a').map((a) => a.getAttribute('href'));
		expect(links).toEqual(newest.slice(0, links.length));
		expect(page.querySelectorAll('.all-posts__more a').map((a) => a.getAttribute('href'))).toEqual([
			'/',
			'/tags/',
		]);
		expect(page.querySelector('form[role="search"]')?.hasAttribute('hidden')).toBe(true);
		expect(page.querySelector('[data-search-status]')?.getAttribute('role')).toBe('status');
		expect(page.querySelector('[data-search-body]')).toBeNull();
	});
});

test('the words the search suggests are a short list of words from titles and keywords', async () => {
	const words = JSON.parse(await readFile(join(DIST, 'search-words.json'), 'utf8')) as unknown;
	expect(Array.isArray(words)).toBe(true);
	const list = words as string[];
	expect(list.length).toBeGreaterThan(5);
	expect(list.length).toBeLessThanOrEqual(SUGGESTION_WORDS_LIMIT);
	expect(list).toContain('доверие');
	for (const word of list) expect(word).toMatch(/^[\p{Ll}]{4,}$/u);
});

describe('images', () => {
	test('the article hero loads first; card images lazily; all with width and height', async () => {
		const article = await readPage(`/blog/${(await articleSlugs())[0]}/`);
		const hero = article.querySelector('img.article__hero');
		expect(hero?.getAttribute('loading')).toBe('eager');
		expect(hero?.getAttribute('fetchpriority')).toBe('high');
		const home = await readPage('/');
		const cards = home.querySelectorAll('img.card__image');
		expect(cards.length).toBeGreaterThan(0);
		for (const img of [hero!, ...cards, ...article.querySelectorAll('img.related__image')]) {
			expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
			expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
			expect(img.getAttribute('alt')).not.toBeUndefined();
			if (img !== hero) expect(img.getAttribute('loading')).toBe('lazy');
			for (const candidate of (img.getAttribute('srcset') ?? '').split(', ').filter(Boolean)) {
				expect(candidate).toMatch(/^https:\/\/images\.unsplash\.com\/\S+[?&]w=\d+\S* \d+w$/);
				expect(candidate).toMatch(/auto=format/);
				expect(candidate).toMatch(/fit=crop/);
			}
		}
	});
});
