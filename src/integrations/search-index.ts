import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSearchIndexWorker, type SearchIndexWorker } from '../plumbing/search-index-worker.ts';

/*
 * Builds the search index (src/lib/search/search-engine.ts) of every `astro build` into
 * dist/search-index/, in a worker thread (src/plumbing/search-index-build.ts). The worker starts
 * with the build and reads the cached records of the articles whose pages did not change while
 * Astro bundles; once the pages are written (`astro:build:generated`) it indexes the rest, beside
 * the other integrations' end-of-build work (the sitemap); the build waits for it at the end.
 * Only the element marked `data-search-body` of an article page is indexed, without the parts
 * marked `data-search-ignore`.
 */
/** Tests set a small chunk size (bytes) to get many chunks from a small blog. */
const chunkBytes = (): number | undefined => {
	const bytes = Number(process.env['BLOG_SEARCH_CHUNK_BYTES']);
	return Number.isInteger(bytes) && bytes > 0 ? bytes : undefined;
};

export function searchIndex(): AstroIntegration {
	let astroCache: string | undefined;
	let worker: SearchIndexWorker | undefined;
	let indexing: Promise<void> | undefined;

	const startWorker = async (): Promise<SearchIndexWorker> => {
		const cacheRoot = astroCache ?? (await mkdtemp(join(tmpdir(), 'search-index-')));
		return startSearchIndexWorker(cacheRoot, join(cacheRoot, 'search-index'), chunkBytes());
	};
	const index = async (dir: URL, logger: AstroIntegrationLogger): Promise<void> => {
		const running = worker ?? (await startWorker());
		worker = undefined;
		const summary = await running.finish(fileURLToPath(dir));
		logger.info(
			`Поисковый индекс: статей — ${summary.articles}, прочитано заново — ${summary.parsed}, ` +
				`частей индекса — ${summary.chunks}`,
		);
	};
	return {
		name: 'butlerspb:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				astroCache = fileURLToPath(config.cacheDir);
			},
			'astro:build:start': async () => {
				worker?.close();
				worker = await startWorker();
			},
			'astro:build:generated': ({ dir, logger }) => {
				indexing = index(dir, logger);
				// Awaited (and so reported) in astro:build:done; never an unhandled rejection meanwhile.
				indexing.catch(() => undefined);
			},
			'astro:build:done': async ({ dir, logger }) => {
				await (indexing ?? index(dir, logger));
				indexing = undefined;
			},
		},
	};
}
