import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { fileOfUrlPath, isCanonicalPath } from '../../src/lib/text/trailing-slash.ts';
import { SITE } from '../../src/site.ts';
import { DIST } from '../support/build.ts';
import { listDistFiles, readBuiltPages, type BuiltPage } from '../support/dist.ts';
import { metaContent } from '../support/html.ts';

/*
 * The built site's internal links: every URL the site writes for itself has the canonical shape
 * (a page ends in `/`, a file has an extension) and points at a file that exists in dist/.
 * A broken internal link fails the build's tests.
 */

/**
 * Routes that other work adds (the search page, the RSS feed). Links to them are expected before
 * they exist; once a route is built, links to it are checked like any other.
 */
const ORIGIN = new URL(SITE.url).origin;

/** One URL the site writes for itself, and where. */
interface Reference {
	/** Page (or feed) that contains it. */
	from: string;
	/** Element and attribute, e.g. `a[href]`. */
	where: string;
	url: string;
	/** Decoded path on the site. */
	path: string;
	/** Decoded fragment without `#`, or ''. */
	hash: string;
}

/** The reference if `url` stays on the site, else `undefined`. */
function toReference(from: string, where: string, url: string): Reference | undefined {
	const resolved = new URL(url, `${ORIGIN}${from}`);
	if (resolved.origin !== ORIGIN) return undefined;
	return {
		from,
		where,
		url,
		path: decodeURIComponent(resolved.pathname),
		hash: decodeURIComponent(resolved.hash.slice(1)),
	};
}

const ATTRIBUTES = [
	['a', 'href'],
	['link', 'href'],
	['script', 'src'],
	['img', 'src'],
	['source', 'src'],
] as const;

/** Every site-internal URL in a page's elements and in its Open Graph URL. */
function pageReferences(page: BuiltPage): Reference[] {
	const found: (Reference | undefined)[] = [];
	for (const [tag, attribute] of ATTRIBUTES) {
		for (const element of page.html.querySelectorAll(`${tag}[${attribute}]`)) {
			const value = element.getAttribute(attribute)!;
			found.push(toReference(page.path, `${tag}[${attribute}]`, value));
		}
	}
	for (const element of page.html.querySelectorAll('img[srcset], source[srcset]')) {
		for (const candidate of element.getAttribute('srcset')!.split(',')) {
			const url = candidate.trim().split(/\s+/)[0];
			if (url) found.push(toReference(page.path, `${element.tagName.toLowerCase()}[srcset]`, url));
		}
	}
	const ogUrl = metaContent(page.html, 'og:url');
	if (ogUrl) found.push(toReference(page.path, 'meta[og:url]', ogUrl));
	return found.filter((reference) => reference !== undefined);
}

const isNoindex = (page: BuiltPage): boolean =>
	/\bnoindex\b/.test(metaContent(page.html, 'robots') ?? '');

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] =>
	value === undefined ? [] : Array.isArray(value) ? value : [value];
const textOf = (value: unknown): string =>
	typeof value === 'object' && value !== null
		? String((value as { '#text': unknown })['#text'])
		: String(value);

let files: Set<string>;
let pages: BuiltPage[];
let references: Reference[];

beforeAll(async () => {
	files = new Set(await listDistFiles());
	pages = await readBuiltPages();
	references = pages.flatMap(pageReferences);
});

const exists = (path: string): boolean => files.has(fileOfUrlPath(path));
const describeReference = ({ from, where, url }: Reference): string => `${from} ${where} ${url}`;

describe('internal links in pages', () => {
	test('the site has pages and links to check', () => {
		expect(pages.length).toBeGreaterThan(3);
		expect(references.filter((reference) => reference.where === 'a[href]').length).toBeGreaterThan(
			pages.length,
		);
	});

	test('every internal URL ends with / or names a file', () => {
		const bad = references.filter((reference) => !isCanonicalPath(reference.path));
		expect(bad.map(describeReference)).toEqual([]);
	});

	test('every internal URL points to a file that exists in dist/', () => {
		const broken = references.filter((reference) => !exists(reference.path));
		expect(broken.map(describeReference)).toEqual([]);
	});

	test.each(['/search/', '/rss.xml'])('pages link to %s, and it is built', (path) => {
		expect(exists(path)).toBe(true);
		expect(references.some((reference) => reference.path === path)).toBe(true);
	});

	test('every #fragment link on a page points to an element of that page', () => {
		const missing = references.filter((reference) => {
			if (!reference.hash || reference.where !== 'a[href]') return false;
			const target = pages.find((page) => page.path === reference.path);
			return target !== undefined && !target.html.getElementById(reference.hash);
		});
		expect(missing.map(describeReference)).toEqual([]);
	});
});

