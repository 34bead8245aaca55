import {
	LOADING_STATUS,
	PAGEFIND_MODULE,
	QUERY_PARAM,
	RESULTS_PAGE_SIZE,
	SEARCH_MANIFEST_URL,
	SUGGESTION_WORDS_URL,
	UNAVAILABLE_STATUS,
	excerptParts,
	moreResultsLabel,
	nextPageSize,
	normalizeQuery,
	parseSearchManifest,
	resultStatus,
	suggestionStatus,
	visibleResults,
} from '../lib/search.ts';
import {
	isRealHit,
	queryTerms,
	suggestQuery,
	wordMatchesTerm,
	wordsAt,
} from '../lib/search-query.ts';

/*
 * The search page's only script. Without it the page shows the newest posts; with it the form
 * appears, Pagefind is loaded as soon as the field gets focus or the page is idle (its module and
 * WASM come from /pagefind/ at run time and are never bundled), and results replace the list while
 * a query is typed, twenty at a time with «Показать ещё» for the rest. Results whose matches are
 * only Pagefind's fallback (a short prefix of a longer query word, see src/lib/search-query.ts)
 * do not count. It builds the results with DOM nodes and the `hidden` attribute only: no HTML
 * strings, no inline styles, so it runs under a strict Content-Security-Policy.
 */

/** The part of Pagefind's module API this page uses. */
interface Pagefind {
	options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
	mergeIndex(url: string): Promise<void>;
	init(): Promise<void>;
	debouncedSearch(
		query: string,
		options?: object,
		timeout?: number,
	): Promise<PagefindSearch | null>;
}

interface PagefindSearch {
	results: PagefindHit[];
}

interface PagefindHit {
	id: string;
	data(): Promise<PagefindResult>;
}

interface PagefindResult {
	url: string;
	excerpt: string;
	/** The page's text; `locations` are the positions of the matched words in it. */
	content: string;
	locations: number[];
	meta: { title?: string };
}

const DEBOUNCE_MS = 250;

/** Candidates checked for one «Показать ещё» at most, when many turn out to be noise. */
const MAX_CHECKED = 5 * RESULTS_PAGE_SIZE;

/** Pagefind, with the other indexes merged, and the result ids to hide. */
interface SearchEngine {
	pagefind: Pagefind;
	hidden: ReadonlySet<string>;
}

let engine: Promise<SearchEngine> | undefined;
let engineReady = false;

function loadEngine(): Promise<SearchEngine> {
	engine ??= (async () => {
		const url = PAGEFIND_MODULE;
		const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
		await pagefind.options({ baseUrl: '/', excerptLength: 24 });
		// The index may come in parts (src/lib/search-index.ts): merge the others, and hide the
		// entries that a newer part replaced.
		const manifest = parseSearchManifest(
			await fetch(SEARCH_MANIFEST_URL).then((response) => (response.ok ? response.json() : {})),
		);
		await Promise.all(manifest.indexes.map((index) => pagefind.mergeIndex(index)));
		await pagefind.init();
		engineReady = true;
		return { pagefind, hidden: new Set(manifest.hidden) };
	})();
	return engine;
}

let suggestionWords: Promise<string[]> | undefined;

/** The small list of known words, loaded on the first miss; empty when it cannot be had. */
function loadSuggestionWords(): Promise<string[]> {
	suggestionWords ??= fetch(SUGGESTION_WORDS_URL)
		.then((response) => (response.ok ? response.json() : []))
		.then((words: unknown) =>
			Array.isArray(words) ? words.filter((word) => typeof word === 'string') : [],
		)
		.catch(() => []);
	return suggestionWords;
}

function renderResult(result: PagefindResult): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'search-result';
	const link = document.createElement('a');
	link.className = 'search-result__title';
	link.href = result.url;
	link.textContent = result.meta.title ?? result.url;
	const excerpt = document.createElement('p');
	excerpt.className = 'search-result__excerpt';
	for (const part of excerptParts(result.excerpt)) {
		if (part.mark) {
			const mark = document.createElement('mark');
			mark.textContent = part.text;
			excerpt.append(mark);
		} else {
			excerpt.append(part.text);
		}
	}
	item.append(link, excerpt);
	return item;
}

/** The query's terms that none of a result's matched words really matches. */
const unmatchedTerms = (result: PagefindResult, terms: readonly string[]): Set<string> => {
	const words = wordsAt(result.content, result.locations);
	return new Set(terms.filter((term) => !words.some((word) => wordMatchesTerm(word, term))));
};

/** The results of one query, shown a page at a time. */
interface Results {
	query: string;
	terms: string[];
	/** Pagefind's results in its order; those before `cursor` are checked. */
	candidates: PagefindHit[];
	cursor: number;
	/** Checked candidates that turned out to be noise. */
	rejected: number;
	shown: number;
}

