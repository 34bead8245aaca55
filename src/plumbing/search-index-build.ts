import { hash } from 'node:crypto';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { cachedPageCopy } from '../lib/pipeline/page-cache.ts';
import { linkOrCopyFile } from './copy-tree.ts';
import { SearchIndexBuilder, docTerms, type SearchManifest } from '../lib/search/search-engine.ts';
import { SEARCH_FORMAT, CHUNK_BYTES } from '../lib/search/search-engine.ts';
import { extractSearchRecord } from '../lib/search/search-extract.ts';
import {
	pageUrlOf,
	parseDigestMemo,
	parseRecordStamps,
	rememberedDigest,
	sameStamp,
	serializeDigestMemo,
	serializeRecordStamps,
	type DigestMemo,
	type FileStamp,
	type RecordStamps,
} from '../lib/search/search-index.ts';
import type { SearchRecord } from '../lib/search/search-engine.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST_FILE } from '../lib/search/search.ts';

/*
 * Writes the search index (src/lib/search/search-engine.ts) of a built site into `<site>/search-index/`.
 *
 * Every build indexes every article, which is cheap; what it keeps between builds, in
 * `<cache>/docs/`, is each article's extracted record under the digest of its page, so an
 * unchanged page is neither parsed nor copied again: its record file is hard-linked into the site
 * as the article's file. The digest itself is remembered with the stamp (inode, size, time) of
 * Astro's cached copy of the page, so a rebuild reads only the pages whose stamp changed. Each
 * record's own stamp is remembered too: a record written since (through its link in the site)
 * is not used, and its page is read again.
 */

