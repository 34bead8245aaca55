import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { linkFilesSync } from './copy-tree.ts';

/*
 * `linkFilesSync` in a worker thread. Creating a folder waits on the file system's journal:
 * ~1,900 folders took from 0.1 s to 2 s on the benchmark machine, longest soon after a big
 * deletion. In a thread of its own that wait blocks neither the build's main thread nor the
 * thread pool it reads files with, and the synchronous calls cost less than the same calls made
 * one promise at a time.
 */

/** What the worker is asked to link. */
interface LinkJob {
	kind: typeof JOB;
	from: string;
	to: string;
	files: readonly string[];
}

/** Marks the worker's data, so this module does nothing in other workers that import it. */
const JOB = 'butlerspb:link-files';

/** The worker's one message. */
type LinkResult = { ok: true; linked: string[] } | { ok: false; error: unknown };

/** Links `files` as `linkFilesSync` does, in a worker thread; resolves with the files linked. */
export function linkFilesInWorker(
	from: string,
	to: string,
	files: readonly string[],
): Promise<string[]> {
	const job: LinkJob = { kind: JOB, from, to, files };
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), { workerData: job });
		worker.once('message', (result: LinkResult) => {
			if (result.ok) resolve(result.linked);
			else reject(result.error instanceof Error ? result.error : new Error(String(result.error)));
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`link worker exited with code ${code}`)));
	});
}

const job = isMainThread ? undefined : (workerData as Partial<LinkJob> | undefined);
if (parentPort && job?.kind === JOB && job.from && job.to && job.files) {
	const { from, to, files } = job;
	let result: LinkResult;
	try {
		result = { ok: true, linked: linkFilesSync(from, to, files) };
	} catch (error) {
		result = { ok: false, error };
	}
	parentPort.postMessage(result);
}
