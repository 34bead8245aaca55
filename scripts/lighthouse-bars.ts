/** Lighthouse categories the blog is held to, and the lowest score (0–100) each may have. */
export const LIGHTHOUSE_BARS = {
	performance: 95,
	accessibility: 100,
	'best-practices': 100,
	seo: 100,
} as const;

/** A Lighthouse category the blog is held to. */
export type Category = keyof typeof LIGHTHOUSE_BARS;

/** Scores of one page, 0–100 (`null` when Lighthouse could not score the category). */
export type Scores = Record<Category, number | null>;

/** The categories where a page falls short of its bar, as «seo 92 < 100». */
export function missedBars(scores: Scores): string[] {
	return (Object.keys(LIGHTHOUSE_BARS) as Category[])
		.filter((category) => (scores[category] ?? -1) < LIGHTHOUSE_BARS[category])
		.map(
			(category) =>
				`${category} ${scores[category] ?? 'нет оценки'} < ${LIGHTHOUSE_BARS[category]}`,
		);
}

/**
 * Per-category median of several runs of one page. Lighthouse's performance score varies from
 * run to run on a busy machine; a page that misses a bar is measured three times and judged by
 * the median, as Lighthouse's own documentation advises.
 */
export function medianScores(runs: readonly Scores[]): Scores {
	const median = (values: (number | null)[]): number | null => {
		const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
		return sorted.length === 0 ? null : sorted[Math.floor((sorted.length - 1) / 2)]!;
	};
	return Object.fromEntries(
		(Object.keys(LIGHTHOUSE_BARS) as Category[]).map((c) => [c, median(runs.map((r) => r[c]))]),
	) as Scores;
}
