import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { linkFilesInWorker } from '../build/link-files-worker.ts';
import {
	cacheManifestPath,
	cachedOutputFiles,
	cachedPageCopy,
	foldersToPrune,
	staleCachedFiles,
} from '../lib/page-cache.ts';

/*
 * Puts the pages of Astro's incremental-build cache into the output folder as hard links, before
 * Astro generates the pages (src/lib/page-cache.ts says why). Astro then finds every unchanged
 * page in place and keeps it; the pages it renders again it writes over the link, which writes
 * the cache's copy too, with the same bytes Astro writes there next.
 *
 * The links are made in a worker thread while Vite bundles the pages: creating ~1,900 folders
 * waits on the file system (0.1–2 s on the benchmark machine, see link-files-worker.ts), and
 * bundling keeps the processor busy meanwhile. A Vite plugin waits for the links once the
 * bundles are written, before Astro's own step that generates the pages.
 *
 * A link shares its file with the cache, so nothing may write into a page after the build: the
 * build never does, and the next build empties the output folder, which removes the links only.
 * Where links cannot be made (the cache on another file system), nothing is linked and Astro
 * copies the pages as it does without this integration.
 */

/** The output files that Astro's manifest in `cacheDir` lists, or none. */
async function manifestFiles(cacheDir: string): Promise<string[]> {
	try {
		const text = await readFile(cacheManifestPath(cacheDir), 'utf8');
		return cachedOutputFiles(JSON.parse(text)) ?? [];
	} catch {
		return [];
	}
}

/**
 * The file system's clock now (the modification time of a new file in `dir`): pages written
 * later have a later time. Date.now() could differ from it (a build run with a shifted clock).
 */
async function fileSystemNow(dir: string): Promise<number> {
	const stamp = join(dir, 'cached-pages.stamp');
	await writeFile(stamp, '');
	const { mtimeMs } = await stat(stamp);
	await rm(stamp, { force: true });
	return mtimeMs;
}

/** What the linking step did: the files linked and the time just before the first link. */
interface Linked {
	files: string[];
	since: number;
}

/** Links the pages Astro's manifest lists from its cache into `outDir`. */
async function linkCachedPages(cacheDir: string, outDir: string): Promise<Linked> {
	const files = await manifestFiles(cacheDir);
	if (files.length === 0) return { files: [], since: 0 };
	const since = await fileSystemNow(cacheDir);
	return { files: await linkFilesInWorker(cachedPageCopy(cacheDir, ''), outDir, files), since };
}

/** Removes linked pages that this build did not produce, and the folders they leave empty. */
async function removeStale(outDir: string, cacheDir: string, linked: Linked): Promise<string[]> {
	const produced = new Set(await manifestFiles(cacheDir));
	const notProduced = linked.files.filter((file) => !produced.has(file));
	// Written by this build although not in the manifest (a route without a cacheKey now).
	const written = new Set<string>();
	for (const file of notProduced) {
		const info = await stat(join(outDir, file)).catch(() => undefined);
		if (info && info.mtimeMs >= linked.since) written.add(file);
	}
	const stale = staleCachedFiles(linked.files, produced, (file) => written.has(file));
	await Promise.all(stale.map((file) => rm(join(outDir, file), { force: true })));
	for (const folder of foldersToPrune(stale)) {
		// A folder that still holds pages of this build stays.
		await rmdir(join(outDir, folder)).catch(() => undefined);
	}
	return stale;
}

/**
 * Links the cached pages into the output folder while Vite bundles the pages (Astro has
 * emptied the folder by then), and once the pages are generated removes those Astro did not
 * produce again. Listed before the integrations that read the generated pages (the search index).
 */
export function cachedPages(): AstroIntegration {
	let cacheDir = '';
	let outDir = '';
	let linking: Promise<Linked> | undefined;
	let waited = false;
	const waitForLinks: Plugin = {
		name: 'butlerspb:cached-pages',
		apply: 'build',
		// After the environments are built, before Astro's `post` step that generates the pages.
		buildApp: {
			order: 'post',
			handler: async () => {
				await linking;
				waited = true;
			},
		},
	};
	const report = async (logger: AstroIntegrationLogger): Promise<void> => {
		const linked = await linking;
		linking = undefined;
		if (!linked || linked.files.length === 0) return;
		if (!waited)
			logger.warn(
				'Страницы из кэша сборки связаны уже во время генерации страниц: сайт верен, но сборка не быстрее',
			);
		const stale = await removeStale(outDir, cacheDir, linked);
		logger.info(
			`Страницы из кэша сборки: ${linked.files.length}` +
				(stale.length > 0 ? `, устаревших удалено: ${stale.length}` : ''),
		);
	};
	return {
		name: 'butlerspb:cached-pages',
		hooks: {
			'astro:config:setup': ({ config, command, updateConfig }) => {
				if (command !== 'build' || !config.experimental.incrementalBuild) return;
				updateConfig({ vite: { plugins: [waitForLinks] } });
			},
			'astro:config:done': ({ config }) => {
				// Without incremental builds Astro keeps no manifest up to date: nothing to link.
				if (!config.experimental.incrementalBuild) return;
				cacheDir = fileURLToPath(config.cacheDir);
				outDir = fileURLToPath(config.outDir);
			},
			'astro:build:setup': () => {
				if (linking || !cacheDir) return;
				linking = linkCachedPages(cacheDir, outDir);
				// Awaited (and so reported) by the plugin and in astro:build:generated.
				linking.catch(() => undefined);
			},
			'astro:build:generated': async ({ logger }) => {
				await report(logger);
			},
		},
	};
}
