import { z } from 'zod';

/*
 * How the build keeps the Pagefind search index up to date without indexing every article on
 * every build. Pagefind cannot update an index, and writing one is most of its cost (about 3 s
 * for 1,000 articles), so the build keeps a "base" index in the cache and, while few articles
 * changed since it was written, indexes only those into a small "delta" index. The search page
 * merges both and hides the base's entries that the delta replaced or that were deleted. Once
 * more than SEARCH_DELTA_LIMIT articles changed, or the base cannot be trusted (no state, another
 * Pagefind version, a page hash that would hide a live page), the build indexes everything anew.
 *
 * This module only decides; src/integrations/pagefind.ts reads files and runs Pagefind.
 */

/** Format of the saved state; a new value makes the next build index everything anew. */
export const SEARCH_STATE_VERSION = 2;

/**
 * Articles per base index ("shard"). Pagefind's indexer needs about 0.4 MB per article, so a
 * large blog gets several base indexes, built one after the other: the indexer's peak memory is
 * that of one shard. The search page merges them (`mergeIndex`).
 */
export const SEARCH_SHARD_SIZE = 1000;

/**
 * Changed, added or deleted articles that a delta index may cover before the build indexes
 * everything anew. Indexing 100 articles takes about 0.3 s; the base's statistics (word counts
 * of the hidden entries) drift a little until the next full index.
 */
export const SEARCH_DELTA_LIMIT = 100;

/** An article page of the built site and the digest of its HTML. */
export interface ArticlePage {
	/** Path inside the site, e.g. `blog/slug/index.html`. */
	file: string;
	digest: string;
}

/** An article as a written index holds it: Pagefind's page hash is the result id it returns. */
export interface IndexedPage extends ArticlePage {
	id: string;
}

/** A written index: its cache key and its pages. */
export interface IndexedShard {
	key: string;
	pages: IndexedPage[];
}

/** What the build remembers between builds, in the cache. */
export interface SearchIndexState {
	version: number;
	/** Pagefind's version: indexes of different versions cannot be merged. */
	pagefind: string;
	lang: string;
	/** The base indexes, as last written in full. */
	base: IndexedShard[];
}

/** Index every article anew, in shards. */
export interface FullPlan {
	kind: 'full';
	shards: ArticlePage[][];
}

/** Keep the base indexes and index only what changed since they were written. */
export interface DeltaPlan {
	kind: 'delta';
	base: IndexedShard[];
	/** Articles to index into the delta: new ones and changed ones. */
	delta: ArticlePage[];
	/** Base entries that are out of date: changed or deleted articles. */
	stale: IndexedPage[];
}

/** What a build does with the search index. */
export type SearchIndexPlan = FullPlan | DeltaPlan;

export interface PlanOptions {
	pagefind: string;
	lang: string;
	shardSize?: number;
	deltaLimit?: number;
}

/** Splits articles (sorted by file, so shards are stable) into shards of `size`. */
export function splitShards<T>(items: readonly T[], size: number = SEARCH_SHARD_SIZE): T[][] {
	const shards: T[][] = [];
	for (let i = 0; i < items.length; i += size) shards.push(items.slice(i, i + size));
	return shards;
}

/** The plan that indexes every article anew. */
export const fullPlan = (
	pages: readonly ArticlePage[],
	shardSize: number = SEARCH_SHARD_SIZE,
): FullPlan => ({
	kind: 'full',
	shards: splitShards(
		[...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
		shardSize,
	),
});

/**
 * Decides between reusing the base index with a delta of the changed articles and indexing
 * everything anew. Linear in the number of articles.
 */
export function planSearchIndex(
	pages: readonly ArticlePage[],
	previous: SearchIndexState | undefined,
	options: PlanOptions,
): SearchIndexPlan {
	const shardSize = options.shardSize ?? SEARCH_SHARD_SIZE;
	const deltaLimit = options.deltaLimit ?? SEARCH_DELTA_LIMIT;
	if (
		!previous ||
		previous.version !== SEARCH_STATE_VERSION ||
		previous.pagefind !== options.pagefind ||
		previous.lang !== options.lang ||
		previous.base.length === 0
	)
		return fullPlan(pages, shardSize);

	const current = new Map(pages.map((page) => [page.file, page.digest]));
	const indexed = new Map<string, string>();
	const stale: IndexedPage[] = [];
	for (const shard of previous.base) {
		for (const page of shard.pages) {
			indexed.set(page.file, page.digest);
			if (current.get(page.file) !== page.digest) stale.push(page);
		}
	}
	const delta = pages.filter((page) => indexed.get(page.file) !== page.digest);
	if (delta.length > deltaLimit || stale.length > deltaLimit) return fullPlan(pages, shardSize);
	return { kind: 'delta', base: previous.base, delta, stale };
}

/**
 * Result ids the search page must hide: the stale base entries, except one whose page the delta
 * holds with the same id (its indexed text did not change: the search page shows it once).
 * Pagefind's page ids are short hashes and each index picks its own, so two different pages
 * may share one across indexes; then hiding or de-duplicating by id would lose a live page, and
 * this returns undefined: the build indexes everything anew.
 */
export function hiddenIds(
	base: readonly IndexedShard[],
	stale: readonly IndexedPage[],
	delta: readonly IndexedPage[],
): string[] | undefined {
	const staleFiles = new Set(stale.map((page) => page.file));
	const owner = new Map<string, string>();
	const claim = (page: IndexedPage): boolean => {
		const file = owner.get(page.id);
		if (file !== undefined && file !== page.file) return false;
		owner.set(page.id, page.file);
		return true;
	};
	for (const shard of base) {
		for (const page of shard.pages)
			if (!staleFiles.has(page.file) && !claim(page)) return undefined;
	}
	for (const page of delta) if (!claim(page)) return undefined;
	const hidden = new Set<string>();
	for (const page of stale) {
		const file = owner.get(page.id);
		if (file === undefined) hidden.add(page.id);
		else if (file !== page.file) return undefined;
	}
	return [...hidden].sort();
}

/** The URL Pagefind gives a page file: `blog/slug/index.html` → `/blog/slug/`. */
export const pageUrlOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * Page ids and URLs in one decoded Pagefind fragment file: a single page's fragment (its id is
 * the file name without `.pf_fragment`) or a group of fragments keyed by page id.
 */
