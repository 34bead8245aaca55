import { expect, test } from 'vitest';
import {
	SEARCH_MANIFEST_URL,
	decodeEntities,
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
	[10, 63, 'Показано 10 из 63 статей'],
	[10, 21, 'Показано 10 из 21 статьи'],
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
	[0, 63, 10],
	[40, 63, 10],
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

test('the manifest is read from the built site', () =>
	expect(SEARCH_MANIFEST_URL).toBe('/search-index/manifest.json'));
