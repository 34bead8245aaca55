import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectGatePassed, openContentCheckGate } from '../lib/content-check/content-check-gate.ts';
import { startBuildCheckWorker, type BuildCheckWorker } from '../plumbing/content-check-worker.ts';
import type * as BuildModule from '../plumbing/content-check-build.ts';
import type { BuildCheckOutcome } from '../plumbing/content-check-build.ts';
import { getContentDir } from '../lib/content/content-dir.ts';
import { buildNow } from '../lib/content/publishing.ts';
import { mechanismOn } from '../lib/pipeline/mechanisms.ts';

/** The content check, plus what it learnt about the posts for other integrations. */
export interface ContentCheckIntegration extends AstroIntegration {
	/** lastmod of a published article by its absolute URL (filled when the config is set up). */
	lastmod: (url: string) => Date | undefined;
}

/*
 * The worker starts when Astro imports the config, so it loads the check while Astro goes on
 * loading the config (astro.config.ts imports this module first for that reason). Turned off
 * (`BLOG_MECHANISMS_OFF=check-worker`, for the benchmark), the check runs on the main thread
 * and checks every post anew, with no cache.
 */
const inWorker = mechanismOn(process.env, 'check-worker');
let waitingWorker: BuildCheckWorker | undefined = inWorker ? startBuildCheckWorker() : undefined;

/**
 * The check on this thread, without a cache, behind the worker's interface. Its modules are
 * loaded by Node (`require`): the module runner that loaded the config is closed by the time the
 * hooks run, so an `import()` from here fails.
 */
function checkHere(): BuildCheckWorker {
	return {
		run(job) {
			const require = createRequire(import.meta.url);
			const result = Promise.resolve()
				.then(() => require('../plumbing/content-check-build.ts') as typeof BuildModule)
				.then(({ runBuildCheck }) => runBuildCheck({ ...job, cached: false }));
			const saved = result.then(() => undefined);
			saved.catch(() => undefined);
			return { outcome: result.then(({ outcome }) => outcome), saved };
		},
		close() {},
	};
}

/** The worker started with the config, or a new one if that one has been used. */
function takeWorker(): BuildCheckWorker {
	const worker = waitingWorker ?? (inWorker ? startBuildCheckWorker() : checkHere());
	waitingWorker = undefined;
	return worker;
}

/** What the check found, and the write of its results for the next build. */
interface RunningCheck {
	result: Promise<{ errors: number; lastmod: Map<string, Date> }>;
	saved: Promise<void>;
}

/** Checks every post in the worker, prints every finding; resolves with the errors and lastmod index. */
function runCheck(root: string, cacheDir: string, logger: AstroIntegrationLogger): RunningCheck {
	// Posts unchanged since the last build are not checked again (see content-check-cache.ts).
	const { outcome, saved } = takeWorker().run({
		root,
		cacheDir,
		contentDir: resolve(root, getContentDir(process.env)),
		now: buildNow(process.env).getTime(),
	});
	return { result: outcome.then((checked) => report(checked, logger)), saved };
}

/** Prints the findings; returns the number of errors and the lastmod index. */
function report(
	outcome: BuildCheckOutcome,
	logger: AstroIntegrationLogger,
): { errors: number; lastmod: Map<string, Date> } {
	for (const { severity, line } of outcome.findings) {
		if (severity === 'error') logger.error(line);
		else logger.warn(line);
	}
	return {
		errors: outcome.errors,
		lastmod: new Map(outcome.lastmod.map(([url, time]) => [url, new Date(time)])),
	};
}

/** Whether the build was asked for details (`astro build --verbose`, DEBUG set). */
const wantsDetails = (): boolean =>
	process.argv.includes('--verbose') || Boolean(process.env['DEBUG']);

/**
 * The error that stops a build with broken posts. The Russian list above it says everything;
 * Astro prints an error's stack trace whenever it has one, so it has none unless details are
 * asked for.
 */
function checkFailure(errors: number): Error {
	const error = new Error(
		`Проверка статей: ошибок — ${errors}. Исправьте их (список выше) и запустите сборку снова.`,
	);
	if (!wantsDetails()) error.stack = '';
	return error;
}

/**
 * Runs the editors' content check on every build and dev start: prints every warning and error
 * at once and stops the build on errors, before Astro reports only the first of them. It starts
 * with the config and runs in a worker thread while Astro loads the content config; the posts
 * loader waits for it (src/lib/content-check/content-check-gate.ts). The same read of the posts gives the
 * sitemap its lastmod dates, so posts are read only once.
 */
export function contentCheck(): ContentCheckIntegration {
	let lastmod = new Map<string, Date>();
	let running: Promise<void> | undefined;
	let saved: Promise<void> | undefined;
	return {
		name: 'butlerspb:content-check',
		lastmod: (url) => lastmod.get(url),
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				if (command === 'preview' || command === 'sync') {
					waitingWorker?.close();
					waitingWorker = undefined;
					return;
				}
				const check = runCheck(fileURLToPath(config.root), fileURLToPath(config.cacheDir), logger);
				saved = check.saved.catch((error: unknown) => {
					logger.warn(
						`Результаты проверки статей не сохранены для следующей сборки: ${String(error)}`,
					);
				});
				running = check.result.then((result) => {
					lastmod = result.lastmod;
					if (result.errors > 0 && command === 'build') throw checkFailure(result.errors);
				});
				openContentCheckGate(running);
			},
			// Astro has loaded the content by now: the loader must have waited for the check.
			'astro:build:start': async () => {
				await running;
				await saved;
				expectGatePassed();
			},
		},
	};
}
