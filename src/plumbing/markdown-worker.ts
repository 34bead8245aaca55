import { parentPort } from 'node:worker_threads';
import type { RenderRequest, WorkerMessage } from './markdown-pool.ts';

/*
 * A worker of the Markdown pool (src/plumbing/markdown-pool.ts): renders the post files it is sent
 * with the site's processor, one message per post, and answers each with its HTML, headings
 * and, given the page's URL, its sections.
 */

if (parentPort) {
	const port = parentPort;
	// Requests may come while the processor loads; each waits for it.
	const loading = import('../markdown/render.ts');
	void loading.then(() => port.postMessage({ ready: true } satisfies WorkerMessage));
	port.on('message', ({ id, file, pageUrl }: RenderRequest) => {
		loading
			.then(({ renderMarkdownFileHere }) => renderMarkdownFileHere(file, pageUrl))
			.then(
				(result) => port.postMessage({ id, ok: true, result } satisfies WorkerMessage),
				(error: unknown) => port.postMessage({ id, ok: false, error } satisfies WorkerMessage),
			);
	});
}
