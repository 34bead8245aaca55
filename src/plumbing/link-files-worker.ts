import { statSync } from 'node:fs';
import { join } from 'node:path';
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
	/** Files of `from` modified after this time (ms) are not linked but reported as changed. */
	notAfter?: number | undefined;
}

/** Marks the worker's data, so this module does nothing in other workers that import it. */
const JOB = 'butlerspb:link-files';

/** The worker's one message. */
type LinkResult = { ok: true; linked: string[]; changed: string[] } | { ok: false; error: unknown };

/** What the worker did: the files linked, and those it found modified after `notAfter`. */
export interface LinkedFiles {
	linked: string[];
	changed: string[];
}

/**
 * Links `files` as `linkFilesSync` does, in a worker thread. With `notAfter`, first looks for
 * files of `from` modified after that time: if there are any, it links nothing and reports them.
 */
export function linkFilesInWorker(
	from: string,
	to: string,
	files: readonly string[],
	notAfter?: number,
): Promise<LinkedFiles> {
	const job: LinkJob = { kind: JOB, from, to, files, notAfter };
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), { workerData: job });
		worker.once('message', (result: LinkResult) => {
			if (result.ok) resolve({ linked: result.linked, changed: result.changed });
			else reject(result.error instanceof Error ? result.error : new Error(String(result.error)));
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`link worker exited with code ${code}`)));
	});
}

const job = isMainThread ? undefined : (workerData as Partial<LinkJob> | undefined);
if (parentPort && job?.kind === JOB && job.from && job.to && job.files) {
	const { from, to, files, notAfter } = job;
	let result: LinkResult;
	try {
		const changed =
			notAfter === undefined
				? []
				: files.filter(
						(file) =>
							(statSync(join(from, file), { throwIfNoEntry: false })?.mtimeMs ?? 0) > notAfter,
					);
		const linked = changed.length > 0 ? [] : linkFilesSync(from, to, files);
		result = { ok: true, linked, changed };
	} catch (error) {
		result = { ok: false, error };
	}
	parentPort.postMessage(result);
}
