import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import {
	LOADING_STATUS,
	MORE_FAILED_STATUS,
	RESULTS_PAGE_SIZE,
	SEARCH_TOPICS,
} from '../../src/lib/search/search.ts';
import { SITE } from '../../src/site.ts';
import {
	BIG_TAG,
	FIXTURE_POST_COUNT,
	LONG_POST,
	LONG_WORDS_POST,
	TRUST_POST,
} from '../support/fixture-corpus.ts';
import { axeViolations, htmlcsErrors, openPage, switchColorScheme } from '../support/page.ts';
import { useFixtureSite } from '../support/fixture-site.ts';

/*
 * The search page on the generated fixture blog: every result reachable a page at a time, the
 * index's manifest loaded before the first keystroke with a spoken loading state, a query read
 * with one chunk of the index per word, excerpts that mark the words found, a word still being
 * typed completed, misspelt queries that say «ничего не найдено» and suggest a near word, nothing
 * that scrolls sideways on a 320px phone, and a page whose size does not grow with the blog.
 * The address carries the query and the number of results shown, so Back from a result brings
 * the list, the scroll position and the focus back; the title names the query; results show
 * their dates; no results offer the newest posts and topics; a failed «Показать ещё» says so and
 * can be tried again; axe and HTML_CodeSniffer find nothing in any state of the page.
 */

/** A word in the text of every fixture post («консьерж-сервиса»). */
const EVERYWHERE = 'сервис';

/** How long a search may take on a busy machine (the index's files, the results' files). */
const SLOW = { timeout: 15_000 };

const site = useFixtureSite();
const { opened } = site;

async function open(path: string, options = {}): Promise<Page> {
	return (await site.open(path, options)).page;
}

const statusText = async (page: Page): Promise<string> =>
	((await page.locator('[data-search-status]').textContent()) ?? '').replace(/\u00a0/g, ' ');

const resultLinks = (page: Page): Promise<string[]> =>
	page
		.locator('.search-result__title')
		.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));

/** Searches with a query link and waits for the answer (any status but the loading one). */
async function search(query: string, options = {}): Promise<Page> {
	const page = await open(`/search/?q=${encodeURIComponent(query)}`, options);
	await expect.poll(() => statusText(page), SLOW).toMatch(/^(?:Найден|Показан|По запросу)/);
	return page;
}

/** The words marked in each result's excerpt. */
const excerptMarks = (page: Page): Promise<string[][]> =>
	page
		.locator('.search-result__excerpt')
		.evaluateAll((excerpts) =>
			excerpts.map((excerpt) =>
				[...excerpt.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
			),
		);

/** Paths of the search index's files a page requests, in order. */
function indexRequests(page: Page): string[] {
	const paths: string[] = [];
	page.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.startsWith('/search-index/')) paths.push(path);
	});
	return paths;
}

describe('every result is reachable', () => {
	test('«Показать ещё» shows the next results, moves focus to the first new one, and says how many are shown', async () => {
		const page = await search(EVERYWHERE);
		const more = page.locator('[data-search-more]');
		const moreLabel = async (): Promise<string | undefined> =>
			(await more.textContent())?.replace(/\u00a0/g, ' ');
		expect(await statusText(page)).toBe(
			`Показано ${RESULTS_PAGE_SIZE} из ${FIXTURE_POST_COUNT} статей`,
		);
		const first = await resultLinks(page);
		expect(first).toHaveLength(RESULTS_PAGE_SIZE);
		expect(await more.isVisible()).toBe(true);
		expect(await moreLabel()).toBe(`Показать ещё ${RESULTS_PAGE_SIZE} статей`);

		// With the keyboard, as a reader who tabs past the last result does.
		await page.locator('.search-result__title').last().focus();
		await page.keyboard.press('Tab');
		expect(await more.evaluate((button) => button === document.activeElement)).toBe(true);
		await page.keyboard.press('Enter');
		const twice = 2 * RESULTS_PAGE_SIZE;
		await expect
			.poll(() => statusText(page), SLOW)
			.toBe(`Показано ${twice} из ${FIXTURE_POST_COUNT} статей`);
		const second = await resultLinks(page);
		expect(second).toHaveLength(twice);
		expect(second.slice(0, RESULTS_PAGE_SIZE)).toEqual(first);
		const focused = (): Promise<string | null | undefined> =>
			page.evaluate(() => document.activeElement?.getAttribute('href'));
		expect(await focused()).toBe(second[RESULTS_PAGE_SIZE]);
		const rest = FIXTURE_POST_COUNT - twice;
		expect(await moreLabel()).toBe(`Показать ещё ${rest} статей`);

		await more.click();
		await expect.poll(() => statusText(page), SLOW).toBe(`Найдено ${FIXTURE_POST_COUNT} статей`);
		const all = await resultLinks(page);
		expect(all).toHaveLength(FIXTURE_POST_COUNT);
		expect(all.slice(0, twice)).toEqual(second);
		expect(new Set(all).size).toBe(FIXTURE_POST_COUNT);
		expect(all).toContain(`/blog/${TRUST_POST.slug}/`);
		expect(await more.isVisible()).toBe(false);
		expect(await focused()).toBe(all[twice]);
	});

	test('a new query starts again from the first page', async () => {
		const page = await search(EVERYWHERE);
		await page.locator('[data-search-more]').click();
		await expect
			.poll(() => resultLinks(page).then((links) => links.length), SLOW)
			.toBe(2 * RESULTS_PAGE_SIZE);
		await page.locator('#search-query').fill('доверие');
		await expect.poll(() => statusText(page), SLOW).toBe('Найдена 1 статья');
		expect(await resultLinks(page)).toEqual([`/blog/${TRUST_POST.slug}/`]);
		expect(await page.locator('[data-search-more]').isVisible()).toBe(false);
	});
});

