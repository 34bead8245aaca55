import type { PageWeight } from './dist.ts';
import type { Measured } from './measure.ts';
import type { SearchBenchResult } from './search.ts';
import { formatSummary, median, ratio, summarise, type Ratio, type Summary } from './stats.ts';

/** Figures of one build. */
export interface BuildFigures {
	wallSeconds: number;
	/** HTML pages in the output. */
	pages: number;
	msPerPage: number;
	/** Largest sum of VmHWM over the build's processes alive together: the reported peak. */
	peakRssTreeBytes: number;
	/** GNU time's "Maximum resident set size": the peak of the largest single process. */
	peakRssLargestBytes: number;
	/** Largest sum of VmRSS over the tree at one poll (lower bound of the tree's peak). */
	rssSampledBytes: number;
	userSeconds: number;
	systemSeconds: number;
	processes: { name: string; hwmBytes: number }[];
}

/** One clean build and the rebuild after one post changed. */
export interface RunFigures {
	clean: BuildFigures;
	rebuild: BuildFigures;
}

/** Everything the benchmark writes to bench-results/. */
export interface BenchResult {
	date: string;
	posts: number;
	runs: number;
	machine: { cpus: number; memoryBytes: number; platform: string; node: string; astro: string };
	commit: string;
	runFigures: RunFigures[];
	median: RunFigures & { rebuildShare: number };
	dist: { pages: number; bytes: number; files: number };
	pageWeight: PageWeight | undefined;
	/** The bare baseline (bench/bare) built from the same posts: median of its clean builds. */
	bare?: BuildFigures;
	/** Each clean build of the bare baseline, in the order run (after the blog's of the same run). */
	bareRuns?: BuildFigures[];
	/** Wall times over the runs: medians, spreads and the blog / bare ratio. */
	wall: WallSummary;
	/** The search benchmark (`--search`) on the first clean build's output. */
	search?: SearchBenchResult;
	/** The same search figures on an emulated slow link (`--throttle`). */
	searchThrottled?: SearchBenchResult;
}

/** Turns a measured build into figures. */
export function toFigures(measured: Measured, pages: number): BuildFigures {
	const wallSeconds = measured.wallMs / 1000;
	return {
		wallSeconds,
		pages,
		msPerPage: pages > 0 ? measured.wallMs / pages : 0,
		peakRssTreeBytes: measured.treeHwmBytes,
		peakRssLargestBytes: measured.time.maxRssBytes,
		rssSampledBytes: measured.treeRssSampledBytes,
		userSeconds: measured.time.userSeconds,
		systemSeconds: measured.time.systemSeconds,
		processes: measured.processes.map(({ name, hwmBytes }) => ({ name, hwmBytes })),
	};
}

const NUMERIC_FIELDS = [
	'wallSeconds',
	'pages',
	'msPerPage',
	'peakRssTreeBytes',
	'peakRssLargestBytes',
	'rssSampledBytes',
	'userSeconds',
	'systemSeconds',
] as const;

/** Field-by-field median of several builds (the process list is the median-wall build's). */
export function medianFigures(builds: readonly BuildFigures[]): BuildFigures {
	const byWall = [...builds].sort((a, b) => a.wallSeconds - b.wallSeconds);
	const middle = byWall[(byWall.length - 1) >> 1];
	if (!middle) throw new Error('medianFigures() needs at least one build');
	const out: BuildFigures = { ...middle };
	for (const field of NUMERIC_FIELDS) out[field] = median(builds.map((build) => build[field]));
	return out;
}

/** Medians over runs, with the rebuild's share of the clean build's wall time. */
export function medianRuns(runs: readonly RunFigures[]): RunFigures & { rebuildShare: number } {
	const clean = medianFigures(runs.map((run) => run.clean));
	const rebuild = medianFigures(runs.map((run) => run.rebuild));
	return { clean, rebuild, rebuildShare: rebuild.wallSeconds / clean.wallSeconds };
}

/** Wall times of the runs, each side with its spread, and clean blog / clean bare. */
export interface WallSummary {
	clean: Summary;
	rebuild: Summary;
	bare?: Summary;
	/** Clean blog build over clean bare build: of the medians, and of each pair run in turn. */
	blogOverBare?: Ratio;
}

/** Summarises the wall times of the blog's runs and the bare baseline's clean builds. */
export function summariseWall(
	runs: readonly RunFigures[],
	bareRuns: readonly BuildFigures[] = [],
): WallSummary {
	const clean = runs.map((run) => run.clean.wallSeconds);
	const bare = bareRuns.map((build) => build.wallSeconds);
	return {
		clean: summarise(clean),
		rebuild: summarise(runs.map((run) => run.rebuild.wallSeconds)),
		...(bare.length > 0 ? { bare: summarise(bare), blogOverBare: ratio(clean, bare) } : {}),
	};
}

const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} KB`;

/** A Markdown table of the result, for the terminal and the README. */
export function formatTable(result: BenchResult): string {
	const { clean, rebuild, rebuildShare } = result.median;
	const weight = result.pageWeight;
	const { bare } = result;
	const { wall } = result;
	const seconds = (value: number): string => value.toFixed(1);
	const times = (value: number): string => `x${value.toFixed(2)}`;
	const rows: [string, string, string][] = [
		[
			'Wall time',
			formatSummary(wall.clean, seconds, ' s'),
			formatSummary(wall.rebuild, seconds, ' s'),
		],
		['HTML pages', String(clean.pages), String(rebuild.pages)],
		['ms per page', clean.msPerPage.toFixed(2), rebuild.msPerPage.toFixed(2)],
		['Peak RSS, process tree', mib(clean.peakRssTreeBytes), mib(rebuild.peakRssTreeBytes)],
		['Peak RSS, largest process', mib(clean.peakRssLargestBytes), mib(rebuild.peakRssLargestBytes)],
		['CPU user + system', cpu(clean), cpu(rebuild)],
		['Rebuild / clean', '', `${(rebuildShare * 100).toFixed(0)} %`],
	];
	if (bare && wall.bare && wall.blogOverBare) {
		const { ofMedians, pairs } = wall.blogOverBare;
		rows.push(
			['Bare Astro blog, wall time', formatSummary(wall.bare, seconds, ' s'), ''],
			['Bare Astro blog, peak RSS tree', mib(bare.peakRssTreeBytes), ''],
			['Blog / bare (wall time, medians)', times(ofMedians), ''],
		);
		if (pairs.count > 1) {
			rows.push(['Blog / bare, pair by pair', formatSummary(pairs, times), '']);
		}
	}
	const lines = [
		`${result.posts} posts, median of ${result.runs} run(s), spread (min–max) in brackets, ${result.date}`,
		'',
		'| Figure | Clean build | Rebuild (one post changed) |',
		'| --- | --: | --: |',
		...rows.map((row) => `| ${row.join(' | ')} |`),
		'',
		`dist: ${result.dist.files} files, ${mib(result.dist.bytes)}`,
	];
	if (weight) {
		lines.push(
			`typical article (${weight.file}): HTML ${kb(weight.html.bytes)} (${kb(weight.html.gzip)} gzip), ` +
				`CSS ${kb(weight.css.bytes)} (${kb(weight.css.gzip)} gzip), JS ${weight.js.bytes} B; ` +
				`HTML + CSS gzip ${kb(weight.htmlCssGzip)}`,
		);
	}
	return lines.join('\n');
}

const cpu = (build: BuildFigures): string =>
	`${(build.userSeconds + build.systemSeconds).toFixed(1)} s`;
