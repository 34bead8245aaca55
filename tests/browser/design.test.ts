import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { BIG_TAG, LONG_POST } from '../support/fixture-corpus.ts';
import { VIEWPORTS, openPage } from '../support/page.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/*
 * The design promises, measured in the browser on the fixture blog: a skip link, a visible focus
 * ring, light and dark themes, a readable measure with hyphenation, and no sideways scrolling
 * on a phone.
 */

const PAGE_TYPES = [
	'/',
	'/page/2/',
	`/blog/${LONG_POST.slug}/`,
	`/tags/${BIG_TAG.slug}/`,
	'/tags/',
	'/search/?q=ключи',
];

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
	[browser, server] = await Promise.all([launchBrowser(), serveDist(inject('fixtureDist'))]);
});

afterAll(async () => {
	await browser?.close();
	await server?.close();
});

async function open(path: string, options = {}): Promise<Page> {
	const { page } = await openPage(browser, server.url, options);
	await page.goto(server.url + path);
	return page;
}

test('the first Tab shows the skip link, and it moves focus to the content', async () => {
	const page = await open(`/blog/${LONG_POST.slug}/`, { viewport: VIEWPORTS.phone });
	const skip = page.locator('.skip-link');
	expect((await skip.boundingBox())!.y).toBeLessThan(0);
	await page.keyboard.press('Tab');
	expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
	expect(await skip.textContent()).toBe('Перейти к содержанию');
	expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
	await page.keyboard.press('Enter');
	expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
	await page.context().close();
});

test('keyboard focus is drawn: a 3px ring on links, around the whole card for card links', async () => {
	const page = await open('/');
	await page.locator('.site-nav a').first().focus();
	await page.keyboard.press('Tab');
	const nav = await page.evaluate(() => {
		const style = getComputedStyle(document.activeElement!);
		return { style: style.outlineStyle, width: style.outlineWidth };
	});
	expect(nav).toEqual({ style: 'solid', width: '3px' });
	await page.locator('.card__title a').first().focus();
	await page.keyboard.press('Shift+Tab');
	await page.keyboard.press('Tab');
	const card = await page
		.locator('.card')
		.first()
		.evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(card).toBe('solid');
	await page.context().close();
});

test('light and dark themes follow the system setting', async () => {
	const colors: Record<string, { bg: string; fg: string }> = {};
	for (const colorScheme of ['light', 'dark'] as const) {
		const page = await open('/', { colorScheme });
		colors[colorScheme] = await page.evaluate(() => {
			const style = getComputedStyle(document.body);
			return { bg: style.backgroundColor, fg: style.color };
		});
		await page.context().close();
	}
	const lightness = (rgb: string) =>
		(rgb.match(/\d+/g) ?? []).slice(0, 3).reduce((sum, n) => sum + Number(n), 0);
	expect(lightness(colors['light']!.bg)).toBeGreaterThan(700);
	expect(lightness(colors['dark']!.bg)).toBeLessThan(100);
	expect(lightness(colors['dark']!.fg)).toBeGreaterThan(600);
});

test('article text: Russian hyphenation and about 65 characters a line on a desktop', async () => {
	const page = await open(`/blog/${LONG_POST.slug}/`);
	const prose = await page.locator('.prose').evaluate((el) => {
		// The average width of this post's own characters, measured on one unbroken line.
		const sample = el.querySelector('p')!.textContent!;
		const probe = document.createElement('span');
		probe.textContent = sample;
		probe.style.position = 'absolute';
		probe.style.whiteSpace = 'nowrap';
		el.append(probe);
		const charWidth = probe.getBoundingClientRect().width / sample.length;
		probe.remove();
		return {
			lang: document.documentElement.lang,
			hyphens: getComputedStyle(el).hyphens,
			charsPerLine: Math.round(el.getBoundingClientRect().width / charWidth),
		};
	});
	expect(prose.lang).toBe('ru');
	expect(prose.hyphens).toBe('auto');
	expect(prose.charsPerLine).toBeGreaterThanOrEqual(55);
	expect(prose.charsPerLine).toBeLessThanOrEqual(75);
	await page.context().close();
});

describe('on a 390px phone', () => {
	test.each(PAGE_TYPES)('%s never scrolls sideways', async (path) => {
		const page = await open(path, { viewport: VIEWPORTS.phone });
		await page.waitForLoadState('networkidle');
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
		await page.context().close();
	});
});
