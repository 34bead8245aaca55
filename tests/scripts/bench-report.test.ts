import { expect, test } from 'vitest';
import { formatTable, type BenchResult, type BuildFigures } from '../../scripts/bench/report.ts';

const figures = (wallSeconds: number): BuildFigures => ({
	wallSeconds,
	pages: 100,
	msPerPage: (wallSeconds * 1000) / 100,
	peakRssTreeBytes: 2 ** 30,
	peakRssLargestBytes: 2 ** 29,
	rssSampledBytes: 2 ** 29,
	userSeconds: wallSeconds,
	systemSeconds: 1,
	processes: [],
});

const result = (bare?: BuildFigures): BenchResult => ({
	date: '2026-12-02',
	posts: 50,
	runs: 1,
	machine: { cpus: 2, memoryBytes: 2 ** 34, platform: 'linux', node: 'v24', astro: '7' },
	commit: 'unknown',
	runFigures: [],
	median: { clean: figures(30), rebuild: figures(3), rebuildShare: 0.1 },
	dist: { pages: 100, bytes: 1, files: 1 },
	pageWeight: undefined,
	...(bare ? { bare } : {}),
});

test('the table prints the bare baseline and the blog / bare ratio', () => {
	const table = formatTable(result(figures(20)));
	expect(table).toContain('| Bare Astro blog, wall time | 20.0 s |');
	expect(table).toContain('| Blog / bare (wall time) | x1.50 |');
	expect(table).toContain('| Rebuild / clean |  | 10 % |');
});

test('without a baseline there is no ratio', () => {
	expect(formatTable(result())).not.toContain('Blog / bare');
});
