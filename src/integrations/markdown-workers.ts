import type { AstroIntegration } from 'astro';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { MarkdownPool } from '../plumbing/markdown-pool.ts';
import { expectAstro } from '../lib/pipeline/astro-internals.ts';
import { mechanismOn } from '../lib/pipeline/mechanisms.ts';
import { cacheManifestPath, cachedPageKeys } from '../lib/pipeline/page-cache.ts';
import { shareMarkdownRenderer } from '../markdown/render.ts';

/**
 * Renders the articles' Markdown in worker threads during a build (src/plumbing/markdown-pool.ts).
 * A build without Astro's incremental cache (a clean build) starts the workers once the config
 * is resolved, so they load the Markdown processor while Astro syncs the content and bundles
 * the pages; a rebuild starts them only if its pages have enough posts to render. Other
 * commands (`astro dev`) render on the main thread, when a page asks, and so does a build with
 * the pool turned off (`BLOG_MECHANISMS_OFF=markdown-pool`, src/lib/pipeline/mechanisms.ts).
 *
 * The pages reach the pool through a global (src/markdown/shared-renderer.ts), and the pool
 * skips the pages Astro's incremental manifest will restore, looked up by the article route's
 * name there. Neither is Astro's API, so once the pages are generated the build checks that the
 * article route announced its posts and that the manifest names that route as the page does.
 */
export function markdownWorkers(): AstroIntegration {
	let pool: MarkdownPool | undefined;
	let cacheDir: string | undefined;
	const stop = async (): Promise<void> => {
		shareMarkdownRenderer(undefined);
		await pool?.close();
		pool = undefined;
	};
	return {
		name: 'butlerspb:markdown-workers',
		hooks: {
			'astro:config:setup': async ({ command, logger }) => {
				await stop();
				if (command !== 'build') return;
				if (mechanismOn(process.env, 'markdown-pool')) pool = new MarkdownPool();
				else logger.info('Пул Markdown выключен: статьи рендерятся в основном потоке');
			},
			'astro:config:done': ({ config }) => {
				if (!pool) return;
				cacheDir = config.experimental.incrementalBuild
					? fileURLToPath(config.cacheDir)
					: undefined;
				// The incremental cache's manifest tells which article pages the build restores.
				pool.useCacheDir(cacheDir);
				if (!cacheDir || !existsSync(cacheManifestPath(cacheDir))) pool.start();
				shareMarkdownRenderer(pool);
			},
			'astro:build:generated': async () => {
				const planned = new Map(pool?.planned);
				const started = pool !== undefined;
				await stop();
				if (started) await expectPoolReached(planned, cacheDir);
			},
		},
	};
}

/**
 * Fails unless the article pages announced their posts to the pool (`planned`, by route) and,
 * with Astro's incremental cache, its new manifest lists each announced route with posts.
 */
export async function expectPoolReached(
	planned: ReadonlyMap<string, number>,
	cacheDir: string | undefined,
): Promise<void> {
	expectAstro(
		planned.size > 0,
		'страницы статей не передали свои статьи пулу Markdown: сборка и страницы больше не видят общий globalThis',
		'the article pages never announced their posts to the Markdown pool: the build and the pages no longer share globalThis',
	);
	if (!cacheDir) return;
	const text = await readFile(cacheManifestPath(cacheDir), 'utf8').catch(() => undefined);
	expectAstro(
		text !== undefined,
		`после генерации страниц в кэше Astro нет манифеста ${cacheManifestPath(cacheDir)}`,
		`Astro's cache has no manifest ${cacheManifestPath(cacheDir)} once the pages are generated`,
	);
	const manifest: unknown = JSON.parse(text);
	for (const [route, posts] of planned) {
		expectAstro(
			posts === 0 || cachedPageKeys(manifest, route).size > 0,
			`манифест инкрементальной сборки Astro не знает маршрут ${route}`,
			`Astro's incremental-build manifest has no route named ${route}`,
		);
	}
}
