import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MarkdownPool } from '../build/markdown-pool.ts';
import { cacheManifestPath } from '../lib/page-cache.ts';
import { shareMarkdownRenderer } from '../markdown/render.ts';

/**
 * Renders the articles' Markdown in worker threads during a build (src/build/markdown-pool.ts).
 * A build without Astro's incremental cache (a clean build) starts the workers once the config
 * is resolved, so they load the Markdown processor while Astro syncs the content and bundles
 * the pages; a rebuild starts them only if its pages have enough posts to render. Other
 * commands (`astro dev`) render on the main thread, when a page asks.
 */
export function markdownWorkers(): AstroIntegration {
	let pool: MarkdownPool | undefined;
	const stop = async (): Promise<void> => {
		shareMarkdownRenderer(undefined);
		await pool?.close();
		pool = undefined;
	};
	return {
		name: 'butlerspb:markdown-workers',
		hooks: {
			'astro:config:setup': async ({ command }) => {
				await stop();
				if (command === 'build') pool = new MarkdownPool();
			},
			'astro:config:done': ({ config }) => {
				if (!pool) return;
				const cacheDir = config.experimental.incrementalBuild
					? fileURLToPath(config.cacheDir)
					: undefined;
				// The incremental cache's manifest tells which article pages the build restores.
				pool.useCacheDir(cacheDir);
				if (!cacheDir || !existsSync(cacheManifestPath(cacheDir))) pool.start();
				shareMarkdownRenderer(pool);
			},
			'astro:build:generated': stop,
		},
	};
}
