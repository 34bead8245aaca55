import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { hash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import { linkOrCopyTree } from '../build/copy-tree.ts';
import { cachedPageCopy } from '../lib/page-cache.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST_FILE, shardDir, shardUrl } from '../lib/search.ts';
import type { SearchManifest } from '../lib/search.ts';
import {
	SEARCH_SHARD_SIZE,
	SEARCH_STATE_VERSION,
	fullPlan,
	fragmentIds,
	hiddenIds,
	parseDigestMemo,
	parseSearchIndexState,
	planSearchIndex,
	rememberedDigest,
	serializeDigestMemo,
	withIds,
	type ArticlePage,
	type DigestMemo,
	type FileStamp,
	type IndexedPage,
	type IndexedShard,
	type SearchIndexState,
} from '../lib/search-index.ts';
import { SITE } from '../site.ts';

/** Pagefind's version: indexes written by different versions are never merged. */
const PAGEFIND_VERSION = (
	JSON.parse(
		await readFile(
			join(dirname(fileURLToPath(import.meta.resolve('pagefind'))), '../package.json'),
			'utf8',
		),
	) as { version: string }
).version;

/** Tests set a small shard size to exercise merging without a thousand posts. */
const shardSize = (): number => {
	const size = Number(process.env['BLOG_SEARCH_SHARD_SIZE']);
	return Number.isInteger(size) && size > 0 ? size : SEARCH_SHARD_SIZE;
};

/** A new Pagefind index with the site's settings. */
async function newIndex() {
	const { index, errors } = await createIndex({ forceLanguage: SITE.lang });
	if (!index) throw new Error(errors.join('\n'));
	return index;
}

/** Article pages of the built site (the only pages with `data-pagefind-body`), sorted. */
async function articleFiles(site: string): Promise<string[]> {
	const blog = join(site, 'blog');
	if (!existsSync(blog)) return [];
	const entries = await readdir(blog, { withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory() && existsSync(join(blog, entry.name, 'index.html')))
		.map((entry) => `blog/${entry.name}/index.html`)
		.sort();
}

/**
 * The stamp of a file, or undefined when it is missing. Synchronous: nothing else runs while the
 * search index is built, and 2,000 stats through the thread pool cost several times as long.
 */
function stampOf(path: string): FileStamp | undefined {
	const info = statSync(path, { throwIfNoEntry: false });
	return info && { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
}

/**
 * Each article with the digest of its HTML, a few files at a time: from `memo` when the file is
 * the one the last build left in Astro's cache (search-index.ts, "Digests of the articles"),
 * else read and hashed. `read` tells which.
 */
async function digestPages(
	site: string,
	files: readonly string[],
	memo: DigestMemo,
): Promise<(ArticlePage & { read: boolean })[]> {
	const pages: (ArticlePage & { read: boolean })[] = [];
	for (let i = 0; i < files.length; i += 32) {
		const batch = files.slice(i, i + 32);
		const digested = await Promise.all(
			batch.map(async (file) => {
				const path = join(site, file);
				const stamp = memo.size > 0 ? stampOf(path) : undefined;
				const remembered = stamp && rememberedDigest(memo, file, stamp);
				const digest = remembered ?? hash('sha256', await readFile(path), 'base64url');
				return { file, digest, read: remembered === undefined };
			}),
		);
		pages.push(...digested);
	}
	return pages;
}

/**
 * The memo for the next build: each article's digest with the stamp of Astro's cached copy of
 * it, which holds the same bytes as the page (Astro writes both, or restores the page from it)
 * and is the file the next build links into the site while the page is unchanged.
 */
function nextDigestMemo(
	astroCache: string,
	pages: readonly ArticlePage[],
): (ArticlePage & { stamp: FileStamp })[] {
	const stamped: (ArticlePage & { stamp: FileStamp })[] = [];
	for (const page of pages) {
		const stamp = stampOf(cachedPageCopy(astroCache, page.file));
		if (stamp) stamped.push({ ...page, stamp });
	}
	return stamped;
}

/** A glob matching exactly these files (brace alternatives, special characters escaped). */
const globOf = (files: readonly string[]): string =>
	`{${files.map((file) => file.replace(/[\\{}[\]*?,!]/g, '\\$&')).join(',')}}`;

/**
 * Indexes the site's pages into `outputPath` (these files only, when given); the indexer
 * process ends with it. Pagefind reads the files itself (a glob of exactly these files):
 * sending each page to it with addHTMLFile() made the index of 10,000 posts take half as long
 * again. With no files it writes an empty bundle, so the search page still finds one.
 */
async function runIndexer(site: string, outputPath: string, files?: readonly string[]) {
	try {
		const index = await newIndex();
		const added = await index.addDirectory(
			files ? { path: site, glob: globOf(files) } : { path: site },
		);
		const written = await index.writeFiles({ outputPath });
		const problems = [...added.errors, ...written.errors];
		if (files && added.page_count !== files.length)
			problems.push(`${added.page_count} of ${files.length} pages indexed`);
		if (problems.length > 0) throw new Error(problems.join('\n'));
	} finally {
		await close();
	}
}

/** Page URL → Pagefind page id, from the fragment files of a written bundle. */
async function bundleIds(bundle: string): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	const dir = join(bundle, 'fragment');
	for (const name of await readdir(dir)) {
		if (!name.endsWith('.pf_fragment')) continue;
		const stem = name.replace(/\.pf_fragment$/, '');
		// A fragment is gzip of the signature `pagefind_dcd` and JSON. A single page's fragment
		// starts with its URL: read only that (fragments hold the whole text of their page).
		const data = gunzipSync(await readFile(join(dir, name)));
		const url = /^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/.exec(data.toString('utf8', 0, 4096));
		const fragment: unknown = url?.[1]
			? { url: JSON.parse(url[1]) as unknown }
			: JSON.parse(data.toString('utf8').replace(/^pagefind_dcd/, ''));
		for (const { id, url: pageUrl } of fragmentIds(stem, fragment)) ids.set(pageUrl, id);
	}
	return ids;
}

/** Cache key of an index of these pages: the same pages, language and Pagefind give the same index. */
const indexKey = (pages: readonly ArticlePage[]): string =>
	hash(
		'sha256',
		[
			SEARCH_STATE_VERSION,
			PAGEFIND_VERSION,
			SITE.lang,
			...pages.map((p) => `${p.file}\0${p.digest}`),
		].join('\n'),
		'base64url',
	).slice(0, 32);

/**
 * The index of these pages in the cache, written unless it is there already, with each page's
 * id. `known` holds the ids of indexes written by earlier builds.
 */
async function cachedIndex(
	site: string,
	cache: string,
	pages: readonly ArticlePage[],
	known: ReadonlyMap<string, IndexedShard>,
): Promise<{ shard: IndexedShard; written: boolean }> {
	const key = indexKey(pages);
	const dir = join(cache, key);
	const ready = existsSync(join(dir, 'pagefind-entry.json'));
	const previous = known.get(key);
	if (ready && previous) return { shard: previous, written: false };
	if (ready) {
		// Written by an earlier build that did not record it (a delta, or a build that stopped).
		const indexed = withIds(pages, await bundleIds(dir).catch(() => new Map<string, string>()));
		if (indexed) return { shard: { key, pages: indexed }, written: false };
	}
	await rm(dir, { recursive: true, force: true });
	await runIndexer(
		site,
		dir,
		pages.map((page) => page.file),
	);
	const indexed = withIds(pages, await bundleIds(dir));
	if (!indexed) throw new Error(`Pagefind wrote no entry for some pages of index ${key}`);
	return { shard: { key, pages: indexed }, written: true };
}

const STATE_FILE = 'state.json';
/** The articles' digests by inode, size and modification time, for the next build. */
const DIGESTS_FILE = 'digests.json';

async function readDigestMemo(cache: string): Promise<DigestMemo> {
	try {
		return parseDigestMemo(JSON.parse(await readFile(join(cache, DIGESTS_FILE), 'utf8')));
	} catch {
		return new Map();
	}
}

async function readState(cache: string): Promise<SearchIndexState | undefined> {
	try {
		return parseSearchIndexState(JSON.parse(await readFile(join(cache, STATE_FILE), 'utf8')));
	} catch {
		return undefined;
	}
}

/** What one build wrote: the indexes in merge order (the first is the main bundle). */
interface BuiltIndex {
	bundles: string[];
	hidden: string[];
	/** Indexes written by this build (the others came from the cache). */
	written: number;
	/** Articles changed, added or deleted since the last full index, when a delta was used. */
	delta?: number;
}

/** Indexes every article anew (unchanged shards come from the cache). */
async function buildFull(
	site: string,
	cache: string,
	pages: readonly ArticlePage[],
	previous: SearchIndexState | undefined,
): Promise<BuiltIndex & { state: SearchIndexState }> {
	const plan = fullPlan(pages, shardSize());
	const known = new Map((previous?.base ?? []).map((shard) => [shard.key, shard]));
	const base: IndexedShard[] = [];
	let written = 0;
	for (const shardPages of plan.shards) {
		const { shard, written: isNew } = await cachedIndex(site, cache, shardPages, known);
		base.push(shard);
		if (isNew) written++;
	}
	const state = {
		version: SEARCH_STATE_VERSION,
		pagefind: PAGEFIND_VERSION,
		lang: SITE.lang,
		base,
	};
	return { bundles: base.map((shard) => shard.key), hidden: [], written, state };
}

/** Reuses the base indexes and indexes the changed articles into a delta; undefined if unsafe. */
async function buildDelta(
	site: string,
	cache: string,
	base: readonly IndexedShard[],
	delta: readonly ArticlePage[],
	stale: readonly IndexedPage[],
): Promise<BuiltIndex | undefined> {
	const bundles = base.map((shard) => shard.key);
	if (base.some((shard) => !existsSync(join(cache, shard.key, 'pagefind-entry.json'))))
		return undefined;
	if (delta.length === 0) {
		const hidden = hiddenIds(base, stale, []);
		return hidden && { bundles, hidden, written: 0, delta: stale.length };
	}
	const { shard, written } = await cachedIndex(site, cache, delta, new Map());
	const hidden = hiddenIds(base, stale, shard.pages);
	if (!hidden) return undefined;
	const changed = new Set([...delta, ...stale].map((page) => page.file)).size;
	return { bundles: [...bundles, shard.key], hidden, written: written ? 1 : 0, delta: changed };
}

/** Writes the manifest the search page reads into the published bundle. */
async function writeManifest(bundle: string, manifest: SearchManifest): Promise<void> {
	// The bundle's files may be links into the cache: write a new file, never into one of them.
	const file = join(bundle, SEARCH_MANIFEST_FILE);
	await rm(file, { force: true });
	await writeFile(file, `${JSON.stringify(manifest)}\n`);
}

/** Links the indexes into the site and writes the manifest. */
async function publish(site: string, cache: string, built: BuiltIndex): Promise<void> {
	const bundle = join(site, SEARCH_INDEX_DIR);
	const [main, ...extra] = built.bundles;
	if (main === undefined) throw new Error('no search index to publish');
	await linkOrCopyTree(join(cache, main), bundle);
	for (const [n, key] of extra.entries())
		await linkOrCopyTree(join(cache, key), join(bundle, shardDir(n + 1)));
	await writeManifest(bundle, {
		indexes: extra.map((_, n) => shardUrl(n + 1)),
		hidden: built.hidden,
	});
}

/** Removes cached indexes that neither the state nor this build uses. */
async function pruneCache(cache: string, keep: Iterable<string>): Promise<void> {
	const used = new Set([...keep, STATE_FILE, DIGESTS_FILE]);
	for (const entry of await readdir(cache)) {
		if (!used.has(entry)) await rm(join(cache, entry), { recursive: true, force: true });
	}
}

async function indexSite(
	site: string,
	astroCache: string,
	cache: string,
	logger: AstroIntegrationLogger,
) {
	const files = await articleFiles(site);
	if (files.length === 0) {
		const bundle = join(site, SEARCH_INDEX_DIR);
		await runIndexer(site, bundle);
		await writeManifest(bundle, { indexes: [], hidden: [] });
		logger.info('Поисковый индекс: статей нет');
		return;
	}
	await mkdir(cache, { recursive: true });
	const stamped = await digestPages(site, files, await readDigestMemo(cache));
	const pages = stamped.map(({ file, digest }) => ({ file, digest }));
	const previous = await readState(cache);
	const plan = planSearchIndex(pages, previous, {
		pagefind: PAGEFIND_VERSION,
		lang: SITE.lang,
		shardSize: shardSize(),
	});
	let built: BuiltIndex | undefined;
	let state = previous;
	if (plan.kind === 'delta')
		built = await buildDelta(site, cache, plan.base, plan.delta, plan.stale);
	if (!built) {
		const full = await buildFull(site, cache, pages, previous);
		built = full;
		state = full.state;
		await writeFile(join(cache, STATE_FILE), `${JSON.stringify(state)}\n`);
	}
	await publish(site, cache, built);
	await writeFile(
		join(cache, DIGESTS_FILE),
		serializeDigestMemo(nextDigestMemo(astroCache, pages)),
	);
	await pruneCache(cache, [...(state?.base ?? []).map((shard) => shard.key), ...built.bundles]);
	const summary =
		built.delta === undefined
			? `Поисковый индекс: статей — ${pages.length}, частей — ${built.bundles.length}, ` +
				`записано заново — ${built.written}`
			: `Поисковый индекс: статей — ${pages.length}; изменений после полной индексации — ` +
				`${built.delta}, проиндексированы отдельно`;
	// Articles read for their digest: the others are the files the last build saw.
	const read = stamped.filter((page) => page.read).length;
	logger.info(`${summary}; прочитано статей — ${read}`);
}

/**
 * Builds the Pagefind search index over the finished site at the end of every `astro build`,
 * into dist/pagefind/. Only elements marked `data-pagefind-body` (article bodies) are indexed;
 * the language is forced to the site's, so Russian stemming applies to every page
 * («доверие» finds «доверия»).
 *
 * The indexes live in Astro's cache between builds: a build after a few posts changed indexes
 * only those posts (see src/lib/search-index.ts), and dist/pagefind/manifest.json tells the
 * search page which indexes to merge and which out-of-date entries to hide.
 *
 * Indexing starts as soon as the pages are written (`astro:build:generated`), so it overlaps
 * the other integrations' end-of-build work (the sitemap); the build waits for it at the end.
 */
export function pagefindIndex(): AstroIntegration {
	let astroCache: string | undefined;
	let indexing: Promise<void> | undefined;
	const start = async (dir: URL, logger: AstroIntegrationLogger): Promise<void> => {
		const cache = astroCache ?? (await mkdtemp(join(tmpdir(), 'pagefind-')));
		await indexSite(fileURLToPath(dir), cache, join(cache, 'pagefind'), logger);
	};
	return {
		name: 'butlerspb:pagefind',
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
