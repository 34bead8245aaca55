import type { AstroIntegration } from 'astro';
import { describe, expect, it } from 'vitest';
import {
	inSitemapOrder,
	withPagesInSitemapOrder,
} from '../../../src/integrations/sitemap-order.ts';

const SITE = 'https://butlerspb-blog.netlify.app/';

/** @astrojs/sitemap's own comparison (generate-sitemap.js). */
const sitemapCompare = (a: string, b: string): number =>
	a.localeCompare(b, 'en', { numeric: true });

/** Page paths shaped like the blog's: articles, tag pages and their numbered pages. */
function pagePaths(): string[] {
	const paths = ['', '404.html', 'search/', 'tags/', 'page/2/', 'page/10/', 'page/9/'];
	for (let i = 1; i <= 300; i++) paths.push(`blog/post-${(i * 7919) % 1000}/`);
	for (const tag of ['arenda', 'remont', 'zhizn-v-peterburge', 'a1', 'a10', 'a2']) {
		paths.push(`tags/${tag}/`);
		for (const page of [12, 2, 3, 11, 1]) paths.push(`tags/${tag}/${page}/`);
	}
	return paths.reverse();
}

describe('inSitemapOrder', () => {
	it('orders pages as @astrojs/sitemap orders their URLs', () => {
		const pages = pagePaths().map((pathname) => ({ pathname }));
		const ours = inSitemapOrder(pages).map(({ pathname }) => SITE + pathname);
		const theirs = pages.map(({ pathname }) => SITE + pathname).sort(sitemapCompare);
		expect(ours).toEqual(theirs);
		expect(ours.indexOf(`${SITE}page/9/`)).toBeLessThan(ours.indexOf(`${SITE}page/10/`));
	});

	it('leaves the sitemap one comparison per page to make, not n log n', () => {
		const urls = pagePaths().map((pathname) => SITE + pathname);
		const count = (list: string[]): number => {
			let comparisons = 0;
			[...list].sort((a, b) => (comparisons++, sitemapCompare(a, b)));
			return comparisons;
		};
		const presorted = inSitemapOrder(urls.map((pathname) => ({ pathname }))).map((p) => p.pathname);
		expect(count(presorted)).toBe(urls.length - 1);
		expect(count(urls)).toBeGreaterThan(urls.length * 4);
	});
});

describe('withPagesInSitemapOrder', () => {
	it('hands the sitemap its pages sorted and everything else unchanged', async () => {
		let seen: { pages: { pathname: string }[]; dir: URL } | undefined;
		const inner: AstroIntegration = {
			name: '@astrojs/sitemap',
			hooks: {
				'astro:build:done': (params) => {
					seen = params;
				},
			},
		};
		const wrapped = withPagesInSitemapOrder(inner);
		expect(wrapped.name).toBe('@astrojs/sitemap');
		const dir = new URL('file:///out/');
		const pages = [
			{ pathname: 'tags/b/page/10/' },
			{ pathname: 'tags/b/page/2/' },
			{ pathname: '' },
		];
		const params = { pages, dir } as unknown as Parameters<
			NonNullable<AstroIntegration['hooks']['astro:build:done']>
		>[0];
		await wrapped.hooks['astro:build:done']?.(params);
		expect(seen?.pages.map((page) => page.pathname)).toEqual([
			'',
			'tags/b/page/2/',
			'tags/b/page/10/',
		]);
		expect(seen?.dir).toBe(dir);
		expect(pages[0]?.pathname).toBe('tags/b/page/10/');
	});

	it('returns an integration without a build:done hook as it is', () => {
		const inner: AstroIntegration = { name: 'other', hooks: {} };
		expect(withPagesInSitemapOrder(inner)).toBe(inner);
	});
});
