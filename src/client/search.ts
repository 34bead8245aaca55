import {
	MAX_RESULTS,
	PAGEFIND_MODULE,
	QUERY_PARAM,
	SEARCH_MANIFEST_URL,
	excerptParts,
	normalizeQuery,
	parseSearchManifest,
	resultStatus,
	visibleResults,
} from '../lib/search.ts';

/*
 * The search page's only script. Without it the page is a plain list of every post; with it the
 * form appears, Pagefind is loaded on first use (its module and WASM come from /pagefind/ at run
 * time and are never bundled), and results replace the full list while a query is typed. It
 * builds the results with DOM nodes and the `hidden` attribute only: no HTML strings, no inline
 * styles, so it runs under a strict Content-Security-Policy.
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
	results: { id: string; data(): Promise<PagefindResult> }[];
}

interface PagefindResult {
	url: string;
	excerpt: string;
	meta: { title?: string };
}

const DEBOUNCE_MS = 250;

/** Pagefind, with the other indexes merged, and the result ids to hide. */
interface SearchEngine {
	pagefind: Pagefind;
	hidden: ReadonlySet<string>;
}

let engine: Promise<SearchEngine> | undefined;

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
		return { pagefind, hidden: new Set(manifest.hidden) };
	})();
	return engine;
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

/** Wires up the search form on /search/. */
export function startSearch(): void {
	const form = document.querySelector<HTMLFormElement>('[data-search-form]');
	const input = form?.querySelector<HTMLInputElement>('input[type="search"]');
	const status = document.querySelector<HTMLElement>('[data-search-status]');
	const list = document.querySelector<HTMLOListElement>('[data-search-results]');
	const all = document.querySelector<HTMLElement>('[data-search-all]');
	const note = document.querySelector<HTMLElement>('[data-search-note]');
	if (!form || !input || !status || !list || !all) return;

	const show = (query: string, items: HTMLLIElement[], message: string): void => {
		list.replaceChildren(...items);
		list.hidden = items.length === 0;
		all.hidden = query !== '';
		status.textContent = message;
	};

	const run = async (raw: string): Promise<void> => {
		const query = normalizeQuery(raw);
		const url = new URL(location.href);
		if (query) url.searchParams.set(QUERY_PARAM, query);
		else url.searchParams.delete(QUERY_PARAM);
		history.replaceState(history.state, '', url);
		if (!query) {
			show('', [], '');
			return;
		}
		try {
			const { pagefind, hidden } = await loadEngine();
			const search = await pagefind.debouncedSearch(query, {}, DEBOUNCE_MS);
			if (!search) return; // a newer query superseded this one
			const found = visibleResults(search.results, hidden);
			const results = await Promise.all(found.slice(0, MAX_RESULTS).map((result) => result.data()));
			if (normalizeQuery(input.value) !== query) return;
			show(query, results.map(renderResult), resultStatus(found.length, query));
		} catch {
			show('', [], 'Поиск сейчас недоступен. Ниже — список всех статей.');
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
	input.addEventListener('focus', () => void loadEngine().catch(() => undefined), { once: true });

	const initial = new URL(location.href).searchParams.get(QUERY_PARAM);
	if (initial) {
		input.value = initial;
		void run(initial);
	}
}
