import { expect, test } from 'vitest';
import { formatRating } from '../../../src/lib/content/rating.ts';

const rating = (
	ratingValue: string | number,
	reviewCount: number,
	bestRating: string | number = '5',
) => ({
	'@type': 'AggregateRating' as const,
	ratingValue,
	reviewCount,
	bestRating,
	worstRating: '1',
});

test.each([
	[rating('4.8', 666), 'Оценка 4,8 из 5 · 666 отзывов'],
	[rating('4.9', 791), 'Оценка 4,9 из 5 · 791 отзыв'],
	[rating(5, 2), 'Оценка 5 из 5 · 2 отзыва'],
	[rating('9,5', 1, 10), 'Оценка 9,5 из 10 · 1 отзыв'],
])('%j → %s', (input, text) => {
	expect(formatRating(input).replace(/\u00a0/g, ' ')).toBe(text);
});
