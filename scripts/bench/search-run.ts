import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { SITE } from '../../src/site.ts';
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
 * runs the same queries through one Pagefind index of all the site's articles. The page is read
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
 * Requests and bytes per phase of a page's life. Playwright's request events include those of
 * the page's workers (Pagefind searches in one), which the page's own CDP session never sees.
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
		// Applies to the page's dedicated workers too (Pagefind's requests are delayed alike).
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
		await page.keyboard.type(query, { delay: KEY_DELAY_MS });
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

/**
 * Every result URL, in Pagefind's order, of a query through Pagefind's JS API in the page:
 * the bundle at /pagefind/ plus, when `withManifest`, the other indexes its manifest lists
 * (merged, out-of-date ids dropped), as the site's bundles are meant to be read.
 */
async function pagefindResults(
	page: Page,
	query: string,
	withManifest: boolean,
): Promise<string[]> {
	return page.evaluate(
		async ({ query, withManifest }) => {
			interface Api {
				options(options: object): Promise<void>;
				mergeIndex(url: string): Promise<void>;
				init(): Promise<void>;
				search(query: string): Promise<{
					results: { id: string; data(): Promise<{ url: string }> }[];
				}>;
			}
			const module = '/pagefind/pagefind.js';
			const api = (await import(/* @vite-ignore */ module)) as Api;
			await api.options({ baseUrl: '/' });
			let hidden = new Set<string>();
			if (withManifest) {
				const response = await fetch('/pagefind/manifest.json');
				const manifest = (response.ok ? await response.json() : {}) as {
					indexes?: string[];
					hidden?: string[];
				};
				for (const index of manifest.indexes ?? []) await api.mergeIndex(index);
				hidden = new Set(manifest.hidden ?? []);
			}
			await api.init();
			const seen = new Set<string>();
			const results = (await api.search(query)).results.filter((result) => {
				if (hidden.has(result.id) || seen.has(result.id)) return false;
				seen.add(result.id);
				return true;
			});
			return Promise.all(results.map(async (result) => (await result.data()).url));
		},
		{ query, withManifest },
	);
}

/** Writes one Pagefind index of every article of `dist` into `root`/pagefind/. */
async function buildOneIndex(dist: string, root: string): Promise<{ articles: number }> {
	await mkdir(root, { recursive: true });
	try {
		const { index, errors } = await createIndex({ forceLanguage: SITE.lang });
		if (!index) throw new Error(errors.join('\n'));
		const added = await index.addDirectory({ path: dist, glob: 'blog/*/index.html' });
		const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
		const problems = [...added.errors, ...written.errors];
		if (problems.length > 0) throw new Error(problems.join('\n'));
		// A blank page on the same origin to run the queries from.
		await writeFile(join(root, 'index.html'), '<!doctype html><title>Pagefind</title>\n');
		await writeFile(join(root, '404.html'), '<!doctype html><title>404</title>\n');
		return { articles: added.page_count };
	} finally {
		await close();
	}
}

/** Options of the search benchmark. */
export interface SearchBenchOptions {
	/** The built site. */
	dist: string;
	/** A scratch folder for the one index. */
	work: string;
	runs: number;
	throttle: boolean;
	log?: (line: string) => void;
}

/** Runs the search benchmark against a built site. */
export async function benchSearch(options: SearchBenchOptions): Promise<SearchBenchResult> {
	const say = options.log ?? console.log;
	const throttle = options.throttle ? networkConditions(THROTTLE) : null;
	const oneRoot = join(options.work, 'search-one-index');
	say('  Search: one Pagefind index of all articles…');
	const started = performance.now();
	const { articles } = await buildOneIndex(options.dist, oneRoot);
	const oneIndex = { articles, seconds: (performance.now() - started) / 1000 };
	say(`  ${articles} articles indexed in ${oneIndex.seconds.toFixed(1)} s`);

	const site = await serveDist(options.dist);
	const one = await serveDist(oneRoot);
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

			// The comparison reads whole result sets: unthrottled, outside the timed runs.
			const sitePage = await coldPage(browser, null);
			const onePage = await coldPage(browser, null);
			try {
				await sitePage.page.goto(`${site.url}/search/`);
				await onePage.page.goto(`${one.url}/`);
				const siteAll = await pagefindResults(sitePage.page, query.query, true).catch(
					() => undefined,
				);
				const oneAll = await pagefindResults(onePage.page, query.query, false);
				const listed = runs[0]?.listed ?? [];
				result.comparison.push(
					compareResults(
						query.query,
						{ count: summary.resultCount, top: listed, all: siteAll },
						{ all: oneAll },
					),
				);
			} finally {
				await sitePage.context.close();
				await onePage.context.close();
			}
		}
		return result;
	} finally {
		await browser.close();
		await site.close();
		await one.close();
	}
}
