import { expect, test } from 'vitest';
import {
	ablationRows,
	describeBuildFailure,
	formatAblationTable,
	saving,
} from '../../scripts/bench/ablation.ts';
import type { Variant } from '../../scripts/bench/options.ts';
import type { BuildFigures, RunFigures } from '../../scripts/bench/report.ts';

const MIB = 2 ** 20;

const build = (wallSeconds: number, rssMib: number, cpuSeconds = wallSeconds): BuildFigures => ({
	wallSeconds,
	pages: 100,
	msPerPage: (wallSeconds * 1000) / 100,
	peakRssTreeBytes: rssMib * MIB,
	peakRssLargestBytes: rssMib * MIB,
	rssSampledBytes: rssMib * MIB,
	userSeconds: cpuSeconds - 1,
	systemSeconds: 1,
	processes: [],
});

const run = (clean: number, rebuild: number, rssMib = 1000, cpu?: number): RunFigures => ({
	clean: build(clean, rssMib, cpu),
	rebuild: build(rebuild, rssMib / 2, cpu === undefined ? undefined : cpu / 4),
});

test('saving is (off − on) / off: positive when the mechanism helps, negative when it costs', () => {
	expect(saving(80, 100)).toBeCloseTo(0.2);
	expect(saving(110, 100)).toBeCloseTo(-0.1);
	expect(saving(100, 100)).toBe(0);
});

test('rows: the baseline first, then each mechanism with its saving of the medians', () => {
	const runs = new Map<Variant, RunFigures[]>([
		['baseline', [run(30, 5, 1000), run(40, 6, 1000), run(32, 4, 1000)]],
		['markdown-pool', [run(40, 5, 800), run(50, 6, 800), run(38, 5, 800)]],
		['page-links', []],
	]);
	const rows = ablationRows(runs);
	expect(rows.map((row) => row.variant)).toEqual(['baseline', 'markdown-pool']);
	const [baseline, pool] = rows;
	expect(baseline?.saving).toBeUndefined();
	expect(baseline?.figures?.clean.wall).toEqual({ median: 32, min: 30, max: 40, count: 3 });
	// Medians: baseline clean 32 s, pool off 40 s → the pool saves (40 − 32) / 40 = 20 %.
	expect(pool?.saving?.clean.wall).toBeCloseTo(0.2);
	expect(pool?.saving?.rebuild.wall).toBeCloseTo(0);
	// Memory: the pool costs 200 MiB, (800 − 1000) / 800 = −25 %.
	expect(pool?.saving?.clean.rss).toBeCloseTo(-0.25);
	// Run by run: (40 − 30) / 40, (50 − 40) / 50, (38 − 32) / 38.
	const pairs = pool?.saving?.pairs.clean;
	expect(pairs?.min).toBeCloseTo(6 / 38);
	expect(pairs?.max).toBeCloseTo(0.25);
	expect(pairs?.count).toBe(3);
});

test('CPU is user + system time', () => {
	const rows = ablationRows(
		new Map<Variant, RunFigures[]>([
			['baseline', [run(30, 5, 1000, 50)]],
			['check-worker', [run(30, 5, 1000, 40)]],
		]),
	);
	expect(rows[0]?.figures?.clean.cpu.median).toBe(50);
	expect(rows[1]?.saving?.clean.cpu).toBeCloseTo(-0.25);
});

test('no baseline runs: nothing to compare with', () => {
	expect(() => ablationRows(new Map([['lean-loader', [run(1, 1)]]]))).toThrow(/baseline/);
});

test('the table prints the figures and the savings, with the run pairs for several runs', () => {
	const table = formatAblationTable(
		ablationRows(
			new Map<Variant, RunFigures[]>([
				['baseline', [run(30, 5, 1000), run(40, 6, 1000)]],
				['lean-loader', [run(40, 5, 2000), run(50, 6, 2000)]],
			]),
		),
		{ posts: 1000, runs: 2, date: '2026-12-07' },
	);
	expect(table).toContain('Ablation: 1000 posts, median of 2 run(s)');
	expect(table).toContain(
		'| none (baseline) | 35.0 s (30.0–40.0) | 5.5 s (5.0–6.0) | 35.0 s (30.0–40.0) | 5.5 s (5.0–6.0) | 1000 MiB (1000–1000) | 500 MiB (500–500) |',
	);
	expect(table).toContain('| lean-loader (the lean posts loader) | 45.0 s (40.0–50.0) |');
	// Medians 35 and 45: 22 %; pairs 10/40 = 25 % and 10/50 = 20 %; memory half.
	expect(table).toContain('| lean-loader | 22 % (20 % to 25 %) | 0 % (0 % to 0 %) |');
	expect(table).toMatch(/\| lean-loader \|.*\| 50 % \| 50 % \|$/m);
});

test('one run: no spread, a negative saving has a minus sign', () => {
	const table = formatAblationTable(
		ablationRows(
			new Map<Variant, RunFigures[]>([
				['baseline', [run(30, 5)]],
				['search-worker', [run(25, 5)]],
			]),
		),
		{ posts: 50, runs: 1, date: '2026-12-07' },
	);
	expect(table).toContain('| none (baseline) | 30.0 s | 5.0 s |');
	expect(table).toContain('| search-worker | −20 % | 0 % |');
});

test('a variant whose builds all failed gets a row that says why, in both tables', () => {
	const rows = ablationRows(
		new Map<Variant, RunFigures[]>([
			['baseline', [run(30, 5)]],
			['page-links', [run(33, 6)]],
		]),
		new Map([['lean-loader', 'out of memory (heap limit)']]),
	);
	expect(rows.map((row) => row.variant)).toEqual(['baseline', 'page-links', 'lean-loader']);
	expect(rows[2]).toEqual({ variant: 'lean-loader', failed: 'out of memory (heap limit)' });
	const table = formatAblationTable(rows, { posts: 10000, runs: 1, date: '2026-12-07' });
	expect(table).toContain(
		'| lean-loader (the lean posts loader) | failed: out of memory (heap limit) | – | – | – | – | – |',
	);
	expect(table).toContain('| lean-loader | failed: out of memory (heap limit) | – |');
	// The variants that ran keep their figures and savings.
	expect(table).toContain('| page-links | 9 % | 17 % |');
});

test('a variant with some failed builds keeps the figures of the others and names the failure', () => {
	const rows = ablationRows(
		new Map<Variant, RunFigures[]>([
			['baseline', [run(30, 5), run(30, 5)]],
			['check-worker', [run(40, 5)]],
		]),
		new Map([['check-worker', 'exit 1']]),
	);
	expect(rows[1]?.failed).toBe('exit 1');
	expect(rows[1]?.saving?.clean.wall).toBeCloseTo(0.25);
	const table = formatAblationTable(rows, { posts: 10, runs: 2, date: '2026-12-07' });
	expect(table).toMatch(/\| check-worker \(.*\), some builds failed: exit 1 \| 40\.0 s \|/);
});

test.each([
	[
		134,
		'<--- Last few GCs --->\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
		'out of memory (heap limit)',
	],
	[
		1,
		'error   [InvalidContentEntryDataError] blog → x data does not match collection schema.',
		'exit 1',
	],
	[137, '', 'exit 137'],
])('a build that exits %i is described by its log (case %#)', (exitCode, log, expected) => {
	expect(describeBuildFailure(exitCode, log)).toBe(expected);
});
