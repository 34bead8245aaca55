/*
 * `npm run bench -- --posts N [--runs R] [--profile] [--keep] [--no-bare]
 *                  [--search [--search-runs S] [--throttle]]`
 * `npm run bench -- --posts N [--runs R] --ablate [--keep]`
 * `npm run bench -- --relevance [--keep]`            (`--help` prints the options)
 *
 * Generates N seed-shaped posts into a temporary content folder, then for each run: a clean build
 * (empty output folder, fresh Astro cache), a clean build of the bare baseline (bench/bare: a
 * minimal Astro blog with one page per post, the same Astro) from the same posts, and a rebuild
 * of the blog after one post's body changed (empty output folder, the same cache, as on Netlify
 * where only the cache survives between builds). The blog's and the bare baseline's clean builds
 * alternate (scripts/bench/options.ts), so a noisy minute falls on both sides. Each build runs
 * under GNU time -v while its process tree is polled in /proc (see scripts/bench/measure.ts for
 * which memory figure is which). Prints medians with their spread and the blog / bare ratio, and
 * writes bench-results/<date>-<N>.json. `--profile` records a V8 CPU profile of the first clean
 * build.
 * `--ablate` builds, in each run, instead of the bare baseline, the blog as usual and then with
 * each build mechanism off in turn (BLOG_MECHANISMS_OFF, src/lib/pipeline/mechanisms.ts), a clean
 * build and its rebuild each, and prints what each mechanism saves (scripts/bench/ablation.ts);
 * it writes bench-results/<date>-<N>-ablation.json.
 * Astro writes its prerender bundle into the project's .astro/ folder, so never run two builds
 * of one checkout at the same time (a bench and `npm run build`, say).
 * `--search` benchmarks the search page on the first clean build's output, right after that
 * build is measured (scripts/bench/search-run.ts): S cold-cache runs per query in Chromium
 * (`--throttle` adds as many on an emulated slow link), and the same queries against one index
 * of all articles, built in memory from the pages.
 * `--relevance` builds the blog of the relevance corpus instead (scripts/bench/relevance.ts: 300
 * posts whose relevance to each query is known), indexes the same article pages with Pagefind
 * and prints precision at 5 of both engines for each query and on average
 * (scripts/bench/relevance-run.ts); it writes bench-results/<date>-relevance.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, platform, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import {
	measurePageWeight,
	readDistStats,
	typicalArticle,
	type DistStats,
	type PageWeight,
} from './bench/dist.ts';
import { generatePosts } from './bench/generate.ts';
import { averages, formatRelevanceTable, relevanceCorpus } from './bench/relevance.ts';
import { benchRelevance } from './bench/relevance-run.ts';
import { runMeasured } from './bench/measure.ts';
import { ablationRows, describeBuildFailure, formatAblationTable } from './bench/ablation.ts';
import { BENCH_USAGE, benchPlan, parseBenchArgs, type Variant } from './bench/options.ts';
import { MECHANISMS_OFF_ENV } from '../src/lib/pipeline/mechanisms.ts';
import { formatSearchTables, type SearchBenchResult } from './bench/search.ts';
import { benchSearch } from './bench/search-run.ts';
import {
	formatTable,
	medianFigures,
	medianRuns,
	summariseWall,
	toFigures,
	type BenchResult,
	type BuildFigures,
	type RunFigures,
} from './bench/report.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** The builds run `npm run build`, as Netlify does, with the heap limit the script sets. */
const NPM = process.env['npm_execpath'];
const BUILD = NPM
	? [process.execPath, NPM, 'run', '--silent', 'build', '--']
	: ['npm', 'run', '--silent', 'build', '--'];
/** The builds' "now": after every generated date, so the output never depends on the clock. */
const BENCH_NOW = '2026-11-22T00:00:00Z';

const args = parseBenchArgs(process.argv.slice(2));
if (args.kind === 'help') {
	console.log(BENCH_USAGE);
	process.exit(0);
}
if (args.kind === 'error') {
	console.error(args.message);
	process.exit(2);
}
const options = args.options;
const { posts, runs } = options;

/** GNU time measures peak memory; install it with apt when missing and allowed. */
function ensureGnuTime(): void {
	if (existsSync('/usr/bin/time')) return;
	const root = process.getuid?.() === 0;
	if (root && spawnSync('apt-get', ['--version']).status === 0) {
		console.log('Installing GNU time (apt-get install -y time)…');
		spawnSync('apt-get', ['install', '-y', '-qq', 'time'], { stdio: 'inherit' });
		if (existsSync('/usr/bin/time')) return;
	}
	console.error("The benchmark needs GNU time: install it with 'sudo apt-get install -y time'.");
	process.exit(1);
}

