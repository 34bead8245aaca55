import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSearchIndexInWorker } from '../build/search-index-worker.ts';

/*
 * Builds the search index (src/lib/search-engine.ts) over the finished site at the end of every
 * `astro build`, into dist/search-index/, in a worker thread (src/build/search-index-build.ts).
 * Only the element marked `data-search-body` of an article page is indexed, without the parts
 * marked `data-search-ignore`. Indexing starts as soon as the pages are written
 * (`astro:build:generated`), so it overlaps the other integrations' end-of-build work (the
 * sitemap); the build waits for it at the end.
 */
export function searchIndex(): AstroIntegration {
	let astroCache: string | undefined;
	let indexing: Promise<void> | undefined;
	const start = async (dir: URL, logger: AstroIntegrationLogger): Promise<void> => {
		const cacheRoot = astroCache ?? (await mkdtemp(join(tmpdir(), 'search-index-')));
		const cache = join(cacheRoot, 'search-index');
		const summary = await buildSearchIndexInWorker(fileURLToPath(dir), cacheRoot, cache);
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
			'astro:build:generated': ({ dir, logger }) => {
				indexing = start(dir, logger);
				// Awaited (and so reported) in astro:build:done; never an unhandled rejection meanwhile.
				indexing.catch(() => undefined);
			},
			'astro:build:done': async ({ dir, logger }) => {
				await (indexing ?? start(dir, logger));
				indexing = undefined;
			},
		},
	};
}
