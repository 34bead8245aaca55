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
	moreResultsLabel,
	nextPageSize,
	suggestionStatus,
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

test.each([
	[20, 63, 'Показано 20 из 63 статей'],
	[20, 21, 'Показано 20 из 21 статьи'],
	[40, 45, 'Показано 40 из 45 статей'],
	[21, 22, 'Показана 21 из 22 статей'],
	[22, 30, 'Показаны 22 из 30 статей'],
	[63, 63, 'Найдено 63 статьи'],
])('resultStatus shown %i of %i → %s', (shown, count, status) =>
	expect(resultStatus(count, 'x', shown).replace(/\u00a0/g, ' ')).toBe(status),
);

test.each([
	[20, 'Показать ещё 20 статей'],
	[1, 'Показать ещё 1 статью'],
	[3, 'Показать ещё 3 статьи'],
])('moreResultsLabel(%i) → %s', (count, label) =>
	expect(moreResultsLabel(count).replace(/\u00a0/g, ' ')).toBe(label),
);

test.each([
	[0, 63, 20],
	[40, 63, 20],
	[60, 63, 3],
	[63, 63, 0],
])('nextPageSize(shown %i of %i) → %i', (shown, count, next) =>
	expect(nextPageSize(shown, count)).toBe(next),
);

test('a suggestion is a separate part, to be a link', () =>
	expect(suggestionStatus('консъерж', 'консьерж')).toEqual([
		'По запросу «консъерж» ничего не найдено. Возможно, вы искали «',
		'консьерж',
		'»?',
	]));

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
