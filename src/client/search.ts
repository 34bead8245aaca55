import {
	LOADING_STATUS,
	QUERY_PARAM,
	RESULTS_PAGE_SIZE,
	SEARCH_MANIFEST_URL,
	SUGGESTION_WORDS_URL,
	UNAVAILABLE_STATUS,
	moreResultsLabel,
	nextPageSize,
	normalizeQuery,
	resultStatus,
	suggestionStatus,
} from '../lib/search.ts';
import {
	parseSearchManifest,
	runSearch,
	type SearchChunk,
	type SearchDoc,
	type SearchSource,
	type TermMatch,
} from '../lib/search-engine.ts';
import {
	excerptOf,
	highlightOf,
	marksOf,
	type ExcerptPart,
	type Marks,
} from '../lib/search-excerpt.ts';
import { suggestQuery } from '../lib/search-query.ts';

/*
 * The search page's only script. Without it the page shows the newest posts; with it the form
 * appears, the index's manifest is loaded as soon as the field gets focus or the page is idle,
 * and results replace the list while a query is typed, ten at a time with «Показать ещё» for the
 * rest. A query reads one chunk of the index per word and one small file per result shown
 * (src/lib/search-engine.ts). It builds the results with DOM nodes and the `hidden` attribute
 * only: no HTML strings, no inline styles, so it runs under a strict Content-Security-Policy.
 */

/** Pause after a keystroke before searching: a quick typist's next key comes sooner. */
const DEBOUNCE_MS = 120;

const INDEX_ROOT = SEARCH_MANIFEST_URL.replace(/[^/]*$/, '');

/** JSON from the index, or an error for a failed response. */
async function fetchJson(url: string): Promise<unknown> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${response.status} ${url}`);
	return response.json();
}

/** The index, its chunks and articles fetched once each. */
interface SearchEngine extends SearchSource {
	doc(id: number): Promise<SearchDoc>;
}

let engine: Promise<SearchEngine> | undefined;
let engineReady = false;

function loadEngine(): Promise<SearchEngine> {
	engine ??= (async () => {
		const manifest = parseSearchManifest(await fetchJson(SEARCH_MANIFEST_URL));
		if (!manifest) throw new Error('search index: unknown format');
		const chunks = new Map<string, Promise<SearchChunk>>();
		const docs = new Map<number, Promise<SearchDoc>>();
		const once = <K, V>(cache: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
			let value = cache.get(key);
			if (!value) {
				value = load();
				cache.set(key, value);
				// A failed request may be tried again by the next query.
				value.catch(() => cache.delete(key));
			}
			return value;
		};
		engineReady = true;
		return {
			manifest,
			chunk: (file) =>
				once(chunks, file, async () => (await fetchJson(INDEX_ROOT + file)) as SearchChunk),
			doc: (id) =>
				once(
					docs,
					id,
					async () => (await fetchJson(`${INDEX_ROOT}${manifest.docs}/${id}.json`)) as SearchDoc,
				),
		};
	})();
	engine.catch(() => {
		engine = undefined;
	});
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

/** Appends text parts to an element, the marked ones in <mark>. */
function appendParts(element: HTMLElement, parts: readonly ExcerptPart[]): void {
	for (const part of parts) {
		if (part.mark) {
			const mark = document.createElement('mark');
			mark.textContent = part.text;
			element.append(mark);
		} else {
			element.append(part.text);
		}
	}
}

function renderResult(doc: SearchDoc, marks: Marks): HTMLLIElement {
	const item = document.createElement('li');
	item.className = 'search-result';
	const link = document.createElement('a');
	link.className = 'search-result__title';
	link.href = doc.url;
	if (doc.title) appendParts(link, highlightOf(doc.title, marks));
	else link.textContent = doc.url;
	const excerpt = document.createElement('p');
	excerpt.className = 'search-result__excerpt';
	appendParts(excerpt, excerptOf(doc.text, marks));
	item.append(link, excerpt);
	return item;
}

/** The results of one query, shown a page at a time. */
interface Results {
	query: string;
	/** Doc ids, best first. */
	ids: number[];
	/** What the excerpts and titles mark. */
	marks: Marks;
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
		const total = results.ids.length;
		setStatus(resultStatus(total, results.query, results.shown));
		const next = nextPageSize(results.shown, total);
		more.hidden = next === 0;
		more.textContent = moreResultsLabel(next);
	};

	/**
	 * Renders the next page of results, each passed to `show` in order as soon as it and those
	 * before it have loaded (the articles' files are fetched at once), so the first result shows
	 * without waiting for the tenth. Stops early when `stale()` says a newer query took over.
	 */
	const nextPage = async (
		results: Results,
		show: (item: HTMLLIElement) => void,
		stale: () => boolean = () => false,
	): Promise<number> => {
		const { doc } = await loadEngine();
		const ids = results.ids.slice(results.shown, results.shown + RESULTS_PAGE_SIZE);
		const loading = ids.map((id) => doc(id));
		// Every file is awaited, so that none fails unseen after a stale query.
		for (const failed of loading) failed.catch(() => undefined);
		let shown = 0;
		for (const found of loading) {
			const loaded = await found;
			if (stale()) return shown;
			show(renderResult(loaded, results.marks));
			shown++;
		}
		results.shown += shown;
		return shown;
	};

	const noResults = async (
		query: string,
		terms: readonly TermMatch[],
		stale: () => boolean,
	): Promise<void> => {
		clear(resultStatus(0, query), false);
		// Words no article has get a suggestion; several known words found together nowhere do not.
		const unmatched = new Set(terms.filter((term) => term.stems.length === 0).map((t) => t.term));
		if (unmatched.size === 0) return;
		const suggestion = suggestQuery(
			terms.map((term) => term.term),
			unmatched,
			await loadSuggestionWords(),
		);
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

	const run = async (raw: string, delay = 0): Promise<void> => {
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
		try {
			if (!engineReady) {
				list.setAttribute('aria-busy', 'true');
				setStatus(LOADING_STATUS);
			}
			if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
			if (stale()) return; // a newer keystroke superseded this one
			const source = await loadEngine();
			// A query still being typed completes its last word (see runSearch).
			const answer = await runSearch(source, raw.replace(/^\s+/, ''));
			if (stale()) return;
			if (answer.ids.length === 0) {
				await noResults(query, answer.terms, stale);
				return;
			}
			const results: Results = {
				query,
				ids: answer.ids,
				marks: marksOf(answer),
				shown: 0,
			};
			let first = true;
			await nextPage(
				results,
				(item) => {
					// The first result replaces the previous query's list.
					if (first) {
						list.replaceChildren();
						list.hidden = false;
						all.hidden = true;
						first = false;
					}
					list.append(item);
				},
				stale,
			);
			if (stale()) return;
			current = results;
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
			let first: HTMLLIElement | undefined;
			await nextPage(
				results,
				(item) => {
					first ??= item;
					list.append(item);
				},
				() => results !== current,
			);
			if (results !== current) return;
			updateCount(results);
			// Keyboard and screen reader users go on from the first result they have not seen.
			first?.querySelector('a')?.focus();
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
	input.addEventListener('input', () => void run(input.value, DEBOUNCE_MS));
	more.addEventListener('click', () => void showMore());

	// Load the index's manifest before the first search: when the field gets focus, or once the
	// page is idle.
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
