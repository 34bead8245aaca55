import { stemmer } from '@orama/stemmers/russian';
import { shorterStemsAhead } from './word-endings.ts';
import { unmixScripts } from './search-query.ts';

/*
 * The blog's own full-text search: an inverted index split by word, not by article.
 *
 * The build stems every word of every article (Snowball's Russian stemmer, the one the query
 * uses), scores each (stem, article) pair once and writes the postings in files ("chunks") of
 * neighbouring stems in sorted order. A query reads the small manifest (where each chunk starts),
 * one chunk per query word and then the articles it shows. Because a stem's postings are whole,
 * the split changes nothing: a query gives the same articles in the same order as one file of
 * everything (tests/lib/search/search-engine.test.ts compares both, and both with a brute-force scorer),
 * and a word in no article costs one chunk.
 *
 * Scoring is BM25 with fields: a posting stores BM25's term-frequency part, finely quantised,
 * and whether the stem is in the article's title and headings; the query multiplies the first by
 * the stem's inverse document frequency (worked out from the number of postings) and adds a fixed
 * bonus for the title and one for a heading. A word in most articles so still ranks the articles
 * that carry it in the title first (an integer BM25 score with the idf in it was 1 for them all),
 * and a question's title match on its topic («уборка квартиры») is not outweighed by one on a
 * rarer but vaguer word («стоит»). Stop words count only in a query of nothing else.
 *
 * This module is pure: src/plumbing/search-index-build.ts reads and writes the files, and the
 * search page (src/client/search.ts) fetches them.
 */

/** Version of the files' format; the search page reads only its own. */
export const SEARCH_FORMAT = 2;

/** BM25's parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;
/**
 * BM25's term-frequency part (at most K1 + 1) is stored as an integer: × this, at least 1. Two
 * digits at most: finer steps would only make the chunks heavier.
 */
export const IMPACT_SCALE = 10;
/** A stored impact is the term-frequency part plus the field bits × this. */
export const FIELD_UNIT = 100;
/**
 * Added to a word's score when its stem is in the title, and when it is in a heading: a title
 * match outweighs any number of mentions of a common word in the text.
 */
export const TITLE_BONUS = 2.5;
export const HEADING_BONUS = 1;
/** Field bits of a stem in an article. */
export const IN_TITLE = 1;
export const IN_HEADING = 2;

/** Target size of a chunk's JSON before compression; a single long posting list may exceed it. */
export const CHUNK_BYTES = 96 * 1024;

/** Shortest unfinished last word that is completed to the stems it starts. */
export const MIN_PREFIX = 3;
/** Chunks a completion may read; a wider one (a very common start) completes nothing. */
export const MAX_PREFIX_CHUNKS = 2;

/** An article as the search shows and indexes it. */
export interface SearchRecord {
	/** Path of the article, e.g. `/blog/slug/`. */
	url: string;
	title: string;
	/** Headings of the article's sections, in order. */
	headings: string[];
	/** The article's text as readers see it (lead, headings and body), without the title. */
	text: string;
	/** Publication date (ISO), newest first among equal scores; empty when unknown. */
	date: string;
}

/** What the search page loads for a result: its address, title and text for the excerpt. */
export interface SearchDoc {
	url: string;
	title: string;
	text: string;
}

/**
 * The index's entry point: where each chunk starts (the first stem it holds and its file name,
 * in sorted order) and the folder of the articles' files (`<docs>/<doc id>.json`). Every name but
 * the manifest's is new whenever its content changes, so those files may be cached for good.
 */
export interface SearchManifest {
	v: typeof SEARCH_FORMAT;
	/** Articles in the index. */
	count: number;
	/** Folder of the articles' files, relative to the manifest. */
	docs: string;
	chunks: [first: string, file: string][];
}

/** A chunk: stem → postings, [docIdGap, impact, docIdGap, impact, …] by ascending doc id. */
export type SearchChunk = Record<string, number[]>;

/**
 * The words of a text as the search compares them: lower case, «ё» as «е», split at anything not
 * a letter or digit, a word mixing Latin and Cyrillic look-alikes in one script (see
 * `unmixScripts`). The text must be in Unicode's NFC form, as page text and `queryWords` are.
 */
