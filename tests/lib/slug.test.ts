import { expect, test } from 'vitest';
import { isSlug, slugify, transliterate } from '../../src/lib/slug.ts';
import { EXISTING_SLUGS } from '../fixtures/slugs.ts';

test.each([
	...EXISTING_SLUGS,
	[
		'Как мы строим доверительные отношения на расстоянии',
		'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii',
	],
	['Инвестиции в недвижимость', 'investitsii-v-nedvizhimost'],
	['Объём, щётка и юмор', 'obem-shchetka-i-yumor'],
	['ButlerSPB: 5 принципов!', 'butlerspb-5-printsipov'],
	['  «Кавычки» — и тире  ', 'kavychki-i-tire'],
	['Café déjà vu', 'cafe-deja-vu'],
	['!!!', ''],
])('slugify(%s) → %s', (input, expected) => {
	expect(slugify(input)).toBe(expected);
	if (expected) expect(isSlug(expected)).toBe(true);
});

test.each(['Сервис', 'a--b', '-a', 'a-', 'A-b', 'a_b', ''])('isSlug(%j) is false', (value) => {
	expect(isSlug(value)).toBe(false);
});

test('transliterate keeps non-Cyrillic characters', () => {
	expect(transliterate('Ёж 2025!')).toBe('ezh 2025!');
});
