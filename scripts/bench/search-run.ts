import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import {
	SEARCH_FORMAT,
	SearchIndexBuilder,
	docTerms,
	parseSearchManifest,
	runSearch,
	type SearchChunk,
	type SearchDoc,
	type SearchSource,
} from '../../src/lib/search/search-engine.ts';
import { extractSearchRecord } from '../../src/lib/search/search-extract.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST_FILE } from '../../src/lib/search/search.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveDist } from '../../tests/support/server.ts';
import {
	SEARCH_QUERIES,
	THROTTLE,
	compareResults,
	countsAsSearchTraffic,
	networkConditions,
	parseResultCount,
	resultPath,
	summarizeRuns,
	type NetworkConditions,
	type QueryRun,
	type SearchBenchResult,
} from './search.ts';

/*
 * Drives the built site's search page in Chromium, cold cache, for each benchmark query, and
 * runs the same queries through one index of all the site's articles, built here in memory from
 * the pages, to compare the published (split) index with. The page is read
 * from outside, through the elements readers see:
 */
/** The search field. */
const INPUT = '[data-search-form] input[type="search"]';
/** The list of results (hidden while empty). */
const RESULTS = '[data-search-results]';
/** The status line that states the count or that nothing was found. */
const STATUS = '[data-search-status]';

type Phase = 'page' | 'search';

/** Milliseconds between keystrokes: a quick typist. */
export const KEY_DELAY_MS = 100;
/** The network is quiet when no request is open for this long. */
const QUIET_MS = 500;

/**
 * Requests and bytes per phase of a page's life, from Playwright's request events (which include
 * those of any worker the page starts).
 * Bytes are response headers and body as received (the body before decompression).
 */
class NetworkLog {
	phase: Phase = 'page';
	private readonly requests: { phase: Phase; request: Request }[] = [];
	private readonly open = new Set<Request>();
	private lastActivity = Date.now();

	constructor(context: BrowserContext) {
		context.on('request', (request) => {
			if (!countsAsSearchTraffic(request.url())) return;
			this.requests.push({ phase: this.phase, request });
			this.open.add(request);
			this.lastActivity = Date.now();
		});
		const done = (request: Request): void => {
			this.open.delete(request);
			this.lastActivity = Date.now();
		};
		context.on('requestfinished', done);
		context.on('requestfailed', done);
	}

	/** Requests and bytes of a phase (call once the network is quiet). */
	async counts(phase: Phase): Promise<{ requests: number; bytes: number }> {
		const mine = this.requests.filter((entry) => entry.phase === phase);
		const sizes = await Promise.all(
			mine.map(({ request }) =>
				request.sizes().then(
					(size) => size.responseHeadersSize + size.responseBodySize,
					() => 0,
				),
			),
		);
		return { requests: mine.length, bytes: sizes.reduce((sum, size) => sum + size, 0) };
	}