export function searchWords(text: string): string[] {
	// A scan by character code: a regular expression with Unicode classes over every article's
	// text was most of the indexing time. Other letters than ASCII and Russian go through \p{L}.
	const lower = text.toLowerCase();
	const words: string[] = [];
	let start = -1;
	let latin = false;
	let cyrillic = false;
	let yo = false;
	for (let i = 0; i <= lower.length; i++) {
		const code = i < lower.length ? lower.charCodeAt(i) : 32;
		let inWord: boolean;
		if (code >= 0x430 && code <= 0x44f) {
			inWord = cyrillic = true;
		} else if (code >= 97 && code <= 122) {
			inWord = latin = true;
		} else if (code >= 48 && code <= 57) {
			inWord = true;
		} else if (code === 0x451) {
			inWord = cyrillic = yo = true;
		} else if (
			code < 0x80 ||
			code === 0xa0 ||
			code === 0xab ||
			code === 0xbb ||
			(code >= 0x2000 && code <= 0x206f)
		) {
			// ASCII punctuation, no-break spaces, «», spaces, dashes, quotes, ellipses: never letters.
			inWord = false;
		} else {
			inWord = LETTER.test(lower[i] ?? '');
			if (inWord && CYRILLIC.test(lower[i] ?? '')) cyrillic = true;
		}
		if (inWord) {
			if (start < 0) start = i;
			continue;
		}
		if (start < 0) continue;
		let word = lower.slice(start, i);
		if (yo) word = word.replace(/ё/g, 'е');
		// A word mixing scripts is put in one (see unmixScripts).
		if (latin && cyrillic) word = unmixScripts(word);
		words.push(word);
		start = -1;
		latin = cyrillic = yo = false;
	}
	return words;
}

const LETTER = /[\p{L}\p{N}]/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

const stems = new Map<string, string>();

/** The stem of a normalised word (memoised: a blog repeats its words). */
export function stemOf(word: string): string {
	let stem = stems.get(word);
	if (stem === undefined) {
		stem = stemmer(word);
		if (stems.size > 200_000) stems.clear();
		stems.set(word, stem);
	}
	return stem;
}

/**
 * Each stem of an article with its count (title and text), the fields it is in (IN_TITLE,
 * IN_HEADING bits), and the article's length in words.
 */
export interface DocTerms {
	counts: Map<string, number>;
	fields: Map<string, number>;
	length: number;
}

/** The terms of an article: its title's and text's words (headings are part of the text). */
export function docTerms(record: Pick<SearchRecord, 'title' | 'headings' | 'text'>): DocTerms {
	const counts = new Map<string, number>();
	const fields = new Map<string, number>();
	let length = 0;
	const add = (text: string): void => {
		for (const word of searchWords(text)) {
			const stem = stemOf(word);
			counts.set(stem, (counts.get(stem) ?? 0) + 1);
			length++;
		}
	};
	const mark = (text: string, bit: number): void => {
		for (const word of searchWords(text)) {
			const stem = stemOf(word);
			fields.set(stem, (fields.get(stem) ?? 0) | bit);
		}
	};
	add(record.title);
	add(record.text);
	mark(record.title, IN_TITLE);
	for (const heading of record.headings) mark(heading, IN_HEADING);
	return { counts, fields, length };
}

/** BM25's inverse document frequency of a stem found in `df` of `docs` articles. */
export const idf = (docs: number, df: number): number =>
	Math.log(1 + (docs - df + 0.5) / (df + 0.5));

/**
 * The stored match of a stem in an article: BM25's term-frequency part scaled to an integer (at
 * least 1), plus its fields (IN_TITLE, IN_HEADING) × FIELD_UNIT.
 */
export function impact(tf: number, fields: number, docLength: number, avgLength: number): number {
	const norm = tf + K1 * (1 - B + (B * docLength) / (avgLength || 1));
	const part = Math.max(1, Math.round((IMPACT_SCALE * (tf * (K1 + 1))) / norm));
	return part + fields * FIELD_UNIT;
}

/** A word's score in an article from a stored impact and the stem's idf. */
export function termScore(stored: number, idfValue: number): number {
	const fields = Math.floor(stored / FIELD_UNIT);
	return (
		(idfValue * (stored % FIELD_UNIT)) / IMPACT_SCALE +
		(fields & IN_TITLE ? TITLE_BONUS : 0) +
		(fields & IN_HEADING ? HEADING_BONUS : 0)
	);
}

