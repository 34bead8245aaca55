import { parentPort } from 'node:worker_threads';
import { renderMarkdownFileHere } from '../markdown/render.ts';
import type { RenderReply, RenderRequest } from './markdown-pool.ts';

/*
 * A worker of the Markdown pool (src/build/markdown-pool.ts): renders the post files it is sent
 * with the site's processor, one message per post, and answers each with its HTML, headings
 * and, given the page's URL, its sections.
 */

if (parentPort) {
	const port = parentPort;
	port.on('message', ({ id, file, pageUrl }: RenderRequest) => {
		renderMarkdownFileHere(file, pageUrl).then(
			(result) => port.postMessage({ id, ok: true, result } satisfies RenderReply),
			(error: unknown) => port.postMessage({ id, ok: false, error } satisfies RenderReply),
		);
	});
}
