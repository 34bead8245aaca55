import { describe, expect, test } from 'vitest';
import {
	PAGEFIND_MODULE,
	SEARCH_MANIFEST_URL,
	parseSearchManifest,
	shardDir,
	shardUrl,
	visibleResults,
	decodeEntities,
	excerptParts,
	normalizeQuery,
	resultStatus,
} from '../../src/lib/search.ts';

test.each([
	[1, 'Найдена 1 статья'],
	[2, 'Найдено 2 статьи'],
	[5, 'Найдено 5 статей'],
	[11, 'Найдено 11 статей'],
	[21, 'Найдена 21 статья'],
	[24, 'Найдено 24 статьи'],
])('resultStatus(%i) → %s', (count, status) =>
	expect(resultStatus(count, 'x').replace(/\u00a0/g, ' ')).toBe(status),
);

test('no results names the query', () =>
	expect(resultStatus(0, 'консьерж')).toBe(
		'По запросу «консьерж» ничего не найдено. Попробуйте другое слово.',
	));

test.each([
	['  доверие  ', 'доверие'],
	['доверие \n  клиента', 'доверие клиента'],
	['   ', ''],
])('normalizeQuery(%j) → %j', (query, normalized) =>
	expect(normalizeQuery(query)).toBe(normalized),
);

test.each([
	['a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x41;', 'a & b <c> "d" \'e\' A'],
	['&unknown; stays', '&unknown; stays'],
])('decodeEntities(%j)', (html, text) => expect(decodeEntities(html)).toBe(text));

test('excerptParts splits marks and decodes text, never passing HTML through', () => {
	expect(
		excerptParts('основа <mark>доверия</mark> &amp; <mark>доверие</mark><img src=x onerror=1>.'),
	).toMatchInlineSnapshot(`
		[
		  {
		    "mark": false,
		    "text": "основа ",
		  },
		  {
		    "mark": true,
		    "text": "доверия",
		  },
		  {
		    "mark": false,
		    "text": " & ",
		  },
		  {
		    "mark": true,
		    "text": "доверие",
		  },
		  {
		    "mark": false,
		    "text": ".",
		  },
		]
	`);
});

test('excerpt without marks is one plain run', () =>
	expect(excerptParts('просто текст')).toEqual([{ text: 'просто текст', mark: false }]));

test('the Pagefind module is loaded from the built site', () =>
	expect(PAGEFIND_MODULE).toBe('/pagefind/pagefind.js'));

describe('search index manifest', () => {
	test('extra indexes live inside the main bundle, where mergeIndex() finds them', () => {
		expect(shardDir(2)).toBe('shards/2');
		expect(shardUrl(2)).toBe('/pagefind/shards/2/');
		expect(SEARCH_MANIFEST_URL).toBe('/pagefind/manifest.json');
	});

	test('reads the indexes to merge and the ids to hide', () => {
		expect(
			parseSearchManifest({ indexes: ['/pagefind/shards/1/'], hidden: ['ru_1a2b3c4'] }),
		).toEqual({ indexes: ['/pagefind/shards/1/'], hidden: ['ru_1a2b3c4'] });
	});

	test.each([null, 'text', [], { indexes: 'x' }, { hidden: [1, null] }])(
		'a malformed manifest (%j) means nothing to merge and nothing to hide',
		(json) => expect(parseSearchManifest(json)).toEqual({ indexes: [], hidden: [] }),
	);

	test('results drop hidden ids and repeated ids, in Pagefind order', () => {
		const results = ['a', 'old', 'b', 'a', 'c'].map((id, score) => ({ id, score }));
		expect(visibleResults(results, new Set(['old']))).toEqual([
			{ id: 'a', score: 0 },
			{ id: 'b', score: 2 },
			{ id: 'c', score: 4 },
		]);
		expect(visibleResults(results, new Set())).toHaveLength(4);
	});
});
