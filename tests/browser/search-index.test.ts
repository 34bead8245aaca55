import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SEARCH_QUERIES } from '../../scripts/bench/search.ts';
import { resultStatus, settleDelay } from '../../src/lib/search/search.ts';
import { launchBrowser } from '../support/browser.ts';
import type { FixtureBuild } from '../support/build.ts';
import { openPage, type CheckedPage } from '../support/page.ts';
import { readSearchIndex, type BuiltSearchIndex } from '../support/search-index.ts';
import { WORDS, cachedRecords, rebuildScenario } from '../support/rebuild-scenario.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/*
 * The search index after an incremental rebuild (the shared rebuild scenario,
 * tests/support/rebuild-scenario.ts). The build keeps each article's extracted record in
 * `<cacheDir>/search-index/docs/` and links it into the site as the article's file; a rebuild
 * reads again only the pages that changed. The search page must then find the new text, never
 * the old text of a changed or deleted post, list every post once, and answer every query
 * exactly as after a clean build of the same posts.
 *
 * The generated posts are about real topics (several about «доверительное управление»), so the
 * same site shows how the page behaves while a reader types a query.
 */

const EVERYWHERE = WORDS.everywhere;
const OLD_WORD = WORDS.old;
const NEW_WORD = WORDS.new;
const DELETED_WORD = WORDS.deleted;
const ADDED_WORD = WORDS.added;

let cache = '';
let rebuild: FixtureBuild;
let clean: FixtureBuild;
let browser: Browser;
let server: StaticServer;
let cleanServer: StaticServer;
let changed: { slug: string };
let added: { slug: string };
let deleted: { slug: string };
const opened: CheckedPage[] = [];
/** The cached records before the rebuild: inode by file name. */
let recordsBefore = new Map<string, number>();
/** The index before the rebuild. */
let first: BuiltSearchIndex;
/** Digest of each article page before the rebuild, by URL. */
let pagesBefore = new Map<string, string>();

/** Digest of each article page of a built site, by URL. */
const articlePages = (site: string): Map<string, string> =>
	new Map(
		readdirSync(join(site, 'blog')).map((slug) => [
			`/blog/${slug}/`,
			createHash('sha256')
				.update(readFileSync(join(site, 'blog', slug, 'index.html')))
				.digest('hex'),
		]),
	);

/** Every file of a built site's search index with its content, by path inside the index. */
function indexFiles(site: string): Map<string, string> {
	const dir = join(site, 'search-index');
	return new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => {
				const path = join(entry.parentPath, entry.name);
				return [path.slice(dir.length + 1), readFileSync(path, 'utf8')];
			}),
	);
}

beforeAll(async () => {
	const scenario = await rebuildScenario();
	({ rebuild, clean } = scenario.builds);
	({ cache, changed, added, deleted } = scenario);
	recordsBefore = new Map(Object.entries(scenario.recordsBefore));
	// Before the rebuild: the build that changed a title, copied as it was built.
	first = await readSearchIndex(scenario.builds.titled.outDir);
	pagesBefore = articlePages(scenario.builds.titled.outDir);
	[browser, server, cleanServer] = await Promise.all([
		launchBrowser(),
		serveDist(rebuild.outDir),
		serveDist(clean.outDir),
	]);
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	await cleanServer?.close();
});

/** A result as the reader sees it: the link and the words highlighted in its excerpt. */
interface Result {
	href: string;
	marks: string[];
}

