import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { DIST } from '../support/build.ts';
import { BIG_TAG, IMAGE_POST, LONG_POST, WIDE_TABLE_POST } from '../support/fixture-corpus.ts';
import {
	SCREENSHOT_DIR,
	VIEWPORTS,
	axeViolations,
	gotoSettled,
	openPage,
	switchColorScheme,
} from '../support/page.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/*
 * Every page type, on the real site (dist/, from `npm run build`) and on the generated fixture
 * blog (pagination, long posts): axe-core finds no violation, nothing is logged as an error, and
 * each type is photographed on two phones and a desktop, light and dark, for people to look at.
 */

const REAL_ARTICLE = '/blog/kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii/';

/** [site, name, path]: the page types a reader meets. */
const PAGES = [
	['real', 'home', '/'],
	['real', 'article', REAL_ARTICLE],
	['real', 'article-short', '/blog/servisnyy-podhod/'],
	['real', 'tag', '/tags/butlerspb/'],
	['real', 'tags', '/tags/'],
	['real', 'search', `/search/?q=${encodeURIComponent('доверие')}`],
	['real', 'not-found', '/no-such-page/'],
	['fixture', 'home', '/'],
	['fixture', 'listing-page-2', '/page/2/'],
	['fixture', 'article', `/blog/${LONG_POST.slug}/`],
	['fixture', 'article-old-format', `/blog/${WIDE_TABLE_POST.slug}/`],
	['fixture', 'article-images', `/blog/${IMAGE_POST.slug}/`],
	['fixture', 'tag', `/tags/${BIG_TAG.slug}/`],
	['fixture', 'search', `/search/?q=${encodeURIComponent('доверие')}`],
] as const;

let browser: Browser;
const servers: Record<'real' | 'fixture', StaticServer | undefined> = {
	real: undefined,
	fixture: undefined,
};

beforeAll(async () => {
	await mkdir(SCREENSHOT_DIR, { recursive: true });
	[browser, servers.real, servers.fixture] = await Promise.all([
		launchBrowser(),
		serveDist(DIST),
		serveDist(inject('fixtureDist')),
	]);
});

afterAll(async () => {
	await browser?.close();
	await servers.real?.close();
	await servers.fixture?.close();
	console.log(`Screenshots: ${SCREENSHOT_DIR}`);
});

describe.each(PAGES)('%s site: %s (%s)', (site, name, path) => {
	// One load per viewport, checked in light and then in dark (switchColorScheme).
	test.each(['small', 'phone', 'desktop'] as const)(
		'%s, light and dark: axe finds nothing, no errors; screenshots',
		async (viewport) => {
			const origin = servers[site]!.url;
			const { page, errors, external } = await openPage(browser, origin, {
				viewport: VIEWPORTS[viewport],
				colorScheme: 'light',
			});
			const response = await gotoSettled(page, origin + path);
			expect(response?.status()).toBe(name === 'not-found' ? 404 : 200);
			if (name === 'search') {
				await expect
					.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 })
					.toMatch(/^Найден/);
			}
			const { width, height } = VIEWPORTS[viewport];
			for (const scheme of ['light', 'dark'] as const) {
				await switchColorScheme(page, scheme);
				const file = `${site}-${name}-${width}x${height}-${scheme}.png`;
				await page.screenshot({ path: join(SCREENSHOT_DIR, file) });
				expect(await axeViolations(page), scheme).toEqual([]);
			}
			expect(errors).toEqual([]);
			expect(external).toEqual([]);
			await page.context().close();
		},
	);
});
