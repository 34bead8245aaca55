import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { redirectFor } from '../../src/lib/netlify/netlify-path.ts';
import { absoluteUrl } from '../../src/lib/site/urls.ts';
import { BIG_TAG, LONG_POST, TRUST_POST } from '../support/fixture-corpus.ts';
import { readPage } from '../support/html.ts';
import { loadNetlifyConfig, type NetlifyConfig } from '../support/netlify.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

/*
 * Navigation on the fixture blog (25 posts, three listing pages, a tag with two pages): the
 * header marks the current section, newer and older point the same way on listings and under
 * articles, and the listing and tag pages share one pagination URL pattern.
 */

const dist = (): string => inject('fixtureDist');
const page = (path: string) => readPage(path, dist());
const text = (element: { text: string } | null | undefined): string =>
	(element?.text ?? '').replace(/\s+/g, ' ').trim();

/** The header menu of a built page as `label=aria-current` pairs. */
async function menu(path: string): Promise<string[]> {
	return (await page(path))
		.querySelectorAll('.site-nav a')
		.map((a) => `${text(a)}=${a.getAttribute('aria-current') ?? ''}`);
}

describe('the header marks the current section', () => {
	test.each([
		['/', ['Статьи=page', 'Темы=', 'Поиск=']],
		['/page/2/', ['Статьи=true', 'Темы=', 'Поиск=']],
		['/page/3/', ['Статьи=true', 'Темы=', 'Поиск=']],
		[`/blog/${LONG_POST.slug}/`, ['Статьи=true', 'Темы=', 'Поиск=']],
		[`/blog/${TRUST_POST.slug}/`, ['Статьи=true', 'Темы=', 'Поиск=']],
		['/tags/', ['Статьи=', 'Темы=page', 'Поиск=']],
		[`/tags/${BIG_TAG.slug}/`, ['Статьи=', 'Темы=true', 'Поиск=']],
		[`/tags/${BIG_TAG.slug}/page/2/`, ['Статьи=', 'Темы=true', 'Поиск=']],
		['/search/', ['Статьи=', 'Темы=', 'Поиск=page']],
		['/404.html', ['Статьи=', 'Темы=', 'Поиск=']],
	])('%s: %j', async (path, expected) => {
		expect(await menu(path)).toEqual(expected);
	});
});