/** Searches on /search/ of a site and returns the status line and every result. */
async function search(
	query: string,
	site: StaticServer = server,
): Promise<{ status: string; results: Result[] }> {
	const checked = await openPage(browser, site.url);
	opened.push(checked);
	const page: Page = checked.page;
	await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`);
	const status = page.locator('[data-search-status]');
	await expect
		.poll(() => status.textContent(), { timeout: 15_000 })
		.toMatch(/^(?:Найден|Показан|По запросу)/);
	// Every result, a page at a time.
	const more = page.locator('[data-search-more]');
	// The status changes once a page of results has loaded (the results show one by one before).
	while (await more.isVisible()) {
		const before = await status.textContent();
		await more.click();
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toBe(before);
	}
	const results = await page.locator('.search-result').evaluateAll((items) =>
		items.map((item) => ({
			href: item.querySelector('a')?.getAttribute('href') ?? '',
			marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
		})),
	);
	const text = (await status.textContent()) ?? '';
	await page.context().close();
	return { status: text.replace(/\u00a0/g, ' '), results };
}

const hrefs = (results: readonly Result[]): string[] => results.map((result) => result.href);

describe('the record cache', () => {
	test('the rebuild read again only the pages that changed', () => {
		const summary = /статей — (\d+), прочитано заново — (\d+)/.exec(rebuild.stdout);
		expect(summary, rebuild.stdout).not.toBeNull();
		const [articles, parsed] = [Number(summary?.[1]), Number(summary?.[2])];
		// Pages change with their related posts too: those of the deleted and the added post.
		const pagesAfter = articlePages(rebuild.outDir);
		const differ = [...pagesAfter].filter(([url, digest]) => pagesBefore.get(url) !== digest);
		expect(differ.map(([url]) => url)).toEqual(
			expect.arrayContaining([`/blog/${changed.slug}/`, `/blog/${added.slug}/`]),
		);
		expect(articles).toBe(pagesAfter.size);
		expect(parsed).toBe(differ.length);
		expect(parsed).toBeLessThan(articles);
		// The clean build read every page.
		expect(clean.stdout).toContain(`статей — ${articles}, прочитано заново — ${articles}`);
	});

	test("an unchanged article's file in the site is a hard link to its cached record", async () => {
		const index = await readSearchIndex(rebuild.outDir);
		const pagesAfter = articlePages(rebuild.outDir);
		const records = cachedRecords(cache);
		const cachedInodes = new Set(records.values());
		const inodesBefore = new Set(recordsBefore.values());
		let unchanged = 0;
		index.docs.forEach((doc, id) => {
			const file = statSync(join(index.dir, index.manifest.docs, `${id}.json`));
			expect(file.nlink, doc.url).toBeGreaterThan(1);
			expect(cachedInodes.has(file.ino), doc.url).toBe(true);
			// The first build's record, untouched, exactly when the page did not change.
			const same = pagesBefore.get(doc.url) === pagesAfter.get(doc.url);
			expect(inodesBefore.has(file.ino), doc.url).toBe(same);
			if (same) unchanged++;
		});
		expect(unchanged).toBeGreaterThan(0);
		// The cache keeps only the records this build used: the deleted post's is gone.
		expect(records.size).toBe(index.manifest.count);
		// The manifest is the build's own file.
		expect(statSync(join(index.dir, 'manifest.json')).nlink).toBe(1);
	});

	test('the changed article was read again: its file has the new text, not the old', () => {
		const url = `/blog/${changed.slug}/`;
		const before = first.docs.find((doc) => doc.url === url);
		expect(before?.text).toContain(OLD_WORD);
		const index = JSON.parse(
			readFileSync(join(rebuild.outDir, 'search-index/manifest.json'), 'utf8'),
		) as { docs: string; count: number };
		const docs = Array.from(
			{ length: index.count },
			(_, id) =>
				JSON.parse(
					readFileSync(join(rebuild.outDir, 'search-index', index.docs, `${id}.json`), 'utf8'),
				) as { url: string; text: string },
		);
		const after = docs.find((doc) => doc.url === url);
		expect(after?.text).toContain(NEW_WORD);
		expect(after?.text).not.toContain(OLD_WORD);
		expect(docs.map((doc) => doc.url)).not.toContain(`/blog/${deleted.slug}/`);
		expect(docs.map((doc) => doc.url)).toContain(`/blog/${added.slug}/`);
		// A new set of article files is a new folder: a browser never mixes the two builds'.
		expect(index.docs).not.toBe(first.manifest.docs);
	});

	test('the index files are byte for byte those of a clean build of the same posts', () => {
		const incremental = indexFiles(rebuild.outDir);
		const fresh = indexFiles(clean.outDir);
		expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
		for (const [path, text] of incremental) expect(text, path).toBe(fresh.get(path));
	});
});

describe('search after the rebuild', () => {
	test('the changed post is found by its new text, not by its old text', async () => {
		const found = await search(NEW_WORD);
		expect(hrefs(found.results)).toEqual([`/blog/${changed.slug}/`]);
		expect(found.results[0]?.marks).toEqual([NEW_WORD]);
		const old = await search(OLD_WORD);
		expect(old.results).toEqual([]);
		expect(old.status).toMatch(/^По запросу «Протоплазма» ничего не найдено\./);
	});

	test('a deleted post is gone; a new post is found', async () => {
		const gone = await search(DELETED_WORD);
		expect(gone.results).toEqual([]);
		const found = await search(ADDED_WORD);
		expect(hrefs(found.results)).toEqual([`/blog/${added.slug}/`]);
	});

	test('every article is listed once', async () => {
		const articles = readdirSync(join(rebuild.outDir, 'blog'));
		const { status, results } = await search(EVERYWHERE);
		const links = hrefs(results);
		expect(status).toBe(resultStatus(articles.length, EVERYWHERE).replace(/\u00a0/g, ' '));
		expect(new Set(links).size).toBe(links.length);
		expect(links.sort()).toEqual(articles.map((slug) => `/blog/${slug}/`).sort());
	});

	/*
	 * The index files, the search page and every script and style it can load are the clean
	 * build's, byte for byte (above and below): the same program on the same data answers every
	 * query alike. Two queries show it as a reader sees it: two words with marks, and one that
	 * lists every article a page at a time.
	 */
	test('the search page and the files it loads are byte for byte those of a clean build', () => {
		const files = (site: string): Map<string, string> =>
			new Map(
				['search/index.html', ...readdirSync(join(site, '_astro')).map((name) => `_astro/${name}`)]
					.filter((path) => statSync(join(site, path)).isFile())
					.map((path) => [path, readFileSync(join(site, path), 'utf8')]),
			);
		const fresh = files(clean.outDir);
		const incremental = files(rebuild.outDir);
		expect(fresh.size).toBeGreaterThan(1);
		for (const [path, text] of fresh) expect(incremental.get(path), path).toBe(text);
	});

	test.each([SEARCH_QUERIES[1]?.query ?? '', EVERYWHERE])(
		'«%s»: the same results, in the same order, with the same marks as after a clean build',
		async (query) => {
			expect(query).not.toBe('');
			const [incremental, fresh] = await Promise.all([search(query), search(query, cleanServer)]);
			expect(incremental).toEqual(fresh);
		},
	);

	test('no page reported errors', () => {
		expect(opened.length).toBeGreaterThan(5);
		expect(opened.flatMap((page) => page.errors)).toEqual([]);
	});
});

describe('typing a query at three keys a second', () => {
	const QUERY = 'доверительное управление';

	/** What a reader saw and what the page fetched while a query was entered. */
	interface Entered {
		/** Every text the status line took, in order. */
		statuses: string[];
		/** Times the list went empty or was hidden after it had shown results. */
		emptied: number;
		/** Requests for the index from focusing the field until the page was quiet after the answer. */
		requests: string[];
		/** Times the reader paused long enough for the page to search before the last key. */
		pauses: number;
		links: string[];
	}

	/** In the page: record the status line's texts and any moment the list had no results. */
	function watch(): void {
		const record = window as unknown as {
			statuses: string[];
			emptied: number;
			sizes: number[];
			inputs: number[];
		};
		record.statuses = [];
		record.emptied = 0;
		record.sizes = [];
		record.inputs = [];
		document
			.querySelector('#search-query')
			?.addEventListener('input', () => record.inputs.push(performance.now()));
		const status = document.querySelector('[data-search-status]');
		const list = document.querySelector<HTMLElement>('[data-search-results]');
		let hadResults = false;
		new MutationObserver(() => {
			const text = status?.textContent ?? '';
			if (text !== record.statuses.at(-1)) record.statuses.push(text);
		}).observe(status!, { childList: true, characterData: true, subtree: true });
		new MutationObserver(() => {
			const shown = !list!.hidden && list!.querySelector('li a') !== null;
			record.sizes.push(shown ? list!.querySelectorAll('li').length : 0);
			if (shown) hadResults = true;
			else if (hadResults) record.emptied++;
		}).observe(list!, { childList: true, attributes: true, subtree: true });
	}

	async function enter(typing: boolean): Promise<Entered> {
		const checked = await openPage(browser, cleanServer.url);
		opened.push(checked);
		const { page } = checked;
		// Waited for from the start: the page loads the manifest on focus or once it is idle,
		// whichever comes first (a wait begun at the focus would miss an early one).
		const manifest = page.waitForResponse((response) =>
			response.url().endsWith('/search-index/manifest.json'),
		);
		await page.goto(`${cleanServer.url}/search/`);
		await page.evaluate(watch);
		const requests: string[] = [];
		page.on('request', (request) => {
			// The index's files only: Chromium asks for the favicon again whenever the URL changes.
			const path = new URL(request.url()).pathname;
			if (path.startsWith('/search-index/')) requests.push(path);
		});
		const field = page.locator('#search-query');
		await field.focus();
		// The manifest is the same for both.
		await manifest;
		if (typing) await page.keyboard.type(QUERY, { delay: 333 });
		else await field.fill(QUERY);
		const status = page.locator('[data-search-status]');
		await expect
			.poll(() => status.textContent(), { timeout: 15_000 })
			.toMatch(/^(?:Найден|Показан)/);
		// Anything still on its way after the answer counts too.
		await page.waitForTimeout(1500);
		const { statuses, emptied, inputs } = await page.evaluate(() => {
			const record = window as unknown as { statuses: string[]; emptied: number; inputs: number[] };
			return { statuses: record.statuses, emptied: record.emptied, inputs: record.inputs };
		});
		const links = await page
			.locator('.search-result__title')
			.evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''));
		await page.context().close();
		expect(checked.errors).toEqual([]);
		return { statuses, emptied, requests, pauses: pausesIn(inputs), links };
	}

	/**
	 * How often the page searched before the last key: a key followed by none for longer than the
	 * page's settle delay after it (settleDelay(), from the gaps before it, as the page computes
	 * it), give or take a tenth for the timers. Playwright's `keyboard.type` pauses twice as long
	 * after a space, which makes one; a busy machine can stretch other gaps into more.
	 */
	function pausesIn(inputs: readonly number[]): number {
		const gaps = inputs.slice(1).map((time, i) => time - inputs[i]!);
		return gaps.filter((gap, i) => i > 0 && gap > 0.9 * settleDelay(gaps.slice(0, i))).length;
	}

	test('the status is announced once, nothing says «ничего не найдено», the list never empties, and each search the page ran costs at most the finished query’s requests', async () => {
		const finished = await enter(false);
		const typed = await enter(true);
		expect(finished.links.length).toBeGreaterThan(0);
		expect(typed.links).toEqual(finished.links);
		expect(typed.statuses.filter((text) => /ничего не найдено/.test(text))).toEqual([]);
		expect(typed.statuses.length, typed.statuses.join('\n')).toBeLessThanOrEqual(2);
		expect(typed.statuses.at(-1)).toBe(finished.statuses.at(-1));
		expect(typed.emptied).toBe(0);
		// At most one finished query's requests per search the page ran: per pause, and at the end.
		expect(typed.requests.length, typed.requests.join('\n')).toBeLessThanOrEqual(
			(1 + typed.pauses) * finished.requests.length,
		);
		expect(finished.requests.length).toBeGreaterThan(0);
	});

	test('a reader who pauses after the first word: its results stay until the whole query’s replace them at once', async () => {
		// «управление» is in more posts than «управление недвижимостью».
		const phrase = 'управление недвижимостью';
		const checked = await openPage(browser, cleanServer.url);
		opened.push(checked);
		const { page } = checked;
		await page.goto(`${cleanServer.url}/search/`);
		await page.evaluate(watch);
		const status = page.locator('[data-search-status]');
		const count = (): Promise<number> => page.locator('.search-result').count();
		const [first, rest] = [phrase.slice(0, phrase.indexOf(' ')), phrase.slice(phrase.indexOf(' '))];
		await page.locator('#search-query').pressSequentially(first, { delay: 333 });
		await expect
			.poll(() => status.textContent(), { timeout: 15_000 })
			.toMatch(/^(?:Найден|Показан)/);
		const firstStatus = await status.textContent();
		const firstCount = await count();
		const mark = await page.evaluate(() => (window as unknown as { sizes: number[] }).sizes.length);
		await page.keyboard.type(rest, { delay: 333 });
		await expect.poll(() => status.textContent(), { timeout: 15_000 }).not.toBe(firstStatus);
		await page.waitForTimeout(1500);
		const finalCount = await count();
		const { statuses, sizes, emptied } = await page.evaluate(() => {
			const record = window as unknown as { statuses: string[]; emptied: number; sizes: number[] };
			return { statuses: record.statuses, sizes: record.sizes, emptied: record.emptied };
		});
		expect(finalCount).toBeGreaterThan(1);
		expect(firstCount).toBeGreaterThan(finalCount);
		expect(statuses.filter((text) => /ничего не найдено/.test(text))).toEqual([]);
		expect(emptied).toBe(0);
		// Every state of the list after the first answer is a whole answer: never one result of
		// the new query alone in place of the old list.
		const after = sizes.slice(mark);
		expect(after.at(-1)).toBe(finalCount);
		expect(after.filter((size) => size !== firstCount && size !== finalCount)).toEqual([]);
		await page.context().close();
		expect(checked.errors).toEqual([]);
	});

	test('a reader who stops at a word in no post is told so, after a pause', async () => {
		const checked = await openPage(browser, cleanServer.url);
		opened.push(checked);
		const { page } = checked;
		await page.goto(`${cleanServer.url}/search/`);
		await page.locator('#search-query').pressSequentially('ёлочка', { delay: 333 });
		await expect
			.poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 })
			.toMatch(/^По запросу «ёлочка» ничего не найдено/);
		await page.context().close();
	});
});
