import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { IMAGE_POST, LOCAL_IMAGE } from '../support/fixture-corpus.ts';
import { readPage } from '../support/html.ts';
import { openPage } from '../support/page.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

/*
 * The text of an article on the fixture blog: its images (an Unsplash photo and a local file)
 * load lazily at a size that fits the screen and never move the text, and its typography keeps
 * particles, prices and durations on one line.
 */

const PATH = `/blog/${IMAGE_POST.slug}/`;
const NBSP = '\u00a0';

describe('the built HTML', () => {
	const images = async () =>
		(await readPage(PATH, inject('fixtureDist'))).querySelectorAll('.prose img');

	test('every image in the text has width, height, lazy loading, async decoding and a srcset', async () => {
		const found = await images();
		expect(found).toHaveLength(2);
		for (const img of found) {
			const attrs = img.attributes;
			expect(Number(attrs['width']), attrs['src']).toBeGreaterThan(0);
			expect(Number(attrs['height']), attrs['src']).toBeGreaterThan(0);
			expect(attrs).toMatchObject({ loading: 'lazy', decoding: 'async' });
			// No inline style: the site's CSP (style-src 'self') would block it.
			expect(attrs['style'], attrs['src']).toBeUndefined();
			expect(attrs['sizes']).toMatch(/\b640px\b/);
			expect(attrs['srcset']?.split(', ').length, attrs['src']).toBeGreaterThan(2);
		}
	});

	test('the Unsplash photo is cut to 3:2 by URL parameters, never the 2070-px original', async () => {
		const img = (await images()).find((el) => el.getAttribute('alt') === 'Гостиная после уборки');
		expect(img?.attributes).toMatchObject({ width: '640', height: '427' });
		for (const candidate of img?.getAttribute('srcset')?.split(', ') ?? []) {
			const [url = '', descriptor] = candidate.split(' ');
			const params = new URL(url).searchParams;
			expect(`${params.get('w')}w`).toBe(descriptor);
			expect(Number(params.get('w')) / Number(params.get('h'))).toBeCloseTo(1.5, 1);
			expect(Number(params.get('w'))).toBeLessThanOrEqual(1280);
		}
	});

	test('the local file goes through astro:assets, with its own shape', async () => {
		const img = (await images()).find((el) => el.getAttribute('alt') === 'План офиса');
		expect(img?.getAttribute('src')).toMatch(/^\/_astro\/ofis\.[\w-]+\.webp$/);
		const [width, height] = [
			Number(img?.getAttribute('width')),
			Number(img?.getAttribute('height')),
		];
		expect(width).toBe(640);
		expect(width / height).toBeCloseTo(LOCAL_IMAGE.width / LOCAL_IMAGE.height, 2);
		const widths = img
			?.getAttribute('srcset')
			?.split(', ')
			.map((candidate) => Number(candidate.split(' ')[1]?.replace('w', '')));
		expect(Math.max(...(widths ?? []))).toBeLessThanOrEqual(LOCAL_IMAGE.width);
		expect(widths).toContain(640);
	});

	test('particles, prices and durations stay with their words (no-break spaces)', async () => {
		const html = (await readPage(PATH, inject('fixtureDist'))).querySelector('.prose')?.text ?? '';
		const text = html.replace(/&nbsp;|&#160;|&#xa0;/gi, NBSP);
		expect(text).toContain(`Работаете${NBSP}ли`);
		expect(text).toContain(`3${NBSP}500${NBSP}₽`);
		expect(text).toContain(`за${NBSP}15${NBSP}мин`);
	});
});

describe('in the browser', () => {
	const site = useFixtureSite();

	/** The post, open, with the text's images held back until `release()`. */
	interface OpenPost {
		page: Page;
		release: () => void;
		/** URLs the page requested, in order. */
		requested: string[];
	}

	/**
	 * Opens the post with Unsplash answered as Unsplash answers: a picture of exactly the w×h
	 * the URL asks for (fit=crop). The text's images (Unsplash and the local file) are held
	 * back until `release()`, so their boxes can be measured before any of them arrives; layout
	 * shifts are recorded from the first paint. Returns once the stylesheet applies.
	 */
	async function openPost(viewport: { width: number; height: number }): Promise<OpenPost> {
		const { page } = await openPage(site.browser, site.url, { viewport, deviceScaleFactor: 1 });
		const requested: string[] = [];
		page.on('request', (request) => requested.push(request.url()));
		let release = (): void => undefined;
		const released = new Promise<void>((resolve) => (release = resolve));
		await page.route('https://images.unsplash.com/**', async (route) => {
			await released;
			const params = new URL(route.request().url()).searchParams;
			const [w, h] = [params.get('w'), params.get('h')];
			await route.fulfill({
				contentType: 'image/svg+xml',
				body: `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="${w}" height="${h}" fill="#8a9"/></svg>`,
			});
		});
		await page.route('**/_astro/ofis.*', async (route) => {
			await released;
			await route.continue();
		});
		await page.addInitScript(() => {
			const shifts: number[] = [];
			(window as unknown as { shifts: number[] }).shifts = shifts;
			new PerformanceObserver((list) => {
				for (const entry of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[]) {
					if (!entry.hadRecentInput) shifts.push(entry.value);
				}
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto(site.url + PATH, { waitUntil: 'domcontentloaded' });
		await page.waitForFunction(() =>
			[...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].every(
				(link) => link.sheet !== null,
			),
		);
		return { page, release, requested };
	}

	/** Boxes of the text's images, as laid out now. */
	const boxes = (page: Page) =>
		page.locator('.prose img').evaluateAll((imgs) =>
			imgs.map((img) => {
				const { width, height, top } = img.getBoundingClientRect();
				return {
					width,
					height,
					top: top + window.scrollY,
					loaded: (img as HTMLImageElement).naturalWidth > 0,
				};
			}),
		);

	/** Scrolls each image into view and waits until all have loaded. */
	async function loadAll(page: Page): Promise<void> {
		for (const img of await page.locator('.prose img').all()) {
			await img.scrollIntoViewIfNeeded();
			await img.evaluate((el: HTMLImageElement) =>
				el.complete && el.naturalWidth > 0 ? undefined : el.decode(),
			);
		}
	}

	test.each([
		['phone', { width: 390, height: 844 }],
		['desktop', { width: 1280, height: 800 }],
	])(
		'on a %s, the images are below the fold, load lazily and shift nothing',
		async (_, viewport) => {
			const { page, release, requested } = await openPost(viewport);
			const before = await boxes(page);
			const fetchedBeforeScroll = requested.filter((url) => /\/ofis\./.test(url));
			// Each box has its final size before its image arrives: nothing moves as they load.
			expect(before.map((box) => box.loaded)).toEqual([false, false]);
			expect(before.map((box) => box.height > 100)).toEqual([true, true]);
			release();
			await loadAll(page);
			const after = await boxes(page);
			expect(after.map((box) => box.loaded)).toEqual([true, true]);
			for (const [i, box] of after.entries()) {
				expect(box.width).toBeCloseTo(before[i]!.width, 0);
				expect(box.height).toBeCloseTo(before[i]!.height, 0);
			}
			await page.waitForTimeout(100);
			const cls = await page.evaluate(() =>
				(window as unknown as { shifts: number[] }).shifts.reduce((sum, value) => sum + value, 0),
			);
			expect(cls).toBeLessThan(0.01);
			// Below the fold and lazy: Chromium fetches a lazy image once it is within 1,250 px of
			// the screen, so the farther one, the local file (more than that below), was not
			// fetched until the reader scrolled to it.
			expect(before.every((box) => box.top > viewport.height)).toBe(true);
			expect(before[1]!.top).toBeGreaterThan(viewport.height + 1250);
			expect(fetchedBeforeScroll).toEqual([]);
			await page.context().close();
		},
	);

	test('a phone picks small candidates from the srcset, not the original', async () => {
		const { page, release } = await openPost({ width: 390, height: 844 });
		release();
		await loadAll(page);
		const chosen = await page.locator('.prose img').evaluateAll((imgs) =>
			imgs.map((el) => {
				const img = el as HTMLImageElement;
				const descriptor = img.srcset
					.split(', ')
					.map((candidate) => candidate.split(' '))
					.find(([url]) => url && new URL(url, location.href).href === img.currentSrc)?.[1];
				return { alt: img.alt, descriptor, shown: img.getBoundingClientRect().width };
			}),
		);
		// 358 CSS px wide on a 390-px screen: the 480w Unsplash copy and the 640w local one.
		expect(chosen).toEqual([
			{ alt: 'Гостиная после уборки', descriptor: '480w', shown: 358 },
			{ alt: 'План офиса', descriptor: '640w', shown: 358 },
		]);
		await page.context().close();
	});
});
