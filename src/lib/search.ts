import { countWithWord, pluralize } from './plural.ts';

/*
 * The search page's decisions, shared by the build (index location) and the small client script
 * (messages, excerpt parsing), so both are unit-tested without a browser.
 */

/** Folder of the Pagefind bundle inside the built site. */
export const SEARCH_INDEX_DIR = 'pagefind';

/** URL of Pagefind's search module (imported at run time, never bundled). */
export const PAGEFIND_MODULE = `/${SEARCH_INDEX_DIR}/pagefind.js`;

/** Query string parameter that carries the query, so a search can be linked to. */
export const QUERY_PARAM = 'q';

/** Results shown for one query. */
export const MAX_RESULTS = 20;

/** Trims a query and collapses runs of whitespace. */
export const normalizeQuery = (query: string): string => query.replace(/\s+/g, ' ').trim();

/** The status line read out after a search: «Найдено 2 статьи» or «Ничего не найдено…». */
export function resultStatus(count: number, query: string): string {
	if (count === 0) return `По запросу «${query}» ничего не найдено. Попробуйте другое слово.`;
	const verb = pluralize(count, ['Найдена', 'Найдено', 'Найдено']);
	return `${verb} ${countWithWord(count, ['статья', 'статьи', 'статей'])}`;
}

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes the HTML entities Pagefind writes into excerpts. */
export const decodeEntities = (html: string): string =>
	html.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
		}
		return ENTITIES[name.toLowerCase()] ?? entity;
	});

/**
 * Splits a Pagefind excerpt («…доверие <mark>доверия</mark>…», HTML-escaped text with <mark>
 * around matches) into plain text runs, so the page builds it with text nodes and never
 * assigns HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	const pattern = /<mark>([\s\S]*?)<\/mark>/g;
	let last = 0;
	for (const match of excerpt.matchAll(pattern)) {
		if (match.index > last) parts.push({ text: excerpt.slice(last, match.index), mark: false });
		parts.push({ text: match[1] ?? '', mark: true });
		last = match.index + match[0].length;
	}
	if (last < excerpt.length) parts.push({ text: excerpt.slice(last), mark: false });
	return parts
		.map((part) => ({ ...part, text: decodeEntities(part.text.replace(/<[^>]*>/g, '')) }))
		.filter((part) => part.text !== '');
}

/**
 * Articles per Pagefind index. Pagefind's indexer needs about 0.4 MB per article and cannot
 * update an index, so a large blog gets several indexes ("shards") of this many articles: the
 * indexer's peak is that of one shard, and a rebuild re-indexes only the shards whose articles
 * changed. The search page merges them (`mergeIndex`).
 */
export const SEARCH_SHARD_SIZE = 1000;

/** Manifest listing the extra shards' bundle URLs, written next to the main bundle. */
export const SEARCH_SHARDS_FILE = 'shards.json';

/** URL of the shard manifest. */
export const SEARCH_SHARDS_URL = `/${SEARCH_INDEX_DIR}/${SEARCH_SHARDS_FILE}`;

/** Folder (inside the main bundle) and URL of extra shard `n` (n ≥ 1). */
export const shardDir = (n: number): string => `shards/${n}`;
/** URL of extra shard `n`'s bundle, as `mergeIndex()` takes it. */
export const shardUrl = (n: number): string => `/${SEARCH_INDEX_DIR}/${shardDir(n)}/`;

/** Splits the article files (sorted, so shards are stable) into shards. */
export function searchShards<T>(files: readonly T[], size: number = SEARCH_SHARD_SIZE): T[][] {
	const shards: T[][] = [];
	for (let i = 0; i < files.length; i += size) shards.push(files.slice(i, i + size));
	return shards.length > 0 ? shards : [[]];
}
