import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { DIST } from '../support/build.ts';
import { listDistFiles } from '../support/dist.ts';
import { metaContent, readPage } from '../support/html.ts';

/*
 * Netlify answers every path that has no file with dist/404.html and status 404. The same page
 * is served at any depth (/a/b/c), so it must use no relative URLs.
 */
let page: HTMLElement;
beforeAll(async () => {
	page = await readPage('/404.html');
});

test('dist/404.html exists and says the page was not found', () => {
	expect(page.querySelector('h1')?.text).toBe('Страница не найдена');
	expect(page.querySelector('html')?.getAttribute('lang')).toBe('ru');
});

test('is kept out of search engines', () => {
	expect(metaContent(page, 'robots')).toMatch(/\bnoindex\b/);
});

test('links home', () => {
	expect(page.querySelectorAll('main a[href="/"]').length).toBeGreaterThan(0);
});

test('uses only root-relative or absolute URLs, since it is served at any path', () => {
	const urls = page
		.querySelectorAll('[href], [src]')
		.map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '');
	expect(urls.length).toBeGreaterThan(0);
	expect(urls.filter((url) => !/^(?:\/|#|[a-z][a-z\d+.-]*:)/i.test(url))).toEqual([]);
});

test('is not listed in any sitemap', async () => {
	const sitemaps = (await listDistFiles()).filter((file) => /^sitemap.*\.xml$/.test(file));
	expect(sitemaps.length).toBeGreaterThan(0);
	for (const file of sitemaps) {
		expect(await readFile(join(DIST, file), 'utf8'), file).not.toMatch(/\/404\b/);
	}
});
