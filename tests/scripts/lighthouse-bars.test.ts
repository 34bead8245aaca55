import { expect, test } from 'vitest';
import { medianScores, missedBars, type Scores } from '../../scripts/lighthouse-bars.ts';

const perfect: Scores = { performance: 100, accessibility: 100, 'best-practices': 100, seo: 100 };

test.each<[string, Partial<Scores>, string[]]>([
	['all perfect', {}, []],
	['performance at its bar', { performance: 95 }, []],
	['performance under its bar', { performance: 94 }, ['performance 94 < 95']],
	['accessibility 99', { accessibility: 99 }, ['accessibility 99 < 100']],
	[
		'two misses and an unscored category',
		{ seo: 90, 'best-practices': null },
		['best-practices нет оценки < 100', 'seo 90 < 100'],
	],
])('%s', (_, change, missed) => expect(missedBars({ ...perfect, ...change })).toEqual(missed));

test('medianScores takes each category’s median (the lower middle for an even count)', () => {
	const run = (performance: number | null, seo = 100): Scores => ({ ...perfect, performance, seo });
	expect(medianScores([run(80), run(99), run(97)])).toEqual(run(97));
	expect(medianScores([run(90, 92), run(96, 100)])).toEqual(run(90, 92));
	expect(medianScores([run(null), run(96)]).performance).toBe(96);
	expect(medianScores([run(null)]).performance).toBeNull();
});
