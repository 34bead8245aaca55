import { describe, expect, test } from 'vitest';
import { generateMetas, generatePosts } from '../../scripts/bench/generate.ts';
import {
	SEARCH_QUERIES,
	THROTTLE,
	compareResults,
	countsAsSearchTraffic,
	formatSearchTables,
	networkConditions,
	parseResultCount,
	resultPath,
	summarizeRuns,
	type QueryKind,
	type QueryRun,
} from '../../scripts/bench/search.ts';
import * as vocabulary from '../../scripts/bench/vocabulary.ts';

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? [];
const VOCABULARY = new Set(
	Object.values(vocabulary)
		.flat(2)
		.flatMap((entry) => words(String(entry))),
);
const queriesOf = (kind: QueryKind): string[] =>
	SEARCH_QUERIES.filter((query) => query.kind === kind).map((query) => query.query);
const posts = [...generatePosts(60)];
const share = (word: string): number =>
	posts.filter((post) => words(post.source).includes(word.toLowerCase())).length / posts.length;

describe('the benchmark queries', () => {
	test('cover every kind the search must answer', () => {
		const kinds = new Set(SEARCH_QUERIES.map((query) => query.kind));
		expect([...kinds].sort()).toEqual(['many', 'none', 'phrase', 'prefix', 'rare']);
	});

	test.each(queriesOf('many'))('«%s» is in most generated posts', (query) => {
		expect(share(query)).toBeGreaterThan(0.5);
	});

	test.each(queriesOf('phrase'))('every word of «%s» is in many generated posts', (query) => {
		const parts = words(query);
		expect(parts.length).toBeGreaterThan(1);
		for (const part of parts) expect(share(part)).toBeGreaterThan(0.2);
	});

	test.each(queriesOf('none'))('«%s» is in no vocabulary pool and no generated post', (query) => {
		expect(VOCABULARY.has(query.toLowerCase())).toBe(false);
		expect([...VOCABULARY].some((word) => word.startsWith(query.toLowerCase()))).toBe(false);
		expect(share(query)).toBe(0);
	});

	test.each(queriesOf('rare'))('«%s» comes with a few long-tail keywords only', (query) => {
		const metas = generateMetas(1000);
		const withWord = metas.filter((meta) =>
			meta.keywords.some((keyword) => words(keyword).includes(query.toLowerCase())),
		).length;
		expect(withWord).toBeGreaterThan(0);
		expect(withWord / metas.length).toBeLessThan(0.05);
		expect(vocabulary.QUALIFIERS.some((qualifier) => qualifier.includes(query))).toBe(true);
		expect(share(query)).toBeLessThan(0.1);
	});

	test.each(queriesOf('prefix'))(
		'«%s» shares its start with a longer, different word of the vocabulary',
		(query) => {
			const start = query.toLowerCase().slice(0, 5);
			const longer = [...VOCABULARY].filter(
				(word) => word.startsWith(start) && word.length >= query.length + 4,
			);
			expect(longer.length).toBeGreaterThan(0);
		},
	);
});

test('the throttled link: 150 ms per response and 1.6 Mbit/s both ways', () => {
	expect(networkConditions(THROTTLE)).toEqual({
		offline: false,
		latency: 150,
		downloadThroughput: 200_000,
		uploadThroughput: 200_000,
	});
	expect(networkConditions({ latencyMs: 0, megabitsPerSecond: 8 }).downloadThroughput).toBe(
		1_000_000,
	);
});

const run = (answerMs: number, requests: number, bytes: number, resultCount = 3): QueryRun => ({
	answerMs,
	requests,
	bytes,
	pageRequests: 4,
	pageBytes: 40_000,
	resultCount,
	listed: [],
});

test('a query is summarised by the median of each figure', () => {
	const query = { query: 'квартиры', kind: 'many' as const, why: '' };
	const odd = summarizeRuns(query, [run(900, 30, 300), run(100, 10, 100), run(300, 20, 500)]);
	expect(odd).toMatchObject({ runs: 3, answerMs: 300, requests: 20, bytes: 300, resultCount: 3 });
	const even = summarizeRuns(query, [
		run(100, 10, 100),
		run(400, 12, 300),
		run(200, 30, 200),
		run(1000, 11, 900),
	]);
	expect(even).toMatchObject({ runs: 4, answerMs: 300, requests: 11.5, bytes: 250 });
});

