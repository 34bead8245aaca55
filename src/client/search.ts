import {
	LOADING_STATUS,
	MORE_FAILED_STATUS,
	RESULTS_PAGE_SIZE,
	SEARCH_MANIFEST_URL,
	SUGGESTION_WORDS_URL,
	UNAVAILABLE_STATUS,
	UNFINISHED_MISS_MS,
	endsInUnfinishedWord,
	moreResultsLabel,
	nextPageSize,
	normalizeQuery,
	readSearchLocation,
	resultDate,
	resultStatus,
	searchPageTitle,
	settleDelay,
	suggestionStatus,
	writeSearchLocation,
} from '../lib/search/search.ts';
import {
	lastWordChunk,
	parseSearchManifest,
	runSearch,
	type SearchChunk,
	type SearchDoc,
	type SearchSource,
	type TermMatch,
} from '../lib/search/search-engine.ts';
import {
	excerptOf,
	highlightOf,
	marksOf,
	type ExcerptPart,
	type Marks,
} from '../lib/search/search-excerpt.ts';
import { suggestQuery } from '../lib/search/search-query.ts';

/*
 * The search page's only script. Without it the page shows the newest posts; with it the form
 * appears, the index's manifest is loaded as soon as the field gets focus or the page is idle,
 * and results replace the list once the typed query settles (a pause a little longer than the
 * reader's own gap between keys, see settleDelay), ten at a time with «Показать ещё» for the
 * rest. The old results stay until the new ones have loaded and are replaced in one step; a word
 * still being typed that finds nothing yet changes nothing. The query and the number of results
 * shown live in the address (`?q=…&n=20`), and the scroll position and the result followed in
 * the history entry, so Back from an article brings the same list, place and focus back.
 *
 * A query reads one chunk of the index per word and one small file per result shown
 * (src/lib/search/search-engine.ts). It builds the results with DOM nodes and the `hidden` attribute
 * only: no HTML strings, no inline styles, so it runs under a strict Content-Security-Policy.
 */

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
	item.append(link);
	// The article's file is its search record, which has the date the search page does not type.
	const date = resultDate((doc as SearchDoc & { date?: unknown }).date);
	if (date) {
		const meta = document.createElement('p');
		meta.className = 'search-result__meta';
		const time = document.createElement('time');
		time.dateTime = date.datetime;
		time.textContent = date.text;
		meta.append(time);
		item.append(meta);
	}
	const excerpt = document.createElement('p');
	excerpt.className = 'search-result__excerpt';
	appendParts(excerpt, excerptOf(doc.text, marks));
	item.append(excerpt);
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

/** How a search was started. */
interface RunOptions {
	/** From a keystroke: wait for the input to settle, and be patient with a half-typed word. */
	typing?: boolean;
	/** Results to show at once (from the address), instead of one page. */
	shown?: number;
}

/** Where the reader was on the page when they followed a link, kept in the history entry. */
interface SavedView {
	/** Scroll position. */
	y: number;
	/** The result link followed, if it was one. */
	href?: string;
}

const VIEW_KEY = 'searchView';

