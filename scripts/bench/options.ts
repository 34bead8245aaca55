import { parseArgs } from 'node:util';
import {
	MECHANISM_NAMES,
	parseMechanismsOff,
	type Mechanism,
} from '../../src/lib/pipeline/mechanisms.ts';

/*
 * The benchmark's command line and the order of its builds, apart from the script that runs them
 * so both can be tested without building anything.
 */

/** What `npm run bench` was asked to do. */
export interface BenchOptions {
	posts: number;
	runs: number;
	profile: boolean;
	keep: boolean;
	/** Build the bare baseline too (off with `--no-bare`). */
	bare: boolean;
	search: boolean;
	searchRuns: number;
	throttle: boolean;
	/** Instead of the builds: the search's relevance beside Pagefind on a known corpus. */
	relevance: boolean;
	/** Each run also builds the blog with each build mechanism off, for the ablation table. */
	ablate: boolean;
	/** The mechanisms `--ablate` turns off, one at a time (all unless `--only` names some). */
	mechanisms: readonly Mechanism[];
}

/** The command line read: options to run with, a request for help, or what is wrong. */
export type BenchArgs =
	{ kind: 'run'; options: BenchOptions } | { kind: 'help' } | { kind: 'error'; message: string };

/** `npm run bench -- --help`. */
export const BENCH_USAGE = `Usage: npm run bench -- [options]

Builds N generated posts with the blog and with a bare Astro blog (bench/bare), in turns:
per run a clean blog build, a clean bare build, then a blog rebuild after one post changed.
Prints medians with their spread (min–max) and the blog / bare ratio, and writes
bench-results/<date>-<N>.json.

Options:
  --posts N          posts to generate (default 1000)
  --runs R           runs, each a blog build, a bare build and a rebuild (default 1;
                     3 or more for a ratio you can trust on a shared machine)
  --no-bare          skip the bare baseline
  --profile          V8 CPU profile of the first clean build into bench-results/
  --keep             keep the temporary folder with the posts, outputs and logs
  --search           benchmark the search page in Chromium on the first clean build
  --search-runs S    cold-cache runs per search query (default 4; needs --search)
  --throttle         the search runs again on an emulated slow link (needs --search)
  --ablate           instead of the bare baseline: per run, the blog as usual and then with
                     each build mechanism off in turn, a clean build and a rebuild each;
                     prints what each mechanism saves (only --posts, --runs, --keep with it).
                     Mechanisms (BLOG_MECHANISMS_OFF turns them off in any build):
                     ${MECHANISM_NAMES.join(', ')}
  --only A,B         with --ablate: only these mechanisms (the baseline is always built)
  --relevance        instead of the above: precision at 5 of the blog's search and of
                     Pagefind on a 300-post corpus with known answers (only --keep with it)
  -h, --help         this text

Examples: npm run bench -- --posts 1000 --runs 3
          npm run bench -- --posts 1000 --runs 3 --ablate`;

const OPTIONS = {
	posts: { type: 'string' },
	runs: { type: 'string' },
	profile: { type: 'boolean', default: false },
	keep: { type: 'boolean', default: false },
	'no-bare': { type: 'boolean', default: false },
	search: { type: 'boolean', default: false },
	'search-runs': { type: 'string' },
	throttle: { type: 'boolean', default: false },
	relevance: { type: 'boolean', default: false },
	ablate: { type: 'boolean', default: false },
	only: { type: 'string' },
	help: { type: 'boolean', short: 'h' },
} as const;

const HINT = 'Run `npm run bench -- --help` for the options.';

/** A whole number ≥ 1 from an option's text, or what is wrong with it. */
function count(name: string, text: string): number | string {
	const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
	return Number.isSafeInteger(value) && value >= 1
		? value
		: `--${name} needs a whole number of at least 1, not ${JSON.stringify(text)}.`;
}

