import type { AstroIntegration } from 'astro';
import { mkdirSync, readFileSync, rmSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkFilesSync } from '../lib/copy-tree.ts';
import { cachedOutputFiles, foldersToPrune, staleCachedFiles } from '../lib/page-cache.ts';

/*
 * Puts the pages of Astro's incremental-build cache into the output folder as hard links, before
 * Astro generates the pages (src/lib/page-cache.ts says why). Astro then finds every unchanged
 * page in place and keeps it; the pages it renders again it writes over the link, which writes
 * the cache's copy too, with the same bytes Astro writes there next.
 *
 * A link shares its file with the cache, so nothing may write into a page after the build: the
 * build never does, and the next build empties the output folder, which removes the links only.
 * Where links cannot be made (the cache on another file system), nothing is linked and Astro
 * copies the pages as it does without this integration.
 *
 * The calls are synchronous on purpose: ~1,900 folders and links take ~0.1 s that way, and the
 * same calls through the thread pool took several times longer when measured.
 */

/** The output files that Astro's manifest in `cacheDir` lists, or none. */
function manifestFiles(cacheDir: string): string[] {
	try {
		const text = readFileSync(join(cacheDir, 'incremental-build.json'), 'utf8');
		return cachedOutputFiles(JSON.parse(text)) ?? [];
	} catch {
		return [];
	}
}

/**
 * The file system's clock now (the modification time of a new file in `dir`): pages written
 * later have a later time. Date.now() could differ from it (a build run with a shifted clock).
 */
function fileSystemNow(dir: string): number {
	const stamp = join(dir, 'cached-pages.stamp');
	mkdirSync(dir, { recursive: true });
	writeFileSync(stamp, '');
	const { mtimeMs } = statSync(stamp);
	rmSync(stamp, { force: true });
	return mtimeMs;
}

/** Removes linked pages that this build did not produce, and the folders they leave empty. */
function removeStale(
	outDir: string,
	cacheDir: string,
	linked: readonly string[],
	since: number,
): string[] {
	const produced = new Set(manifestFiles(cacheDir));
	const writtenSince = (file: string) =>
		(statSync(join(outDir, file), { throwIfNoEntry: false })?.mtimeMs ?? 0) >= since;
	const stale = staleCachedFiles(linked, produced, writtenSince);
	for (const file of stale) rmSync(join(outDir, file), { force: true });
	for (const folder of foldersToPrune(stale)) {
		try {
			rmdirSync(join(outDir, folder));
		} catch {
			// Not empty: it still holds pages of this build.
		}
	}
	return stale;
}

/**
 * Links the cached pages into the output folder when Astro starts bundling (after it emptied
 * the folder), and once the pages are generated removes those Astro did not produce again.
 * Listed before the integrations that read the generated pages (the search index).
 */
export function cachedPages(): AstroIntegration {
	let cacheDir = '';
	let outDir = '';
	let linked: string[] = [];
	let since = 0;
	let started = false;
	return {
		name: 'butlerspb:cached-pages',
		hooks: {
			'astro:config:done': ({ config }) => {
				if (!config.experimental.incrementalBuild) return;
				cacheDir = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:setup': ({ logger }) => {
				if (!cacheDir || started) return;
				started = true;
				const files = manifestFiles(cacheDir);
				if (files.length === 0) return;
				since = fileSystemNow(cacheDir);
				linked = linkFilesSync(join(cacheDir, 'dist'), outDir, files);
				if (linked.length > 0) logger.info(`Страницы из кэша сборки: ${linked.length}`);
			},
			'astro:build:generated': ({ logger }) => {
				if (linked.length === 0) return;
				const stale = removeStale(outDir, cacheDir, linked, since);
				if (stale.length > 0) logger.info(`Удалены устаревшие страницы: ${stale.length}`);
				linked = [];
			},
		},
	};
}
