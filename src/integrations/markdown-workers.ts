import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { MarkdownPool } from '../build/markdown-pool.ts';
import { shareMarkdownRenderer } from '../markdown/render.ts';

/*
 * The pool starts when Astro imports the config, so its workers load the Markdown processor
 * while Astro loads the config, syncs the content and bundles the pages.
 */
let waitingPool: MarkdownPool | undefined = new MarkdownPool();

/**
 * Renders the articles' Markdown in worker threads during a build (src/build/markdown-pool.ts).
 * Other commands (`astro dev`) render on the main thread, when a page asks.
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
				if (command === 'build') pool = waitingPool ?? new MarkdownPool();
				else await waitingPool?.close();
				waitingPool = undefined;
			},
			'astro:config:done': ({ config }) => {
				if (!pool) return;
				// The incremental cache's manifest tells which article pages the build restores.
				pool.useCacheDir(
					config.experimental.incrementalBuild ? fileURLToPath(config.cacheDir) : undefined,
				);
				shareMarkdownRenderer(pool);
			},
			'astro:build:generated': stop,
		},
	};
}