/** Wires up the search form on /search/. */
export function startSearch(): void {
	const form = document.querySelector<HTMLFormElement>('[data-search-form]');
	const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
	const status = document.querySelector<HTMLElement>('[data-search-status]');
	const list = document.querySelector<HTMLOListElement>('[data-search-results]');
	const more = document.querySelector<HTMLButtonElement>('[data-search-more]');
	const all = document.querySelector<HTMLElement>('[data-search-all]');
	const note = document.querySelector<HTMLElement>('[data-search-note]');
	if (!form || !input || !status || !list || !more || !all) return;

	let current: Results | undefined;
	/** Counts searches, so that an answer to an older query is dropped. */
	let generation = 0;

	const setStatus = (...parts: (string | Node)[]): void => status.replaceChildren(...parts);

	/** No results on the page; the newest posts show unless a search found nothing. */
	const clear = (message: string, showNewest: boolean): void => {
		current = undefined;
		list.replaceChildren();
		list.hidden = true;
		more.hidden = true;
		all.hidden = !showNewest;
		setStatus(message);
	};

	const updateCount = (results: Results): void => {
		const total = results.candidates.length - results.rejected;
		setStatus(resultStatus(total, results.query, results.shown));
		const next = nextPageSize(results.shown, total);
		more.hidden = next === 0;
		more.textContent = moreResultsLabel(next);
	};

	/** Checks candidates until a page of real hits is rendered (or none are left). */
	const nextPage = async (results: Results): Promise<HTMLLIElement[]> => {
		const items: HTMLLIElement[] = [];
		const limit = results.cursor + MAX_CHECKED;
		while (
			items.length < RESULTS_PAGE_SIZE &&
			results.cursor < Math.min(results.candidates.length, limit)
		) {
			const batch = results.candidates.slice(
				results.cursor,
				results.cursor + RESULTS_PAGE_SIZE - items.length,
			);
			results.cursor += batch.length;
			for (const data of await Promise.all(batch.map((hit) => hit.data()))) {
				if (isRealHit(wordsAt(data.content, data.locations), results.terms)) {
					items.push(renderResult(data));
				} else {
					results.rejected++;
				}
			}
		}
		results.shown += items.length;
		return items;
	};

	const noResults = async (
		query: string,
		terms: string[],
		unmatched: Set<string>,
		stale: () => boolean,
	): Promise<void> => {
		clear(resultStatus(0, query), false);
		const suggestion = suggestQuery(terms, unmatched, await loadSuggestionWords());
		if (suggestion === undefined || stale()) return;
		const link = document.createElement('a');
		const url = new URL(location.href);
		url.searchParams.set(QUERY_PARAM, suggestion);
		link.href = url.pathname + url.search;
		link.textContent = suggestion;
		link.addEventListener('click', (event) => {
			event.preventDefault();
			input.value = suggestion;
			input.focus();
			void run(suggestion);
		});
		const [before, , after] = suggestionStatus(query, suggestion);
		setStatus(before, link, after);
	};

	const run = async (raw: string): Promise<void> => {
		const mine = ++generation;
		const stale = (): boolean => mine !== generation;
		const query = normalizeQuery(raw);
		const url = new URL(location.href);
		if (query) url.searchParams.set(QUERY_PARAM, query);
		else url.searchParams.delete(QUERY_PARAM);
		history.replaceState(history.state, '', url);
		if (!query) {
			clear('', true);
			return;
		}
		const terms = queryTerms(query);
		try {
			if (!engineReady) {
				list.setAttribute('aria-busy', 'true');
				setStatus(LOADING_STATUS);
			}
			const { pagefind, hidden } = await loadEngine();
			const search = await pagefind.debouncedSearch(terms.join(' '), {}, DEBOUNCE_MS);
			if (!search || stale()) return; // a newer query superseded this one
			const found = visibleResults(search.results, hidden);
			const top = terms.length > 0 ? await found[0]?.data() : undefined;
			if (stale()) return;
			if (!top) {
				// Several known words that no article has together: nothing to correct.
				await noResults(query, terms, new Set(terms.length === 1 ? terms : []), stale);
				return;
			}
			// Pagefind falls back on a short prefix for every result of a word it does not know:
			// when the best result has no real match for a word, no result has.
			const unmatched = unmatchedTerms(top, terms);
			if (unmatched.size > 0) {
				await noResults(query, terms, unmatched, stale);
				return;
			}
			const results: Results = {
				query,
				terms,
				candidates: found,
				cursor: 0,
				rejected: 0,
				shown: 0,
			};
			const items = await nextPage(results);
			if (stale()) return;
			current = results;
			list.replaceChildren(...items);
			list.hidden = items.length === 0;
			all.hidden = true;
			updateCount(results);
		} catch {
			if (!stale()) clear(UNAVAILABLE_STATUS, true);
		} finally {
			if (!stale()) list.removeAttribute('aria-busy');
		}
	};

	const showMore = async (): Promise<void> => {
		const results = current;
		if (!results || more.getAttribute('aria-busy') === 'true') return;
		more.setAttribute('aria-busy', 'true');
		try {
			const items = await nextPage(results);
			if (results !== current) return;
			list.append(...items);
			updateCount(results);
			// Keyboard and screen reader users go on from the first result they have not seen.
			items[0]?.querySelector('a')?.focus();
		} finally {
			more.removeAttribute('aria-busy');
		}
	};

	// The form takes the place of the no-JavaScript note, which has the same height: no shift.
	if (note) note.hidden = true;
	form.hidden = false;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void run(input.value);
	});
	input.addEventListener('input', () => void run(input.value));
	more.addEventListener('click', () => void showMore());

	// Load Pagefind before the first search: when the field gets focus, or once the page is idle.
	const preload = (): void => void loadEngine().catch(() => undefined);
	input.addEventListener('focus', preload, { once: true });
	if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 3000 });
	else setTimeout(preload, 1000);

	const initial = new URL(location.href).searchParams.get(QUERY_PARAM);
	if (initial) {
		input.value = initial;
		void run(initial);
	}
}
