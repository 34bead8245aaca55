import { describe, expect, test } from 'vitest';
import {
	allowedEdits,
	nearestWord,
	normalizeSearchText,
	suggestQuery,
	suggestionWords,
} from '../../../src/lib/search/search-query.ts';

describe('normalizeSearchText', () => {
	test.each([
		['Ёлка', 'елка'],
		['ДОВЕРИЕ', 'доверие'],
		// A Latin e in a Cyrillic word, and a Cyrillic е in a Latin word.
		['довeрие', 'доверие'],
		['nеtlify', 'netlify'],
		['КОНСЬЕРЖ-СЕРВИС', 'консьерж-сервис'],
		// Upper-case look-alikes: Latin H, K, M, P, T, B, C in a Cyrillic word.
		['HOMEP', 'homep'],
		['НОМEР', 'номер'],
		['  два   слова ', 'два слова'],
		['Airbnb', 'airbnb'],
	])('%j → %j', (text, normalized) => expect(normalizeSearchText(text)).toBe(normalized));

	test('every Latin look-alike in a Cyrillic word becomes Cyrillic', () =>
		expect([...'abcehkmoptxy'].map((latin) => normalizeSearchText(`ж${latin}ж`)).join('')).toBe(
			'жажжвжжсжжежжнжжкжжмжжожжржжтжжхжжуж',
		));
});

describe('suggestions', () => {
	const words = ['консьерж', 'квартира', 'доверие', 'ключи', 'ремонт', 'приезжать', 'консьержам'];

	test.each([
		['консъерж', 'консьерж'],
		['квортира', 'квартира'],
		['Рeмонт', undefined], // a look-alike only: the same word once normalised
		['ремонт', undefined], // a known word
		['елка', undefined], // nothing near
		['клч', undefined], // too short to guess
		['приехать', undefined], // a word of its own, two changes from «приезжать»
		['кансьержжам', 'консьержам'], // two changes in a long word
	])('nearestWord(%j) → %j', (term, near) => expect(nearestWord(term, words)).toBe(near));

	test.each([
		['дом', 0],
		['ключ', 1],
		['консъерж', 1],
		['приехать', 1],
		['консьержам', 2],
	])('allowedEdits(%j) → %i', (term, edits) => expect(allowedEdits(term)).toBe(edits));

	test('suggestQuery replaces only the unmatched words, or says nothing', () => {
		expect(suggestQuery(['ключи', 'консъерж'], new Set(['консъерж']), words)).toBe(
			'ключи консьерж',
		);
		expect(suggestQuery(['елка'], new Set(['елка']), words)).toBeUndefined();
	});

	test('suggestionWords: normalised words of 4+ letters, most frequent first, capped', () => {
		const list = suggestionWords(
			['Консьерж-сервис в Петербурге', 'Ёлка для консьержа', 'Консьерж и ремонт'],
			4,
		);
		expect(list).toEqual(['консьерж', 'елка', 'консьержа', 'петербурге']);
		expect(suggestionWords(['один два три'], 10)).toEqual(['один']);
	});
});