describe('the index loads before the first search', () => {
	test('its manifest is requested when the field gets focus, and nothing else until a query', async () => {
		const checked = await openPage(site.browser, site.url);
		opened.push(checked);
		const { page } = checked;
		const requested = indexRequests(page);
		const manifest = page.waitForResponse((response) =>
			response.url().endsWith('/search-index/manifest.json'),
		);
		await page.goto(`${site.url}/search/`);
		await page.locator('#search-query').focus();
		// Served compressed, as Netlify serves JSON.
		expect((await manifest).headers()['content-encoding']).toBe('gzip');
		await expect.poll(() => requested, SLOW).toContain('/search-index/manifest.json');
		await page.waitForTimeout(300);
		expect(requested).toEqual(['/search-index/manifest.json']);
		expect(await statusText(page)).toBe('');
	});

	test('without focus, it is requested once the page is idle', async () => {
		const checked = await openPage(site.browser, site.url);
		opened.push(checked);
		const { page } = checked;
		const requested = indexRequests(page);
		await page.goto(`${site.url}/search/`);
		await expect.poll(() => requested, SLOW).toEqual(['/search-index/manifest.json']);
	});

	test('while it loads, the status says so (a live region), then the results come', async () => {
		const checked = await openPage(site.browser, site.url);
		opened.push(checked);
		const { page } = checked;
		// A slow link: every file of the search index takes a second and a half.
		await page.route('**/search-index/**', async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 1500));
			await route.continue();
		});
		await page.goto(`${site.url}/search/`, { waitUntil: 'domcontentloaded' });
		await page.locator('#search-query').fill('доверие');
		await expect.poll(() => statusText(page), { timeout: 3000 }).toBe(LOADING_STATUS);
		expect(await page.locator('[data-search-status]').getAttribute('role')).toBe('status');
		expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBe('true');
		await expect.poll(() => statusText(page), { timeout: 20_000 }).toBe('Найдена 1 статья');
		expect(await page.locator('[data-search-results]').getAttribute('aria-busy')).toBeNull();
	});
});

