import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { BIG_TAG, LONG_POST } from '../support/fixture-corpus.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import { VIEWPORTS } from '../support/page.ts';

/*
 * The design promises, measured in the browser on the fixture blog: a skip link, a visible focus
 * ring, light and dark themes, a readable measure with hyphenation, and no sideways scrolling
 * on a phone, where a related post without a picture gives its text the card's whole width.
 */

const PAGE_TYPES = [
	'/',
	'/page/2/',
	`/blog/${LONG_POST.slug}/`,
	`/tags/${BIG_TAG.slug}/`,
	'/tags/',
	'/search/?q=ключи',
];

const site = useFixtureSite();

async function open(path: string, options = {}): Promise<Page> {
	return (await site.open(path, options)).page;
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

test('on a phone, a related post without a picture gives its text the whole card', async () => {
	// An article of the fixture blog whose «Читайте также» has cards with and without pictures.
	const dist = inject('fixtureDist');
	const slug = readdirSync(join(dist, 'blog')).find((name) => {
		const html = parse(readFileSync(join(dist, 'blog', name, 'index.html'), 'utf8'));
		const items = html.querySelectorAll('.related__item');
		const pictured = items.filter((item) => item.querySelector('.related__image'));
		return pictured.length > 0 && pictured.length < items.length;
	});
	expect(slug, 'no article with related posts both with and without pictures').toBeDefined();
	const page = await open(`/blog/${slug}/`, { viewport: VIEWPORTS.phone });
	const cards = await page.locator('.related__item').evaluateAll((items) =>
		items.map((item) => {
			const style = getComputedStyle(item);
			const inner =
				item.getBoundingClientRect().width -
				parseFloat(style.paddingLeft) -
				parseFloat(style.paddingRight);
			return {
				pictured: item.querySelector('.related__image') !== null,
				inner,
				body: item.querySelector('.related__body')!.getBoundingClientRect().width,
			};
		}),
	);
	const bare = cards.filter((card) => !card.pictured);
	expect(bare.length).toBeGreaterThan(0);
	for (const card of bare) expect(card.body).toBeGreaterThan(card.inner * 0.95);
	// A card with a picture keeps it beside the text.
	for (const card of cards.filter((card) => card.pictured))
		expect(card.body).toBeLessThan(card.inner * 0.8);
	await page.context().close();
});

test('no page visited above logged an error or left the site', () => {
	expect(site.opened.length).toBeGreaterThan(0);
	for (const { errors, external } of site.opened) {
		expect(errors).toEqual([]);
		expect(external).toEqual([]);
	}
});
