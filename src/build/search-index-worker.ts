import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { buildSearchIndex, type SearchIndexSummary } from './search-index-build.ts';

/*
 * `buildSearchIndex` in a worker thread: reading, parsing and stemming the articles then runs
 * beside the end of the build on the main thread (the sitemap, the other integrations), and its
 * memory is freed with the thread.
 */

/** What the worker is asked to index. */
interface IndexJob {
	kind: typeof JOB;
	site: string;
	astroCache: string;
	cache: string;
}

/** Marks the worker's data, so this module does nothing in other workers that import it. */
const JOB = 'butlerspb:search-index';

type IndexResult = { ok: true; summary: SearchIndexSummary } | { ok: false; error: unknown };

/** Runs `buildSearchIndex` in a worker thread. */
export function buildSearchIndexInWorker(
	site: string,
	astroCache: string,
	cache: string,
): Promise<SearchIndexSummary> {
	const job: IndexJob = { kind: JOB, site, astroCache, cache };
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), { workerData: job });
		worker.once('message', (result: IndexResult) => {
			if (result.ok) resolve(result.summary);
			else reject(result.error instanceof Error ? result.error : new Error(String(result.error)));
		});
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`search index worker exited with code ${code}`)),
		);
	});
}

const job = isMainThread ? undefined : (workerData as Partial<IndexJob> | undefined);
if (parentPort && job?.kind === JOB && job.site && job.astroCache && job.cache) {
	const port = parentPort;
	buildSearchIndex(job.site, job.astroCache, job.cache).then(
		(summary) => port.postMessage({ ok: true, summary } satisfies IndexResult),
		(error: unknown) => port.postMessage({ ok: false, error } satisfies IndexResult),
	);
}
