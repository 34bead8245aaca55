import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { BuildCheckJob, BuildCheckOutcome } from './content-check-build.ts';

/*
 * The build's content check in a worker thread. On the main thread it took 0.3-0.4 s of a
 * 1,000-post rebuild (reading and hashing every post, the cache, the posts that changed) while
 * Astro set up Vite and loaded the content config; in a thread of its own it runs on the other
 * core meanwhile. The worker starts before it has a job: it loads the check (zod, YAML, the
 * schema: ~0.3 s) while Astro loads its config, and gets the folders to check once the config
 * is resolved. Only this small module is loaded on the main thread.
 */

/** Marks the worker's data, so this module does nothing in other workers that import it. */
const JOB = 'butlerspb:content-check';

/** The worker's messages: the outcome, then whether the cache was written. */
type CheckMessage =
	| { kind: 'outcome'; outcome: BuildCheckOutcome }
	| { kind: 'saved'; error?: unknown }
	| { kind: 'failed'; error: unknown };

/** A check worker that has not been given its job yet. */
export interface BuildCheckWorker {
	/**
	 * Gives the worker its job. `outcome` resolves once every post is checked; `saved` once the
	 * results are written for the next build (rejected if they could not be).
	 */
	run(job: BuildCheckJob): { outcome: Promise<BuildCheckOutcome>; saved: Promise<void> };
	/** Ends a worker that will get no job (commands that check nothing). */
	close(): void;
}

const asError = (error: unknown): Error =>
	error instanceof Error ? error : new Error(String(error));

/** Starts a check worker; it keeps the process alive only once it has a job. */
export function startBuildCheckWorker(): BuildCheckWorker {
	const worker = new Worker(new URL(import.meta.url), { workerData: { kind: JOB } });
	worker.unref();
	return {
		run(job) {
			worker.ref();
			const outcome = Promise.withResolvers<BuildCheckOutcome>();
			const saved = Promise.withResolvers<undefined>();
			// Settling a settled promise does nothing: a failure after the outcome reaches `saved` only.
			const fail = (error: Error): void => {
				outcome.reject(error);
				saved.reject(error);
			};
			worker.on('message', (message: CheckMessage) => {
				if (message.kind === 'outcome') outcome.resolve(message.outcome);
				else if (message.kind === 'failed') fail(asError(message.error));
				else if (message.error === undefined) saved.resolve(undefined);
				else saved.reject(asError(message.error));
			});
			worker.once('error', fail);
			worker.once('exit', (code) => fail(new Error(`content check worker exited (${code})`)));
			saved.promise.catch(() => undefined);
			worker.postMessage(job);
			return { outcome: outcome.promise, saved: saved.promise };
		},
		close() {
			void worker.terminate();
		},
	};
}

const data = isMainThread ? undefined : (workerData as { kind?: unknown } | undefined);
if (parentPort && data?.kind === JOB) {
	const port = parentPort;
	// Loaded at once: the job comes when Astro has resolved its config.
	const loading = import('./content-check-build.ts');
	loading.catch(() => undefined);
	port.once('message', async (job: BuildCheckJob) => {
		let save: (() => Promise<void>) | undefined;
		try {
			const { runBuildCheck } = await loading;
			const result = await runBuildCheck(job);
			save = result.save;
			port.postMessage({ kind: 'outcome', outcome: result.outcome } satisfies CheckMessage);
		} catch (error) {
			port.postMessage({ kind: 'failed', error } satisfies CheckMessage);
		}
		if (save) {
			try {
				await save();
				port.postMessage({ kind: 'saved' } satisfies CheckMessage);
			} catch (error) {
				port.postMessage({ kind: 'saved', error } satisfies CheckMessage);
			}
		}
		port.close();
	});
}