describe('what a query reads', () => {
	test('a word in no article: one chunk of the index at most, no article file', async () => {
		const checked = await openPage(site.browser, site.url);
		opened.push(checked);
		const { page } = checked;
		const requested = indexRequests(page);
		await page.goto(`${site.url}/search/?q=${encodeURIComponent('ёлка')}`);
		await expect.poll(() => statusText(page), SLOW).toMatch(/^По запросу «ёлка» ничего/);
		const chunks = requested.filter((path) => path.startsWith('/search-index/t/'));
		expect(chunks.length).toBeLessThanOrEqual(1);
		expect(requested.filter((path) => /^\/search-index\/d-/.test(path))).toEqual([]);
	});

	test('a word in every article: its chunk, and one article file per result shown', async () => {
		const manifest = JSON.parse(
			await readFile(join(inject('fixtureDist'), 'search-index/manifest.json'), 'utf8'),
		) as { count: number; docs: string };
		expect(manifest.count).toBe(FIXTURE_POST_COUNT);
		const checked = await openPage(site.browser, site.url);
		opened.push(checked);
		const { page } = checked;
		const requested = indexRequests(page);
		await page.goto(`${site.url}/search/?q=${encodeURIComponent(`${EVERYWHERE} `)}`);
		await expect.poll(() => statusText(page), SLOW).toMatch(/^Показано 10 из/);
		expect(requested.filter((path) => path.startsWith('/search-index/t/'))).toHaveLength(1);
		const docs = requested.filter((path) => path.startsWith(`/search-index/${manifest.docs}/`));
		expect(docs).toHaveLength(RESULTS_PAGE_SIZE);
		expect(new Set(docs).size).toBe(RESULTS_PAGE_SIZE);
		await page.locator('[data-search-more]').click();
		await expect.poll(() => statusText(page), SLOW).toMatch(/^Показано 20 из/);
		expect(requested.filter((path) => path.startsWith('/search-index/t/'))).toHaveLength(1);
		expect(
			requested.filter((path) => path.startsWith(`/search-index/${manifest.docs}/`)),
		).toHaveLength(2 * RESULTS_PAGE_SIZE);
	});
});

describe('results and their excerpts', () => {
	test('the excerpt marks the words found, in the forms the article uses', async () => {
		const page = await search('доверие');
		expect(await resultLinks(page)).toEqual([`/blog/${TRUST_POST.slug}/`]);
		const [marks = []] = await excerptMarks(page);
		expect(marks.map((mark) => mark.replace(/[^\p{L}]/gu, '')).sort()).toEqual([
			'доверии',
			'доверия',
		]);
		const excerpt = (await page.locator('.search-result__excerpt').textContent()) ?? '';
		expect(excerpt).toContain('Основа доверия');
		// The title as the article shows it: the typography's no-break spaces kept.
		const title = (await page.locator('.search-result__title').textContent()) ?? '';
		expect(title).toContain('\u00a0');
		expect(title.replace(/\u00a0/g, ' ')).toBe(TRUST_POST.headline);
	});

	test('a word still being typed («кварт») finds the articles with words that start with it', async () => {
		const checked = await openPage(site.browser, site.url);
		opened.push(checked);
		const { page } = checked;
		await page.goto(`${site.url}/search/`);
		await page.locator('#search-query').pressSequentially('кварт', { delay: 50 });
		await expect
			.poll(() => statusText(page), SLOW)
			.toBe(`Показано ${RESULTS_PAGE_SIZE} из ${FIXTURE_POST_COUNT} статей`);
		const marks = (await excerptMarks(page)).flat();
		expect(marks.length).toBeGreaterThanOrEqual(RESULTS_PAGE_SIZE);
		for (const mark of marks) expect(mark.toLowerCase()).toMatch(/^кварт/);
		expect(new URL(page.url()).searchParams.get('q')).toBe('кварт');
	});
});

describe('misspelt queries', () => {
	test('«консъерж» finds nothing and suggests «консьерж»', async () => {
		const page = await search('консъерж');
		// «ничего не найдено» comes first; the suggestion once the word list has loaded.
		await expect
			.poll(() => statusText(page), SLOW)
			.toBe('По запросу «консъерж» ничего не найдено. Возможно, вы искали «консьерж»?');
		expect(await page.locator('.search-result').count()).toBe(0);
		const suggestion = page.locator('[data-search-status] a');
		expect(await suggestion.getAttribute('href')).toBe(
			`/search/?q=${encodeURIComponent('консьерж')}`,
		);
		await suggestion.click();
		await expect
			.poll(() => statusText(page), SLOW)
			.toBe(`Показано ${RESULTS_PAGE_SIZE} из ${FIXTURE_POST_COUNT} статей`);
		expect(await page.locator('#search-query').inputValue()).toBe('консьерж');
		expect(new URL(page.url()).searchParams.get('q')).toBe('консьерж');
	});

	test('«довeрие» with a Latin e finds what «доверие» finds, and only that', async () => {
		const page = await search('довeрие');
		expect(await statusText(page)).toBe('Найдена 1 статья');
		expect(await resultLinks(page)).toEqual([`/blog/${TRUST_POST.slug}/`]);
		expect((await excerptMarks(page)).flat()).toHaveLength(2);
	});

	test('«cервис» with a Latin c finds what «сервис» finds', async () => {
		const expected = await resultLinks(await search(EVERYWHERE));
		expect(expected).toHaveLength(RESULTS_PAGE_SIZE);
		expect(await resultLinks(await search('\u0063ервис'))).toEqual(expected);
	});

	test('«ёлка», in no post, says so', async () => {
		const page = await search('ёлка');
		expect(await statusText(page)).toBe(
			'По запросу «ёлка» ничего не найдено. Попробуйте другое слово.',
		);
		expect(await page.locator('.search-result').count()).toBe(0);
	});

	test('«отчёты» with ё and «ОТЧЕТЫ» find the same posts', async () => {
		const withYo = await resultLinks(await search('отчёты'));
		expect(withYo.length).toBeGreaterThan(0);
		expect(await resultLinks(await search('ОТЧЕТЫ'))).toEqual(withYo);
	});
});

