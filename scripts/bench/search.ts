import { median } from './stats.ts';

/*
 * The search benchmark's decisions (scripts/bench/search-run.ts drives the browser): which
 * queries, how a throttled link is emulated, how runs are summarised and how the site's results
 * are compared with one index of all articles (the same engine, not split).
 */

/** What a benchmark query stands for. */
export type QueryKind = 'many' | 'phrase' | 'prefix' | 'rare' | 'none';

/** One benchmark query, with the vocabulary words that make it what it is. */
export interface BenchQuery {
	query: string;
	kind: QueryKind;
	/** Why the query is of its kind, in terms of scripts/bench/vocabulary.ts. */
	why: string;
}

/**
 * The fixed queries, all decided by the generator's vocabulary (scripts/bench/vocabulary.ts), so
 * they hit the same posts on every corpus of the same size.
 */
export const SEARCH_QUERIES: readonly BenchQuery[] = [
	{ query: 'квартиры', kind: 'many', why: 'OBJECTS and TOPICS: in most posts' },
	{ query: 'уборка квартиры', kind: 'phrase', why: 'two words, both in many posts' },
	{
		query: 'клиенту',
		kind: 'prefix',
		why: 'клиент… is in most posts; its stem is also the start of «клиентоориентированность»',
	},
	{
		query: 'доверие',
		kind: 'prefix',
		why: 'the heading «Доверие и прозрачность»; shares довер… with «доверительное управление»',
	},
	{
		query: 'предоплаты',
		kind: 'rare',
		why: 'the rarest long-tail keyword qualifier («без предоплаты»): about 3 % of posts',
	},
	{ query: 'велосипед', kind: 'none', why: 'in no vocabulary pool: in no post' },
];

/** Emulated slow link of `--throttle`: added per response and the link's speed both ways. */
export const THROTTLE = { latencyMs: 150, megabitsPerSecond: 1.6 } as const;

/** Parameters of CDP's Network.emulateNetworkConditions. */
export interface NetworkConditions {
	offline: boolean;
	/** Minimum time from a request to its response headers, ms. */
	latency: number;
	/** Bytes per second. */
	downloadThroughput: number;
	/** Bytes per second. */
	uploadThroughput: number;
}

/** CDP's conditions for a link with this latency and speed (Mbit/s, 10^6 bits). */
export function networkConditions(link: {
	latencyMs: number;
	megabitsPerSecond: number;
}): NetworkConditions {
	const bytesPerSecond = (link.megabitsPerSecond * 1_000_000) / 8;
	return {
		offline: false,
		latency: link.latencyMs,
		downloadThroughput: bytesPerSecond,
		uploadThroughput: bytesPerSecond,
	};
}

/**
 * Whether a request counts in the figures: everything but the favicon, which headless Chromium
 * asks for again each time the page changes its URL (the search page keeps the query in it).
 */
export const countsAsSearchTraffic = (url: string): boolean =>
	!/^\/favicon\.[a-z]+$/.test(new URL(url, 'http://localhost').pathname);

/** One timed search in a fresh browser context. */
export interface QueryRun {
	/**
	 * Milliseconds from the last keystroke's input event to the first change of the page that
	 * answers the query: the first result in the list, or the message that nothing was found.
	 */
	answerMs: number;
	/** Requests and bytes from focusing the search field until the answer and its results loaded. */
	requests: number;
	bytes: number;
	/** Requests and bytes of loading the search page itself, before the field was focused. */
	pageRequests: number;
	pageBytes: number;
	/** The number of articles found, as the page says. */
	resultCount: number;
	/** The page's listed result URLs, in order. */
	listed: string[];
}

/** Medians of a query's runs. */
export interface QuerySummary {
	query: string;
	kind: QueryKind;
	runs: number;
	answerMs: number;
	requests: number;
	bytes: number;
	pageRequests: number;
	pageBytes: number;
	resultCount: number;
}

/** Field-by-field medians of one query's runs. */
export function summarizeRuns(query: BenchQuery, runs: readonly QueryRun[]): QuerySummary {
	const of = (field: keyof Omit<QueryRun, 'listed'>): number =>
		median(runs.map((run) => run[field]));
	return {
		query: query.query,
		kind: query.kind,
		runs: runs.length,
		answerMs: of('answerMs'),
		requests: of('requests'),
		bytes: of('bytes'),
		pageRequests: of('pageRequests'),
		pageBytes: of('pageBytes'),
		resultCount: of('resultCount'),
	};
}

/**
 * The result count a page states: the total in «Показано 10 из 1 234 статей», else the first
 * number of its status line («Найдено 1 234 статьи», spaces inside numbers allowed, the quoted
 * query aside), else the number of listed results (0 for «ничего не найдено»).
 */
export function parseResultCount(status: string, listed: number): number {
	// The query, quoted in «», may hold digits of its own.
	const text = status.replace(/«[^»]*»/g, '');
	const number = /\d[\d\s\u00a0\u202f]*/;
	const match = /\sиз\s/.exec(text)
		? number.exec(text.slice(text.search(/\sиз\s/)))
		: number.exec(text);
	return match ? Number(match[0].replace(/\D/g, '')) : listed;
}

