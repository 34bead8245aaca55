import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mechanismOn } from '../lib/pipeline/mechanisms.ts';
import { buildSearchIndex, type SearchIndexSummary } from '../plumbing/search-index-build.ts';
import { startSearchIndexWorker, type SearchIndexWorker } from '../plumbing/search-index-worker.ts';

/*
 * Builds the search index (src/lib/search/search-engine.ts) of every `astro build` into
 * dist/search-index/, in a worker thread (src/plumbing/search-index-build.ts). The worker starts
 * with the build and reads the cached records of the articles whose pages did not change while
 * Astro bundles; once the pages are written (`astro:build:generated`) it indexes the rest, beside
 * the other integrations' end-of-build work (the sitemap); the build waits for it at the end.
 * Only the element marked `data-search-body` of an article page is indexed, without the parts
 * marked `data-search-ignore`. With the worker turned off (`BLOG_MECHANISMS_OFF=search-worker`,
 * for the benchmark) the same index is built on the main thread in `astro:build:done`.
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
	let inWorker = true;

	const cacheRoot = async (): Promise<string> =>
		astroCache ?? (await mkdtemp(join(tmpdir(), 'search-index-')));
	const startWorker = async (): Promise<SearchIndexWorker> => {
		const root = await cacheRoot();
		return startSearchIndexWorker(root, join(root, 'search-index'), chunkBytes());
	};
	const indexHere = async (site: string): Promise<SearchIndexSummary> => {
		const root = await cacheRoot();
		return buildSearchIndex(site, root, join(root, 'search-index'), chunkBytes());
	};
	const index = async (dir: URL, logger: AstroIntegrationLogger): Promise<void> => {
		let summary: SearchIndexSummary;
		if (inWorker) {
			const running = worker ?? (await startWorker());
			worker = undefined;
			summary = await running.finish(fileURLToPath(dir));
		} else summary = await indexHere(fileURLToPath(dir));
		logger.info(
			`Поисковый индекс: статей — ${summary.articles}, прочитано заново — ${summary.parsed}, ` +
				`частей индекса — ${summary.chunks}` +
				(inWorker ? '' : ' (в основном потоке)'),
		);
	};
	return {
		name: 'butlerspb:search-index',
		hooks: {
			'astro:config:done': ({ config }) => {
				astroCache = fileURLToPath(config.cacheDir);
				inWorker = mechanismOn(process.env, 'search-worker');
			},
			'astro:build:start': async () => {
				worker?.close();
				worker = inWorker ? await startWorker() : undefined;
			},
			'astro:build:generated': ({ dir, logger }) => {
				// Without the worker, the index is built at the build's end (astro:build:done).
				if (!inWorker) return;
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