describe('nothing scrolls sideways on a 320px phone', () => {
	const scrolls = (page: Page): Promise<boolean> =>
		page.evaluate(
			() => document.documentElement.scrollWidth > document.documentElement.clientWidth,
		);

	test.each([320, 390])('search results with a bare URL in the excerpt, at %ipx', async (width) => {
		const page = await search(LONG_WORDS_POST.query, { viewport: { width, height: 800 } });
		const excerpt = await page.locator('.search-result__excerpt').first().textContent();
		expect(excerpt).toContain(LONG_WORDS_POST.url.slice(0, 40));
		expect(await scrolls(page)).toBe(false);
	});

	test('every article, with its «Читайте также» cards, at 320px', async () => {
		const sitemap = await readFile(join(inject('fixtureDist'), 'sitemap-0.xml'), 'utf8');
		const articles = [...sitemap.matchAll(/<loc>[^<]*?(\/blog\/[^<]+\/)<\/loc>/g)].map(
			(match) => match[1]!,
		);
		expect(articles.length).toBe(FIXTURE_POST_COUNT);
		const checked = await openPage(site.browser, site.url, {
			viewport: { width: 320, height: 700 },
		});
		opened.push(checked);
		const wide: string[] = [];
		let longCards = 0;
		for (const path of articles) {
			await checked.page.goto(site.url + path);
			if (await scrolls(checked.page)) wide.push(path);
			longCards += await checked.page
				.locator('.related__link', { hasText: LONG_WORDS_POST.word })
				.count();
		}
		expect(wide).toEqual([]);
		// The long word is in some related cards, and the long URL in an article: the check bites.
		expect(longCards).toBeGreaterThan(0);
		expect(articles).toContain(`/blog/${LONG_WORDS_POST.slug}/`);
	});
});

describe('accessibility of the search page with results', () => {
	// One search per width, checked in light and then in dark (switchColorScheme).
	test.each([320, 390, 1280])('%ipx, light and dark: axe finds nothing', async (width) => {
		const page = await search(EVERYWHERE, {
			viewport: { width, height: 800 },
			colorScheme: 'light',
		});
		expect(await page.locator('[data-search-more]').isVisible()).toBe(true);
		for (const colorScheme of ['light', 'dark'] as const) {
			await switchColorScheme(page, colorScheme);
			expect(await axeViolations(page), colorScheme).toEqual([]);
		}
	});

	test('and with a suggestion', async () => {
		const page = await search('консъерж', { viewport: { width: 390, height: 800 } });
		await expect.poll(() => page.locator('[data-search-status] a').count(), SLOW).toBe(1);
		expect(await axeViolations(page)).toEqual([]);
	});
});

/** The accessible-name checks of both tools, at once. */
async function a11yProblems(page: Page): Promise<unknown[]> {
	return [...(await axeViolations(page)), ...(await htmlcsErrors(page))];
}

const normalSpaces = (text: string | null): string => (text ?? '').replace(/\u00a0/g, ' ');

