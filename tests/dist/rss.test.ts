import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HTMLElement, parse } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { readPage } from '../support/html.ts';
import { readPublishedPosts, type SourcePost } from '../support/posts.ts';
import { SITE } from '../../src/site.ts';

type Item = Record<string, unknown> & {
	title: string;
	link: string;
	guid: { '#text': string; '@_isPermaLink': string };
	pubDate: string;
	description: string;
	category?: string[];
	'content:encoded': string;
	'media:content'?: Record<string, string>;
};

const parser = new XMLParser({
	ignoreAttributes: false,
	isArray: (name) => name === 'item' || name === 'category',
});

let posts: SourcePost[];
let rss: Record<string, unknown>;
let channel: Record<string, unknown> & { item: Item[] };
beforeAll(async () => {
	posts = await readPublishedPosts();
	rss = parser.parse(await readFile(join(DIST, 'rss.xml'), 'utf8')).rss;
	channel = rss['channel'] as typeof channel;
});

describe('/rss.xml', () => {
	test('is RSS 2.0 with a Russian channel and the namespaces it uses', () => {
		expect(rss['@_version']).toBe('2.0');
		expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
		expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
		expect(channel['title']).toBe(SITE.name);
		expect(channel['description']).toBe(SITE.description);
		expect(channel['language']).toBe('ru');
		expect(channel['link']).toBe(`${SITE.url}/`);
	});

	test('lists the newest SITE.feedLimit published posts, newest first', () => {
		const expected = posts.slice(0, SITE.feedLimit);
		expect(channel.item.map((item) => item.link)).toEqual(
			expected.map((post) => `${SITE.url}/blog/${post.slug}/`),
		);
		const dates = channel.item.map((item) => new Date(item.pubDate).getTime());
		expect(dates).toEqual([...dates].sort((a, b) => b - a));
	});

	test('each item matches its post: title, guid, pubDate, description, categories', () => {
		for (const [index, item] of channel.item.entries()) {
			const post = posts[index]!;
			expect(item.title).toBe(post.data.title);
			expect(item.guid).toEqual({ '#text': item.link, '@_isPermaLink': 'true' });
			expect(item.pubDate).toBe(post.data.pubDate.toUTCString());
			expect(item.description).toBe(post.data.description);
			expect(item.category ?? []).toEqual(post.data.keywords);
			expect(item['dc:creator']).toBe(post.data.author);
		}
		const servis = channel.item.find((item) => item.link.endsWith('/blog/servisnyy-podhod/'));
		expect(servis?.pubDate).toBe('Fri, 25 Jul 2025 21:00:32 GMT');
	});

	test('content:encoded is the full article with every URL absolute', async () => {
		for (const item of channel.item) {
			const html = parse(item['content:encoded']);
			const page = await readPage(new URL(item.link).pathname);
			expect(html.querySelectorAll('h2').map((h2) => h2.text)).toEqual(
				page.querySelectorAll('.prose h2').map((h2) => h2.text),
			);
			expect(html.text.length).toBeGreaterThan(1000);
			const urls = [
				...html.querySelectorAll('[href]').map((el) => el.getAttribute('href') ?? ''),
				...html.querySelectorAll('[src]').map((el) => el.getAttribute('src') ?? ''),
				...html
					.querySelectorAll('[srcset]')
					.flatMap((el) => (el.getAttribute('srcset') ?? '').split(/,\s+/))
					.map((candidate) => candidate.trim().split(/\s+/)[0] ?? ''),
			];
			expect(urls.length).toBeGreaterThan(0);
			for (const url of urls) expect(url).toMatch(/^(?:https:\/\/|mailto:|tel:)/);
			expect(html.querySelectorAll('script')).toHaveLength(0);
		}
	});

	test('content:encoded holds the article only: no heading anchors, no search attributes', async () => {
		let anchorsOnPages = 0;
		let ignoredOnPages = 0;
		for (const item of channel.item) {
			const encoded = item['content:encoded'];
			const html = parse(encoded);
			expect(html.querySelectorAll('.heading-anchor, .heading')).toHaveLength(0);
			expect(html.querySelectorAll('a').map((a) => a.text.trim())).not.toContain('#');
			expect(encoded).not.toMatch(/data-search-/i);
			// The same article's page has both, so the feed really removes them.
			const page = await readPage(new URL(item.link).pathname);
			anchorsOnPages += page.querySelectorAll('.prose .heading-anchor').length;
			ignoredOnPages += page.querySelectorAll('.prose [data-search-ignore]').length;
			expect(page.querySelector('[data-search-body]'), item.link).toBeTruthy();
		}
		expect(anchorsOnPages).toBeGreaterThan(0);
		// The anchors' «#» is kept out of the search too.
		expect(ignoredOnPages).toBe(anchorsOnPages);
	});

	test('each item with a hero image starts its content with it: an img with an absolute URL and alt', () => {
		let heroes = 0;
		for (const [index, item] of channel.item.entries()) {
			const post = posts[index]!;
			const content = parse(item['content:encoded']);
			const first = content.childNodes.find((node) => node.nodeType === 1 || node.text.trim());
			const img = first instanceof HTMLElement && first.tagName === 'IMG' ? first : undefined;
			if (!post.data.heroImage) {
				expect(img, item.link).toBeUndefined();
				continue;
			}
			heroes++;
			expect(img, item.link).toBeDefined();
			expect(img!.getAttribute('src')).toMatch(/^https:\/\//);
			expect(img!.getAttribute('src')).toBe(item['media:content']?.['@_url']);
			expect(img!.hasAttribute('alt'), item.link).toBe(true);
			expect(img!.getAttribute('alt')).toBe(post.data.heroAlt ?? '');
		}
		expect(heroes).toBeGreaterThan(0);
	});

	test('each item with a hero image carries it as media:content', () => {
		for (const [index, item] of channel.item.entries()) {
			if (!posts[index]!.data.heroImage) continue;
			expect(item['media:content']?.['@_url']).toMatch(/^https:\/\//);
			expect(item['media:content']?.['@_medium']).toBe('image');
		}
	});
});
