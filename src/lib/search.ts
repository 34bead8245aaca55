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

/** Results shown at once; «Показать ещё» shows as many more. */
export const RESULTS_PAGE_SIZE = 20;

/** URL of the words the page suggests for a misspelt query (see src/lib/search-query.ts). */
export const SUGGESTION_WORDS_URL = '/search-words.json';

/** Most words in that list: it stays small however large the blog is. */
export const SUGGESTION_WORDS_LIMIT = 1500;

/** Trims a query and collapses runs of whitespace. */
export const normalizeQuery = (query: string): string => query.replace(/\s+/g, ' ').trim();

/**
 * The status line read out after a search: «Найдено 2 статьи», «Показано 20 из 63 статей» while
 * only some of them are shown, or «Ничего не найдено…».
 */
export function resultStatus(count: number, query: string, shown: number = count): string {
	if (count === 0) return `По запросу «${query}» ничего не найдено. Попробуйте другое слово.`;
	if (shown < count) {
		const verb = pluralize(shown, ['Показана', 'Показаны', 'Показано']);
		return `${verb} ${shown} из ${countWithWord(count, ['статьи', 'статей', 'статей'])}`;
	}
	const verb = pluralize(count, ['Найдена', 'Найдено', 'Найдено']);
	return `${verb} ${countWithWord(count, ['статья', 'статьи', 'статей'])}`;
}

/** Label of the button that shows the next `count` results: «Показать ещё 20 статей». */
export const moreResultsLabel = (count: number): string =>
	`Показать ещё ${countWithWord(count, ['статью', 'статьи', 'статей'])}`;

/** Status while Pagefind loads, before the first search can run. */
export const LOADING_STATUS = 'Загружаем поиск…';

/** Status when Pagefind could not load. */
export const UNAVAILABLE_STATUS = 'Поиск сейчас недоступен. Ниже — новые статьи.';

/** The hint after «ничего не найдено» when a near word exists: «Возможно, вы искали». */
export const SUGGESTION_PREFIX = 'Возможно, вы искали';

/** Parts of the no-results status that suggests a near query: text, the suggestion, text. */
export const suggestionStatus = (query: string, suggestion: string): [string, string, string] => [
	`По запросу «${query}» ничего не найдено. ${SUGGESTION_PREFIX} «`,
	suggestion,
	'»?',
];

/** How many results the next «Показать ещё» shows. */
export const nextPageSize = (shown: number, count: number): number =>
	Math.max(0, Math.min(RESULTS_PAGE_SIZE, count - shown));

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

/** Manifest of the search index: the bundles to merge and the result ids to hide. */
export const SEARCH_MANIFEST_FILE = 'manifest.json';

/** URL of the manifest. */
export const SEARCH_MANIFEST_URL = `/${SEARCH_INDEX_DIR}/${SEARCH_MANIFEST_FILE}`;

/** Folder (inside the main bundle) and URL of extra index `n` (n ≥ 1). */
export const shardDir = (n: number): string => `shards/${n}`;
/** URL of extra index `n`'s bundle, as `mergeIndex()` takes it. */
export const shardUrl = (n: number): string => `/${SEARCH_INDEX_DIR}/${shardDir(n)}/`;

/**
 * What the search page needs besides the main Pagefind bundle (see src/lib/search-index.ts):
 * the URLs of the other indexes to merge, and the ids of out-of-date entries to hide.
 */
export interface SearchManifest {
	indexes: string[];
	hidden: string[];
}

/** Reads the manifest; anything malformed counts as "nothing to merge, nothing to hide". */
export function parseSearchManifest(json: unknown): SearchManifest {
	const strings = (value: unknown): string[] =>
		Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
	if (typeof json !== 'object' || json === null) return { indexes: [], hidden: [] };
	const manifest = json as Record<string, unknown>;
	return { indexes: strings(manifest['indexes']), hidden: strings(manifest['hidden']) };
}

/**
 * The results to show: without hidden ids (entries a newer index replaced) and each id once
 * (a page the newer index holds unchanged has the same id in both). Keeps Pagefind's order.
 */
export function visibleResults<T extends { id: string }>(
	results: readonly T[],
	hidden: ReadonlySet<string>,
): T[] {
	const seen = new Set<string>();
	return results.filter((result) => {
		if (hidden.has(result.id) || seen.has(result.id)) return false;
		seen.add(result.id);
		return true;
	});
}
