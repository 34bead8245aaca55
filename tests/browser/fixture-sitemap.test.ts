import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { BIG_TAG, LONG_POST } from '../support/fixture-corpus.ts';
import { metaContent, readPage } from '../support/html.ts';
import { SITE } from '../../src/site.ts';

/* The fixture blog has three listing pages and a two-page tag: every sitemap URL has a lastmod. */

test('every sitemap URL of the fixture blog has a lastmod; listing pages date by their posts', async () => {
	const dist = inject('fixtureDist');
	const parser = new XMLParser({ isArray: (name) => name === 'url' });
	const xml = parser.parse(await readFile(join(dist, 'sitemap-0.xml'), 'utf8'));
	const urls = xml.urlset.url as { loc: string; lastmod?: string }[];
	const lastmod = new Map(urls.map((url) => [url.loc.slice(SITE.url.length), url.lastmod]));
	for (const [path, date] of lastmod)
		expect(Number.isNaN(Date.parse(date ?? '')), path).toBe(false);
	for (const path of [
		'/',
		'/page/2/',
		'/page/3/',
		'/search/',
		'/tags/',
		`/tags/${BIG_TAG.slug}/page/2/`,
	]) {
		expect(lastmod.has(path), path).toBe(true);
	}
	const time = (path: string) => Date.parse(lastmod.get(path)!);
	// No post was updated: each listing page is dated by its newest (first) post, so older pages
	// are older, and home, search and the tags index share the newest post's date.
	expect(time('/page/3/')).toBeLessThan(time('/page/2/'));
	expect(time('/page/2/')).toBeLessThan(time('/'));
	expect(time(`/tags/${BIG_TAG.slug}/page/2/`)).toBeLessThan(time(`/tags/${BIG_TAG.slug}/`));
	expect(time('/search/')).toBe(time('/'));
	expect(time('/tags/')).toBe(time('/'));
	// An article's lastmod is its modified time, as its page states it.
	const article = await readPage(`/blog/${LONG_POST.slug}/`, dist);
	expect(time(`/blog/${LONG_POST.slug}/`)).toBe(
		Date.parse(metaContent(article, 'article:modified_time')!),
	);
	// Page 2 lists the 11th to 20th newest posts: its date is that of the 11th post's card.
	const page2 = await readPage('/page/2/', dist);
	const firstCard = page2.querySelector('time[datetime]')?.getAttribute('datetime');
	expect(firstCard).toBeDefined();
	expect(time('/page/2/')).toBe(Date.parse(firstCard!));
});
