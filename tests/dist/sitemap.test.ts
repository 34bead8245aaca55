import { XMLParser } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { metaContent, readPage } from '../support/html.ts';
import { htmlPages, readPublishedPosts, type SourcePost } from '../support/posts.ts';
import { buildTags } from '../../src/lib/site/tags.ts';
import { tagPath } from '../../src/lib/site/urls.ts';
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

	test('every URL carries a valid lastmod, in W3C date-time form', () => {
		expect(urls.length).toBeGreaterThan(posts.length);
		for (const url of urls) {
			// A URL without lastmod fails naming the URL, not with a TypeError about undefined.
			const lastmod = url.lastmod ?? `(no lastmod)`;
			expect(lastmod, url.loc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
			expect(Number.isNaN(new Date(lastmod).getTime()), url.loc).toBe(false);
		}
	});

	test('home, search, the tags index and each tag page: the newest date among their posts', () => {
		const modified = (post: SourcePost) => (post.data.updatedDate ?? post.data.pubDate).getTime();
		const newest = (shown: SourcePost[]) => Math.max(...shown.map(modified));
		const lastmodOf = (path: string) => {
			const entry = urls.find((url) => url.loc === `${SITE.url}${path}`);
			expect(entry, path).toBeDefined();
			return new Date(entry!.lastmod!).getTime();
		};
		expect(lastmodOf('/')).toBe(newest(posts.slice(0, SITE.postsPerPage)));
		expect(lastmodOf('/')).toBeGreaterThanOrEqual(modified(posts[0]!));
		expect(lastmodOf('/search/')).toBe(newest(posts));
		expect(lastmodOf('/tags/')).toBe(newest(posts.filter((post) => post.keywords.length > 0)));
		for (const tag of buildTags(posts)) {
			expect(lastmodOf(tagPath(tag.slug))).toBe(newest(tag.posts.slice(0, SITE.postsPerPage)));
		}
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
