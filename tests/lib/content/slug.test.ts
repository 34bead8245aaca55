import { expect, test } from 'vitest';
import {
	MAX_SLUG_LENGTH,
	isSlug,
	slugify,
	titleSlug,
	transliterate,
	truncateSlug,
} from '../../../src/lib/content/slug.ts';
import { EXISTING_SLUGS } from '../../fixtures/slugs.ts';

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

// «№» is transliterated as `n` in every slug: posts, imports and tags share slugify().
test.each([
	['Сервис №1 в Петербурге', 'servis-n1-v-peterburge'],
	['№ 5', 'n-5'],
	['Дом №12', 'dom-n12'],
])('slugify(%s) → %s', (input, expected) => expect(slugify(input)).toBe(expected));

test.each([
	['short-slug', 20, 'short-slug'],
	['aaaa-bbbb-cccc-dddd', 14, 'aaaa-bbbb-cccc'],
	['aaaa-bbbb-cccc-dddd', 15, 'aaaa-bbbb-cccc'],
	['aaaa-bbbb-cccc-dddd', 13, 'aaaa-bbbb'],
	['aaaaaaaaaaaaaaaaaaaa', 8, 'aaaaaaaa'],
])('truncateSlug(%s, %d) → %s', (slug, max, expected) => {
	expect(truncateSlug(slug, max)).toBe(expected);
});

test('a 300-character title gives a slug cut at a word boundary near 80 characters', () => {
	const title = Array.from({ length: 30 }, (_, i) => `слово${i} длинное`)
		.join(' ')
		.slice(0, 300);
	const slug = titleSlug(title);
	expect(title.length).toBe(300);
	expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
	expect(slug.length).toBeGreaterThan(MAX_SLUG_LENGTH - 15);
	expect(isSlug(slug)).toBe(true);
	expect(slugify(title).startsWith(`${slug}-`)).toBe(true);
});
