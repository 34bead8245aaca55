import { countWithWord, pluralize } from './plural.ts';

/*
 * The search page's decisions, shared by the build (index location) and the small client script
 * (messages, excerpt parsing), so both are unit-tested without a browser.
 */

/** Folder of the search index inside the built site (src/lib/search-engine.ts). */
export const SEARCH_INDEX_DIR = 'search-index';

/** Query string parameter that carries the query, so a search can be linked to. */
export const QUERY_PARAM = 'q';

/**
 * Results shown at once; «Показать ещё» shows as many more. Each result is one small request
 * (its article's file, for the title and excerpt): ten keep a query within 15 requests.
 */
export const RESULTS_PAGE_SIZE = 10;

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

const ENTITIES: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes HTML character references (of text read from the site's pages). */
export const decodeEntities = (html: string): string =>
	html.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
		if (name[0] === '#') {
			const code =
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
			return Number.isFinite(code) ? String.fromCodePoint(code) : entity;
		}
		return ENTITIES[name.toLowerCase()] ?? entity;
	});

/** The index's manifest (src/lib/search-engine.ts, `SearchManifest`). */
export const SEARCH_MANIFEST_FILE = 'manifest.json';

/** URL of the manifest. */
export const SEARCH_MANIFEST_URL = `/${SEARCH_INDEX_DIR}/${SEARCH_MANIFEST_FILE}`;
