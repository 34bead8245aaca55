/*
 * The arithmetic of repeated measurements: medians, the spread (min–max) and ratios between two
 * sides measured in turns, so that one noisy minute on a shared machine does not decide a figure.
 */

/** Median of numbers (mean of the middle two for an even count); NaN for none. */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const upper = sorted[mid] ?? Number.NaN;
	return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** A figure measured several times: its median and its spread. */
export interface Summary {
	median: number;
	min: number;
	max: number;
	/** How many measurements. */
	count: number;
}

/** Median, smallest and largest of the measurements; NaN figures for none. */
export function summarise(values: readonly number[]): Summary {
	if (values.length === 0)
		return { median: Number.NaN, min: Number.NaN, max: Number.NaN, count: 0 };
	return {
		median: median(values),
		min: Math.min(...values),
		max: Math.max(...values),
		count: values.length,
	};
}

/** `a / b` of one side against the other. */
export interface Ratio {
	/** Median of `a` over median of `b`. */
	ofMedians: number;
	/**
	 * The ratio of each pair measured one after the other (`a[i] / b[i]`): slow drift of the
	 * machine touches both builds of a pair alike, so the pairs' spread shows what noise is left.
	 */
	pairs: Summary;
}

/** Ratio of two sides measured in turns (a, b, a, b…); pairs only as far as both sides go. */
export function ratio(a: readonly number[], b: readonly number[]): Ratio {
	const count = Math.min(a.length, b.length);
	const pairs = Array.from({ length: count }, (_, i) => a[i]! / b[i]!);
	return { ofMedians: median(a) / median(b), pairs: summarise(pairs) };
}

/** `16.3 s (15.9–17.0)`: a median and, for more than one measurement, the range. */
export function formatSummary(
	summary: Summary,
	format: (value: number) => string,
	unit = '',
): string {
	const main = `${format(summary.median)}${unit}`;
	return summary.count > 1 ? `${main} (${format(summary.min)}–${format(summary.max)})` : main;
}
