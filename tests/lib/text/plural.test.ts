import { expect, test } from 'vitest';
import { countWithWord, pluralize } from '../../../src/lib/text/plural.ts';

const MINUTES = ['минута', 'минуты', 'минут'] as const;

test.each([
	[1, 'минута'],
	[2, 'минуты'],
	[4, 'минуты'],
	[5, 'минут'],
	[11, 'минут'],
	[12, 'минут'],
	[14, 'минут'],
	[21, 'минута'],
	[22, 'минуты'],
	[25, 'минут'],
	[101, 'минута'],
	[111, 'минут'],
	[1.5, 'минуты'],
])('%d %s', (n, word) => {
	expect(pluralize(n, MINUTES)).toBe(word);
});

test.each([
	[666, '666 отзывов'],
	[791, '791 отзыв'],
	[2, '2 отзыва'],
	[12345, '12 345 отзывов'],
])('countWithWord(%d) → %s', (n, expected) => {
	expect(countWithWord(n, ['отзыв', 'отзыва', 'отзывов'])).toBe(expected.replace(/ /g, '\u00a0'));
});