export function fragmentIds(stem: string, fragment: unknown): { id: string; url: string }[] {
	if (typeof fragment !== 'object' || fragment === null) return [];
	const url = (fragment as { url?: unknown }).url;
	if (typeof url === 'string') return [{ id: stem, url }];
	return Object.entries(fragment).flatMap(([id, page]) => {
		const pageUrl = (page as { url?: unknown } | null)?.url;
		return typeof pageUrl === 'string' ? [{ id, url: pageUrl }] : [];
	});
}

/** Pairs each article with its id from `ids` (URL → id); undefined when one is missing. */
export function withIds(
	pages: readonly ArticlePage[],
	ids: ReadonlyMap<string, string>,
): IndexedPage[] | undefined {
	const indexed: IndexedPage[] = [];
	for (const page of pages) {
		const id = ids.get(pageUrlOf(page.file));
		if (id === undefined) return undefined;
		indexed.push({ ...page, id });
	}
	return indexed;
}

const stateSchema = z.object({
	version: z.literal(SEARCH_STATE_VERSION),
	pagefind: z.string(),
	lang: z.string(),
	base: z.array(
		z.object({
			key: z.string(),
			pages: z.array(z.object({ file: z.string(), digest: z.string(), id: z.string() })),
		}),
	),
});

/** Reads saved state, or undefined when it is missing or not in this format. */
export function parseSearchIndexState(json: unknown): SearchIndexState | undefined {
	const result = stateSchema.safeParse(json);
	return result.success ? result.data : undefined;
}

/*
 * Digests of the articles by what the file system says of them. Reading every article to hash
 * it was most of the search index's share of a rebuild (1,000 articles, ~40 MB). An unchanged
 * page is the same file as in the last build (a link to Astro's cached copy, or the page Astro
 * kept in place), so its inode, size and modification time are the ones recorded then; a page
 * Astro wrote again has a new modification time, and a copied one a new inode.
 */

/** What the file system says of a file, enough to tell it was not written since. */
export interface FileStamp {
	ino: number;
	size: number;
	mtimeMs: number;
}

/** Digest of each article by its stamp, as the last build recorded them. */
export type DigestMemo = ReadonlyMap<string, FileStamp & { digest: string }>;

const DIGEST_MEMO_VERSION = 1;

const digestMemoSchema = z.object({
	version: z.literal(DIGEST_MEMO_VERSION),
	files: z.record(z.string(), z.tuple([z.number(), z.number(), z.number(), z.string().min(1)])),
});

/** Reads a saved digest memo; an empty one when it is missing or not in this format. */
export function parseDigestMemo(json: unknown): DigestMemo {
	const result = digestMemoSchema.safeParse(json);
	if (!result.success) return new Map();
	return new Map(
		Object.entries(result.data.files).map(([file, [ino, size, mtimeMs, digest]]) => [
			file,
			{ ino, size, mtimeMs, digest },
		]),
	);
}

/** The memo of these pages, as JSON to save for the next build. */
export function serializeDigestMemo(
	pages: readonly (ArticlePage & { stamp: FileStamp })[],
): string {
	const files = Object.fromEntries(
		pages.map(({ file, digest, stamp }) => [file, [stamp.ino, stamp.size, stamp.mtimeMs, digest]]),
	);
	return `${JSON.stringify({ version: DIGEST_MEMO_VERSION, files })}\n`;
}

/** The recorded digest of `file` when its stamp is the recorded one, else undefined. */
export function rememberedDigest(
	memo: DigestMemo,
	file: string,
	stamp: FileStamp,
): string | undefined {
	const known = memo.get(file);
	return known &&
		known.ino === stamp.ino &&
		known.size === stamp.size &&
		known.mtimeMs === stamp.mtimeMs
		? known.digest
		: undefined;
}