describe('canonical URLs', () => {
	test('every indexable page has one canonical: absolute, with a trailing slash', () => {
		for (const page of pages.filter((page) => !isNoindex(page))) {
			const canonicals = page.html.querySelectorAll('link[rel="canonical"]');
			expect(canonicals, page.path).toHaveLength(1);
			const href = canonicals[0]!.getAttribute('href')!;
			expect(href.startsWith(`${ORIGIN}/`), `${page.path}: ${href}`).toBe(true);
			expect(isCanonicalPath(new URL(href).pathname), `${page.path}: ${href}`).toBe(true);
			expect(metaContent(page.html, 'og:url'), page.path).toBe(href);
		}
	});

	test('a noindex page (the 404, the editor) names no canonical URL and no og:url', () => {
		const noindex = pages.filter(isNoindex);
		expect(noindex.map((page) => page.path)).toEqual(['/404.html', '/admin/']);
		for (const page of noindex) {
			expect(page.html.querySelector('link[rel="canonical"]'), page.path).toBeNull();
			expect(metaContent(page.html, 'og:url'), page.path).toBeUndefined();
		}
	});

	test('an indexable page is its own canonical URL', () => {
		for (const page of pages.filter((page) => !isNoindex(page))) {
			expect(page.html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
				`${ORIGIN}${page.path}`,
			);
		}
	});
});

describe('sitemap', () => {
	test('lists built, indexable pages only, each with a trailing slash', async () => {
		const index = xml.parse(await readFile(join(DIST, 'sitemap-index.xml'), 'utf8'));
		const sitemaps = asList(index.sitemapindex.sitemap).map((entry) => textOf(entry.loc));
		expect(sitemaps.length).toBeGreaterThan(0);
		const locs: string[] = [];
		for (const sitemap of sitemaps) {
			expect(sitemap.startsWith(`${ORIGIN}/`), sitemap).toBe(true);
			const { pathname } = new URL(sitemap);
			expect(exists(pathname), sitemap).toBe(true);
			const urlset = xml.parse(await readFile(join(DIST, fileOfUrlPath(pathname)), 'utf8'));
			locs.push(...asList(urlset.urlset.url).map((entry) => textOf(entry.loc)));
		}
		expect(locs.length).toBeGreaterThan(0);
		const indexable = new Set(pages.filter((page) => !isNoindex(page)).map((page) => page.path));
		for (const loc of locs) {
			expect(loc.startsWith(`${ORIGIN}/`), loc).toBe(true);
			const path = decodeURIComponent(new URL(loc).pathname);
			expect(path.endsWith('/'), loc).toBe(true);
			expect(indexable.has(path), `${loc} is not a built, indexable page`).toBe(true);
		}
	});
});

describe('RSS feed', () => {
	test('links to its posts with trailing slashes, and every internal URL resolves', async () => {
		const feed = join(DIST, 'rss.xml');
		const { rss } = xml.parse(await readFile(feed, 'utf8'));
		const items = asList(rss.channel.item);
		const urls: Reference[] = [];
		const add = (where: string, url: unknown) => {
			const reference = toReference('/rss.xml', where, textOf(url));
			if (reference) urls.push(reference);
		};
		add('channel link', rss.channel.link);
		for (const item of items) {
			add('item link', item.link);
			if (item.guid !== undefined && item.guid['@isPermaLink'] !== 'false')
				add('item guid', item.guid);
			for (const field of ['description', 'content:encoded']) {
				if (item[field] === undefined) continue;
				const html = parse(textOf(item[field]));
				for (const a of html.querySelectorAll('a[href]')) add(`${field} a`, a.getAttribute('href'));
				for (const img of html.querySelectorAll('img[src]'))
					add(`${field} img`, img.getAttribute('src'));
			}
		}
		expect(items.length).toBeGreaterThan(0);
		expect(urls.filter((url) => !isCanonicalPath(url.path)).map(describeReference)).toEqual([]);
		expect(urls.filter((url) => !exists(url.path)).map(describeReference)).toEqual([]);
	});
});
