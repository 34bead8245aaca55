import { XMLParser } from 'fast-xml-parser';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { WIDE_TABLE_POST } from '../support/fixture-corpus.ts';
import { axeViolations, type CheckedPage, openPage } from '../support/page.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

/*
 * Print, tables and old-format posts, on the fixture blog's post with a wide 7-column table, a
 * code block, a long bare URL, a body `# H1` and a body «Читайте также» list: printing uses the
 * light palette even with the system in dark mode, hides what only works on screen, shows the
 * URLs of external links and keeps the whole article on the paper; the table is a focusable,
 * named scroll region that shows there is more to the side; the page has one h1 and one
 * «Читайте также» block; axe finds nothing at 320, 390 and 1280 in both schemes.
 */

const POST = `/blog/${WIDE_TABLE_POST.slug}/`;

/** The printable width of an A4 page with Chromium's default margins, in CSS pixels. */
const PAPER = { width: 718, height: 1000 };

const site = useFixtureSite();
const { opened } = site;

async function open(
	path: string,
	options: Parameters<typeof openPage>[2] = {},
): Promise<{ page: Page; checked: CheckedPage }> {
	const checked = await site.open(path, options, { settled: true });
	return { page: checked.page, checked };
}

/** Opens the post as a printer sees it, with the system in dark mode. */
async function openPrinted(path = POST): Promise<Page> {
	const { page } = await open(path, { viewport: PAPER, colorScheme: 'dark' });
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	return page;
}

/**
 * WCAG contrast ratio of each element's text colour against the background it is drawn on
 * (the nearest ancestor with a background colour, blended over white paper when translucent).
 */
