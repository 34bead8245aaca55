import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { SearchIndexJob, type SearchIndexSummary } from './search-index-build.ts';

/*
 * A `SearchIndexJob` in a worker thread. The worker starts when the build starts and prepares
 * (reads the records of the unchanged articles) while Astro bundles; once the pages are written
 * it is told where they are, indexes what changed and writes the index. Reading, parsing and
 * stemming so run beside the main thread, and their memory is freed with the thread.
 */

/** What the worker is started with. */
interface IndexJob {
	kind: typeof JOB;
	astroCache: string;
	cache: string;
	chunkBytes: number | undefined;
}

/** Marks the worker's data, so this module does nothing in other workers that import it. */
const JOB = 'butlerspb:search-index';

type IndexResult = { ok: true; summary: SearchIndexSummary } | { ok: false; error: unknown };

/** A worker preparing the index; `finish(site)` indexes the written site. */
export interface SearchIndexWorker {
	finish(site: string): Promise<SearchIndexSummary>;
	/** Ends the worker without an index (the build stopped). */
	close(): void;
}

/** Starts a worker that prepares the index from the cache. */
export function startSearchIndexWorker(
	astroCache: string,
	cache: string,
	chunkBytes?: number,
): SearchIndexWorker {
	const job: IndexJob = { kind: JOB, astroCache, cache, chunkBytes };
	// A heap of its own well under the build's 1 GiB: the index's tables take about 16 bytes per
	// distinct stem of each article (~160 MB at 10,000 articles), and V8 grows a roomy heap long
	// before it collects.
	const worker = new Worker(new URL(import.meta.url), {
		workerData: job,
		resourceLimits: { maxOldGenerationSizeMb: 512 },
	});
	// Until it is asked for the index, the worker does not keep a failed build's process alive.
	worker.unref();
	const result = new Promise<SearchIndexSummary>((resolve, reject) => {
		worker.once('message', (message: IndexResult) => {
			if (message.ok) resolve(message.summary);
			else
				reject(message.error instanceof Error ? message.error : new Error(String(message.error)));
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) =>
			reject(new Error(`search index worker exited with code ${code}`)),
		);
	});
	result.catch(() => undefined);
	return {
		finish(site) {
			worker.ref();
			worker.postMessage(site);
			return result;
		},
		close() {
			void worker.terminate();
		},
	};
}

/** Builds the index of a written site in a worker thread, in one go. */
export function buildSearchIndexInWorker(
	site: string,
	astroCache: string,
	cache: string,
	chunkBytes?: number,
): Promise<SearchIndexSummary> {
	return startSearchIndexWorker(astroCache, cache, chunkBytes).finish(site);
}

const job = isMainThread ? undefined : (workerData as Partial<IndexJob> | undefined);
if (parentPort && job?.kind === JOB && job.astroCache && job.cache) {
	const port = parentPort;
	const indexJob = new SearchIndexJob(job.astroCache, job.cache, job.chunkBytes);
	// A failed preparation only means more to read at the end.
	const prepared = indexJob.prepare().catch(() => undefined);
	port.once('message', (site: string) => {
		prepared
			.then(() => indexJob.finish(site))
			.then(
				(summary) => port.postMessage({ ok: true, summary } satisfies IndexResult),
				(error: unknown) => port.postMessage({ ok: false, error } satisfies IndexResult),
			);
	});
}
