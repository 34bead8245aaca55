import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { LONG_POST } from '../support/fixture-corpus.ts';
import { VIEWPORTS } from '../support/page.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

/*
 * What a reader copies and prints, on the fixture blog's long post (related posts with
 * pictures, two topics): the date, author and reading time copy with their « · » between them,
 * as they read on screen, where the dots still never start a line; print leaves out the related
 * posts' pictures and the topic pills.
 */

const POST = `/blog/${LONG_POST.slug}/`;

const site = useFixtureSite();
const { opened } = site;

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
	return (await site.open(path, { viewport }, { settled: true })).page;
}

/** Selects the first element matching `selector`, as a reader's drag would, and returns the copied text. */
const selectionText = (page: Page, selector: string): Promise<string> =>
	page.evaluate((selector) => {
		const element = document.querySelector(selector);
		if (!element) throw new Error(`no ${selector}`);
		const range = document.createRange();
		range.selectNodeContents(element);
		const selection = getSelection()!;
		selection.removeAllRanges();
		selection.addRange(range);
		return selection.toString();
	}, selector);

const DATE = String.raw`\d{1,2} [а-я]+ \d{4}`;
const READING = String.raw`\d+ минут[аы]? чтения`;

describe('copied text', () => {
	test('the article header: «date · author · reading time» on its own line', async () => {
		const page = await open(POST, VIEWPORTS.desktop);
		const copied = await selectionText(page, '.article__header');
		const lines = copied.split('\n').map((line) => line.replace(/\u00a0/g, ' ').trim());
		expect(lines).toContainEqual(
			expect.stringMatching(new RegExp(`^${DATE} · Эксперт ButlerSPB · (?:${READING})$`)),
		);
		// The headline and the lead stay on lines of their own.
		expect(lines).toContain(LONG_POST.headline);
		const inner = await page.locator('.article__header .meta').innerText();
		expect(inner.replace(/\s+/g, ' ').trim()).toMatch(
			new RegExp(`^${DATE} · Эксперт ButlerSPB · (?:${READING})$`),
		);
	});

	test('a card of the listing: «date · reading time»', async () => {
		const page = await open('/', VIEWPORTS.phone);
		const copied = await selectionText(page, '.card .meta');
		expect(copied.replace(/\u00a0/g, ' ').trim()).toMatch(new RegExp(`^${DATE} · (?:${READING})$`));
	});

	test('screen readers are not read the dots', async () => {
		const page = await open(POST, VIEWPORTS.desktop);
		const hidden = await page
			.locator('.article__header .meta .meta__sep')
			.evaluateAll((seps) => seps.map((sep) => sep.getAttribute('aria-hidden')));
		expect(hidden).toEqual(['true', 'true']);
	});

	test('on a narrow screen the dots sit between items and never start a line', async () => {
		const page = await open(POST, VIEWPORTS.small);
		// Narrow enough that the three items take two or three lines.
		await page.locator('.article__header .meta').evaluate((meta) => {
			(meta as HTMLElement).style.width = '12em';
		});
		const layout = await page.locator('.article__header .meta').evaluate((meta) => {
			const line = meta.getBoundingClientRect();
			return [...meta.querySelectorAll('.meta__sep')].map((sep) => {
				const dot = sep.getBoundingClientRect();
				const item = sep.parentElement!.getBoundingClientRect();
				return {
					startsLine: Math.abs(item.left - line.left) < 1,
					dotLeft: dot.left - line.left,
					dotRight: dot.right - line.left,
					itemLeft: item.left - line.left,
				};
			});
		});
		expect(layout.length).toBe(2);
		expect(layout.some((sep) => sep.startsLine)).toBe(true);
		for (const sep of layout) {
			// Clipped past the left edge when the item starts a line, else in the gap before it.
			if (sep.startsLine) expect(sep.dotRight).toBeLessThanOrEqual(0.5);
			else expect(sep.dotLeft).toBeGreaterThan(0);
			expect(sep.dotRight).toBeLessThanOrEqual(sep.itemLeft + 0.5);
		}
	});
});

describe('print', () => {
	/** How many of the elements matching `selector` are drawn. */
	const shown = (page: Page, selector: string) =>
		page
			.locator(selector)
			.evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);

	test('leaves out the related posts’ pictures and the topic pills, keeps their titles', async () => {
		const page = await open(POST, { width: 718, height: 1000 });
		// On screen they are there.
		expect(await shown(page, '.related__image')).toBeGreaterThan(0);
		expect(await shown(page, '.tags')).toBe(1);
		await page.emulateMedia({ media: 'print' });
		expect(await shown(page, '.related__image')).toBe(0);
		expect(await shown(page, '.tags')).toBe(0);
		expect(await shown(page, '.related__link')).toBe(await page.locator('.related__link').count());
		// The card's text takes the card's whole width.
		const widths = await page.locator('.related__item').evaluateAll((items) =>
			items.map((item) => ({
				item: item.getBoundingClientRect().width,
				body: item.querySelector('.related__body')!.getBoundingClientRect().width,
			})),
		);
		for (const { item, body } of widths) expect(body).toBeGreaterThan(item * 0.8);
	});
});

test('no page visited above logged an error or left the site', () => {
	for (const { errors, external } of opened) {
		expect(errors).toEqual([]);
		expect(external).toEqual([]);
	}
});
