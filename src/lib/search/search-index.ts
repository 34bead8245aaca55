import { z } from 'zod';

/*
 * What the build remembers of the articles between builds to index only what changed
 * (src/plumbing/search-index-build.ts): each article's digest, recorded with the stamp of the page
 * file, and the URL of a page file.
 */

/** An article page of the built site and the digest of its HTML. */
export interface ArticlePage {
	/** Path inside the site, e.g. `blog/slug/index.html`. */
	file: string;
	digest: string;
}

/** The URL of a page file: `blog/slug/index.html` → `/blog/slug/`. */
export const pageUrlOf = (file: string): string => `/${file.replace(/(^|\/)index\.html$/, '$1')}`;

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

/** Whether two stamps are of the same file, not written since. */
export const sameStamp = (a: FileStamp | undefined, b: FileStamp | undefined): boolean =>
	a !== undefined &&
	b !== undefined &&
	a.ino === b.ino &&
	a.size === b.size &&
	a.mtimeMs === b.mtimeMs;

/** The recorded digest of `file` when its stamp is the recorded one, else undefined. */
export function rememberedDigest(
	memo: DigestMemo,
	file: string,
	stamp: FileStamp,
): string | undefined {
	const known = memo.get(file);
	return known && sameStamp(known, stamp) ? known.digest : undefined;
}

/*
 * The stamps of the cached records, by record file name, as the last build left them. A record
 * is hard-linked into the site as an article's file, so whatever writes into that file in place
 * after the build writes into the record too; a record whose stamp changed is not trusted, and
 * its article's page is read again.
 */

/** Stamp of each cached record by file name. */
export type RecordStamps = ReadonlyMap<string, FileStamp>;

const RECORD_STAMPS_VERSION = 1;

const recordStampsSchema = z.object({
	version: z.literal(RECORD_STAMPS_VERSION),
	records: z.record(z.string(), z.tuple([z.number(), z.number(), z.number()])),
});

/** Reads saved record stamps; none when they are missing or not in this format. */
export function parseRecordStamps(json: unknown): RecordStamps {
	const result = recordStampsSchema.safeParse(json);
	if (!result.success) return new Map();
	return new Map(
		Object.entries(result.data.records).map(([name, [ino, size, mtimeMs]]) => [
			name,
			{ ino, size, mtimeMs },
		]),
	);
}

/** Record stamps as JSON to save for the next build. */
export function serializeRecordStamps(records: Iterable<[name: string, stamp: FileStamp]>): string {
	const entries = [...records].map(([name, { ino, size, mtimeMs }]) => [
		name,
		[ino, size, mtimeMs],
	]);
	return `${JSON.stringify({ version: RECORD_STAMPS_VERSION, records: Object.fromEntries(entries) })}\n`;
}