describe('the address, the title and Back', () => {
	test('after «Показать ещё», Back from a result brings back the list, the scroll position and the focus', async () => {
		const page = await search(EVERYWHERE);
		expect(new URL(page.url()).searchParams.get('n')).toBeNull();
		await page.locator('[data-search-more]').click();
		await expect
			.poll(() => statusText(page), SLOW)
			.toBe(`Показано ${2 * RESULTS_PAGE_SIZE} из ${FIXTURE_POST_COUNT} статей`);
		const url = new URL(page.url());
		expect(url.searchParams.get('q')).toBe(EVERYWHERE);
		expect(url.searchParams.get('n')).toBe(String(2 * RESULTS_PAGE_SIZE));
		const links = await resultLinks(page);
		// A result of the second page, followed with the keyboard.
		const followed = links[RESULTS_PAGE_SIZE + 4] ?? '';
		await page.locator(`.search-result__title[href="${followed}"]`).focus();
		const y = await page.evaluate(() => scrollY);
		expect(y).toBeGreaterThan(200);
		await page.keyboard.press('Enter');
		await page.waitForURL(site.url + followed);
		await page.goBack();
		await expect.poll(() => resultLinks(page), SLOW).toEqual(links);
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.getAttribute('href')), SLOW)
			.toBe(followed);
		await expect.poll(() => page.evaluate(() => scrollY)).toBeCloseTo(y, -1);
		expect(await statusText(page)).toBe(
			`Показано ${2 * RESULTS_PAGE_SIZE} из ${FIXTURE_POST_COUNT} статей`,
		);
		// The list goes on from there.
		await page.locator('[data-search-more]').click();
		await expect.poll(() => statusText(page), SLOW).toBe(`Найдено ${FIXTURE_POST_COUNT} статей`);
	});

	test('a link with a count shows that many results, a whole number of pages', async () => {
		const page = await open(`/search/?q=${encodeURIComponent(EVERYWHERE)}&n=15`);
		await expect
			.poll(() => statusText(page), SLOW)
			.toBe(`Показано ${2 * RESULTS_PAGE_SIZE} из ${FIXTURE_POST_COUNT} статей`);
		expect(await resultLinks(page)).toHaveLength(2 * RESULTS_PAGE_SIZE);
	});

	test('the title names the query, and only while there is one', async () => {
		const page = await search('доверие');
		expect(await page.title()).toBe(`«доверие» — поиск — ${SITE.name}`);
		await page.locator('#search-query').fill('ёлка');
		await expect.poll(() => page.title(), SLOW).toBe(`«ёлка» — поиск — ${SITE.name}`);
		await page.locator('#search-query').fill('');
		await expect.poll(() => page.title(), SLOW).toBe(`Поиск — ${SITE.name}`);
		expect(new URL(page.url()).search).toBe('');
	});
});

describe('what each result and each miss shows', () => {
	test('each result shows its date, in Russian and Moscow time, as its article does', async () => {
		const page = await search(EVERYWHERE);
		const results = await page.locator('.search-result').evaluateAll((items) =>
			items.map((item) => ({
				href: item.querySelector('a')?.getAttribute('href') ?? '',
				date: item.querySelector('time')?.textContent ?? '',
				datetime: item.querySelector('time')?.getAttribute('datetime') ?? '',
			})),
		);
		expect(results).toHaveLength(RESULTS_PAGE_SIZE);
		for (const result of results) {
			const html = await readFile(join(inject('fixtureDist'), result.href, 'index.html'), 'utf8');
			const time = parse(html).querySelector('[data-search-body] time[datetime]');
			expect(normalSpaces(result.date), result.href).toBe(normalSpaces(time?.textContent ?? null));
			expect(result.datetime, result.href).toBe(time?.getAttribute('datetime'));
			expect(result.date).toMatch(/^\d{1,2} [а-я]+ \d{4}$/u);
		}
	});

	test('no results: the newest posts and the biggest topics, as links in the page', async () => {
		const page = await search('ёлка');
		const newest = page.locator('[data-search-all] .all-posts__list a');
		expect(await newest.count()).toBe(SITE.postsPerPage);
		expect(await newest.first().isVisible()).toBe(true);
		expect(await newest.first().getAttribute('href')).toBe(`/blog/${LONG_POST.slug}/`);
		const topics = page.locator('[data-search-all] .tags a');
		expect(await topics.count()).toBeGreaterThan(0);
		expect(await topics.count()).toBeLessThanOrEqual(SEARCH_TOPICS);
		expect(await topics.first().isVisible()).toBe(true);
		expect(await topics.first().getAttribute('href')).toMatch(/^\/tags\/[a-z0-9-]+\/$/);
		// The biggest topic of the fixture blog is the one with several pages.
		expect(await topics.first().textContent()).toBe(BIG_TAG.name);
	});

	test('offline, «Показать ещё» says it failed and works once the connection is back', async () => {
		// Not among the pages checked for errors: offline, the failed requests are the point.
		const { page } = await openPage(site.browser, site.url);
		await page.goto(`${site.url}/search/?q=${encodeURIComponent(EVERYWHERE)}`);
		await expect.poll(() => statusText(page), SLOW).toMatch(/^Показано 10 из/);
		const exceptions: string[] = [];
		page.on('pageerror', (error) => exceptions.push(error.message));
		const more = page.locator('[data-search-more]');
		await page.context().setOffline(true);
		await more.click();
		await expect.poll(() => statusText(page), SLOW).toBe(normalSpaces(MORE_FAILED_STATUS));
		expect(await resultLinks(page)).toHaveLength(RESULTS_PAGE_SIZE);
		expect(await more.isVisible()).toBe(true);
		expect(await more.isEnabled()).toBe(true);
		expect(await more.getAttribute('aria-busy')).toBeNull();
		await page.context().setOffline(false);
		await more.click();
		await expect.poll(() => statusText(page), SLOW).toMatch(/^Показано 20 из/);
		expect(new Set(await resultLinks(page)).size).toBe(2 * RESULTS_PAGE_SIZE);
		expect(exceptions).toEqual([]);
		await page.context().close();
	});
});