describe('one pagination URL pattern', () => {
	let config: NetlifyConfig;
	beforeAll(async () => {
		config = await loadNetlifyConfig();
	});

	test('tag page 2 is /tags/<tag>/page/2/, says «страница 2» in its h1 and title', async () => {
		const second = await page(`/tags/${BIG_TAG.slug}/page/2/`);
		expect(text(second.querySelector('h1'))).toBe(`Тема «${BIG_TAG.name}» — страница 2`);
		expect(text(second.querySelector('title'))).toMatch(
			new RegExp(`^Тема «${BIG_TAG.name}», страница 2\\b`),
		);
		const canonical = absoluteUrl(`/tags/${BIG_TAG.slug}/page/2/`);
		expect(second.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(canonical);
		expect(second.querySelector('link[rel="prev"]')?.getAttribute('href')).toBe(
			absoluteUrl(`/tags/${BIG_TAG.slug}/`),
		);
		const first = await page(`/tags/${BIG_TAG.slug}/`);
		expect(first.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe(
			`/tags/${BIG_TAG.slug}/page/2/`,
		);
		// The listing's page 2 says it the same way.
		expect(text((await page('/page/2/')).querySelector('h1'))).toBe('Статьи — страница 2');
	});

	test('no page at /page/1/ or at the old tag URLs; netlify.toml sends them on', () => {
		const has = (path: string) => existsSync(join(dist(), path, 'index.html'));
		expect(has('/page/1/')).toBe(false);
		expect(has('/page/2/')).toBe(true);
		expect(has(`/tags/${BIG_TAG.slug}/2/`)).toBe(false);
		for (const [from, to] of [
			['/page/1/', '/'],
			[`/tags/${BIG_TAG.slug}/2/`, `/tags/${BIG_TAG.slug}/page/2/`],
			[`/tags/${BIG_TAG.slug}/page/1/`, `/tags/${BIG_TAG.slug}/`],
		] as const) {
			expect(redirectFor(config.redirects, from), from).toEqual({ to, status: 301 });
			expect(has(to), to).toBe(true);
		}
	});

	test('the sitemap lists tag page 2 at its URL, and nothing at the old ones', async () => {
		const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
		const read = async (file: string) =>
			parser.parse(await readFile(join(dist(), file), 'utf8')) as Record<string, unknown>;
		const index = (await read('sitemap-index.xml'))['sitemapindex'] as {
			sitemap: { loc: string }[];
		};
		const urls: string[] = [];
		for (const { loc } of index.sitemap) {
			const set = (await read(new URL(loc).pathname))['urlset'] as { url: { loc: string }[] };
			urls.push(...set.url.map((url) => url.loc));
		}
		expect(urls).toContain(absoluteUrl(`/tags/${BIG_TAG.slug}/page/2/`));
		expect(urls).toContain(absoluteUrl('/page/2/'));
		expect(urls.filter((url) => /\/tags\/[^/]+\/\d+\/$|\/page\/1\/$/.test(url))).toEqual([]);
	});
});

describe('newer and older point the same way everywhere', () => {
	/** The article paths in listing order (newest first), read from every listing page. */
	async function listingOrder(): Promise<string[]> {
		const order: string[] = [];
		for (let path: string | undefined = '/'; path;) {
			const listing = await page(path);
			order.push(
				...listing
					.querySelectorAll('.post-list .card__title a')
					.map((a) => a.getAttribute('href')!),
			);
			path = listing.querySelector('.pagination a[rel="next"]')?.getAttribute('href');
		}
		return order;
	}

	test('listing pages: «← Новее» to the newer page, «Старше →» to the older one', async () => {
		const second = await page('/page/2/');
		expect(text(second.querySelector('.pagination a[rel="prev"]'))).toBe('← Новее');
		expect(second.querySelector('.pagination a[rel="prev"]')?.getAttribute('href')).toBe('/');
		expect(text(second.querySelector('.pagination a[rel="next"]'))).toBe('Старше →');
		expect(second.querySelector('.pagination a[rel="next"]')?.getAttribute('href')).toBe(
			'/page/3/',
		);
	});

	test('under every article: «← Новее» to the post before it in the listing, «Старше →» after', async () => {
		const order = await listingOrder();
		expect(order.length).toBeGreaterThan(20);
		for (const [index, path] of order.entries()) {
			const nav = (await page(path)).querySelector('.post-nav');
			const newer = nav?.querySelector('a[rel="prev"]');
			const older = nav?.querySelector('a[rel="next"]');
			expect(newer?.getAttribute('href'), path).toBe(order[index - 1]);
			expect(older?.getAttribute('href'), path).toBe(order[index + 1]);
			if (newer) expect(text(newer.querySelector('.post-nav__label'))).toBe('← Новее');
			if (older) expect(text(older.querySelector('.post-nav__label'))).toBe('Старше →');
			// Newer first in the document, as on the listing pages.
			if (newer && older) expect(nav?.querySelectorAll('a')[0]).toBe(newer);
		}
	});
});

describe('in the browser', () => {
	const site = useFixtureSite();

	test('the current section is drawn highlighted on an article and on a tag page', async () => {
		const { page: tab } = await site.open('/');
		for (const [path, current] of [
			[`/blog/${LONG_POST.slug}/`, 'Статьи'],
			[`/tags/${BIG_TAG.slug}/page/2/`, 'Темы'],
		] as const) {
			await tab.goto(site.url + path);
			const looks = await tab.locator('.site-nav a').evaluateAll((links) =>
				links.map((a) => {
					const style = getComputedStyle(a);
					return { label: a.textContent?.trim(), look: `${style.color} ${style.fontWeight}` };
				}),
			);
			const marked = looks.find((item) => item.label === current)!;
			for (const other of looks.filter((item) => item !== marked)) {
				expect(other.look, `${path} ${other.label}`).not.toBe(marked.look);
			}
		}
		await tab.context().close();
	});

	test('on a phone, the older page of a tag opens from «Старше →»', async () => {
		const { page: tab } = await site.open(`/tags/${BIG_TAG.slug}/`, {
			viewport: { width: 390, height: 844 },
		});
		await tab.getByRole('link', { name: 'Старше →' }).click();
		await tab.waitForURL(`**/tags/${BIG_TAG.slug}/page/2/`);
		expect(await tab.locator('h1').textContent()).toBe(`Тема «${BIG_TAG.name}» — страница 2`);
		expect(
			await tab.locator('.site-nav a[aria-current]').evaluate((a) => a.textContent?.trim()),
		).toBe('Темы');
		await tab.context().close();
	});
});
