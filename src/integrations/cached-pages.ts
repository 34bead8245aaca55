import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { existsSync } from 'node:fs';
import { readFile, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { linkFilesInWorker } from '../plumbing/link-files-worker.ts';
import { expectAstro } from '../lib/pipeline/astro-internals.ts';
import { mechanismOn } from '../lib/pipeline/mechanisms.ts';
import {
	cacheManifestPath,
	cachedOutputFiles,
	cachedPageCopy,
	foldersToPrune,
	staleCachedFiles,
} from '../lib/pipeline/page-cache.ts';

/*
 * Puts the pages of Astro's incremental-build cache into the output folder as hard links, before
 * Astro generates the pages (src/lib/pipeline/page-cache.ts says why). Astro then finds every unchanged
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
 * copies the pages as it does without this integration, and so it does when the links are turned
 * off (`BLOG_MECHANISMS_OFF=page-links`, for the benchmark): then this integration does nothing.
 *
 * None of this is Astro's API: the cache's layout and manifest, that Astro keeps a page it finds
 * in the output folder, and that it writes the new manifest before `astro:build:generated`. Each
 * build checks them (expectCacheLayout, expectManifestWritten, expectPagesKept) and stops, in
 * Russian and English, when one no longer holds. So that nothing edits a linked page after the
 * build unseen, the build's end is recorded in the cache (FINISHED_FILE): a cached page modified
 * later stops the next build (expectCacheUnchanged) instead of being published.
 */

/** Where the end of the last build is recorded, in Astro's cache folder. */
export const FINISHED_FILE = 'cached-pages.json';

/** The output files that Astro's manifest in `cacheDir` lists, or undefined (none, unreadable). */
async function manifestFiles(cacheDir: string): Promise<string[] | undefined> {
	try {
		const text = await readFile(cacheManifestPath(cacheDir), 'utf8');
		return cachedOutputFiles(JSON.parse(text));
	} catch {
		return undefined;
	}
}

/** Pages checked for the cache's layout and for links Astro kept: enough to see a change. */
const SAMPLE = 16;

/**
 * Fails unless Astro's cache has the layout page-cache.ts reads: a manifest of version 1 listing
 * output files, each with its copy under `<cacheDir>/dist/`. Called once Astro has written it.
 */
export async function expectCacheLayout(cacheDir: string): Promise<string[]> {
	const files = await manifestFiles(cacheDir);
	expectAstro(
		files !== undefined,
		`в кэше Astro нет манифеста инкрементальной сборки в известном формате (${cacheManifestPath(cacheDir)})`,
		`Astro's cache has no incremental-build manifest in the known format (${cacheManifestPath(cacheDir)})`,
	);
	const missing = files
		.slice(0, SAMPLE)
		.filter((file) => !existsSync(cachedPageCopy(cacheDir, file)));
	expectAstro(
		missing.length === 0,
		`копий страниц нет там, где их держит кэш Astro: ${cachedPageCopy(cacheDir, missing[0] ?? '')}`,
		`page copies are not where Astro's cache kept them: ${cachedPageCopy(cacheDir, missing[0] ?? '')}`,
	);
	return files;
}

/** Fails unless Astro wrote its manifest after `since` (file-system time): in this build. */
export async function expectManifestWritten(cacheDir: string, since: number): Promise<void> {
	const { mtimeMs } = await stat(cacheManifestPath(cacheDir));
	expectAstro(
		mtimeMs >= since,
		'Astro ещё не записал манифест инкрементальной сборки к хуку astro:build:generated',
		'Astro had not written its incremental-build manifest by the astro:build:generated hook',
	);
}

/**
 * Fails unless the linked pages of `sample` that this build produced are still the cache's files:
 * Astro kept the page it found in the output folder (or wrote over it in place).
 */
export async function expectPagesKept(
	cacheDir: string,
	outDir: string,
	sample: readonly string[],
): Promise<void> {
	for (const file of sample) {
		const [page, copy] = await Promise.all([
			stat(join(outDir, file)),
			stat(cachedPageCopy(cacheDir, file)),
		]);
		expectAstro(
			page.ino === copy.ino,
			`Astro заменил страницу, уже лежавшую в папке сборки, вместо того чтобы оставить её (${file})`,
			`Astro replaced a page it found in the output folder instead of keeping it (${file})`,
		);
	}
}

/** The end of the last build (file-system time), when recorded and still meaningful. */
async function lastFinished(cacheDir: string): Promise<number | undefined> {
	try {
		const { finished } = JSON.parse(await readFile(join(cacheDir, FINISHED_FILE), 'utf8')) as {
			finished?: unknown;
		};
		const manifest = await stat(cacheManifestPath(cacheDir));
		// A manifest newer than the record: the cache was restored or copied, times say nothing.
		return typeof finished === 'number' && manifest.mtimeMs <= finished ? finished : undefined;
	} catch {
		return undefined;
	}
}

/** The error for cached pages modified after the build that wrote them. */
export function cacheChangedError(cacheDir: string, changed: readonly string[]): Error {
	const some = changed.slice(0, 5).join(', ');
	return new Error(
		`Кэш страниц изменён после сборки (${changed.length}: ${some}): файлы в dist/ были связаны с кэшем, ` +
			`и что-то правило их на месте. Удалите папку ${cacheDir} и соберите сайт заново.\n` +
			`Cached pages were modified after the build that wrote them (${changed.length}: ${some}): ` +
			`dist/ files share their data with the cache, and something edited them in place. ` +
			`Delete ${cacheDir} and build again.`,
	);
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

/** What the linking step did: the files linked, the time just before, why nothing was linked. */
interface Linked {
	files: string[];
	since: number;
	/** Set when cached pages were there but not linked (printed as a warning). */
	notLinked?: string;
}

/** Why the cached pages are not linked when the end of the last build says nothing. */
const UNKNOWN_END =
	'Страницы из кэша сборки не связаны: неизвестно, когда закончилась прошлая сборка (кэш новый, восстановлен или скопирован); Astro скопирует их сам. ' +
	'Cached pages not linked: the end of the last build is unknown (a new, restored or copied cache); Astro copies them itself.';

/**
 * Links the pages Astro's manifest lists from its cache into `outDir`; none when the end of the
 * last build is not recorded. Fails when a cached page was modified after that build.
 */
async function linkCachedPages(cacheDir: string, outDir: string): Promise<Linked> {
	const since = await fileSystemNow(cacheDir);
	const files = (await manifestFiles(cacheDir)) ?? [];
	const finished = await lastFinished(cacheDir);
	if (files.length === 0) return { files: [], since };
	if (finished === undefined) return { files: [], since, notLinked: UNKNOWN_END };
	const { linked, changed } = await linkFilesInWorker(
		cachedPageCopy(cacheDir, ''),
		outDir,
		files,
		finished,
	);
	if (changed.length > 0) throw cacheChangedError(cacheDir, changed);
	return { files: linked, since };
}

/** Removes linked pages that this build did not produce, and the folders they leave empty. */
async function removeStale(
	outDir: string,
	produced: ReadonlySet<string>,
	linked: Linked,
): Promise<string[]> {
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
		if (!linked) return;
		// Astro has generated the pages and written the new manifest, in the layout it had.
		const produced = new Set(await expectCacheLayout(cacheDir));
		await expectManifestWritten(cacheDir, linked.since);
		if (linked.notLinked) logger.warn(linked.notLinked);
		if (linked.files.length === 0) return;
		expectAstro(
			waited,
			'страницы из кэша связаны уже во время генерации страниц: порядок шагов сборки Astro изменился',
			"cached pages were linked while Astro generated the pages: the order of Astro's build steps changed",
		);
		const kept = linked.files.filter((file) => produced.has(file));
		await expectPagesKept(cacheDir, outDir, kept.slice(0, SAMPLE));
		const stale = await removeStale(outDir, produced, linked);
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
				if (!mechanismOn(process.env, 'page-links')) return;
				updateConfig({ vite: { plugins: [waitForLinks] } });
			},
			'astro:config:done': ({ config }) => {
				// Without incremental builds Astro keeps no manifest up to date: nothing to link.
				if (!config.experimental.incrementalBuild) return;
				if (!mechanismOn(process.env, 'page-links')) return;
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
			// Pages modified after this (a linked page edited in place) stop the next build.
			'astro:build:done': async () => {
				if (!cacheDir) return;
				const finished = await fileSystemNow(cacheDir);
				await writeFile(join(cacheDir, FINISHED_FILE), JSON.stringify({ finished }));
			},
		},
	};
}