/** An article added to the builder: its terms as ids into the builder's stem table. */
interface BuilderDoc {
	key: string;
	date: string;
	stemIds: Uint32Array;
	tfs: Float32Array;
	fields: Uint8Array;
	length: number;
}

/** A chunk ready to be written. */
export interface BuiltChunk {
	first: string;
	json: string;
}

/** The index of a set of articles. */
export interface BuiltIndex {
	/** Keys of the articles in doc-id order (newest first, then by key). */
	order: string[];
	chunks: BuiltChunk[];
}

/**
 * Collects articles one at a time, keeping only compact term tables (no text), and writes the
 * index. Memory is about 9 bytes per distinct stem of each article plus the stem table.
 */
export class SearchIndexBuilder {
	private readonly stemIds = new Map<string, number>();
	private readonly stems: string[] = [];
	private readonly docs = new Map<string, BuilderDoc>();

	/** Takes an article out of the index. */
	delete(key: string): void {
		this.docs.delete(key);
	}

	/** Adds an article under its key (its URL), in place of the article with that key, if any. */
	add(key: string, date: string, terms: DocTerms): void {
		const stemIds = new Uint32Array(terms.counts.size);
		const tfs = new Float32Array(terms.counts.size);
		const fields = new Uint8Array(terms.counts.size);
		let i = 0;
		for (const [stem, count] of terms.counts) {
			let id = this.stemIds.get(stem);
			if (id === undefined) {
				id = this.stems.length;
				this.stemIds.set(stem, id);
				this.stems.push(stem);
			}
			stemIds[i] = id;
			tfs[i] = count;
			fields[i] = terms.fields.get(stem) ?? 0;
			i++;
		}
		this.docs.set(key, { key, date, stemIds, tfs, fields, length: terms.length });
	}

	/** The index, its postings split into chunks of about `chunkBytes` of JSON. */
	build(
		chunkBytes: number = CHUNK_BYTES,
		/** Takes each chunk as it is made (none are kept then): a large index is never whole in memory. */
		onChunk?: (chunk: BuiltChunk) => void,
	): BuiltIndex {
		// Doc ids: newest first, so equal scores list the newer article first.
		const docs = [...this.docs.values()].sort((a, b) =>
			a.date < b.date ? 1 : a.date > b.date ? -1 : a.key < b.key ? -1 : 1,
		);
		const count = docs.length;
		const stemCount = this.stems.length;
		const df = new Uint32Array(stemCount);
		let totalLength = 0;
		for (const doc of docs) {
			totalLength += doc.length;
			for (const id of doc.stemIds) df[id] = (df[id] ?? 0) + 1;
		}
		const avgLength = count > 0 ? totalLength / count : 0;
		// Postings by stem in doc-id order: a counting sort into one array.
		const start = new Uint32Array(stemCount + 1);
		for (let s = 0; s < stemCount; s++) start[s + 1] = (start[s] ?? 0) + (df[s] ?? 0);
		const fill = start.slice(0, stemCount);
		const postingDoc = new Uint32Array(start[stemCount] ?? 0);
		const postingImpact = new Uint32Array(start[stemCount] ?? 0);
		docs.forEach((doc, docId) => {
			for (let i = 0; i < doc.stemIds.length; i++) {
				const stem = doc.stemIds[i] ?? 0;
				const at = fill[stem] ?? 0;
				fill[stem] = at + 1;
				postingDoc[at] = docId;
				postingImpact[at] = impact(doc.tfs[i] ?? 0, doc.fields[i] ?? 0, doc.length, avgLength);
			}
		});
		const sorted = [...this.stems.keys()].sort((a, b) => {
			const x = this.stems[a] ?? '';
			const y = this.stems[b] ?? '';
			return x < y ? -1 : x > y ? 1 : 0;
		});
		const chunks: BuiltChunk[] = [];
		let parts: string[] = [];
		let first = '';
		let bytes = 0;
		const flush = (): void => {
			if (parts.length === 0) return;
			const chunk = { first, json: `{${parts.join(',')}}` };
			if (onChunk) onChunk(chunk);
			else chunks.push(chunk);
			parts = [];
			bytes = 0;
		};
		for (const stem of sorted) {
			const from = start[stem] ?? 0;
			const to = start[stem + 1] ?? 0;
			// A stem only articles taken out of the index had.
			if (to === from) continue;
			const values: number[] = new Array<number>((to - from) * 2);
			let previous = 0;
			for (let p = from; p < to; p++) {
				const doc = postingDoc[p] ?? 0;
				values[(p - from) * 2] = doc - previous;
				values[(p - from) * 2 + 1] = postingImpact[p] ?? 0;
				previous = doc;
			}
			const part = `${JSON.stringify(this.stems[stem])}:[${values.join(',')}]`;
			if (bytes > 0 && bytes + part.length > chunkBytes) flush();
			if (parts.length === 0) first = this.stems[stem] ?? '';
			parts.push(part);
			bytes += part.length + 1;
		}
		flush();
		return { order: docs.map((doc) => doc.key), chunks };
	}
}

