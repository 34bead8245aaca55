/** Median of numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	const upper = sorted[mid] ?? Number.NaN;
	return sorted.length % 2 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}
