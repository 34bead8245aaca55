import { expect, test } from 'vitest';
import { formatSummary, median, ratio, summarise } from '../../scripts/bench/stats.ts';

test.each([
	[[], Number.NaN],
	[[7], 7],
	[[3, 1, 2], 2],
	[[4, 1, 3, 2], 2.5],
	[[10, 10, 11, 90], 10.5],
])('median of %j is %s', (values, expected) => {
	expect(median(values)).toBe(expected);
});

test('median does not reorder its input', () => {
	const values = [3, 1, 2];
	median(values);
	expect(values).toEqual([3, 1, 2]);
});

test('summarise gives the median and the spread', () => {
	expect(summarise([16.3, 15.9, 17, 22.4])).toEqual({
		median: 16.65,
		min: 15.9,
		max: 22.4,
		count: 4,
	});
	expect(summarise([])).toEqual({ median: NaN, min: NaN, max: NaN, count: 0 });
});

test('ratio: of the medians, and of each pair measured in turn', () => {
	// The machine slowed down for the second pair: both sides took twice as long.
	const { ofMedians, pairs } = ratio([12, 24, 13], [10, 20, 10]);
	expect(ofMedians).toBeCloseTo(1.3);
	expect(pairs.median).toBeCloseTo(1.2);
	expect(pairs.min).toBeCloseTo(1.2);
	expect(pairs.max).toBeCloseTo(1.3);
	expect(pairs.count).toBe(3);
});

test('ratio pairs only as far as both sides go', () => {
	expect(ratio([12, 24, 13], [10, 20]).pairs.count).toBe(2);
});

test.each([
	[{ median: 16.25, min: 15.9, max: 17, count: 3 }, '16.3 s (15.9–17.0)'],
	[{ median: 16.25, min: 16.25, max: 16.25, count: 1 }, '16.3 s'],
])('formatSummary(%j) → %s', (summary, text) => {
	expect(formatSummary(summary, (value) => value.toFixed(1), ' s')).toBe(text);
});
