import { expect, test } from 'vitest';
import {
	BENCH_USAGE,
	benchPlan,
	parseBenchArgs,
	type BenchOptions,
} from '../../scripts/bench/options.ts';
import { MECHANISM_NAMES } from '../../src/lib/pipeline/mechanisms.ts';

const DEFAULTS: BenchOptions = {
	posts: 1000,
	runs: 1,
	profile: false,
	keep: false,
	bare: true,
	search: false,
	searchRuns: 4,
	throttle: false,
	relevance: false,
	ablate: false,
	mechanisms: MECHANISM_NAMES,
};

test.each([
	[[], {}],
	[['--posts', '100', '--runs', '2'], { posts: 100, runs: 2 }],
	[
		['--posts=100', '--no-bare', '--keep', '--profile'],
		{ posts: 100, bare: false, keep: true, profile: true },
	],
	[
		['--search', '--search-runs', '8', '--throttle'],
		{ search: true, searchRuns: 8, throttle: true },
	],
	[['--relevance', '--keep'], { relevance: true, keep: true }],
])('%j runs with its options', (argv, changes) => {
	expect(parseBenchArgs(argv)).toEqual({ kind: 'run', options: { ...DEFAULTS, ...changes } });
});

test.each([[['--help']], [['-h']], [['--posts', '100', '--help']], [['--bogus', '--help']]])(
	'%j asks for help',
	(argv) => {
		expect(parseBenchArgs(argv)).toEqual({ kind: 'help' });
	},
);

test.each([
	[['--post', '100'], "Unknown option '--post'"],
	[['-p', '100'], "Unknown option '-p'"],
	[['100'], "Unexpected argument '100'"],
	[['--posts'], "Option '--posts <value>' argument missing"],
	[['--posts', 'many'], '--posts needs a whole number of at least 1, not "many".'],
	[['--posts', '0'], '--posts needs a whole number of at least 1, not "0".'],
	[['--runs', '1.5'], '--runs needs a whole number of at least 1, not "1.5".'],
	[['--search-runs', '-2', '--search'], "'--search-runs' argument is ambiguous"],
	[['--throttle'], '--throttle only applies with --search.'],
	[['--search-runs', '3'], '--search-runs only applies with --search.'],
	[['--no-bare=yes'], "Option '--no-bare' does not take an argument"],
	[
		['--relevance', '--search'],
		'--relevance runs on its own corpus and takes only --keep, not --search.',
	],
	[['--relevance', '--posts', '10', '--runs', '2'], 'not --posts, --runs.'],
])('%j is refused: %s', (argv, text) => {
	const parsed = parseBenchArgs(argv);
	expect(parsed.kind).toBe('error');
	const message = parsed.kind === 'error' ? parsed.message : '';
	expect(message).toContain(text);
	expect(message).toContain('npm run bench -- --help');
	expect(message).not.toMatch(/\n\s+at /);
});

test('the blog and the bare baseline alternate, each rebuild after its pair', () => {
	expect(benchPlan({ runs: 3, bare: true }).map(({ run, build }) => `${build} ${run}`)).toEqual([
		'clean 1',
		'bare 1',
		'rebuild 1',
		'clean 2',
		'bare 2',
		'rebuild 2',
		'clean 3',
		'bare 3',
		'rebuild 3',
	]);
});

test('without the baseline only the blog builds', () => {
	expect(benchPlan({ runs: 2, bare: false }).map(({ run, build }) => `${build} ${run}`)).toEqual([
		'clean 1',
		'rebuild 1',
		'clean 2',
		'rebuild 2',
	]);
});

test('--ablate: no bare baseline, and only --posts, --runs and --keep beside it', () => {
	expect(parseBenchArgs(['--posts', '50', '--runs', '2', '--ablate', '--keep'])).toEqual({
		kind: 'run',
		options: { ...DEFAULTS, posts: 50, runs: 2, keep: true, ablate: true, bare: false },
	});
	const wrong = parseBenchArgs(['--ablate', '--search', '--profile']);
	expect(wrong).toMatchObject({ kind: 'error' });
	expect(wrong.kind === 'error' && wrong.message).toMatch(
		/--ablate takes only --posts, --runs, --only and --keep, not --profile, --search/,
	);
	expect(parseBenchArgs(['--relevance', '--ablate'])).toMatchObject({ kind: 'error' });
});

test('--ablate: each run builds the baseline, then each mechanism off, a clean build and a rebuild each', () => {
	const plan = benchPlan({ runs: 2, bare: false, ablate: true });
	const names = plan.map(({ run, build, variant }) => `${run} ${variant} ${build}`);
	const variants = [
		'baseline',
		'markdown-pool',
		'lean-loader',
		'page-links',
		'check-worker',
		'search-worker',
	];
	expect(names).toEqual(
		[1, 2].flatMap((run) => variants.flatMap((v) => [`${run} ${v} clean`, `${run} ${v} rebuild`])),
	);
});

test('--help names --ablate and the mechanisms', () => {
	expect(BENCH_USAGE).toMatch(/--ablate/);
	expect(BENCH_USAGE).toContain(
		'markdown-pool, lean-loader, page-links, check-worker, search-worker',
	);
});

test('--ablate --only: the baseline and the mechanisms named, in the order of the table', () => {
	const args = parseBenchArgs(['--ablate', '--only', 'search-worker, markdown-pool']);
	expect(args).toMatchObject({
		kind: 'run',
		options: { mechanisms: ['markdown-pool', 'search-worker'] },
	});
	const plan = args.kind === 'run' ? benchPlan(args.options) : [];
	expect(plan.map(({ variant, build }) => `${variant} ${build}`)).toEqual([
		'baseline clean',
		'baseline rebuild',
		'markdown-pool clean',
		'markdown-pool rebuild',
		'search-worker clean',
		'search-worker rebuild',
	]);
});

test.each([
	[['--only', 'page-links'], /--only only applies with --ablate/],
	[['--ablate', '--only', 'pool'], /--only: .*unknown build mechanism «pool»/s],
	[['--ablate', '--only', ','], /--only needs at least one mechanism/],
])('%j is refused: %s', (argv, message) => {
	const args = parseBenchArgs(argv);
	expect(args.kind === 'error' && args.message).toMatch(message);
});