/** The commit measured, or `unknown` outside a git checkout. */
function gitCommit(): string {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, stdio: 'pipe' })
			.toString()
			.trim();
	} catch {
		return 'unknown';
	}
}

/** One line per finished build, so a long run shows progress. */
function logBuild(name: string, figures: BuildFigures): void {
	const mib = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;
	console.log(
		`  ${name}: ${figures.wallSeconds.toFixed(1)} s, ${figures.pages} pages, ` +
			`${figures.msPerPage.toFixed(2)} ms/page, peak RSS ${mib(figures.peakRssTreeBytes)}`,
	);
}

async function writeCorpus(dir: string): Promise<string> {
	await mkdir(dir, { recursive: true });
	let middle = '';
	let index = 0;
	for (const post of generatePosts(posts)) {
		await writeFile(join(dir, post.file), post.source);
		if (index++ === Math.floor(posts / 2)) middle = post.file;
	}
	return join(dir, middle);
}

/** The bare baseline's project folder. */
const BARE = join(ROOT, 'bench/bare');

/** One clean build of the bare baseline from the same posts, measured like the blog's. */
async function buildBare(work: string, name: string): Promise<BuildFigures> {
	const outDir = join(work, `${name}-dist`);
	const measured = await runMeasured(
		process.execPath,
		[join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'],
		{
			cwd: BARE,
			env: {
				...process.env,
				BLOG_CONTENT_DIR: content,
				BARE_OUT_DIR: outDir,
				BARE_CACHE_DIR: join(work, `${name}-cache`),
				ASTRO_TELEMETRY_DISABLED: '1',
			},
			logFile: join(work, `${name}.log`),
			timeFile: join(work, `${name}.time`),
		},
	);
	if (measured.exitCode !== 0) {
		const log = await readFile(join(work, `${name}.log`), 'utf8');
		throw new Error(`${name} build failed (exit ${measured.exitCode}):\n${log.slice(-4000)}`);
	}
	const figures = toFigures(measured, (await readDistStats(outDir)).pages);
	await setAside(outDir);
	await setAside(join(work, `${name}-cache`));
	return figures;
}

async function build(
	work: string,
	name: string,
	paths: { cache: string; outDir: string },
	env: NodeJS.ProcessEnv,
) {
	const { cache, outDir } = paths;
	const [command = 'npm', ...args] = BUILD;
	const measured = await runMeasured(command, [...args, '--outDir', outDir], {
		cwd: ROOT,
		env: { ...process.env, ASTRO_CACHE_DIR: cache, ...env },
		logFile: join(work, `${name}.log`),
		timeFile: join(work, `${name}.time`),
	});
	if (measured.exitCode !== 0) {
		const log = (await readFile(join(work, `${name}.log`), 'utf8')).slice(-4000);
		throw new BuildFailed(name, describeBuildFailure(measured.exitCode, log), log, outDir);
	}
	return { measured, outDir };
}

/** A blog build that failed; `--ablate` records it for a variant and goes on. */
class BuildFailed extends Error {
	readonly reason: string;
	readonly outDir: string;
	constructor(name: string, reason: string, log: string, outDir: string) {
		super(`${name} build failed (${reason}):\n${log}`);
		this.reason = reason;
		this.outDir = outDir;
	}
}

/*
 * Folders a build leaves are moved out of the way and deleted only when every build has been
 * measured. Deleting a site of thousands of folders right before a build slowed that build's own
 * folder creation several times over on the benchmark machine (the file system is still busy
 * with the deletion for seconds, `sync` or not), and a Netlify build starts on a fresh checkout
 * with no previous output to delete.
 */
const setAsideFolders: string[] = [];
async function setAside(dir: string): Promise<void> {
	const aside = `${dir}-aside-${setAsideFolders.length}`;
	await rename(dir, aside);
	setAsideFolders.push(aside);
}

/**
 * `--ablate`: a variant's failed build is recorded (the table says why) and its folders set
 * aside, so the other variants go on; any other failure ends the bench.
 */
async function recordFailure(
	variant: Variant,
	error: unknown,
	folders: readonly string[],
): Promise<undefined> {
	if (!(options.ablate && variant !== 'baseline' && error instanceof BuildFailed)) throw error;
	console.log(`  failed: ${error.reason}; the other variants go on`);
	variantFailures.set(variant, error.reason);
	for (const dir of folders) if (existsSync(dir)) await setAside(dir);
	return undefined;
}

ensureGnuTime();
const work = await mkdtemp(join(tmpdir(), 'blog-bench-'));
if (options.relevance) {
	await relevanceBench(work);
	process.exit(0);
}
const content = join(work, 'content');
console.log(`Generating ${posts} posts into ${content}…`);
const changed = await writeCorpus(content);
const original = await readFile(changed, 'utf8');
const profileDir = join(ROOT, 'bench-results', `profile-${posts}`);
const env = {
	BLOG_CONTENT_DIR: content,
	BLOG_NOW: BENCH_NOW,
	ASTRO_TELEMETRY_DISABLED: '1',
};

const runFigures: RunFigures[] = [];
/** `--ablate`: each variant's runs, in the order run. */
const variantFigures = new Map<Variant, RunFigures[]>();
/** `--ablate`: why a variant's build failed (the other variants still run). */
const variantFailures = new Map<Variant, string>();
const bareFigures: BuildFigures[] = [];
let dist: DistStats | undefined;
let pageWeight: PageWeight | undefined;
let search: SearchBenchResult | undefined;
let searchThrottled: SearchBenchResult | undefined;
/** A run's folders and its clean build, kept for its rebuild, by run and variant. */
const runState = new Map<
	string,
	{ paths: { cache: string; outDir: string }; clean: BuildFigures }
>();
try {
	for (const { run, build: step, variant } of benchPlan(options)) {
		// The folders' and logs' names, and what the build is told to turn off.
		const name = variant === 'baseline' ? `run-${run}` : `run-${run}-${variant}-off`;
		const what = variant === 'baseline' ? 'blog' : `blog, ${variant} off`;
		const variantEnv = options.ablate
			? { ...env, [MECHANISMS_OFF_ENV]: variant === 'baseline' ? '' : variant }
			: env;
		if (step === 'bare') {
			console.log(`Run ${run}/${runs}: bare Astro blog, clean build…`);
			const figures = await buildBare(work, `bare-${run}`);
			logBuild('bare', figures);
			bareFigures.push(figures);
			continue;
		}
		// A variant that failed once is not built again in later runs: it would fail again.
		if (variantFailures.has(variant) && !runState.has(name)) continue;
		if (step === 'clean') {
			await writeFile(changed, original);
			// Same output folder both times (Astro's page hashes include it, and Netlify builds into
			// the same one), emptied in between as on Netlify, where only the cache survives.
			const paths = {
				cache: join(work, `${name}-cache`),
				// One output folder for every variant: Astro's page hashes include it.
				outDir: join(work, `run-${run}-dist`),
			};
			const profile =
				options.profile && run === 1
					? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` }
					: {};
			console.log(`Run ${run}/${runs}: ${what}, clean build…`);
			const clean = await build(work, `${name}-clean`, paths, {
				...variantEnv,
				...profile,
			}).catch((error: unknown) => recordFailure(variant, error, [paths.outDir, paths.cache]));
			if (!clean) continue;
			const cleanStats = await readDistStats(clean.outDir);
			const figures = toFigures(clean.measured, cleanStats.pages);
			logBuild('clean', figures);
			if (run === 1 && variant === 'baseline') {
				dist = cleanStats;
				const typical = typicalArticle(cleanStats.articles);
				pageWeight = typical ? await measurePageWeight(clean.outDir, typical.file) : undefined;
				if (options.search) {
					console.log('Search benchmark on the clean build…');
					search = await benchSearch({
						dist: clean.outDir,
						runs: options.searchRuns,
						throttle: false,
					});
					if (options.throttle) {
						console.log('Search benchmark on an emulated slow link…');
						searchThrottled = await benchSearch({
							dist: clean.outDir,
							runs: options.searchRuns,
							throttle: true,
						});
					}
				}
			}
			// Moved aside, not deleted: see `setAside`.
			await setAside(clean.outDir);
			runState.set(name, { paths, clean: figures });
			continue;
		}
		const state = runState.get(name);
		if (!state) throw new Error(`${name}: a rebuild without its clean build`);
		await appendFile(changed, '\nДобавлен абзац: одна статья изменилась между сборками.\n');
		console.log(`Run ${run}/${runs}: ${what}, rebuild after one post changed…`);
		const rebuild = await build(work, `${name}-rebuild`, state.paths, variantEnv).catch(
			(error: unknown) => recordFailure(variant, error, [state.paths.outDir, state.paths.cache]),
		);
		if (!rebuild) continue;
		const rebuildStats = await readDistStats(rebuild.outDir);
		await setAside(rebuild.outDir);
		await setAside(state.paths.cache);
		const figures = {
			clean: state.clean,
			rebuild: toFigures(rebuild.measured, rebuildStats.pages),
		};
		logBuild('rebuild', figures.rebuild);
		if (variant === 'baseline') runFigures.push(figures);
		variantFigures.set(variant, [...(variantFigures.get(variant) ?? []), figures]);
	}
} finally {
	for (const dir of setAsideFolders) await rm(dir, { recursive: true, force: true });
	if (!options.keep) await rm(work, { recursive: true, force: true });
	else console.log(`Kept ${work}`);
}

const astroVersion = JSON.parse(
	await readFile(join(ROOT, 'node_modules/astro/package.json'), 'utf8'),
) as { version: string };
const date = new Date().toISOString().slice(0, 10);
const result: BenchResult = {
	date,
	posts,
	runs,
	machine: {
		cpus: availableParallelism(),
		memoryBytes: totalmem(),
		platform: platform(),
		node: process.version,
		astro: astroVersion.version,
	},
	commit: gitCommit(),
	runFigures,
	median: medianRuns(runFigures),
	dist: { pages: dist?.pages ?? 0, bytes: dist?.bytes ?? 0, files: dist?.files ?? 0 },
	pageWeight,
	...(bareFigures.length > 0 ? { bare: medianFigures(bareFigures), bareRuns: bareFigures } : {}),
	wall: summariseWall(runFigures, bareFigures),
	...(search ? { search } : {}),
	...(searchThrottled ? { searchThrottled } : {}),
};
const outFile = join(ROOT, 'bench-results', `${date}-${posts}.json`);
await mkdir(join(ROOT, 'bench-results'), { recursive: true });
await writeFile(outFile, `${JSON.stringify(result, null, '\t')}\n`);
console.log(`\n${formatTable(result)}\n`);
if (search) console.log(`${formatSearchTables(search)}\n`);
if (searchThrottled) console.log(`${formatSearchTables(searchThrottled)}\n`);
console.log(`Wrote ${outFile}`);
if (options.ablate) {
	const rows = ablationRows(variantFigures, variantFailures);
	const ablationFile = join(ROOT, 'bench-results', `${date}-${posts}-ablation.json`);
	const ablation = {
		...result,
		variants: Object.fromEntries(variantFigures),
		failures: Object.fromEntries(variantFailures),
		rows,
	};
	await writeFile(ablationFile, `${JSON.stringify(ablation, null, '\t')}\n`);
	console.log(`\n${formatAblationTable(rows, { posts, runs, date })}\n`);
	console.log(`Wrote ${ablationFile}`);
}
if (options.profile) console.log(`CPU profiles: ${profileDir}`);

/** `--relevance`: the blog's search beside Pagefind on the relevance corpus. */
async function relevanceBench(dir: string): Promise<void> {
	try {
		const corpus = relevanceCorpus();
		const folder = join(dir, 'relevance-content');
		await mkdir(folder, { recursive: true });
		for (const post of corpus) await writeFile(join(folder, post.file), post.source);
		console.log(`Relevance: building the blog of ${corpus.length} posts…`);
		const paths = { cache: join(dir, 'relevance-cache'), outDir: join(dir, 'relevance-dist') };
		await build(dir, 'relevance', paths, {
			BLOG_CONTENT_DIR: folder,
			BLOG_NOW: BENCH_NOW,
			ASTRO_TELEMETRY_DISABLED: '1',
		});
		const rows = await benchRelevance(paths.outDir, corpus);
		const date = new Date().toISOString().slice(0, 10);
		const outFile = join(ROOT, 'bench-results', `${date}-relevance.json`);
		await mkdir(join(ROOT, 'bench-results'), { recursive: true });
		const result = {
			date,
			commit: gitCommit(),
			posts: corpus.length,
			rows,
			average: averages(rows),
		};
		await writeFile(outFile, `${JSON.stringify(result, null, '\t')}\n`);
		console.log(`\n${formatRelevanceTable(rows)}\n\nWrote ${outFile}`);
	} finally {
		if (!options.keep) await rm(dir, { recursive: true, force: true });
		else console.log(`Kept ${dir}`);
	}
}