test.each([
	['Найдено 1 234 статьи', 20, 1234],
	['Найдено 1\u00a0234 статьи', 20, 1234],
	['Найдена 1 статья', 1, 1],
	['Показано 10 из 1\u00a0234 статей', 10, 1234],
	['Показаны 22 из 30 статей', 22, 30],
	['По запросу «велосипед» ничего не найдено. Попробуйте другое слово.', 0, 0],
	['По запросу «2024» ничего не найдено. Попробуйте другое слово.', 0, 0],
	['', 7, 7],
])('the count in «%s» (%i listed) is %i', (status, listed, count) => {
	expect(parseResultCount(status, listed)).toBe(count);
});

test.each([
	['http://127.0.0.1:4321/blog/a/', '/blog/a/'],
	['/blog/a/', '/blog/a/'],
	['/blog/a/index.html', '/blog/a/'],
	['/blog/%D0%B0/', '/blog/%D0%B0/'],
])('result URL %s is the path %s', (url, path) => expect(resultPath(url)).toBe(path));

test.each([
	['http://127.0.0.1:1/favicon.svg', false],
	['http://127.0.0.1:1/favicon.ico', false],
	['http://127.0.0.1:1/pagefind/pagefind.js', true],
	['http://127.0.0.1:1/pagefind/fragment/ru_1.pf_fragment', true],
])('%s counts in the figures: %s', (url, counts) =>
	expect(countsAsSearchTraffic(url)).toBe(counts),
);

describe('comparing the site with one index', () => {
	const one = ['/blog/a/', '/blog/b/', '/blog/c/', '/blog/d/', '/blog/e/', '/blog/f/'];

	test('the same set in the same order', () => {
		const site = { count: 6, top: one.slice(0, 5).map((url) => `http://x${url}`), all: [...one] };
		expect(compareResults('q', site, { all: one })).toEqual({
			query: 'q',
			siteCount: 6,
			siteApiCount: 6,
			oneCount: 6,
			sameSet: true,
			onlySite: 0,
			onlyOne: 0,
			sameOrder: true,
			sameTop: true,
			topInCommon: 5,
		});
	});

	test('the same set, another top 5', () => {
		const reordered = ['/blog/f/', '/blog/a/', '/blog/b/', '/blog/c/', '/blog/d/', '/blog/e/'];
		const result = compareResults('q', { count: 6, top: reordered, all: reordered }, { all: one });
		expect(result).toMatchObject({
			sameSet: true,
			sameOrder: false,
			sameTop: false,
			topInCommon: 4,
		});
	});

	test('extra and missing results are counted on each side', () => {
		const site = ['/blog/a/', '/blog/x/', '/blog/y/', '/blog/b/'];
		const result = compareResults('q', { count: 4, top: site, all: site }, { all: one });
		expect(result).toMatchObject({ sameSet: false, onlySite: 2, onlyOne: 4, topInCommon: 2 });
	});

	test("a page count other than one index's is another set, whatever the API reads", () => {
		const site = { count: 989, top: one.slice(0, 5), all: [] };
		const result = compareResults('q', site, { all: [] });
		expect(result).toMatchObject({ sameSet: false, siteCount: 989, siteApiCount: 0, oneCount: 0 });
		expect(
			formatSearchTables({
				throttle: null,
				runs: 1,
				keyDelayMs: 100,
				queries: [],
				comparison: [result],
				oneIndex: { articles: 1, seconds: 1 },
			}),
		).toContain('| q | 989 (index 0) | 0 | no | no | 0 / 0 | no | 0 |');
	});

	test('an API reading that disagrees with the page leaves the set unknown', () => {
		const site = { count: 6, top: one.slice(0, 5), all: one.slice(0, 5) };
		expect(compareResults('q', site, { all: one }).sameSet).toBeUndefined();
	});

	test('without the full set only the top is compared', () => {
		const result = compareResults('q', { count: 6, top: one.slice(0, 5) }, { all: one });
		expect(result).toMatchObject({
			sameSet: undefined,
			sameOrder: undefined,
			sameTop: true,
			siteCount: 6,
		});
	});

	test('the tables print every query and comparison', () => {
		const table = formatSearchTables({
			throttle: networkConditions(THROTTLE),
			runs: 4,
			keyDelayMs: 100,
			queries: [summarizeRuns(SEARCH_QUERIES[0]!, [run(250, 12, 290_000, 950)])],
			comparison: [compareResults('квартиры', { count: 6, top: one }, { all: one })],
			oneIndex: { articles: 1000, seconds: 12.3 },
		});
		expect(table).toContain('throttled: +150 ms per response, 1.6 Mbit/s');
		expect(table).toContain('| квартиры | many | 250 | 12 | 290 KB | 950 | 4 req, 40 KB |');
		expect(table).toContain('| квартиры | 6 | 6 | unknown | unknown | 0 / 0 | yes | 5 |');
	});
});
