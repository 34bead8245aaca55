import { expect, test } from 'vitest';
import {
	describeInvisible,
	fieldPath,
	showInvisible,
	withoutInvisible,
} from '../../../src/lib/content-check/content-issues.ts';

test.each([
	[['schema', 'aggregateRating', 'ratingValue'], 'schema.aggregateRating.ratingValue'],
	[['related', 2], 'related[2]'],
	[['pubDate\u200b'], 'pubDate⟨U+200B⟩'],
	[['schema', '\ufeffname'], 'schema.⟨U+FEFF⟩name'],
])('fieldPath(%j) → %s', (path, expected) => {
	expect(fieldPath(path)).toBe(expected);
});

test('invisible characters are shown, named once each and removed', () => {
	const key = 'hero\u00a0Alt\u200b\u200b';
	expect(showInvisible(key)).toBe('hero⟨U+00A0⟩Alt⟨U+200B⟩⟨U+200B⟩');
	expect(describeInvisible(key)).toEqual([
		'⟨U+00A0⟩ (неразрывный пробел)',
		'⟨U+200B⟩ (пробел нулевой ширины)',
	]);
	expect(withoutInvisible(key)).toBe('heroAlt');
	expect(showInvisible('Обычный текст: ё, №, «»')).toBe('Обычный текст: ё, №, «»');
});