const savedView = (): SavedView | undefined => {
	const state: unknown = history.state;
	if (typeof state !== 'object' || state === null) return undefined;
	const view = (state as Record<string, unknown>)[VIEW_KEY];
	if (typeof view !== 'object' || view === null) return undefined;
	const { y, href } = view as Record<string, unknown>;
	if (typeof y !== 'number') return undefined;
	return typeof href === 'string' ? { y, href } : { y };
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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
	/** The reader's last gaps between keystrokes (ms), for settleDelay. */
	const gaps: number[] = [];
	let lastKey = 0;

	const setStatus = (...parts: (string | Node)[]): void => {
		// An unchanged status is not written again: a live region would read it out again.
		const text = parts.map((part) => (typeof part === 'string' ? part : part.textContent)).join('');
		if (text === status.textContent && parts.every((part) => typeof part === 'string')) return;
		status.replaceChildren(...parts);
	};

	/** The address and the title say what the page shows. */
	const showLocation = (query: string, shown: number): void => {
		const search = writeSearchLocation(location.search, { query, shown });
		if (search !== location.search) {
			history.replaceState(history.state, '', location.pathname + search + location.hash);
		}
		document.title = searchPageTitle(query);
	};

	/** No results on the page: the newest posts and the topics show instead. */
	const clear = (message: string): void => {
		current = undefined;
		list.replaceChildren();
		list.hidden = true;
		more.hidden = true;
		all.hidden = false;
		setStatus(message);
	};

	const updateCount = (results: Results): void => {
		const total = results.ids.length;
		setStatus(resultStatus(total, results.query, results.shown));
		const next = nextPageSize(results.shown, total);
		more.hidden = next === 0;
		more.textContent = moreResultsLabel(next);
		showLocation(results.query, results.shown);
	};

	/**
	 * Loads and renders the next `count` results (the articles' files are fetched at once), each
	 * passed to `onItem` in order as soon as it and those before it have loaded. Undefined when
	 * `stale()` says a newer query took over; throws when a file cannot be had.
	 */
	const loadItems = async (
		results: Results,
		count: number,
		stale: () => boolean,
		onItem?: (item: HTMLLIElement) => void,
	): Promise<HTMLLIElement[] | undefined> => {
		const { doc } = await loadEngine();
		const ids = results.ids.slice(results.shown, results.shown + count);
		const loading = ids.map((id) => doc(id));
		// Every file is awaited, so that none fails unseen after a stale query.
		for (const failed of loading) failed.catch(() => undefined);
		const items: HTMLLIElement[] = [];
		for (const found of loading) {
			const loaded = await found;
			if (stale()) return undefined;
			const item = renderResult(loaded, results.marks);
			items.push(item);
			onItem?.(item);
		}
		return items;
	};

	const noResults = async (
		query: string,
		terms: readonly TermMatch[],
		stale: () => boolean,
	): Promise<void> => {
		clear(resultStatus(0, query));
		showLocation(query, 0);
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
		link.href =
			location.pathname + writeSearchLocation(location.search, { query: suggestion, shown: 0 });
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

	const run = async (raw: string, options: RunOptions = {}): Promise<void> => {
		const mine = ++generation;
		const stale = (): boolean => mine !== generation;
		const query = normalizeQuery(raw);
		if (!query) {
			clear('');
			showLocation('', 0);
			return;
		}
		try {
			if (!engineReady) {
				list.setAttribute('aria-busy', 'true');
				setStatus(LOADING_STATUS);
			}
			if (options.typing) await sleep(settleDelay(gaps));
			if (stale()) return; // a newer keystroke superseded this one
			const source = await loadEngine();
			// A query still being typed completes its last word (see runSearch).
			const answer = await runSearch(source, raw.replace(/^\s+/, ''));
			if (stale()) return;
			if (answer.ids.length === 0) {
				// «кварт» may still become «квартира»: say nothing until the reader stops typing.
				if (options.typing && endsInUnfinishedWord(raw, answer.terms)) {
					await sleep(UNFINISHED_MISS_MS);
					if (stale()) return;
				}
				await noResults(query, answer.terms, stale);
				return;
			}
			const results: Results = {
				query,
				ids: answer.ids,
				marks: marksOf(answer),
				shown: 0,
			};
			const show = (items: HTMLLIElement[]): void => {
				list.replaceChildren(...items);
				list.hidden = false;
				all.hidden = true;
			};
			// Into an empty list each result shows as soon as it has loaded; results already on
			// the page stay until the new ones have all loaded, then are replaced at once.
			const empty = list.hidden || list.childElementCount === 0;
			let first = true;
			const showEach = (item: HTMLLIElement): void => {
				if (first) show([item]);
				else list.append(item);
				first = false;
			};
			const items = await loadItems(
				results,
				options.shown ?? RESULTS_PAGE_SIZE,
				stale,
				empty ? showEach : undefined,
			);
			if (!items || stale()) return;
			if (!empty) show(items);
			results.shown = items.length;
			current = results;
			updateCount(results);
		} catch {
			if (!stale()) clear(UNAVAILABLE_STATUS);
		} finally {
			if (!stale()) list.removeAttribute('aria-busy');
		}
	};

	const showMore = async (): Promise<void> => {
		const results = current;
		if (!results || more.getAttribute('aria-busy') === 'true') return;
		more.setAttribute('aria-busy', 'true');
		try {
			const items = await loadItems(results, RESULTS_PAGE_SIZE, () => results !== current);
			if (!items || results !== current) return;
			list.append(...items);
			results.shown += items.length;
			updateCount(results);
			// Keyboard and screen reader users go on from the first result they have not seen.
			items[0]?.querySelector('a')?.focus();
		} catch {
			// Offline, or the site did not answer: the button stays, to try again.
			if (results === current) setStatus(MORE_FAILED_STATUS);
		} finally {
			more.removeAttribute('aria-busy');
		}
	};

	/** Keeps the scroll position and the result followed in the history entry, for Back. */
	const saveView = (href: string | undefined): void => {
		const base: unknown = history.state;
		const view: SavedView = href === undefined ? { y: scrollY } : { y: scrollY, href };
		const state = typeof base === 'object' && base !== null ? { ...base } : {};
		history.replaceState({ ...state, [VIEW_KEY]: view }, '');
	};

	/** Back at a search: the result followed gets focus, and the page scrolls to where it was. */
	const restoreView = (): void => {
		const view = savedView();
		if (!view) return;
		const link = [...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === view.href);
		link?.focus({ preventScroll: true });
		scrollTo(0, view.y);
	};

	// The form takes the place of the no-JavaScript note, which has the same height: no shift.
	if (note) note.hidden = true;
	form.hidden = false;
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		void run(input.value);
	});
	input.addEventListener('input', () => {
		const now = performance.now();
		if (lastKey > 0) gaps.push(now - lastKey);
		if (gaps.length > 3) gaps.shift();
		lastKey = now;
		void run(input.value, { typing: true });
		// The chunk the search will read loads while the input settles (see lastWordChunk).
		void loadEngine()
			.then((source) => {
				const file = lastWordChunk(source.manifest, input.value);
				return file === undefined ? undefined : source.chunk(file);
			})
			.catch(() => undefined);
	});
	more.addEventListener('click', () => void showMore());
	document.addEventListener(
		'click',
		(event) => {
			const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
			if (!link) return;
			saveView(list.contains(link) ? (link.getAttribute('href') ?? undefined) : undefined);
		},
		true,
	);

	// Load the index's manifest before the first search: when the field gets focus, or once the
	// page is idle.
	const preload = (): void => void loadEngine().catch(() => undefined);
	input.addEventListener('focus', preload, { once: true });
	if ('requestIdleCallback' in window) requestIdleCallback(preload, { timeout: 3000 });
	else setTimeout(preload, 1000);

	// The page restores the scroll position itself, once the results are there again.
	history.scrollRestoration = 'manual';
	const initial = readSearchLocation(location.search);
	if (initial.query) {
		input.value = initial.query;
		void run(initial.query, { shown: initial.shown }).then(restoreView);
	}
}