function contrastRatios(elements: Element[]): { text: string; ratio: number }[] {
	const parse = (value: string): number[] => {
		const parts = (value.match(/[\d.]+/g) ?? []).map(Number);
		return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
	};
	const over = (top: number[], bottom: number[]): number[] => {
		const alpha = top[3] ?? 1;
		return [0, 1, 2].map((i) => (top[i] ?? 0) * alpha + (bottom[i] ?? 0) * (1 - alpha)).concat(1);
	};
	const background = (element: Element): number[] => {
		const layers: number[][] = [];
		for (let node: Element | null = element; node; node = node.parentElement) {
			const color = parse(getComputedStyle(node).backgroundColor);
			if ((color[3] ?? 0) > 0) layers.push(color);
			if ((color[3] ?? 0) >= 1) break;
		}
		return layers.reduceRight((below, layer) => over(layer, below), [255, 255, 255, 1]);
	};
	const luminance = (rgb: number[]): number => {
		const [r, g, b] = rgb.slice(0, 3).map((channel) => {
			const c = channel / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
	};
	return elements.map((element) => {
		const bg = background(element);
		const fg = over(parse(getComputedStyle(element).color), bg);
		const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
		return {
			text: (element.textContent ?? '').trim().slice(0, 40),
			ratio: Math.round((((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)) * 100) / 100,
		};
	});
}

describe('printing with the system in dark mode', () => {
	test('the screen is dark: its link colour would fail on white paper', async () => {
		const { page } = await open(POST, { viewport: PAPER, colorScheme: 'dark' });
		await page.locator('.prose a.print-url').evaluate((a) => {
			const probe = document.createElement('p');
			probe.id = 'paper-probe';
			probe.textContent = a.textContent;
			probe.style.background = '#fff';
			probe.style.color = getComputedStyle(a).color;
			document.body.append(probe);
		});
		const [probe] = await page.locator('#paper-probe').evaluateAll(contrastRatios);
		expect(probe!.ratio).toBeLessThan(4.5);
	});

	test('text and links use the light palette: every ratio is at least 4.5:1', async () => {
		const page = await openPrinted();
		const body = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(body).toBe('rgb(255, 255, 255)');
		const selectors = [
			'.article__title',
			'.article__lead',
			'.meta time',
			'.meta span',
			'.prose p',
			'.prose a',
			'.prose th',
			'.prose td',
			'.prose pre code',
			'.prose h2',
			'.tags a',
			'.related__link',
			'.related .meta',
		];
		for (const selector of selectors) {
			const ratios = await page.locator(selector).evaluateAll(contrastRatios);
			expect(ratios.length, selector).toBeGreaterThan(0);
			for (const { text, ratio } of ratios) {
				expect(ratio, `${selector} «${text}»`).toBeGreaterThanOrEqual(4.5);
			}
		}
		const contrast = (await axeViolations(page)).filter((v) => v.id === 'color-contrast');
		expect(contrast).toEqual([]);
	});

	test('navigation, search, sharing, skip and anchor links are not printed', async () => {
		const page = await openPrinted();
		for (const selector of [
			'.skip-link',
			'.site-header nav',
			'.breadcrumbs',
			'.toc',
			'.heading-anchor',
			'.share',
			'.post-nav',
		]) {
			const shown = await page
				.locator(selector)
				.evaluateAll((els) => els.filter((el) => getComputedStyle(el).display !== 'none').length);
			expect(await page.locator(selector).count(), selector).toBeGreaterThan(0);
			expect(shown, selector).toBe(0);
		}
		const search = await openPrinted('/search/');
		expect(await search.locator('.search-box').count()).toBe(1);
		expect(await search.locator('.search-box').isVisible()).toBe(false);
		expect(await search.locator('.site-header nav').isVisible()).toBe(false);
	});

	test('an external link prints its URL after the text; a bare URL is not printed twice', async () => {
		const page = await openPrinted();
		const after = (locator: Locator) =>
			locator.evaluate((a) => getComputedStyle(a, '::after').content);
		const { text, href } = WIDE_TABLE_POST.externalLink;
		const named = page.locator('.prose a', { hasText: text });
		expect(await after(named)).toBe(`" (${href})"`);
		const bare = page.locator(`.prose a[href="${WIDE_TABLE_POST.longUrl}"]`);
		expect(await bare.textContent()).toBe(WIDE_TABLE_POST.longUrl);
		expect(await after(bare)).toBe('none');
		// On screen nothing is added.
		await page.emulateMedia({ media: 'screen' });
		expect(await after(named)).toBe('none');
	});

	test('headings stay with the paragraph after them', async () => {
		const page = await openPrinted();
		const breaks = await page
			.locator('.prose .heading')
			.evaluateAll((els) =>
				els.map((el) => [getComputedStyle(el).breakAfter, getComputedStyle(el).breakInside]),
			);
		expect(breaks.length).toBeGreaterThanOrEqual(3);
		for (const value of breaks) expect(value).toEqual(['avoid', 'avoid']);
	});

	test('the whole article is on the paper: the table at full width, nothing clipped', async () => {
		const page = await openPrinted();
		const layout = await page.evaluate(() => {
			const region = document.querySelector<HTMLElement>('.table-scroll')!;
			const table = region.querySelector('table')!;
			const prose = document.querySelector('.prose')!.getBoundingClientRect();
			const cells = [...table.querySelectorAll('th, td')].map((c) => c.getBoundingClientRect());
			const pre = document.querySelector<HTMLElement>('.prose pre')!;
			return {
				regionClips: region.scrollWidth > region.clientWidth,
				tableWidth: Math.round(table.getBoundingClientRect().width),
				proseWidth: Math.round(prose.width),
				cellsInside: cells.every((c) => c.right <= prose.right + 0.5 && c.left >= prose.left - 0.5),
				preClips: pre.scrollWidth > pre.clientWidth,
				pageWidth: document.documentElement.scrollWidth,
			};
		});
		expect(layout).toEqual({
			regionClips: false,
			tableWidth: layout.proseWidth,
			proseWidth: layout.proseWidth,
			cellsInside: true,
			preClips: false,
			pageWidth: PAPER.width,
		});
		// On screen at the same width the table does not fit: print is what makes it fit.
		await page.emulateMedia({ media: 'screen' });
		expect(
			await page
				.locator('.table-scroll')
				.evaluate((region) => region.scrollWidth > region.clientWidth),
		).toBe(true);
	});
});

describe('a wide table on a phone', () => {
	test('is a focusable region named by the heading before it, scrolled by the keyboard', async () => {
		const { page } = await open(POST, { viewport: { width: 390, height: 844 } });
		const region = page.getByRole('region', { name: WIDE_TABLE_POST.tableHeading });
		expect(await region.count()).toBe(1);
		expect(await region.getAttribute('tabindex')).toBe('0');
		expect(await region.locator('th').allTextContents()).toEqual(WIDE_TABLE_POST.columns);
		expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
		await region.focus();
		expect(await region.evaluate((el) => el === document.activeElement)).toBe(true);
		expect(await region.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
		await page.keyboard.press('ArrowRight');
		await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			390,
		);
	});

	test('shows a shadow at each edge with more table behind it', async () => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page } = await open(POST, { viewport: { width: 390, height: 844 }, colorScheme });
			const region = page.locator('.table-scroll');
			// Only the region's own background is photographed: the cells are hidden.
			await region.evaluate((el) => {
				el.querySelector('table')!.style.visibility = 'hidden';
			});
			await region.scrollIntoViewIfNeeded();
			const box = (await region.boundingBox())!;
			const strip = (side: 'left' | 'right') =>
				page.screenshot({
					clip: {
						x: side === 'left' ? box.x + 1 : box.x + box.width - 9,
						y: box.y + box.height / 2 - 10,
						width: 8,
						height: 20,
					},
				});
			const scrollTo = (where: 'start' | 'end') =>
				region.evaluate((el, end) => {
					el.scrollLeft = end ? el.scrollWidth : 0;
				}, where === 'end');
			const photograph = async () => {
				await scrollTo('start');
				const start = { left: await strip('left'), right: await strip('right') };
				await scrollTo('end');
				return { start, end: { left: await strip('left'), right: await strip('right') } };
			};
			const { start, end } = await photograph();
			// A shadow on the right at the start, on the left at the end.
			expect(start.right.equals(end.right), `${colorScheme}: right edge`).toBe(false);
			expect(start.left.equals(end.left), `${colorScheme}: left edge`).toBe(false);
			// The control: with a plain background the same photographs do not differ.
			await region.evaluate((el) => {
				el.style.background = 'none';
			});
			const plain = await photograph();
			expect(plain.start.right.equals(plain.end.right)).toBe(true);
			expect(plain.start.left.equals(plain.end.left)).toBe(true);
		}
	});

	test('keeps the GFM column alignment: the price column is right-aligned', async () => {
		const { page } = await open(POST, { viewport: { width: 390, height: 844 } });
		const aligns = await page
			.locator('.table-scroll tr')
			.evaluateAll((rows) =>
				rows.map((row) => [...row.children].map((cell) => getComputedStyle(cell).textAlign)),
			);
		expect(aligns.length).toBe(4);
		for (const row of aligns) {
			expect(row).toEqual(
				WIDE_TABLE_POST.columns.map((_, i) =>
					i === WIDE_TABLE_POST.priceColumn ? 'right' : 'start',
				),
			);
		}
	});
});