/** A result URL as a path, so absolute and relative links of one page compare equal. */
export const resultPath = (url: string): string =>
	new URL(url, 'http://localhost').pathname.replace(/\/index\.html$/, '/');

/** How the site's results for a query compare with one index of all articles. */
export interface Comparison {
	query: string;
	/** The count the page states. */
	siteCount: number;
	/** The results of the site's published index read as the page reads it, when known. */
	siteApiCount: number | undefined;
	oneCount: number;
	/**
	 * False when the page's count differs from one index's; else whether the sets are equal,
	 * undefined when the site's set is unknown or its API reading disagrees with the page.
	 */
	sameSet: boolean | undefined;
	onlySite: number;
	onlyOne: number;
	/** Every result, the same URLs in the same order; undefined when the site's set is unknown. */
	sameOrder: boolean | undefined;
	/** The first `TOP` results, same URLs in the same order. */
	sameTop: boolean;
	/** URLs the two top lists share, order aside. */
	topInCommon: number;
}

/** How many leading results must match in order. */
export const TOP = 5;

/**
 * Compares the site's results with one index's. `site.all` is the site's whole result set when
 * known; `site.top` its first results as the page lists them.
 */
export function compareResults(
	query: string,
	site: { count: number; top: readonly string[]; all?: readonly string[] | undefined },
	one: { all: readonly string[] },
): Comparison {
	const siteTop = site.top.slice(0, TOP).map(resultPath);
	const oneTop = one.all.slice(0, TOP).map(resultPath);
	const oneSet = new Set(one.all.map(resultPath));
	const siteSet = site.all ? new Set(site.all.map(resultPath)) : undefined;
	const onlySite = siteSet ? [...siteSet].filter((url) => !oneSet.has(url)).length : 0;
	const onlyOne = siteSet ? [...oneSet].filter((url) => !siteSet.has(url)).length : 0;
	let sameSet: boolean | undefined;
	if (site.count !== oneSet.size) sameSet = false;
	else if (siteSet && siteSet.size === site.count) sameSet = onlySite === 0 && onlyOne === 0;
	return {
		query,
		siteCount: site.count,
		siteApiCount: siteSet?.size,
		oneCount: oneSet.size,
		sameSet,
		onlySite,
		onlyOne,
		sameOrder:
			sameSet === false
				? false
				: site.all === undefined
					? undefined
					: site.all.length === one.all.length &&
						site.all.every((url, i) => resultPath(url) === resultPath(one.all[i] ?? '')),
		sameTop: siteTop.length === oneTop.length && siteTop.every((url, i) => url === oneTop[i]),
		topInCommon: siteTop.filter((url) => oneTop.includes(url)).length,
	};
}

/** Everything the search benchmark writes into bench-results/. */
export interface SearchBenchResult {
	throttle: NetworkConditions | null;
	runs: number;
	/** Milliseconds between keystrokes while the query is typed. */
	keyDelayMs: number;
	queries: QuerySummary[];
	comparison: Comparison[];
	oneIndex: { articles: number; seconds: number };
}

const kb = (bytes: number): string => `${(bytes / 1000).toFixed(0)} KB`;
const yesNo = (value: boolean | undefined): string =>
	value === undefined ? 'unknown' : value ? 'yes' : 'no';

/** The page's count, and the API's when it differs (the page shows other results). */
const siteCounts = (c: Comparison): string =>
	c.siteApiCount === undefined || c.siteApiCount === c.siteCount
		? String(c.siteCount)
		: `${c.siteCount} (index ${c.siteApiCount})`;

/** Markdown tables of the search figures and the comparison. */
export function formatSearchTables(result: SearchBenchResult): string {
	const link = result.throttle
		? `throttled: +${result.throttle.latency} ms per response, ` +
			`${((result.throttle.downloadThroughput * 8) / 1e6).toFixed(1)} Mbit/s`
		: 'unthrottled';
	const lines = [
		`Search, cold cache, median of ${result.runs} run(s), ${link}`,
		'',
		'| Query | Kind | First result (ms) | Requests | Transferred | Results | Page load |',
		'| --- | --- | --: | --: | --: | --: | --: |',
		...result.queries.map(
			(q) =>
				`| ${q.query} | ${q.kind} | ${q.answerMs.toFixed(0)} | ${q.requests} | ${kb(q.bytes)} | ` +
				`${q.resultCount} | ${q.pageRequests} req, ${kb(q.pageBytes)} |`,
		),
		'',
		`Against one index of all ${result.oneIndex.articles} articles, in memory ` +
			`(indexed in ${result.oneIndex.seconds.toFixed(1)} s)`,
		'',
		`| Query | Site results | One index | Same set | Same order | Only site / only one | Same top ${TOP} | Top ${TOP} in common |`,
		'| --- | --: | --: | --- | --- | --: | --- | --: |',
		...result.comparison.map(
			(c) =>
				`| ${c.query} | ${siteCounts(c)} | ${c.oneCount} | ${yesNo(c.sameSet)} | ${yesNo(c.sameOrder)} | ` +
				`${c.onlySite} / ${c.onlyOne} | ${yesNo(c.sameTop)} | ${c.topInCommon} |`,
		),
	];
	return lines.join('\n');
}
