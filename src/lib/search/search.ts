import { formatDate, toIsoWithOffset } from '../content/dates.ts';
import { countWithWord, pluralize } from '../text/plural.ts';
import { pageTitle } from '../seo/seo.ts';

/*
 * The search page's decisions, shared by the build (index location) and the small client script
 * (messages, excerpt parsing), so both are unit-tested without a browser.
 */

/** Folder of the search index inside the built site (src/lib/search/search-engine.ts). */
export const SEARCH_INDEX_DIR = 'search-index';

/** Query string parameter that carries the query, so a search can be linked to. */
export const QUERY_PARAM = 'q';

/** Query string parameter that carries how many results are shown, past the first page. */
export const SHOWN_PARAM = 'n';

/** Topics (the tags with most posts) the search page lists beside the newest posts. */
export const SEARCH_TOPICS = 8;

/** Most results an address may ask for at once: a crafted link cannot fetch the whole index. */
export const MAX_SHOWN = 200;

/**
 * Results shown at once; «Показать ещё» shows as many more. Each result is one small request
 * (its article's file, for the title and excerpt): ten keep a query within 15 requests.
 */
export const RESULTS_PAGE_SIZE = 10;

/** URL of the words the page suggests for a misspelt query (see src/lib/search/search-query.ts). */
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

/** Status while the search index loads, before the first search can run. */
export const LOADING_STATUS = 'Загружаем поиск…';

/** Status when the search index could not load. */
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

/** Decodes HTML character references (of text read from the site's pages). */
export { decodeHtmlEntities as decodeEntities } from '../text/html-entities.ts';

/** The index's manifest (src/lib/search/search-engine.ts, `SearchManifest`). */
export const SEARCH_MANIFEST_FILE = 'manifest.json';

/** URL of the manifest. */
export const SEARCH_MANIFEST_URL = `/${SEARCH_INDEX_DIR}/${SEARCH_MANIFEST_FILE}`;

/** The search as the page's address carries it: `?q=…&n=20`. */
export interface SearchLocation {
	query: string;
	/** Results shown: a whole number of pages, at least one page, at most MAX_SHOWN. */
	shown: number;
}

/** Reads the query and the number of results shown from an address's query string. */
export function readSearchLocation(search: string): SearchLocation {
	const params = new URLSearchParams(search);
	const query = normalizeQuery(params.get(QUERY_PARAM) ?? '');
	const asked = Number.parseInt(params.get(SHOWN_PARAM) ?? '', 10);
	const pages = Number.isFinite(asked) ? Math.ceil(asked / RESULTS_PAGE_SIZE) : 1;
	const shown = Math.min(MAX_SHOWN, Math.max(1, pages) * RESULTS_PAGE_SIZE);
	return { query, shown };
}

/**
 * The query string of a search (`?q=кварт`, `?q=кварт&n=20`), other parameters kept; `n` only
 * past the first page, and neither without a query.
 */
export function writeSearchLocation(search: string, { query, shown }: SearchLocation): string {
	const params = new URLSearchParams(search);
	params.delete(QUERY_PARAM);
	params.delete(SHOWN_PARAM);
	if (query) {
		params.set(QUERY_PARAM, query);
		if (shown > RESULTS_PAGE_SIZE) params.set(SHOWN_PARAM, String(shown));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** The page's title: ««квартира» — поиск — Блог ButlerSPB», or «Поиск — Блог ButlerSPB». */
export const searchPageTitle = (query: string): string =>
	pageTitle(query ? `«${query}» — поиск` : 'Поиск');

/** A result's date as the page shows it, from its record's ISO date; undefined when unknown. */
export function resultDate(iso: unknown): { datetime: string; text: string } | undefined {
	if (typeof iso !== 'string' || iso === '') return undefined;
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return undefined;
	return { datetime: toIsoWithOffset(date), text: formatDate(date) };
}

/** Status when «Показать ещё» could not load the next results; the button stays to try again. */
export const MORE_FAILED_STATUS =
	'Не удалось загрузить следующие статьи: нет связи с сайтом. Проверьте подключение и нажмите «Показать ещё» снова.';

/**
 * Whether a query that found nothing ends in a word still being typed that typing on may still
 * find: no space after it, and runSearch found it `open` (too short to complete, or a form on
 * the way to a word the index has). The page waits for the reader to stop before saying
 * «ничего не найдено» about such a word; a word that no continuation can match is answered at
 * once.
 */
export function endsInUnfinishedWord(
	query: string,
	terms: readonly { term: string; stems: readonly string[]; open: boolean }[],
): boolean {
	if (/\s$/.test(query)) return false;
	const last = terms.at(-1);
	return last !== undefined && last.stems.length === 0 && last.open;
}

/** Shortest and longest pause before a search runs; a pause is this many times the reader's keys. */
export const SETTLE_MS = { min: 120, max: 600, factor: 1.25 } as const;

/**
 * How long to wait after a keystroke before searching, from the reader's last gaps between keys
 * (ms, oldest first): a quarter longer than their usual gap (the median of the last three), so a
 * search runs once the input settles rather than at every key, between SETTLE_MS.min (a quick
 * typist, or the first key) and SETTLE_MS.max (a pause is not a typing rhythm).
 */
export function settleDelay(gaps: readonly number[]): number {
	const recent = gaps.slice(-3).sort((a, b) => a - b);
	const usual = recent[Math.floor((recent.length - 1) / 2)] ?? 0;
	return Math.round(Math.min(SETTLE_MS.max, Math.max(SETTLE_MS.min, usual * SETTLE_MS.factor)));
}

/** After a query ending in an unfinished word found nothing: how long the input must stay still. */
export const UNFINISHED_MISS_MS = 1000;
