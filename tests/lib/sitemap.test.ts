import { describe, expect, test } from 'vitest';
import {
	buildLastmodIndex,
	buildRobotsTxt,
	getSitemapConfig,
	isErrorPage,
	type SitemapPost,
} from '../../src/lib/sitemap.ts';

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
	test('updatedDate, else pubDate, for published posts only', () => {
		expect(buildLastmodIndex(posts, NOW)).toEqual(
			new Map([
				[`${SITE}/blog/published/`, new Date('2025-07-25T21:00:32.473Z')],
				[`${SITE}/blog/updated/`, new Date('2025-07-30T10:00:00Z')],
			]),
		);
	});

	test('a post scheduled for exactly now is published', () => {
		const due = [{ slug: 'due', data: { draft: false, pubDate: NOW } }];
		expect([...buildLastmodIndex(due, NOW).keys()]).toEqual([`${SITE}/blog/due/`]);
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
