import { expect, test } from 'vitest';
import { normaliseKeywords, splitKeywords } from '../../../src/lib/content/keywords.ts';

test.each([
	['a, b , ,c', ['a', 'b', 'c']],
	[
		['  один  два ', 'три'],
		['один два', 'три'],
	],
	['', []],
])('splitKeywords(%j) → %j', (value, expected) => {
	expect(splitKeywords(value)).toEqual(expected);
});

// [keywords, kept, collisions as [kept, dropped, slug], punctuation-only]
test.each([
	[['Ёлка', 'елка'], ['Ёлка'], [['Ёлка', 'елка', 'elka']], []],
	[['Сервис', 'сервис'], ['Сервис'], [], []],
	[['сервис', '!!!', '—', 'уборка'], ['сервис', 'уборка'], [], ['!!!', '—']],
	[
		['Чат-поддержка', 'чат поддержка'],
		['Чат-поддержка'],
		[['Чат-поддержка', 'чат поддержка', 'chat-podderzhka']],
		[],
	],
	[['a', 'b'], ['a', 'b'], [], []],
] as const)('normaliseKeywords(%j)', (items, keywords, collisions, empty) => {
	const result = normaliseKeywords(items);
	expect(result.keywords).toEqual(keywords);
	expect(result.collisions.map(({ kept, dropped, slug }) => [kept, dropped, slug])).toEqual(
		collisions,
	);
	expect(result.empty).toEqual(empty);
});