/** Article pages of the built site (`blog/<slug>/index.html`), sorted. */
async function articleFiles(site: string): Promise<string[]> {
	const blog = join(site, 'blog');
	if (!existsSync(blog)) return [];
	const entries = await readdir(blog, { withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory() && existsSync(join(blog, entry.name, 'index.html')))
		.map((entry) => `blog/${entry.name}/index.html`)
		.sort();
}

/** The stamp of a file, or undefined when it is missing. */
function stampOf(path: string): FileStamp | undefined {
	const info = statSync(path, { throwIfNoEntry: false });
	return info && { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs };
}

const DIGESTS_FILE = 'digests.json';
const RECORD_STAMPS_FILE = 'records.json';
const DOCS_DIR = 'docs';

async function readDigestMemo(cache: string): Promise<DigestMemo> {
	try {
		return parseDigestMemo(JSON.parse(await readFile(join(cache, DIGESTS_FILE), 'utf8')));
	} catch {
		return new Map();
	}
}

async function readRecordStamps(cache: string): Promise<RecordStamps> {
	try {
		return parseRecordStamps(JSON.parse(await readFile(join(cache, RECORD_STAMPS_FILE), 'utf8')));
	} catch {
		return new Map();
	}
}

/** What one build did, for the log. */
export interface SearchIndexSummary {
	articles: number;
	/** Articles whose page was read and parsed (the others came from the cache). */
	parsed: number;
	/** Articles added before the pages were written (`SearchIndexJob.prepare`) and kept. */
	prepared: number;
	chunks: number;
}

/** A cached record, if it is unchanged since the last build left it. */
async function readRecord(path: string, stamps: RecordStamps): Promise<SearchRecord> {
	if (!sameStamp(stampOf(path), stamps.get(basename(path)))) {
		throw new Error(`${path}: written since the last build`);
	}
	return JSON.parse(await readFile(path, 'utf8')) as SearchRecord;
}

/** One article: where its record is cached, and whether this build parsed its page. */
interface Article {
	file: string;
	digest: string;
	/** The record file in the cache. */
	record: string;
	parsed: boolean;
}

/** Format of the cached records; a new value makes every page be read again. */
const RECORD_FORMAT = 3;

const recordName = (file: string, digest: string): string =>
	`${hash('sha256', `${RECORD_FORMAT}\0${file}\0${digest}`, 'base64url').slice(0, 32)}.json`;

/** The record of one article page: from the cache, or read, parsed and cached. */
async function articleRecord(
	site: string,
	docs: string,
	file: string,
	memo: DigestMemo,
	stamps: RecordStamps,
): Promise<{ article: Article; record: SearchRecord }> {
	const path = join(site, file);
	const stamp = memo.size > 0 ? stampOf(path) : undefined;
	const remembered = stamp && rememberedDigest(memo, file, stamp);
	let html: Buffer | undefined;
	const digest = remembered ?? hash('sha256', (html = await readFile(path)), 'base64url');
	const cached = join(docs, recordName(file, digest));
	try {
		const record = await readRecord(cached, stamps);
		return { article: { file, digest, record: cached, parsed: false }, record };
	} catch {
		// Not cached yet, written since or unreadable: parse the page.
	}
	html ??= await readFile(path);
	const record = extractSearchRecord(html.toString('utf8'), pageUrlOf(file));
	if (!record) throw new Error(`${file}: no element with data-search-body`);
	// A new file: one written since may still be linked from an old site.
	await rm(cached, { force: true });
	await writeFile(cached, JSON.stringify(record));
	return { article: { file, digest, record: cached, parsed: true }, record };
}

/** Articles read at once. */
const BATCH = 32;

/** An article held in the builder, with the stamp its page had when it was added. */
interface Held extends Article {
	stamp: FileStamp | undefined;
	/** Added by `prepare()`. */
	early: boolean;
}

/**
 * Builds the search index of a site in two steps, so that most of a rebuild's indexing happens
 * before the pages exist: `prepare()` (while Astro bundles) adds every article whose page in
 * Astro's cache is the one the last build indexed, from its cached record; `finish()` (once the
 * pages are written) adds only the articles whose page is new or was rendered again, drops the
 * ones that are gone, and writes the index into `<site>/search-index/`.
 */
export class SearchIndexJob {
	private readonly builder = new SearchIndexBuilder();
	/** Articles in the builder by page file. */
	private readonly held = new Map<string, Held>();
	private memo: DigestMemo = new Map();
	private stamps: RecordStamps = new Map();
	private readonly docs: string;

	private readonly astroCache: string;
	private readonly cache: string;
	private readonly chunkBytes: number;

	/**
	 * `astroCache` is Astro's cache folder; `cache` the index's own, inside it; `chunkBytes` the
	 * chunks' size (tests set a small one to get many chunks from a small blog).
	 */
	constructor(astroCache: string, cache: string, chunkBytes: number = CHUNK_BYTES) {
		// Fields set by hand: the worker runs this file with Node's type stripping, which has no
		// parameter properties.
		this.astroCache = astroCache;
		this.cache = cache;
		this.chunkBytes = chunkBytes;
		this.docs = join(cache, DOCS_DIR);
	}

	private hold(file: string, article: Article, record: SearchRecord, stamp?: FileStamp): void {
		this.builder.add(record.url, record.date, docTerms(record));
		this.held.set(file, { ...article, stamp, early: stamp !== undefined });
	}

	/** Adds the articles whose cached page is unchanged since the last build. */
	async prepare(): Promise<void> {
		await mkdir(this.docs, { recursive: true });
		this.memo = await readDigestMemo(this.cache);
		this.stamps = await readRecordStamps(this.cache);
		const known = [...this.memo].flatMap(([file, remembered]) => {
			const stamp = stampOf(cachedPageCopy(this.astroCache, file));
			return stamp && rememberedDigest(this.memo, file, stamp) ? [{ file, remembered }] : [];
		});
		for (let i = 0; i < known.length; i += BATCH) {
			const batch = await Promise.all(
				known.slice(i, i + BATCH).map(async ({ file, remembered }) => {
					const record = join(this.docs, recordName(file, remembered.digest));
					try {
						return { file, remembered, record, data: await readRecord(record, this.stamps) };
					} catch {
						return undefined; // read from the page in finish()
					}
				}),
			);
			for (const item of batch) {
				if (!item) continue;
				const { file, remembered, record, data } = item;
				const article = { file, digest: remembered.digest, record, parsed: false };
				this.hold(file, article, data, remembered);
			}
		}
	}

	/** Adds what changed, drops what is gone, and writes the index of `site`. */
	async finish(site: string): Promise<SearchIndexSummary> {
		const files = await articleFiles(site);
		const present = new Set(files);
		for (const file of [...this.held.keys()]) {
			if (present.has(file)) continue;
			this.builder.delete(pageUrlOf(file));
			this.held.delete(file);
		}
		const pending = files.filter((file) => {
			const held = this.held.get(file);
			return !sameStamp(held?.stamp && stampOf(join(site, file)), held?.stamp);
		});
		for (let i = 0; i < pending.length; i += BATCH) {
			const batch = await Promise.all(
				pending
					.slice(i, i + BATCH)
					.map((file) => articleRecord(site, this.docs, file, this.memo, this.stamps)),
			);
			for (const { article, record } of batch) this.hold(article.file, article, record);
		}
		return this.publish(site);
	}

	private async publish(site: string): Promise<SearchIndexSummary> {
		const out = join(site, SEARCH_INDEX_DIR);
		await rm(out, { recursive: true, force: true });
		await mkdir(join(out, 't'), { recursive: true });
		// Each chunk is written as soon as it is made (synchronously: this runs in the worker).
		const chunks: [string, string][] = [];
		const built = this.builder.build(this.chunkBytes, (chunk) => {
			const file = `t/${hash('sha256', chunk.json, 'base64url').slice(0, 16)}.json`;
			writeFileSync(join(out, file), chunk.json);
			chunks.push([chunk.first, file]);
		});
		const byUrl = new Map([...this.held].map(([file, held]) => [pageUrlOf(file), held]));
		const docsDir = `d-${hash(
			'sha256',
			// Record file names only: they name the content, the cache's own path would not.
			built.order.map((url) => basename(byUrl.get(url)?.record ?? '')).join('\n'),
			'base64url',
		).slice(0, 12)}`;
		await mkdir(join(out, docsDir), { recursive: true });
		for (let i = 0; i < built.order.length; i += BATCH) {
			await Promise.all(
				built.order.slice(i, i + BATCH).map((url, j) => {
					const held = byUrl.get(url);
					if (!held) throw new Error(`no record for ${url}`);
					return linkOrCopyFile(held.record, join(out, docsDir, `${i + j}.json`));
				}),
			);
		}
		const manifest: SearchManifest = {
			v: SEARCH_FORMAT,
			count: built.order.length,
			docs: docsDir,
			chunks,
		};
		await writeFile(join(out, SEARCH_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);

		// For the next build: digests by the stamp of Astro's cached copy of each page, and only
		// the records this build used.
		const stamped: { file: string; digest: string; stamp: FileStamp }[] = [];
		for (const held of this.held.values()) {
			const stamp = stampOf(cachedPageCopy(this.astroCache, held.file));
			if (stamp) stamped.push({ file: held.file, digest: held.digest, stamp });
		}
		await writeFile(join(this.cache, DIGESTS_FILE), serializeDigestMemo(stamped));
		const used = new Set([...this.held.values()].map((held) => held.record));
		const records = [...used].flatMap((record) => {
			const stamp = stampOf(record);
			return stamp ? [[basename(record), stamp] as [string, FileStamp]] : [];
		});
		await writeFile(join(this.cache, RECORD_STAMPS_FILE), serializeRecordStamps(records));
		for (const name of await readdir(this.docs)) {
			if (!used.has(join(this.docs, name))) await rm(join(this.docs, name), { force: true });
		}
		const all = [...this.held.values()];
		return {
			articles: all.length,
			parsed: all.filter((held) => held.parsed).length,
			prepared: all.filter((held) => held.early).length,
			chunks: chunks.length,
		};
	}
}

/**
 * Indexes the articles of the built site at `site` into `<site>/search-index/`, keeping records
 * in `cache`; `astroCache` is Astro's cache folder (for the digests' stamps).
 */
export async function buildSearchIndex(
	site: string,
	astroCache: string,
	cache: string,
	chunkBytes?: number,
): Promise<SearchIndexSummary> {
	const job = new SearchIndexJob(astroCache, cache, chunkBytes);
	await job.prepare();
	return job.finish(site);
}
