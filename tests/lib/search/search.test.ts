import { expect, test } from 'vitest';
import {
	MAX_SHOWN,
	SEARCH_MANIFEST_URL,
	SETTLE_MS,
	decodeEntities,
	endsInUnfinishedWord,
	readSearchLocation,
	resultDate,
	searchPageTitle,
	settleDelay,
	writeSearchLocation,
	normalizeQuery,
	resultStatus,
	moreResultsLabel,
	nextPageSize,
	suggestionStatus,
} from '../../../src/lib/search/search.ts';

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

test.each([
	['?q=%D0%BA%D0%B2%D0%B0%D1%80%D1%82%D0%B8%D1%80%D0%B0', 'квартира', 10],
	['?q=a&n=20', 'a', 20],
	['?q=a&n=15', 'a', 20],
	['?q=a&n=0', 'a', 10],
	['?q=a&n=-30', 'a', 10],
	['?q=a&n=abc', 'a', 10],
	['?q=a&n=100000', 'a', MAX_SHOWN],
	['?q=%20%20a%20%20b%20', 'a b', 10],
	['', '', 10],
])('readSearchLocation(%j) → %j, %i shown', (search, query, shown) =>
	expect(readSearchLocation(search)).toEqual({ query, shown }),
);

test.each([
	['', { query: 'квартира', shown: 10 }, '?q=%D0%BA%D0%B2%D0%B0%D1%80%D1%82%D0%B8%D1%80%D0%B0'],
	['?q=old&n=30', { query: 'a b', shown: 20 }, '?q=a+b&n=20'],
	['?q=old&n=30', { query: 'a', shown: 10 }, '?q=a'],
	['?q=old&n=30', { query: '', shown: 20 }, ''],
	['?utm=x&q=old', { query: 'a', shown: 0 }, '?utm=x&q=a'],
])('writeSearchLocation(%j, %j) → %j', (search, location, written) =>
	expect(writeSearchLocation(search, location)).toBe(written),
);

test('what the address writes, it reads back', () => {
	const location = { query: 'доверительное управление', shown: 30 };
	expect(readSearchLocation(writeSearchLocation('', location))).toEqual(location);
});

test.each([
	['квартира', '«квартира» — поиск — Блог ButlerSPB'],
	['', 'Поиск — Блог ButlerSPB'],
])('searchPageTitle(%j) → %j', (query, title) => expect(searchPageTitle(query)).toBe(title));

test.each([
	// Moscow time: late on the 4th in UTC is the 5th in St Petersburg.
	['2025-03-04T22:30:00.000Z', '5 марта 2025', '2025-03-05T01:30:00+03:00'],
	['2025-07-25T09:00:00.000Z', '25 июля 2025', '2025-07-25T12:00:00+03:00'],
])('resultDate(%j) → %s', (iso, text, datetime) =>
	expect(resultDate(iso)).toEqual({ text, datetime }),
);

test.each([[''], ['not a date'], [undefined], [42]])('resultDate(%j) → nothing', (iso) =>
	expect(resultDate(iso)).toBeUndefined(),
);

const term = (word: string, ...stems: string[]) => ({ term: word, stems, open: false });
const open = (word: string) => ({ term: word, stems: [], open: true });

test.each([
	['д', [open('д')], true],
	['доверительное уп', [term('доверительное', 'доверительн'), open('уп')], true],
	['новог', [open('новог')], true],
	// A word no longer word can match (runSearch found it not open) is finished.
	['велосипед', [term('велосипед')], false],
	// A word followed by a space is finished.
	['ёлка ', [open('ёлка')], false],
	// The last word matched; another word found nothing.
	['ёлка квартира', [term('ёлка'), term('квартира', 'квартир')], false],
	['', [], false],
])('endsInUnfinishedWord(%j) → %s', (query, terms, unfinished) =>
	expect(endsInUnfinishedWord(query, terms)).toBe(unfinished),
);

test.each([
	[[], SETTLE_MS.min],
	[[60, 70, 80], SETTLE_MS.min],
	[[100, 100, 100], 125],
	[[333], 416],
	[[5000, 333, 340], 425],
	[[333, 340, 5000], 425],
	[[5000], SETTLE_MS.max],
	[[400, 400, 400, 100, 100], 125],
])('settleDelay(%j) → %i ms', (gaps, delay) => expect(settleDelay(gaps)).toBe(delay));

test('at three keys a second no search runs between keys', () =>
	expect(settleDelay([333, 333, 333])).toBeGreaterThan(333));
