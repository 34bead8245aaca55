import { XMLParser } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { metaContent, readPage } from '../support/html.ts';
import { htmlPages, readPublishedPosts, type SourcePost } from '../support/posts.ts';
import { SITE } from '../../src/site.ts';

const parser = new XMLParser({ isArray: (name) => name === 'sitemap' || name === 'url' });
const readXml = async (path: string) => parser.parse(await readFile(join(DIST, path), 'utf8'));

let posts: SourcePost[];
let urls: { loc: string; lastmod?: string }[];
beforeAll(async () => {
	posts = await readPublishedPosts();
	const index = await readXml('sitemap-index.xml');
	const files: string[] = index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
	expect(files.length).toBeGreaterThan(0);
	urls = [];
	for (const file of files) {
		expect(file.startsWith(`${SITE.url}/`)).toBe(true);
		urls.push(...(await readXml(new URL(file).pathname)).urlset.url);
	}
});

describe('sitemap', () => {
	test('lists every published article with lastmod = updatedDate ?? pubDate', () => {
		for (const post of posts) {
			const entry = urls.find((url) => url.loc === `${SITE.url}/blog/${post.slug}/`);
			expect(entry, post.slug).toBeDefined();
			expect(new Date(entry!.lastmod!).getTime()).toBe(
				(post.data.updatedDate ?? post.data.pubDate).getTime(),
			);
		}
	});

	test('lists only built, indexable pages, and every one of them, without the 404', async () => {
		const locs = urls.map((url) => url.loc);
		expect(new Set(locs).size).toBe(locs.length);
		for (const loc of locs) {
			const path = new URL(loc).pathname;
			expect(loc.startsWith(`${SITE.url}/`), loc).toBe(true);
			expect(existsSync(join(DIST, path, 'index.html')), loc).toBe(true);
			expect(metaContent(await readPage(path), 'robots'), loc).toBeUndefined();
		}
		const indexable: string[] = [];
		for (const path of await htmlPages(DIST)) {
			const robots = metaContent(await readPage(path), 'robots') ?? '';
			if (!robots.includes('noindex')) indexable.push(path);
		}
		expect(indexable).not.toContain('/404.html');
		expect([...locs].map((loc) => new URL(loc).pathname).sort()).toEqual(indexable);
		expect(locs.some((loc) => loc.includes('/404'))).toBe(false);
	});

	test('only article URLs carry lastmod', () => {
		const articles = new Set(posts.map((post) => `${SITE.url}/blog/${post.slug}/`));
		for (const url of urls) expect(url.lastmod !== undefined, url.loc).toBe(articles.has(url.loc));
	});
});

test('robots.txt allows everything and names the sitemap index', async () => {
	const robots = await readFile(join(DIST, 'robots.txt'), 'utf8');
	expect(robots).toMatch(/^User-agent: \*$/m);
	expect(robots).toMatch(/^Allow: \/$/m);
	expect(robots).not.toMatch(/^Disallow:/m);
	expect(robots).toMatch(/^Sitemap: https:\/\/butlerspb-blog\.netlify\.app\/sitemap-index\.xml$/m);
	expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(true);
});