/** Reads the benchmark's arguments (those after `npm run bench --`). */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
	// Help wins over anything else on the line, a mistyped option included.
	if (argv.some((arg) => arg === '--help' || arg === '-h')) return { kind: 'help' };
	let values;
	try {
		({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true }));
	} catch (error) {
		// Node's messages name the option ("Unknown option '--post'"); its advice about `--` does
		// not apply here, the hint does.
		const message = (error as Error).message.replace(/\. To specify .*$/s, '').replace(/\.?$/, '.');
		return { kind: 'error', message: `${message} ${HINT}` };
	}
	if (values.relevance) {
		const others = [
			'posts',
			'runs',
			'profile',
			'no-bare',
			'search',
			'search-runs',
			'throttle',
			'ablate',
			'only',
		]
			.filter((name) => values[name as keyof typeof values])
			.map((name) => `--${name}`);
		if (others.length > 0) {
			return {
				kind: 'error',
				message: `--relevance runs on its own corpus and takes only --keep, not ${others.join(', ')}. ${HINT}`,
			};
		}
	}
	if (values.ablate) {
		const others = ['profile', 'no-bare', 'search', 'search-runs', 'throttle']
			.filter((name) => values[name as keyof typeof values])
			.map((name) => `--${name}`);
		if (others.length > 0) {
			return {
				kind: 'error',
				message: `--ablate takes only --posts, --runs, --only and --keep, not ${others.join(', ')}. ${HINT}`,
			};
		}
	}
	if (values.only !== undefined && !values.ablate) {
		return { kind: 'error', message: `--only only applies with --ablate. ${HINT}` };
	}
	let mechanisms: readonly Mechanism[] = MECHANISM_NAMES;
	if (values.only !== undefined) {
		try {
			const chosen = parseMechanismsOff(values.only);
			mechanisms = MECHANISM_NAMES.filter((name) => chosen.has(name));
		} catch (error) {
			return { kind: 'error', message: `--only: ${(error as Error).message} ${HINT}` };
		}
		if (mechanisms.length === 0) {
			return { kind: 'error', message: `--only needs at least one mechanism. ${HINT}` };
		}
	}
	const posts = count('posts', values.posts ?? '1000');
	const runs = count('runs', values.runs ?? '1');
	const searchRuns = count('search-runs', values['search-runs'] ?? '4');
	for (const value of [posts, runs, searchRuns]) {
		if (typeof value === 'string') return { kind: 'error', message: `${value} ${HINT}` };
	}
	if (!values.search) {
		const needsSearch = values.throttle
			? '--throttle'
			: values['search-runs']
				? '--search-runs'
				: '';
		if (needsSearch) {
			return { kind: 'error', message: `${needsSearch} only applies with --search. ${HINT}` };
		}
	}
	return {
		kind: 'run',
		options: {
			posts: posts as number,
			runs: runs as number,
			profile: values.profile,
			keep: values.keep,
			bare: !values['no-bare'] && !values.ablate,
			search: values.search,
			searchRuns: searchRuns as number,
			throttle: values.throttle,
			relevance: values.relevance,
			ablate: values.ablate,
			mechanisms,
		},
	};
}

/** The blog as it is, or with one build mechanism turned off. */
export type Variant = 'baseline' | Mechanism;

/** One build of the benchmark: the blog's clean build or rebuild, or the bare baseline's. */
export interface BenchStep {
	run: number;
	build: 'clean' | 'bare' | 'rebuild';
	/** Which blog is built (the bare baseline's steps say 'baseline'). */
	variant: Variant;
}

/**
 * The builds in the order they run. The blog's and the bare baseline's clean builds alternate
 * (blog, bare, blog, bare…), each pair right after the other, so a slow minute of a shared
 * machine falls on both sides rather than on all the builds of one; the rebuild, which needs
 * its run's cache, comes after the pair.
 */
export function benchPlan({
	runs,
	bare,
	ablate = false,
	mechanisms = MECHANISM_NAMES,
}: Pick<BenchOptions, 'runs' | 'bare'> &
	Partial<Pick<BenchOptions, 'ablate' | 'mechanisms'>>): BenchStep[] {
	return Array.from({ length: runs }, (_, index): BenchStep[] => {
		const run = index + 1;
		if (ablate) return ablationRun(run, mechanisms);
		return [
			{ run, build: 'clean', variant: 'baseline' },
			...(bare ? [{ run, build: 'bare', variant: 'baseline' } as const] : []),
			{ run, build: 'rebuild', variant: 'baseline' },
		];
	}).flat();
}

/**
 * One run of `--ablate`: the blog as usual, then with each mechanism off in turn, each a clean
 * build and its rebuild. Every run goes through all the variants, so a slow minute touches one
 * run of several variants rather than every run of one.
 */
function ablationRun(run: number, mechanisms: readonly Mechanism[]): BenchStep[] {
	const variants: Variant[] = ['baseline', ...mechanisms];
	return variants.flatMap((variant): BenchStep[] => [
		{ run, build: 'clean', variant },
		{ run, build: 'rebuild', variant },
	]);
}