/** Reads a manifest; undefined when it is not one of this format. */
export function parseSearchManifest(json: unknown): SearchManifest | undefined {
	if (typeof json !== 'object' || json === null) return undefined;
	const { v, count, docs, chunks } = json as Record<string, unknown>;
	if (
		v !== SEARCH_FORMAT ||
		typeof count !== 'number' ||
		typeof docs !== 'string' ||
		!Array.isArray(chunks)
	)
		return undefined;
	const valid = chunks.every(
		(chunk): chunk is [string, string] =>
			Array.isArray(chunk) &&
			chunk.length === 2 &&
			typeof chunk[0] === 'string' &&
			typeof chunk[1] === 'string',
	);
	return valid
		? { v: SEARCH_FORMAT, count, docs, chunks: chunks as [string, string][] }
		: undefined;
}

/** Index of the chunk that holds `stem`, if any stem sorts there (the last chunk starting at or before it). */
export function chunkOf(manifest: SearchManifest, stem: string): number {
	let low = 0;
	let high = manifest.chunks.length - 1;
	let found = -1;
	while (low <= high) {
		const mid = (low + high) >> 1;
		if ((manifest.chunks[mid]?.[0] ?? '') <= stem) {
			found = mid;
			low = mid + 1;
		} else {
			high = mid - 1;
		}
	}
	return found;
}

/** What a search reads besides the manifest: chunks by file name (each fetched once). */
export interface SearchSource {
	manifest: SearchManifest;
	chunk(file: string): Promise<SearchChunk>;
}

/**
 * Words that say little about what a query is about: prepositions, conjunctions, particles,
 * pronouns and question words. They are searched like any word, but a long question ranks
 * articles by how many of its other words they have, and an excerpt marks them only inside a
 * phrase of the query («ремонт под ключ»).
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
	(
		'а без более бы был была были было быть в вам вас весь во вот все всего всех вы где да для до ' +
		'его ее если есть еще же за зачем и из или им их к как какая какие какой когда кого кто ли ' +
		'либо мне мы на над не нет ни но ну о об от по под после при про с сколько со так также там ' +
		'то только у уже чем что чтобы эта эти это я'
	).split(' '),
);

/** Added to an article's rank when it has a completed word's own stem (less than a word's 1/2). */
const EXACT_TIER = 0.25;

/** Queries of this many words or more are questions: articles with most of their words rank first. */
export const LONG_QUERY_WORDS = 3;

/** A word of a query, in the query's order. */
export interface QueryWord {
	term: string;
	/** Which run of non-space characters of the query it is part of: «чек-лист» is one run of two. */
	token: number;
	/** A stop word (see STOP_WORDS), or a single letter. */
	stop: boolean;
}

/** The words of a query in order, repeats included (see `searchWords`). */
export function queryWords(query: string): QueryWord[] {
	const words: QueryWord[] = [];
	query
		.normalize('NFC')
		.split(/\s+/)
		.filter(Boolean)
		.forEach((token, index) => {
			for (const term of searchWords(token)) {
				words.push({ term, token: index, stop: term.length < 2 || STOP_WORDS.has(term) });
			}
		});
	return words;
}

/** A query word and how it was matched. */
export interface TermMatch {
	term: string;
	/** The stems it matched: its own and, when it was completed, those it starts. */
	stems: string[];
	/** A stop word (see STOP_WORDS). */
	stop: boolean;
	/**
	 * The last word of a query still being typed, matched nothing, and typing on may still find
	 * it: too short to complete, a start too common to complete, or a form whose longer word has
	 * a stem in the index (see shorterStemsAhead). False for any other word.
	 */
	open: boolean;
}

