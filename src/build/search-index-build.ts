import { hash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { copyFile, link, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { cachedPageCopy } from '../lib/page-cache.ts';
import { SearchIndexBuilder, docTerms, type SearchManifest } from '../lib/search-engine.ts';
import { SEARCH_FORMAT, CHUNK_BYTES } from '../lib/search-engine.ts';
import { extractSearchRecord } from '../lib/search-extract.ts';
import {
	pageUrlOf,
	parseDigestMemo,
	rememberedDigest,
	serializeDigestMemo,
	type DigestMemo,
	type FileStamp,
} from '../lib/search-index.ts';
import type { SearchRecord } from '../lib/search-engine.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST_FILE } from '../lib/search.ts';

/*
 * Writes the search index (src/lib/search-engine.ts) of a built site into `<site>/search-index/`.
 *
 * Every build indexes every article, which is cheap; what it keeps between builds, in
 * `<cache>/docs/`, is each article's extracted record under the digest of its page, so an
 * unchanged page is neither parsed nor copied again: its record file is hard-linked into the site
 * as the article's file. The digest itself is remembered with the stamp (inode, size, time) of
 * Astro's cached copy of the page, so a rebuild reads only the pages whose stamp changed.
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
const DOCS_DIR = 'docs';

async function readDigestMemo(cache: string): Promise<DigestMemo> {
	try {
		return parseDigestMemo(JSON.parse(await readFile(join(cache, DIGESTS_FILE), 'utf8')));
	} catch {
		return new Map();
	}
}

/** Hard-links a file, or copies it where links cannot be made. */
async function linkOrCopy(from: string, to: string): Promise<void> {
	try {
		await link(from, to);
	} catch {
		await copyFile(from, to);
	}
}

/** What one build did, for the log. */
export interface SearchIndexSummary {
	articles: number;
	/** Articles whose page was read and parsed (the others came from the cache). */
	parsed: number;
	chunks: number;
}

/** One article: where its record is cached, and its terms' source. */
interface Article {
	file: string;
	digest: string;
	/** The record file in the cache. */
	record: string;
	parsed: boolean;
}

const recordName = (file: string, digest: string): string =>
	`${hash('sha256', `${file}\0${digest}`, 'base64url').slice(0, 32)}.json`;

/** The record of one article page: from the cache, or read, parsed and cached. */
async function articleRecord(
	site: string,
	docs: string,
	file: string,
	memo: DigestMemo,
): Promise<{ article: Article; record: SearchRecord }> {
	const path = join(site, file);
	const stamp = memo.size > 0 ? stampOf(path) : undefined;
	const remembered = stamp && rememberedDigest(memo, file, stamp);
	let html: Buffer | undefined;
	const digest = remembered ?? hash('sha256', (html = await readFile(path)), 'base64url');
	const name = recordName(file, digest);
	const cached = join(docs, name);
	if (!html) {
		try {
			const record = JSON.parse(await readFile(cached, 'utf8')) as SearchRecord;
			return { article: { file, digest, record: cached, parsed: false }, record };
		} catch {
			html = await readFile(path);
		}
	}
	const record = extractSearchRecord(html.toString('utf8'), pageUrlOf(file));
	if (!record) throw new Error(`${file}: no element with data-search-body`);
	await writeFile(cached, JSON.stringify(record));
	return { article: { file, digest, record: cached, parsed: true }, record };
}

/** Articles read at once. */
const BATCH = 32;

/**
 * Indexes the articles of the built site at `site` into `<site>/search-index/`, keeping records
 * in `cache`; `astroCache` is Astro's cache folder (for the digests' stamps).
 */
export async function buildSearchIndex(
	site: string,
	astroCache: string,
	cache: string,
): Promise<SearchIndexSummary> {
	const files = await articleFiles(site);
	const docs = join(cache, DOCS_DIR);
	await mkdir(docs, { recursive: true });
	const memo = await readDigestMemo(cache);
	const builder = new SearchIndexBuilder();
	const articles = new Map<string, Article>();
	for (let i = 0; i < files.length; i += BATCH) {
		const batch = await Promise.all(
			files.slice(i, i + BATCH).map((file) => articleRecord(site, docs, file, memo)),
		);
		for (const { article, record } of batch) {
			builder.add(record.url, record.date, docTerms(record));
			articles.set(record.url, article);
		}
	}
	const built = builder.build(CHUNK_BYTES);

	const out = join(site, SEARCH_INDEX_DIR);
	await rm(out, { recursive: true, force: true });
	const docsDir = `d-${hash(
		'sha256',
		// Record file names only: they name the content, the cache's own path would not.
		built.order.map((url) => basename(articles.get(url)?.record ?? '')).join('\n'),
		'base64url',
	).slice(0, 12)}`;
	await mkdir(join(out, docsDir), { recursive: true });
	await mkdir(join(out, 't'), { recursive: true });
	for (let i = 0; i < built.order.length; i += BATCH) {
		await Promise.all(
			built.order.slice(i, i + BATCH).map((url, j) => {
				const article = articles.get(url);
				if (!article) throw new Error(`no record for ${url}`);
				return linkOrCopy(article.record, join(out, docsDir, `${i + j}.json`));
			}),
		);
	}
	const chunks: [string, string][] = [];
	for (let i = 0; i < built.chunks.length; i += BATCH) {
		const named = built.chunks.slice(i, i + BATCH).map((chunk) => ({
			...chunk,
			file: `t/${hash('sha256', chunk.json, 'base64url').slice(0, 16)}.json`,
		}));
		await Promise.all(named.map((chunk) => writeFile(join(out, chunk.file), chunk.json)));
		for (const chunk of named) chunks.push([chunk.first, chunk.file]);
	}
	const manifest: SearchManifest = {
		v: SEARCH_FORMAT,
		count: built.order.length,
		docs: docsDir,
		chunks,
	};
	await writeFile(join(out, SEARCH_MANIFEST_FILE), `${JSON.stringify(manifest)}\n`);

	// For the next build: digests by the stamp of Astro's cached copy of each page, and only the
	// records this build used.
	const stamped: { file: string; digest: string; stamp: FileStamp }[] = [];
	for (const article of articles.values()) {
		const stamp = stampOf(cachedPageCopy(astroCache, article.file));
		if (stamp) stamped.push({ file: article.file, digest: article.digest, stamp });
	}
	await writeFile(join(cache, DIGESTS_FILE), serializeDigestMemo(stamped));
	const used = new Set([...articles.values()].map((article) => article.record));
	for (const name of await readdir(docs)) {
		if (!used.has(join(docs, name))) await rm(join(docs, name), { force: true });
	}
	return {
		articles: articles.size,
		parsed: [...articles.values()].filter((article) => article.parsed).length,
		chunks: chunks.length,
	};
}