describe('a post copied in the old format', () => {
	test('has one h1 (the headline): the body # H1 is an h2', async () => {
		const { page } = await open(POST);
		const h1s = await page.locator('h1').allTextContents();
		expect(h1s.map((text) => text.replace(/\u00a0/g, ' '))).toEqual([WIDE_TABLE_POST.headline]);
		const first = await page.locator('.prose h2').first().textContent();
		expect(first?.replace(/\u00a0/g, ' ')).toBe(WIDE_TABLE_POST.bodyH1);
	});

	test('has one «Читайте также» block, the layout’s, and none in the table of contents', async () => {
		const { page } = await open(POST);
		const titles = await page
			.locator('h1, h2, h3, h4, h5, h6')
			.evaluateAll((els) => els.filter((el) => /Читайте/.test(el.textContent ?? '')).length);
		expect(titles).toBe(1);
		expect(await page.locator('section.related h2').textContent()).toMatch(/Читайте также/);
		expect(await page.locator('.toc').count()).toBe(1);
		expect(await page.locator('.toc').textContent()).not.toMatch(/Читайте/);
		for (const slug of WIDE_TABLE_POST.bodyRelated) {
			expect(await page.locator(`.prose a[href="/blog/${slug}/"]`).count()).toBe(0);
		}
	});

	test('its feed item has no h1, no «Читайте также», no anchors and no search attributes', async () => {
		const xml = await readFile(join(inject('fixtureDist'), 'rss.xml'), 'utf8');
		const items = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel
			.item as { link: string; 'content:encoded': string }[];
		const item = items.find((entry) => entry.link.endsWith(POST));
		expect(item).toBeDefined();
		const encoded = item!['content:encoded'];
		const html = parse(encoded);
		expect(html.querySelectorAll('h1')).toHaveLength(0);
		expect(html.querySelector('h2')?.text.replace(/\u00a0/g, ' ')).toBe(WIDE_TABLE_POST.bodyH1);
		expect(html.text).not.toMatch(/Читайте/);
		expect(html.querySelectorAll('.heading-anchor')).toHaveLength(0);
		expect(encoded).not.toMatch(/data-search-/);
		expect(html.querySelectorAll('table th')).toHaveLength(WIDE_TABLE_POST.columns.length);
	});
});

describe('axe finds nothing on the post with the table', () => {
	test.each([
		[320, 'light'],
		[320, 'dark'],
		[390, 'light'],
		[390, 'dark'],
		[1280, 'light'],
		[1280, 'dark'],
	] as const)('at %ipx, %s', async (width, colorScheme) => {
		const { page } = await open(POST, { viewport: { width, height: 800 }, colorScheme });
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			width,
		);
	});
});

test('no page visited above logged an error or left the site', () => {
	expect(opened.length).toBeGreaterThan(5);
	expect(opened.flatMap((checked) => checked.errors)).toEqual([]);
	expect(opened.flatMap((checked) => checked.external)).toEqual([]);
});