	/** Resolves once no request has been open for `QUIET_MS`. */
	async quiet(timeoutMs = 60_000): Promise<void> {
		const end = Date.now() + timeoutMs;
		while (Date.now() < end) {
			if (this.open.size === 0 && Date.now() - this.lastActivity >= QUIET_MS) return;
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		const open = [...this.open].map((request) => request.url()).join(', ');
		throw new Error(`network still busy after ${timeoutMs} ms: ${open}`);
	}
}

/** A fresh context (its own empty HTTP cache) with CDP network logging and the link emulated. */
async function coldPage(browser: Browser, throttle: NetworkConditions | null) {
	const context: BrowserContext = await browser.newContext({
		viewport: { width: 1280, height: 800 },
	});
	const page = await context.newPage();
	const log = new NetworkLog(context);
	if (throttle) {
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.emulateNetworkConditions', throttle);
	}
	return { context, page, log };
}

/** In the page: time every input event, and the first answer after the latest one. */
function installTimer(selectors: { results: string; status: string }): void {
	const state = window as unknown as {
		__lastInput?: number | undefined;
		__answer?: number | undefined;
	};
	document.addEventListener(
		'input',
		() => {
			state.__lastInput = performance.now();
			state.__answer = undefined;
		},
		true,
	);
	const list = document.querySelector<HTMLElement>(selectors.results);
	const status = document.querySelector<HTMLElement>(selectors.status);
	// Only changes of the list or the status line answer a query: after the last keystroke the
	// page must write one of them, even when the results are those already shown.
	const observer = new MutationObserver(() => {
		if (state.__lastInput === undefined || state.__answer !== undefined) return;
		const shown = list && !list.hidden && list.querySelector('li a') !== null;
		if (shown || (status?.textContent ?? '').trim() !== '') state.__answer = performance.now();
	});
	const options = { subtree: true, childList: true, characterData: true, attributes: true };
	for (const element of [list, status]) if (element) observer.observe(element, options);
}

/**
 * Types `text` into the focused field one character every KEY_DELAY_MS. Not Playwright's
 * `keyboard.type(text, { delay })`: it presses a key of its US layout (the space) for the delay
 * and then waits the delay again before the next Cyrillic letter, so the word before a space
 * would be followed by a pause of twice the delay, which no even typist makes.
 */
async function typeEvenly(page: Page, text: string): Promise<void> {
	for (const [index, character] of [...text].entries()) {
		if (index > 0) await page.waitForTimeout(KEY_DELAY_MS);
		await page.keyboard.insertText(character);
	}
}

/** One timed search on the site's page. */
async function timeQuery(
	browser: Browser,
	origin: string,
	query: string,
	throttle: NetworkConditions | null,
): Promise<QueryRun> {
	const { context, page, log } = await coldPage(browser, throttle);
	try {
		await page.goto(`${origin}/search/`, { waitUntil: 'load' });
		await page.locator(INPUT).waitFor({ state: 'visible' });
		await log.quiet();
		await page.evaluate(installTimer, { results: RESULTS, status: STATUS });
		log.phase = 'search';
		await page.locator(INPUT).focus();
		await typeEvenly(page, query);
		await page.waitForFunction(
			() => (window as unknown as { __answer?: number }).__answer !== undefined,
			undefined,
			{ timeout: 60_000 },
		);
		await log.quiet();
		const answerMs = await page.evaluate(() => {
			const state = window as unknown as { __lastInput: number; __answer: number };
			return state.__answer - state.__lastInput;
		});
		const status = (await page.locator(STATUS).textContent()) ?? '';
		const listed = await listedResults(page);
		const search = await log.counts('search');
		const pageLoad = await log.counts('page');
		return {
			answerMs,
			requests: search.requests,
			bytes: search.bytes,
			pageRequests: pageLoad.requests,
			pageBytes: pageLoad.bytes,
			resultCount: parseResultCount(status, listed.length),
			listed,
		};
	} finally {
		await context.close();
	}
}

/** The result links the page lists, in order, as paths. */
const listedResults = async (page: Page): Promise<string[]> =>
	(
		await page
			.locator(`${RESULTS} li a[href]`)
			.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
	).map(resultPath);

/** A search source over index files in a folder (the published index, read as the page reads it). */
async function filesSource(
	root: string,
): Promise<SearchSource & { order: (id: number) => Promise<string> }> {
	const manifest = parseSearchManifest(
		JSON.parse(await readFile(join(root, SEARCH_MANIFEST_FILE), 'utf8')),
	);
	if (!manifest) throw new Error(`${root}: no search manifest of this format`);
	return {
		manifest,
		chunk: async (file) => JSON.parse(await readFile(join(root, file), 'utf8')) as SearchChunk,
		order: async (id) =>
			(JSON.parse(await readFile(join(root, manifest.docs, `${id}.json`), 'utf8')) as SearchDoc)
				.url,
	};
}

/** Every result URL of a query through the site's published index, in order. */
async function siteResults(dist: string, query: string): Promise<string[]> {
	const source = await filesSource(join(dist, SEARCH_INDEX_DIR));
	const { ids } = await runSearch(source, query);
	return Promise.all(ids.map((id) => source.order(id)));
}

/**
 * One index of every article of `dist`, built here from the pages themselves (not from the
 * build's cache) into a single chunk held in memory: what the split index must agree with.
 */
async function buildOneIndex(dist: string) {
	const blog = join(dist, 'blog');
	const builder = new SearchIndexBuilder();
	for (const entry of await readdir(blog, { withFileTypes: true })) {
		const file = join(blog, entry.name, 'index.html');
		if (!entry.isDirectory() || !existsSync(file)) continue;
		const record = extractSearchRecord(await readFile(file, 'utf8'), `/blog/${entry.name}/`);
		if (record) builder.add(record.url, record.date, docTerms(record));
	}
	const built = builder.build(Number.POSITIVE_INFINITY);
	const only = built.chunks[0];
	const chunk = (only ? JSON.parse(only.json) : {}) as SearchChunk;
	const source: SearchSource = {
		manifest: {
			v: SEARCH_FORMAT,
			count: built.order.length,
			docs: '',
			chunks: only ? [[only.first, 'all']] : [],
		},
		chunk: async () => chunk,
	};
	return {
		articles: built.order.length,
		results: async (query: string): Promise<string[]> =>
			(await runSearch(source, query)).ids.map((id) => built.order[id] ?? ''),
	};
}

/** Options of the search benchmark. */
export interface SearchBenchOptions {
	/** The built site. */
	dist: string;
	runs: number;
	throttle: boolean;
	log?: (line: string) => void;
}

/** Runs the search benchmark against a built site. */
export async function benchSearch(options: SearchBenchOptions): Promise<SearchBenchResult> {
	const say = options.log ?? console.log;
	const throttle = options.throttle ? networkConditions(THROTTLE) : null;
	say('  Search: one index of all articles, in memory…');
	const started = performance.now();
	const one = await buildOneIndex(options.dist);
	const { articles } = one;
	const oneIndex = { articles, seconds: (performance.now() - started) / 1000 };
	say(`  ${articles} articles indexed in ${oneIndex.seconds.toFixed(1)} s`);

	const site = await serveDist(options.dist);
	const browser = await launchBrowser();
	try {
		const result: SearchBenchResult = {
			throttle,
			runs: options.runs,
			keyDelayMs: KEY_DELAY_MS,
			queries: [],
			comparison: [],
			oneIndex,
		};
		for (const query of SEARCH_QUERIES) {
			const runs: QueryRun[] = [];
			for (let run = 0; run < options.runs; run++) {
				runs.push(await timeQuery(browser, site.url, query.query, throttle));
			}
			const summary = summarizeRuns(query, runs);
			result.queries.push(summary);
			say(
				`  «${query.query}»: ${summary.answerMs.toFixed(0)} ms, ${summary.requests} requests, ` +
					`${(summary.bytes / 1000).toFixed(0)} KB, ${summary.resultCount} results`,
			);

			// The comparison reads whole result sets, outside the timed runs.
			const listed = runs[0]?.listed ?? [];
			result.comparison.push(
				compareResults(
					query.query,
					{
						count: summary.resultCount,
						top: listed,
						all: await siteResults(options.dist, query.query),
					},
					{ all: await one.results(query.query) },
				),
			);
		}
		return result;
	} finally {
		await browser.close();
		await site.close();
	}
}
