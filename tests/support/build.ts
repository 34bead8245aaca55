import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { copyProject } from './project-copy.ts';

const run = promisify(execFile);

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** The main build's output, made by `npm run build` before the dist tests run. */
export const DIST = join(ROOT, 'dist');

/**
 * The environment without the test runner's variables (NODE_ENV=test, VITEST…), so a fixture
 * build runs exactly as `npm run build` does.
 */
export const productionEnv = (): NodeJS.ProcessEnv =>
	Object.fromEntries(
		Object.entries(process.env).filter(
			([key]) => key !== 'NODE_ENV' && key !== 'TEST' && !key.startsWith('VITEST'),
		),
	);

/** Where a test run's fixture builds go (set by its global setup); else the system's temp folder. */
export const FIXTURE_ROOT_ENV = 'BLOG_FIXTURE_ROOT';

/** Result of a fixture build. */
export interface FixtureBuild {
	outDir: string;
	stdout: string;
	stderr: string;
}

let projectCopy: Promise<string> | undefined;

/**
 * This process's copy of the project, where its fixture builds run. A build writes its content
 * store and types into the project's .astro/ folder: with a copy per test process, fixture
 * builds of test files and groups that run side by side never share one.
 */
export const fixtureProject = (): Promise<string> =>
	(projectCopy ??= copyProject(
		join(process.env[FIXTURE_ROOT_ENV] ?? tmpdir(), `blog-project-${process.pid}`),
	));

/**
 * Builds the site from another content folder into a temporary directory, with its own cache,
 * so fixture builds never touch dist/ or the main cache. Rejects with the build's output when
 * the build fails (the error carries `stdout`/`stderr`).
 */
export async function buildFixtureSite(
	contentDir: string,
	env: Record<string, string> = {},
	/** Output folder; incremental rebuilds need the same one each time. Default: a new one. */
	outDirOption?: string,
): Promise<FixtureBuild> {
	const work = await mkdtemp(join(process.env[FIXTURE_ROOT_ENV] ?? tmpdir(), 'blog-fixture-'));
	const outDir = outDirOption ?? join(work, 'dist');
	const project = await fixtureProject();
	const { stdout, stderr } = await run(
		join(ROOT, 'node_modules/.bin/astro'),
		['build', '--outDir', outDir],
		{
			cwd: project,
			env: {
				...productionEnv(),
				BLOG_CONTENT_DIR: resolve(ROOT, contentDir),
				ASTRO_CACHE_DIR: join(work, 'cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
				// Vitest sets NODE_ENV=test, which would make the build a dev build (drafts shown).
				NODE_ENV: 'production',
				...env,
			},
			maxBuffer: 64 * 1024 * 1024,
		},
	);
	return { outDir, stdout, stderr };
}
