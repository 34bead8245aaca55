import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { SUGGESTION_WORDS_LIMIT } from '../../src/lib/search/search.ts';
import { SITE } from '../../src/site.ts';
import { readPage } from '../support/html.ts';
import { readSearchIndex, searchUrls } from '../support/search-index.ts';

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
			const html = await readFile(join(DIST, path), 'utf8');
			expect(html, path).not.toMatch(/\sstyle=|\son[a-z]+=/i);
		}
	});
});

describe('search', () => {
	test('the search index holds every article once, newest first, and nothing else', async () => {
		const index = await readSearchIndex(DIST);
		const urls = index.docs.map((doc) => doc.url);
		expect(urls.slice().sort()).toEqual((await articleSlugs()).map((slug) => `/blog/${slug}/`));
		expect(new Set(urls).size).toBe(urls.length);
		const dates = index.docs.map((doc) => doc.date);
		expect(dates.every((date) => date !== '')).toBe(true);
		expect(dates).toEqual(dates.slice().sort().reverse());
		for (const doc of index.docs) {
			const page = await readPage(doc.url);
			expect(doc.title, doc.url).toBe(
				page
					.querySelector('h1')
					?.text.replace(/[ \t\n\r\f]+/g, ' ')
					.trim(),
			);
			expect(doc.text.length, doc.url).toBeGreaterThan(50);
		}
	});

	test('the index files: one manifest, chunks named by content, every stem in one chunk', async () => {
		const index = await readSearchIndex(DIST);
		expect(index.manifest.docs).toMatch(/^d-[\w-]{12}$/);
		expect(index.manifest.chunks.length).toBeGreaterThan(0);
		const files = await readdir(join(index.dir, 't'));
		expect(files.map((name) => `t/${name}`).sort()).toEqual(
			index.manifest.chunks.map(([, file]) => file).sort(),
		);
		const seen = new Set<string>();
		let previous = '';
		for (const [first, file] of index.manifest.chunks) {
			expect(first > previous || previous === '', file).toBe(true);
			previous = first;
			const json = await readFile(join(index.dir, file), 'utf8');
			expect(file).toBe(
				`t/${createHash('sha256').update(json).digest('base64url').slice(0, 16)}.json`,
			);
			const stems = Object.keys(JSON.parse(json) as Record<string, number[]>);
			expect(stems[0], file).toBe(first);
			for (const stem of stems) {
				expect(seen.has(stem), stem).toBe(false);
				seen.add(stem);
			}
		}
		// Each article is found by the longest word of its title.
		for (const doc of index.docs) {
			const word = doc.title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0];
			expect((await searchUrls(index, word ?? '')).urls, `${doc.url}: «${word}»`).toContain(
				doc.url,
			);
		}
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
