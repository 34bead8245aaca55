import { expect, test } from 'vitest';
import {
	formatTable,
	summariseWall,
	type BenchResult,
	type BuildFigures,
	type RunFigures,
} from '../../scripts/bench/report.ts';

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

const run = (clean: number, rebuild = clean / 10): RunFigures => ({
	clean: figures(clean),
	rebuild: figures(rebuild),
});

const result = (runs: RunFigures[], bareRuns: BuildFigures[] = []): BenchResult => ({
	date: '2026-12-02',
	posts: 50,
	runs: runs.length,
	machine: { cpus: 2, memoryBytes: 2 ** 34, platform: 'linux', node: 'v24', astro: '7' },
	commit: 'unknown',
	runFigures: runs,
	median: { clean: figures(30), rebuild: figures(3), rebuildShare: 0.1 },
	dist: { pages: 100, bytes: 1, files: 1 },
	pageWeight: undefined,
	...(bareRuns.length > 0 ? { bare: figures(20), bareRuns } : {}),
	wall: summariseWall(runs, bareRuns),
});

test('one run: the table prints the bare baseline and the blog / bare ratio, no spread', () => {
	const table = formatTable(result([run(30, 3)], [figures(20)]));
	expect(table).toContain('| Wall time | 30.0 s | 3.0 s |');
	expect(table).toContain('| Bare Astro blog, wall time | 20.0 s |');
	expect(table).toContain('| Blog / bare (wall time, medians) | x1.50 |');
	expect(table).toContain('| Rebuild / clean |  | 10 % |');
	expect(table).not.toContain('pair by pair');
});

test('several runs: medians with their spread, and the ratio pair by pair', () => {
	// Run 2 fell on a slow minute for both sides; the pairs' ratios stay close.
	const table = formatTable(
		result([run(30, 3), run(45, 5), run(28, 4)], [figures(20), figures(30), figures(21)]),
	);
	expect(table).toContain('| Wall time | 30.0 s (28.0–45.0) | 4.0 s (3.0–5.0) |');
	expect(table).toContain('| Bare Astro blog, wall time | 21.0 s (20.0–30.0) |');
	expect(table).toContain('| Blog / bare (wall time, medians) | x1.43 |');
	expect(table).toContain('| Blog / bare, pair by pair | x1.50 (x1.33–x1.50) |');
});

test('without a baseline there is no ratio', () => {
	const table = formatTable(result([run(30)]));
	expect(table).not.toContain('Blog / bare');
	expect(table).not.toContain('Bare Astro');
});
