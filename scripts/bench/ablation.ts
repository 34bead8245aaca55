import { MECHANISMS, type Mechanism } from '../../src/lib/pipeline/mechanisms.ts';
import type { Variant } from './options.ts';
import type { BuildFigures, RunFigures } from './report.ts';
import { formatSummary, summarise, type Summary } from './stats.ts';

/*
 * The ablation table of `npm run bench -- --ablate`: the blog as usual (the baseline) beside the
 * blog with one build mechanism off, and what each mechanism saves, (off − on) / off, so 20 %
 * means the build with the mechanism takes a fifth less than without it; negative, it costs.
 */

/** The figures compared, each for the clean build and the rebuild. */
const FIGURES = {
	wall: (build: BuildFigures) => build.wallSeconds,
	cpu: (build: BuildFigures) => build.userSeconds + build.systemSeconds,
	rss: (build: BuildFigures) => build.peakRssTreeBytes,
} as const;
type Figure = keyof typeof FIGURES;
type Kind = keyof RunFigures;
const KINDS: readonly Kind[] = ['clean', 'rebuild'];

/** One figure of one kind of build over the runs. */
export type Figures = Record<Kind, Record<Figure, Summary>>;

/** A variant's row: its figures and, for a mechanism, what that mechanism saves. */
export interface AblationRow {
	variant: Variant;
	/** Absent when every build of the variant failed. */
	figures?: Figures;
	/** Why some of its builds failed (they are left out of the figures), e.g. out of memory. */
	failed?: string;
	/**
	 * (off − on) / off of the medians, per kind of build and figure; for wall time also of each
	 * run's pair (the baseline and this variant of the same run), whose spread shows the noise.
	 */
	saving?: Record<Kind, Record<Figure, number>> & { pairs: Record<Kind, Summary> };
}

/** What a mechanism saves: (off − on) / off, a share (0.2 = 20 %). */
export const saving = (on: number, off: number): number => (off - on) / off;

/**
 * Why a build failed, in a few words for the table, from its exit code and the end of its log:
 * V8 running out of heap is named as such (a variant can need more than the build's heap limit).
 */
export function describeBuildFailure(exitCode: number, log: string): string {
	if (/JavaScript heap out of memory|Reached heap limit|Allocation failed/.test(log)) {
		return 'out of memory (heap limit)';
	}
	return `exit ${exitCode}`;
}

function figuresOf(runs: readonly RunFigures[]): Figures {
	const of = (kind: Kind): Record<Figure, Summary> => ({
		wall: summarise(runs.map((run) => FIGURES.wall(run[kind]))),
		cpu: summarise(runs.map((run) => FIGURES.cpu(run[kind]))),
		rss: summarise(runs.map((run) => FIGURES.rss(run[kind]))),
	});
	return { clean: of('clean'), rebuild: of('rebuild') };
}

/**
 * The table's rows, the baseline first, from each variant's runs in the order they ran (run i
 * of a variant pairs with run i of the baseline). `failures` says why a variant's builds failed:
 * with no run left it gets a row that says so, with some left its figures come from those.
 * Variants with neither runs nor failures are left out.
 */
export function ablationRows(
	runs: ReadonlyMap<Variant, readonly RunFigures[]>,
	failures: ReadonlyMap<Variant, string> = new Map(),
): AblationRow[] {
	const baseline = runs.get('baseline') ?? [];
	if (baseline.length === 0) throw new Error('ablationRows() needs runs of the baseline');
	const on = figuresOf(baseline);
	const rows: AblationRow[] = [{ variant: 'baseline', figures: on }];
	const variants = new Set([...runs.keys(), ...failures.keys()]);
	for (const variant of variants) {
		const variantRuns = runs.get(variant) ?? [];
		const failed = failures.get(variant);
		if (variant === 'baseline') continue;
		if (variantRuns.length === 0) {
			if (failed !== undefined) rows.push({ variant, failed });
			continue;
		}
		const off = figuresOf(variantRuns);
		const medians = (kind: Kind): Record<Figure, number> => ({
			wall: saving(on[kind].wall.median, off[kind].wall.median),
			cpu: saving(on[kind].cpu.median, off[kind].cpu.median),
			rss: saving(on[kind].rss.median, off[kind].rss.median),
		});
		const pairs = (kind: Kind): Summary => {
			const count = Math.min(baseline.length, variantRuns.length);
			return summarise(
				Array.from({ length: count }, (_, i) =>
					saving(baseline[i]![kind].wallSeconds, variantRuns[i]![kind].wallSeconds),
				),
			);
		};
		rows.push({
			variant,
			figures: off,
			...(failed === undefined ? {} : { failed }),
			saving: {
				clean: medians('clean'),
				rebuild: medians('rebuild'),
				pairs: { clean: pairs('clean'), rebuild: pairs('rebuild') },
			},
		});
	}
	return rows;
}

const seconds = (value: number): string => value.toFixed(1);
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const percent = (share: number): string =>
	`${share >= 0 ? '' : '−'}${Math.abs(share * 100).toFixed(0)} %`;

/** A variant's name in the table. */
const label = (variant: Variant): string =>
	variant === 'baseline' ? 'none (baseline)' : `${variant} (${MECHANISMS[variant as Mechanism]})`;

/** Markdown tables of the rows: the figures of each variant, then what each mechanism saves. */
export function formatAblationTable(
	rows: readonly AblationRow[],
	header: { posts: number; runs: number; date: string },
): string {
	const failedCells = (failed: string): string[] => [
		`failed: ${failed}`,
		...Array.from({ length: 5 }, () => '–'),
	];
	const figureRows = rows.map(({ variant, figures, failed }) => {
		const name = label(variant);
		if (!figures) return [name, ...failedCells(failed ?? 'no build')];
		return [
			failed === undefined ? name : `${name}, some builds failed: ${failed}`,
			...KINDS.map((kind) => formatSummary(figures[kind].wall, seconds, ' s')),
			...KINDS.map((kind) => formatSummary(figures[kind].cpu, seconds, ' s')),
			...KINDS.map((kind) => formatSummary(figures[kind].rss, mib, ' MiB')),
		];
	});
	const savingRows = rows.flatMap(({ variant, saving: saved, failed }) => {
		if (variant === 'baseline') return [];
		if (!saved) return [[variant, ...failedCells(failed ?? 'no build')]];
		const wall = (kind: Kind): string => {
			const pairs = saved.pairs[kind];
			const range = pairs.count > 1 ? ` (${percent(pairs.min)} to ${percent(pairs.max)})` : '';
			return `${percent(saved[kind].wall)}${range}`;
		};
		return [
			[
				variant,
				...KINDS.map(wall),
				...KINDS.map((kind) => percent(saved[kind].cpu)),
				...KINDS.map((kind) => percent(saved[kind].rss)),
			],
		];
	});
	const table = (head: string[], body: string[][]): string[] => [
		`| ${head.join(' | ')} |`,
		`| --- |${' --: |'.repeat(head.length - 1)}`,
		...body.map((row) => `| ${row.join(' | ')} |`),
	];
	const columns = [
		'Wall, clean',
		'Wall, rebuild',
		'CPU, clean',
		'CPU, rebuild',
		'Peak RSS, clean',
		'Peak RSS, rebuild',
	];
	return [
		`Ablation: ${header.posts} posts, median of ${header.runs} run(s), spread (min–max) in brackets, ${header.date}`,
		'',
		...table(['Mechanism off', ...columns], figureRows),
		'',
		'What each mechanism saves, (off − on) / off of the medians; wall time also per run pair (min to max):',
		'',
		...table(['Mechanism', ...columns], savingRows),
	].join('\n');
}
