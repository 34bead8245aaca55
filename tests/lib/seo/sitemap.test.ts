import { describe, expect, test } from 'vitest';
import {
	buildLastmodIndex,
	buildRobotsTxt,
	getSitemapConfig,
	isErrorPage,
	type SitemapPost,
} from '../../../src/lib/seo/sitemap.ts';

const NOW = new Date('2025-08-01T00:00:00Z');
const SITE = 'https://butlerspb-blog.netlify.app';

const posts: SitemapPost[] = [
	{ slug: 'published', data: { draft: false, pubDate: new Date('2025-07-25T21:00:32.473Z') } },
	{
		slug: 'updated',
		data: {
			draft: false,
			pubDate: new Date('2025-07-01T00:00:00Z'),
			updatedDate: new Date('2025-07-30T10:00:00Z'),
		},
	},
	{ slug: 'draft', data: { draft: true, pubDate: new Date('2025-07-01T00:00:00Z') } },
	{ slug: 'scheduled', data: { draft: false, pubDate: new Date('2025-09-01T00:00:00Z') } },
	{ slug: 'invalid' },
];

describe('buildLastmodIndex', () => {
	test('articles: updatedDate, else pubDate, for published posts only', () => {
		const articles = [...buildLastmodIndex(posts, NOW)].filter(([url]) => url.includes('/blog/'));
		expect(new Map(articles)).toEqual(
			new Map([
				[`${SITE}/blog/published/`, new Date('2025-07-25T21:00:32.473Z')],
				[`${SITE}/blog/updated/`, new Date('2025-07-30T10:00:00Z')],
			]),
		);
	});

	/** A published post of 2025: `day` of pubDate in May, `updated` of updatedDate in June. */
	const dated = (slug: string, day: number, keywords: string[], updated?: number): SitemapPost => ({
		slug,
		data: {
			draft: false,
			keywords,
			pubDate: new Date(Date.UTC(2025, 4, day)),
			...(updated ? { updatedDate: new Date(Date.UTC(2025, 5, updated)) } : {}),
		},
	});
	const blog: SitemapPost[] = [
		dated('e', 5, ['Сервис']),
		dated('d', 4, ['Сервис', 'Петербург']),
		dated('c', 3, ['Петербург']),
		dated('b', 2, ['Сервис'], 20),
		dated('a', 1, []),
		{
			slug: 'draft',
			data: { draft: true, keywords: ['Сервис'], pubDate: new Date(Date.UTC(2025, 6, 1)) },
		},
	];
	const iso = (index: Map<string, Date>) =>
		Object.fromEntries(
			[...index].map(([url, date]) => [url.slice(SITE.length), date.toISOString()]),
		);

	test('listings, tags, the tags index and search: the newest date among the posts each shows', () => {
		// Two posts per page: / = e, d; /page/2/ = c, b (updated 20 June); /page/3/ = a.
		expect(iso(buildLastmodIndex(blog, NOW, SITE, 2))).toMatchInlineSnapshot(`
			{
			  "/": "2025-05-05T00:00:00.000Z",
			  "/blog/a/": "2025-05-01T00:00:00.000Z",
			  "/blog/b/": "2025-06-20T00:00:00.000Z",
			  "/blog/c/": "2025-05-03T00:00:00.000Z",
			  "/blog/d/": "2025-05-04T00:00:00.000Z",
			  "/blog/e/": "2025-05-05T00:00:00.000Z",
			  "/page/2/": "2025-06-20T00:00:00.000Z",
			  "/page/3/": "2025-05-01T00:00:00.000Z",
			  "/search/": "2025-06-20T00:00:00.000Z",
			  "/tags/": "2025-06-20T00:00:00.000Z",
			  "/tags/peterburg/": "2025-05-04T00:00:00.000Z",
			  "/tags/servis/": "2025-05-05T00:00:00.000Z",
			  "/tags/servis/page/2/": "2025-06-20T00:00:00.000Z",
			}
		`);
	});

	test('a new post moves the pages that show it, and no other', () => {
		const before = buildLastmodIndex(blog, NOW, SITE, 2);
		const after = buildLastmodIndex([...blog, dated('f', 6, ['Петербург'])], NOW, SITE, 2);
		const changed = [...after.keys()].filter(
			(url) => after.get(url)?.getTime() !== before.get(url)?.getTime(),
		);
		// f shifts every listing page by one post and opens a second «Петербург» page; the
		// «Сервис» pages, the tags index and search still show b (updated 20 June) as newest.
		expect(changed.map((url) => url.slice(SITE.length)).sort()).toEqual([
			'/',
			'/blog/f/',
			'/page/2/',
			'/page/3/',
			'/tags/peterburg/',
			'/tags/peterburg/page/2/',
		]);
	});

	test('drafts and scheduled posts change no date; the same posts give the same dates', () => {
		const scheduled = {
			slug: 'later',
			data: { draft: false, keywords: ['Сервис'], pubDate: new Date('2025-09-01T00:00:00Z') },
		};
		expect(buildLastmodIndex([...blog, scheduled], NOW, SITE, 2)).toEqual(
			buildLastmodIndex(blog, NOW, SITE, 2),
		);
		expect(buildLastmodIndex([...blog].reverse(), NOW, SITE, 2)).toEqual(
			buildLastmodIndex(blog, NOW, SITE, 2),
		);
	});

	test('an empty blog dates nothing', () => {
		expect(buildLastmodIndex([], NOW).size).toBe(0);
	});

	test('a post scheduled for exactly now is published', () => {
		const due = [{ slug: 'due', data: { draft: false, pubDate: NOW } }];
		expect([...buildLastmodIndex(due, NOW).keys()]).toContain(`${SITE}/blog/due/`);
	});
});

describe('getSitemapConfig', () => {
	const index = buildLastmodIndex(posts, NOW);
	const config = getSitemapConfig((url) => index.get(url));

	test.each([
		[`${SITE}/`, true],
		[`${SITE}/blog/published/`, true],
		[`${SITE}/blog/404-oshibka/`, true],
		[`${SITE}/404/`, false],
		[`${SITE}/404.html`, false],
		[`${SITE}/500/`, false],
	])('filter(%s) → %s', (url, kept) => {
		expect(config.filter?.(url)).toBe(kept);
		expect(isErrorPage(url)).toBe(!kept);
	});

	test.each([
		[`${SITE}/blog/published/`, '2025-07-25T21:00:32.473Z'],
		[`${SITE}/blog/updated/`, '2025-07-30T10:00:00.000Z'],
		[`${SITE}/blog/draft/`, undefined],
		[`${SITE}/`, '2025-07-30T10:00:00.000Z'],
		[`${SITE}/search/`, '2025-07-30T10:00:00.000Z'],
		// None of these posts has a keyword: the tags index lists no post.
		[`${SITE}/tags/`, undefined],
	])('serialize(%s).lastmod → %s', async (url, lastmod) => {
		const item = await config.serialize?.({ url });
		expect(item).toEqual(lastmod ? { url, lastmod } : { url });
	});
});

test('robots.txt allows everything and names the sitemap index', () => {
	expect(buildRobotsTxt()).toMatchInlineSnapshot(`
		"User-agent: *
		Allow: /

		Sitemap: https://butlerspb-blog.netlify.app/sitemap-index.xml
		"
	`);
});
