import { XMLParser } from 'fast-xml-parser';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { jsonLdBlocks, readPage } from '../support/html.ts';
import { htmlPages } from '../support/posts.ts';
import { SITE } from '../../src/site.ts';

/*
 * Every URL the site hands to search engines and feed readers is absolute https on the
 * production origin. Images alone may live on another host (Unsplash), and the organisation
 * names its own website.
 */

const ORIGIN = new URL(SITE.url).origin;
const ELSEWHERE = new Set<string>([SITE.organization.url]);

/** Checks one metadata URL; a URL on the site must point at a file that was built. */
function checkUrl(url: unknown, where: string, image = false): void {
	expect(typeof url, where).toBe('string');
	const parsed = new URL(url as string);
	expect(parsed.protocol, `${where}: ${url}`).toBe('https:');
	if (!image && !ELSEWHERE.has(parsed.href)) expect(parsed.origin, `${where}: ${url}`).toBe(ORIGIN);
	if (parsed.origin !== ORIGIN) return;
	const path = decodeURIComponent(parsed.pathname);
	const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
	expect(existsSync(file), `${where}: ${url} is not in dist/`).toBe(true);
}

/** Keys of JSON-LD whose string values are URLs, and whether they name an image. */
const JSON_LD_URL_KEYS: Record<string, boolean> = {
	'@id': false,
	url: false,
	item: false,
	mainEntityOfPage: false,
	image: true,
	logo: true,
};

/** Walks a JSON-LD value and checks every URL in it (`image` ancestry allows other hosts). */
function checkJsonLd(value: unknown, where: string, image = false): number {
	if (Array.isArray(value)) {
		return value.reduce<number>((n, item) => n + checkJsonLd(item, where, image), 0);
	}
	if (value === null || typeof value !== 'object') return 0;
	let count = 0;
	for (const [key, child] of Object.entries(value)) {
		if (key === '@context') continue;
		const isImage = image || JSON_LD_URL_KEYS[key] === true;
		if (typeof child === 'string' && key in JSON_LD_URL_KEYS) {
			// @id may carry a fragment (#article); the page it names must exist.
			checkUrl(child.replace(/#.*$/, ''), `${where} ${key}`, isImage);
			count++;
		} else count += checkJsonLd(child, where, isImage);
	}
	return count;
}

test('head URLs and JSON-LD URLs of every page are absolute https on the site', async () => {
	for (const path of await htmlPages(DIST)) {
		const page = await readPage(path);
		const where = path;
		for (const rel of ['canonical', 'alternate', 'prev', 'next', 'sitemap']) {
			for (const link of page.querySelectorAll(`head link[rel="${rel}"]`)) {
				checkUrl(link.getAttribute('href'), `${where} link[rel=${rel}]`);
			}
		}
		// The 404 and the editor are noindex pages, with no canonical URL.
		if (path !== '/404.html' && path !== '/admin/') {
			const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
			expect(canonical, where).toBe(`${SITE.url}${path}`);
		}
		for (const meta of page.querySelectorAll(
			'head meta[property^="og:"], head meta[name^="twitter:"]',
		)) {
			const key = meta.getAttribute('property') ?? meta.getAttribute('name') ?? '';
			if (!/(?:url|image)$/.test(key)) continue;
			checkUrl(meta.getAttribute('content'), `${where} ${key}`, key.endsWith('image'));
		}
		for (const block of jsonLdBlocks(page)) checkJsonLd(block, where);
	}
});

test('the JSON-LD URL walk finds the URLs of an article', async () => {
	const [graph] = jsonLdBlocks(await readPage('/blog/servisnyy-podhod/'));
	expect(checkJsonLd(graph, 'servisnyy-podhod')).toBeGreaterThan(10);
});

test('RSS links, guids, images and sitemap locs are absolute https on the site', async () => {
	const lists = new Set(['item', 'url', 'sitemap']);
	// <image><url> of the RSS channel is one element; <url> of a sitemap is a list.
	const parser = new XMLParser({
		ignoreAttributes: false,
		isArray: (name, path) => lists.has(name) && String(path) !== 'rss.channel.image.url',
	});
	const { channel } = parser.parse(await readFile(join(DIST, 'rss.xml'), 'utf8')).rss;
	checkUrl(channel.link, 'rss channel link');
	checkUrl(channel['atom:link']['@_href'], 'rss atom:link');
	checkUrl(channel.image.url, 'rss image', true);
	checkUrl(channel.image.link, 'rss image link');
	for (const item of channel.item) {
		checkUrl(item.link, 'rss item link');
		checkUrl(item.guid['#text'], 'rss item guid');
		if (item['media:content']) checkUrl(item['media:content']['@_url'], 'rss media', true);
	}
	const index = parser.parse(await readFile(join(DIST, 'sitemap-index.xml'), 'utf8'));
	for (const { loc } of index.sitemapindex.sitemap) {
		checkUrl(loc, 'sitemap index');
		const sitemap = parser.parse(await readFile(join(DIST, new URL(loc).pathname), 'utf8'));
		for (const url of sitemap.urlset.url) checkUrl(url.loc, 'sitemap loc');
	}
});

test('the icons and images the metadata names are built', () => {
	for (const file of ['favicon.ico', 'favicon.svg', 'logo.png', 'og-default.png']) {
		expect(existsSync(join(DIST, file)), file).toBe(true);
	}
});