/** The ranked articles of a query. */
export interface SearchAnswer {
	/** Doc ids, best first. */
	ids: number[];
	/** Each query word searched, once, with the stems it matched; a word in no article has none. */
	terms: TermMatch[];
	/** The query's words in order, for the excerpts' marks. */
	words: QueryWord[];
	/**
	 * How many of the results have every word of the query (the first ones). Less than `ids`'s
	 * length only for a long question (LONG_QUERY_WORDS), whose results go on with articles that
	 * have fewer of its words.
	 */
	complete: number;
}

/** Postings of a stem as a map from doc id to impact. */
function decodePostings(values: readonly number[]): Map<number, number> {
	const postings = new Map<number, number>();
	let doc = 0;
	for (let i = 0; i + 1 < values.length; i += 2) {
		doc += values[i] ?? 0;
		postings.set(doc, values[i + 1] ?? 0);
	}
	return postings;
}

/** The chunks that may hold stems starting with `prefix`, or undefined beyond MAX_PREFIX_CHUNKS. */
function prefixChunks(manifest: SearchManifest, prefix: string): number[] | undefined {
	const from = Math.max(0, chunkOf(manifest, prefix));
	const to = chunkOf(manifest, `${prefix}\uffff`);
	if (to < 0) return [];
	if (to - from + 1 > MAX_PREFIX_CHUNKS) return undefined;
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * The chunk to load while the reader is still typing a query's last word: the one chunk that
 * holds every stem starting with what is typed (MIN_PREFIX letters or more), so the word, however
 * it ends, has its stem there and the search that runs once the input settles finds it loaded.
 * Undefined while those stems span more chunks than one: a chunk loaded then could be the wrong
 * one, a request for nothing.
 */
export function lastWordChunk(manifest: SearchManifest, query: string): string | undefined {
	const last = queryWords(query).at(-1);
	if (!last || last.term.length < MIN_PREFIX) return undefined;
	const chunks = prefixChunks(manifest, last.term);
	const only = chunks?.length === 1 ? chunks[0] : undefined;
	return only === undefined ? undefined : manifest.chunks[only]?.[1];
}

/** Whether the index has one of `stems` as a stem of its own (reading the chunks they are in). */
async function hasAnyStem(source: SearchSource, stems: readonly string[]): Promise<boolean> {
	for (const stem of stems) {
		const file = source.manifest.chunks[chunkOf(source.manifest, stem)]?.[1];
		if (file !== undefined && Object.hasOwn(await source.chunk(file), stem)) return true;
	}
	return false;
}

/** The words a query searches: each once, single letters dropped when it has other words. */
export function searchedTerms(words: readonly QueryWord[]): QueryWord[] {
	const seen = new Map<string, QueryWord>();
	for (const word of words) if (!seen.has(word.term)) seen.set(word.term, word);
	const all = [...seen.values()];
	const longer = all.filter((word) => word.term.length > 1);
	return longer.length > 0 && all.length > 1 ? longer : all;
}

/**
 * Runs a query. Each word matches its stem and, for the last word of a query still being typed
 * (at least MIN_PREFIX letters), every stem it starts as well, so «довер» finds «доверие» and
 * «доверительное» (when the word is a stem of its own, the stems it starts in the same chunk). An article's score is the sum of its words' `termScore`
 * (a completed word counts its best stem; stop words count only in a query of nothing else). A query of fewer than LONG_QUERY_WORDS words finds the articles
 * that have every word; a longer one (a question) also finds those with only some of its words
 * other than stop words, ranked by how many they have, then by score. Single letters are dropped
 * when the query has other words. Ties go to the lower doc id (the newer article).
 */
export async function runSearch(
	source: SearchSource,
	query: string,
	options: { typing?: boolean } = {},
): Promise<SearchAnswer> {
	const words = queryWords(query);
	const terms = searchedTerms(words);
	const { manifest } = source;
	const chunkFile = (index: number): string | undefined => manifest.chunks[index]?.[1];
	const lastTyped = options.typing ?? !/\s$/.test(query);
	const matches = await Promise.all(
		terms.map(async ({ term, stop }, position) => {
			const stem = stemOf(term);
			const scores = new Map<number, number>();
			const matched: string[] = [];
			const add = (candidate: string, values: readonly number[]): void => {
				matched.push(candidate);
				const postings = decodePostings(values);
				const weight = idf(manifest.count, postings.size);
				for (const [doc, value] of postings) {
					const score = termScore(value, weight);
					if (score > (scores.get(doc) ?? 0)) scores.set(doc, score);
				}
			};
			const file = chunkFile(chunkOf(manifest, stem));
			const chunk = file === undefined ? undefined : await source.chunk(file);
			// Own keys only: a stem such as «constructor» must not find Object's.
			const own = chunk && Object.hasOwn(chunk, stem) ? chunk[stem] : undefined;
			if (own) add(stem, own);
			// Articles with the word's own stem, before those with only a longer word it starts.
			const exact = new Set(scores.keys());
			const complete = lastTyped && position === terms.length - 1 && term.length >= MIN_PREFIX;
			// A word that is a stem of its own completes within its chunk: no request more.
			const ownChunk = own ? [chunkOf(manifest, stem)] : undefined;
			const completion = complete ? (ownChunk ?? prefixChunks(manifest, term)) : undefined;
			for (const index of completion ?? []) {
				const name = chunkFile(index);
				if (name === undefined) continue;
				for (const [candidate, values] of Object.entries(await source.chunk(name))) {
					if (candidate !== stem && candidate.startsWith(term)) add(candidate, values);
				}
			}
			const last = lastTyped && position === terms.length - 1;
			const open =
				last &&
				matched.length === 0 &&
				(!completion || (await hasAnyStem(source, shorterStemsAhead(term))));
			const match: TermMatch = { term, stems: matched.sort(), stop, open };
			return { match, scores, exact };
		}),
	);
	const termsOut = matches.map(({ match }) => match);
	const answer = (ids: number[], complete: number): SearchAnswer => ({
		ids,
		terms: termsOut,
		words,
		complete,
	});
	if (matches.length === 0) return answer([], 0);
	// A completed word lists the articles with its own stem first: a word typed further (and
	// each keystroke's query on the way) keeps the same first results while its stem does.
	const last = matches.at(-1);
	const tier = (doc: number): number =>
		last && last.match.stems.length > 1 && last.exact.has(doc) ? EXACT_TIER : 0;
	const ranked = (scored: [id: number, count: number, score: number][]): number[] =>
		scored.sort((a, b) => b[1] - a[1] || b[2] - a[2] || a[0] - b[0]).map(([id]) => id);

	// Stop words are matched but score nothing beside other words.
	const content = matches.filter(({ match }) => !match.stop);
	const counted = content.length > 0 ? content : matches;
	if (matches.length < LONG_QUERY_WORDS) {
		if (matches.some(({ scores }) => scores.size === 0)) return answer([], 0);
		const [smallest, ...others] = [...matches].sort((a, b) => a.scores.size - b.scores.size);
		const scored: [number, number, number][] = [];
		for (const doc of smallest?.scores.keys() ?? []) {
			if (others.every((other) => other.scores.has(doc))) {
				// Summed in the query's order, so every index adds the same numbers alike.
				let total = 0;
				for (const { scores } of counted) total += scores.get(doc) ?? 0;
				scored.push([doc, tier(doc), total]);
			}
		}
		const ids = ranked(scored);
		return answer(ids, ids.length);
	}

	// A question: articles with any of its words but stop words, most of them first.
	const count = new Map<number, number>();
	for (const { scores } of counted) {
		for (const doc of scores.keys()) count.set(doc, (count.get(doc) ?? 0) + 1);
	}
	const scored: [number, number, number][] = [];
	let complete = 0;
	for (const [doc, n] of count) {
		let total = 0;
		for (const { scores } of counted) total += scores.get(doc) ?? 0;
		scored.push([doc, n + tier(doc), total]);
		if (n === counted.length && matches.every(({ scores }) => scores.has(doc))) complete++;
	}
	// Articles with every word come first, stop words included; `complete` counts them.
	for (const entry of scored) {
		if (entry[1] === counted.length && !matches.every(({ scores }) => scores.has(entry[0])))
			entry[1] -= 0.5;
	}
	return answer(ranked(scored), complete);
}