describe('axe and HTML_CodeSniffer (WCAG 2 AA) find nothing in any state', () => {
	const options = { bypassCSP: true, viewport: { width: 390, height: 800 } };

	test('the built page: every control has its name in the markup', async () => {
		const html = parse(await readFile(join(inject('fixtureDist'), 'search/index.html'), 'utf8'));
		const controls = html.querySelectorAll('button, input:not([type="hidden"]), a[href]');
		expect(controls.length).toBeGreaterThan(5);
		for (const control of controls) {
			const id = control.getAttribute('id');
			const label = id ? html.querySelector(`label[for="${id}"]`) : null;
			const name = control.getAttribute('aria-label') ?? (label ?? control).textContent.trim();
			expect(name, control.outerHTML).not.toBe('');
		}
	});

	test('empty', async () => {
		const page = await open('/search/', options);
		await page.locator('#search-query').focus();
		expect(await a11yProblems(page)).toEqual([]);
	});

	test('typing', async () => {
		const page = await open('/search/', options);
		await page.locator('#search-query').pressSequentially('довери', { delay: 50 });
		expect(await a11yProblems(page)).toEqual([]);
	});

	test('results', async () => {
		const page = await search(EVERYWHERE, options);
		expect(await a11yProblems(page)).toEqual([]);
	});

	test('more results', async () => {
		const page = await search(EVERYWHERE, options);
		await page.locator('[data-search-more]').click();
		await expect.poll(() => statusText(page), SLOW).toMatch(/^Показано 20 из/);
		expect(await a11yProblems(page)).toEqual([]);
	});

	test('no results, with a suggestion', async () => {
		const page = await search('консъерж', options);
		await expect.poll(() => page.locator('[data-search-status] a').count(), SLOW).toBe(1);
		expect(await a11yProblems(page)).toEqual([]);
	});

	test('offline, after «Показать ещё» failed', async () => {
		const { page } = await openPage(site.browser, site.url, options);
		await page.goto(`${site.url}/search/?q=${encodeURIComponent(EVERYWHERE)}`);
		await expect.poll(() => statusText(page), SLOW).toMatch(/^Показано 10 из/);
		await page.context().setOffline(true);
		await page.locator('[data-search-more]').click();
		await expect.poll(() => statusText(page), SLOW).toBe(normalSpaces(MORE_FAILED_STATUS));
		expect(await a11yProblems(page)).toEqual([]);
		await page.context().close();
	});
});

describe('the page itself', () => {
	test('does not grow with the blog: the newest posts only, with links to all of them', async () => {
		const html = await readFile(join(inject('fixtureDist'), 'search/index.html'));
		const page = parse(html.toString('utf8'));
		const listed = page.querySelectorAll('.all-posts__list a').map((a) => a.getAttribute('href'));
		expect(listed).toHaveLength(SITE.postsPerPage);
		expect(listed.length).toBeLessThan(FIXTURE_POST_COUNT);
		expect(listed[0]).toBe(`/blog/${LONG_POST.slug}/`);
		const more = page.querySelectorAll('.all-posts__more a').map((a) => a.getAttribute('href'));
		expect(more).toEqual(['/', '/tags/']);
		// About 1.5 KB gzipped today; far from the 100 KB a page may weigh.
		expect(gzipSync(html).length).toBeLessThan(10_000);
	});
});

test('no search page logged an error or left the site', () => {
	expect(opened.length).toBeGreaterThan(10);
	expect(opened.flatMap((checked) => checked.errors)).toEqual([]);
	expect(opened.flatMap((checked) => checked.external)).toEqual([]);
});
