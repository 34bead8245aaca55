import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
	BIG_TAG,
	BIG_TAG_POST_COUNT,
	DRAFT_POST,
	FIXTURE_POST_COUNT,
	LONG_POST,
	TRUST_POST,
} from '../support/fixture-corpus.ts';
import { pluralize } from '../../src/lib/text/plural.ts';
import { SITE } from '../../src/site.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

/*
 * What a reader does on the generated fixture blog (25 posts): page through the listing, open
 * an article, follow «Читайте также», browse a tag, search by another form of a word. Every
 * page must also stay free of console errors and of requests that leave the site.
 */

const site = useFixtureSite();
const { opened } = site;

async function visit(path: string, options = {}): Promise<Page> {
	return (await site.open(path, options)).page;
}

const cardLinks = (page: Page): Promise<string[]> =>
	page
		.locator('.post-list .card__title a')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

/** The href of the page's <link rel>, or null without one (the head is static HTML). */
async function headLink(page: Page, rel: string): Promise<string | null> {
	const link = page.locator(`link[rel="${rel}"]`);
	return (await link.count()) > 0 ? link.getAttribute('href') : null;
}

describe('listing → article → related post', () => {
	test('the newest post opens from the first card, with its sections and anchors', async () => {
		const page = await visit('/');
		await page.locator('.post-list .card__title a').first().click();
		await page.waitForURL(`**/blog/${LONG_POST.slug}/`);
		expect((await page.locator('h1').textContent())?.replace(/\u00a0/g, ' ')).toBe(
			LONG_POST.headline,
		);

		const toc = await page.locator('.toc > ol > li > a').allTextContents();
		expect(toc.map((text) => text.replace(/\u00a0/g, ' '))).toEqual(LONG_POST.sections);

		const anchor = page.locator('.prose .heading-anchor').first();
		expect(await anchor.getAttribute('aria-label')).toMatch(/^Ссылка на раздел «Утро:/);
		expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
		await anchor.focus();
		expect(await anchor.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
		await anchor.press('Enter');
		expect(new URL(page.url()).hash).toBe('#utro-zayavki');
		expect(await page.locator('#utro-zayavki').textContent()).toBe('Утро: заявки');
	});

	test('«Читайте также» lists the editor’s picks first and leads to them', async () => {
		const page = await visit(`/blog/${LONG_POST.slug}/`);
		const related = page.locator('.related__link');
		expect(await related.count()).toBe(3);
		const hrefs = await related.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
		expect(hrefs.slice(0, 2)).toEqual(LONG_POST.related.map((slug) => `/blog/${slug}/`));
		expect(hrefs).not.toContain(`/blog/${LONG_POST.slug}/`);

		await related.first().click();
		await page.waitForURL(`**/blog/${LONG_POST.related[0]}/`);
		expect(await page.locator('h1').textContent()).toMatch(/^Заметка 03:/);
	});
});

describe('pagination', () => {
	test('three pages hold every public post once, newest first, linked by rel prev/next', async () => {
		const page = await visit('/');
		const seen: string[] = [];
		const counts: number[] = [];
		for (let n = 1; ; n++) {
			const links = await cardLinks(page);
			counts.push(links.length);
			seen.push(...links);
			const next = page.locator('.pagination a[rel="next"]');
			if (n === 1) expect(await headLink(page, 'prev')).toBeNull();
			if ((await next.count()) === 0) {
				expect(await headLink(page, 'next')).toBeNull();
				break;
			}
			expect(await headLink(page, 'next')).toMatch(new RegExp(`/page/${n + 1}/$`));
			await next.click();
			await page.waitForURL(`**/page/${n + 1}/`);
			expect(await headLink(page, 'prev')).toMatch(n === 1 ? /\/$/ : new RegExp(`/page/${n}/$`));
		}
		const perPage = SITE.postsPerPage;
		const pages = Math.ceil(FIXTURE_POST_COUNT / perPage);
		expect(counts).toEqual(
			Array.from({ length: pages }, (_, n) => Math.min(perPage, FIXTURE_POST_COUNT - n * perPage)),
		);
		expect(new Set(seen).size).toBe(FIXTURE_POST_COUNT);
		expect(seen[0]).toBe(`/blog/${LONG_POST.slug}/`);
		expect(seen.at(-1)).toBe('/blog/post-01/');
		expect(seen).not.toContain(`/blog/${DRAFT_POST.slug}/`);
		expect(await page.locator('.pagination').textContent()).toContain(
			`Страница ${pages} из ${pages}`,
		);
	});
});

describe('tags', () => {
	test('a tag page lists its posts with counts and pages, and the tag index links to it', async () => {
		const page = await visit('/tags/');
		const tag = page.locator(`.tag-cloud a[href="/tags/${BIG_TAG.slug}/"]`);
		const count = pluralize(BIG_TAG_POST_COUNT, ['статья', 'статьи', 'статей']);
		expect(await tag.textContent()).toMatch(
			new RegExp(`Петербург\\s+${BIG_TAG_POST_COUNT}\\s${count}`),
		);
		await tag.click();
		await page.waitForURL(`**/tags/${BIG_TAG.slug}/`);
		expect(await page.locator('h1').textContent()).toBe(`Тема «${BIG_TAG.name}»`);
		const first = await cardLinks(page);
		expect(first).toHaveLength(Math.min(SITE.postsPerPage, BIG_TAG_POST_COUNT));
		await page.locator('.pagination a[rel="next"]').click();
		await page.waitForURL(`**/tags/${BIG_TAG.slug}/page/2/`);
		expect(await page.locator('h1').textContent()).toBe(`Тема «${BIG_TAG.name}» — страница 2`);
		expect(await page.title()).toMatch(new RegExp(`^Тема «${BIG_TAG.name}», страница 2`));
		const second = await cardLinks(page);
		expect(second).toHaveLength(
			Math.min(SITE.postsPerPage, BIG_TAG_POST_COUNT - SITE.postsPerPage),
		);
		expect([...first, ...second]).not.toContain(`/blog/${DRAFT_POST.slug}/`);
	});
});

describe('search', () => {
	test('«доверие» finds the only post that says «доверия» and «доверии»', async () => {
		const page = await visit('/search/');
		const all = page.locator('[data-search-all]');
		expect(await all.isVisible()).toBe(true);
		expect(await page.locator('[data-search-note]').isVisible()).toBe(false);
		await page.locator('#search-query').fill('доверие');
		const status = page.locator('[data-search-status]');
		await expect
			.poll(async () => (await status.textContent())?.replace(/\u00a0/g, ' '), {
				timeout: 15_000,
			})
			.toBe('Найдена 1 статья');
		expect(await status.getAttribute('role')).toBe('status');
		const results = page.locator('.search-result__title');
		expect(await results.count()).toBe(1);
		expect(await results.first().getAttribute('href')).toBe(`/blog/${TRUST_POST.slug}/`);
		expect((await results.first().textContent())?.replace(/\u00a0/g, ' ')).toBe(
			TRUST_POST.headline,
		);
		expect(await page.locator('.search-result__excerpt mark').allTextContents()).toEqual(
			expect.arrayContaining([expect.stringMatching(/^доверия/)]),
		);
		expect(await all.isVisible()).toBe(false);
		expect(new URL(page.url()).searchParams.get('q')).toBe('доверие');

		await page.locator('#search-query').fill('');
		await expect.poll(() => all.isVisible()).toBe(true);
		expect(await page.locator('.search-results').isVisible()).toBe(false);
	});

	test('a search link (?q=) runs the search; a miss says so', async () => {
		const page = await visit(`/search/?q=${encodeURIComponent('ключи')}`);
		await expect
			.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 })
			.toMatch(/^Найден/);
		expect(await page.locator('#search-query').inputValue()).toBe('ключи');

		await page.locator('#search-query').fill('абракадабра');
		await expect
			.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 })
			.toBe('По запросу «абракадабра» ничего не найдено. Попробуйте другое слово.');
	});

	test('without JavaScript the page lists the newest posts, links to all, shows no dead form', async () => {
		const page = await visit('/search/', { javaScriptEnabled: false });
		expect(await page.locator('[data-search-form]').isVisible()).toBe(false);
		expect(await page.locator('[data-search-note]').textContent()).toMatch(/JavaScript/);
		const links = page.locator('.all-posts__list a');
		expect(await links.count()).toBe(SITE.postsPerPage);
		expect(await links.first().getAttribute('href')).toBe(`/blog/${LONG_POST.slug}/`);
		await page.locator('.all-posts__more a', { hasText: 'Все статьи' }).click();
		await page.waitForURL(`${site.url}/`);
		expect(await cardLinks(page)).toHaveLength(SITE.postsPerPage);
	});
});

describe('client JavaScript', () => {
	test.each(['/', '/page/2/', `/blog/${LONG_POST.slug}/`, `/tags/${BIG_TAG.slug}/`, '/tags/'])(
		'%s loads no script at all',
		async (path) => {
			const page = await visit(path);
			await page.waitForLoadState('networkidle');
			const scripts = await page.evaluate(() => ({
				elements: [...document.scripts].filter((s) => s.type !== 'application/ld+json').length,
				loaded: performance
					.getEntriesByType('resource')
					.filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script')
					.length,
			}));
			expect(scripts).toEqual({ elements: 0, loaded: 0 });
		},
	);
});

test('no page visited above logged an error or left the site', () => {
	expect(opened.length).toBeGreaterThan(5);
	expect(opened.flatMap((checked) => checked.errors)).toEqual([]);
	expect(opened.flatMap((checked) => checked.external)).toEqual([]);
});
