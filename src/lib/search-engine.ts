import { stemmer } from '@orama/stemmers/russian';
import { unmixScripts } from './search-query.ts';

/*
 * The blog's own full-text search: an inverted index split by word, not by article.
 *
 * The build stems every word of every article (Snowball's Russian stemmer, the one the query
 * uses), scores each (stem, article) pair once with BM25 over the whole blog, and writes the
 * postings in files ("chunks") of neighbouring stems in sorted order. A query reads the small
 * manifest (where each chunk starts), one chunk per query word and then the articles it shows.
 * Because a stem's postings are whole and scored with the blog's own statistics, the split
 * changes nothing: a query gives the same articles in the same order as one file of everything
 * (tests/lib/search-engine.test.ts compares both, and both with a brute-force scorer), and a word
 * in no article costs one chunk.
 *
 * This module is pure: src/build/search-index-build.ts reads and writes the files, and the
 * search page (src/client/search.ts) fetches them.
 */

/** Version of the files' format; the search page reads only its own. */
export const SEARCH_FORMAT = 1;

/** BM25's parameters, the usual ones. */
const K1 = 1.2;
const B = 0.75;
/** Scores are stored as integers: BM25 × this, at least 1. */
const IMPACT_SCALE = 100;
/** A word of the title counts as this many words of the text; a heading's word as HEADING. */
const TITLE_WEIGHT = 3;
const HEADING_WEIGHT = 2;

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
 * `unmixScripts`). The text must be in Unicode's NFC form, as page text and `searchTerms` are.
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
const ASCII_LETTER = /[a-z]/;
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

/** Each stem of an article with its weighted count, and the article's length in words. */
export interface DocTerms {
	counts: Map<string, number>;
	length: number;
}

/** The terms of an article: the title's words count TITLE_WEIGHT times, headings' HEADING_WEIGHT. */
export function docTerms(record: Pick<SearchRecord, 'title' | 'headings' | 'text'>): DocTerms {
	const counts = new Map<string, number>();
	let length = 0;
	const add = (text: string, weight: number): void => {
		for (const word of searchWords(text)) {
			const stem = stemOf(word);
			counts.set(stem, (counts.get(stem) ?? 0) + weight);
			length += weight;
		}
	};
	add(record.title, TITLE_WEIGHT);
	// Headings are part of the text too: they get the difference.
	for (const heading of record.headings) add(heading, HEADING_WEIGHT - 1);
	add(record.text, 1);
	return { counts, length };
}

/** BM25's inverse document frequency. */
const idf = (docs: number, df: number): number => Math.log(1 + (docs - df + 0.5) / (df + 0.5));

/** The stored score of a stem in an article: BM25 scaled to an integer, at least 1. */
export function impact(tf: number, docLength: number, avgLength: number, idfValue: number): number {
	const norm = tf + K1 * (1 - B + (B * docLength) / (avgLength || 1));
	return Math.max(1, Math.round(IMPACT_SCALE * idfValue * ((tf * (K1 + 1)) / norm)));
}

/** An article added to the builder: its terms as ids into the builder's stem table. */
interface BuilderDoc {
	key: string;
	date: string;
	stemIds: Uint32Array;
	tfs: Float32Array;
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
 * index. Memory is about 8 bytes per distinct stem of each article plus the stem table.
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
			i++;
		}
		this.docs.set(key, { key, date, stemIds, tfs, length: terms.length });
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
		const idfs = Float64Array.from(df, (d) => idf(count, d));
		docs.forEach((doc, docId) => {
			for (let i = 0; i < doc.stemIds.length; i++) {
				const stem = doc.stemIds[i] ?? 0;
				const at = fill[stem] ?? 0;
				fill[stem] = at + 1;
				postingDoc[at] = docId;
				postingImpact[at] = impact(doc.tfs[i] ?? 0, doc.length, avgLength, idfs[stem] ?? 0);
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

/** A query word and how it was matched. */
export interface TermMatch {
	term: string;
	/** The stems it matched: its own, or those it starts when it was completed. */
	stems: string[];
}

/** The ranked articles of a query. */
export interface SearchAnswer {
	/** Doc ids, best first. */
	ids: number[];
	/** Each query word with the stems it matched; a word in no article has none. */
	terms: TermMatch[];
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

/** The words of a query as the search reads them (see `searchWords`), each once. */
export function searchTerms(query: string): string[] {
	return [...new Set(searchWords(query.normalize('NFC')))];
}

/**
 * Runs a query: every word must match (its stem, or for the last word of a query still being
 * typed, any stem it starts, see MIN_PREFIX); an article's score is the sum of its words'
 * impacts (a completed word counts its best stem). Single letters are dropped when the query
 * has other words. Ties go to the lower doc id (the newer article).
 */
export async function runSearch(
	source: SearchSource,
	query: string,
	options: { typing?: boolean } = {},
): Promise<SearchAnswer> {
	const all = searchTerms(query);
	const words = all.length > 1 ? all.filter((term) => term.length > 1) : all;
	const terms = words.length > 0 ? words : all;
	const { manifest } = source;
	const chunkFile = (index: number): string | undefined => manifest.chunks[index]?.[1];
	const lastTyped = options.typing ?? !/\s$/.test(query);
	const matches = await Promise.all(
		terms.map(
			async (term, position): Promise<{ match: TermMatch; postings: Map<number, number> }> => {
				const stem = stemOf(term);
				const file = chunkFile(chunkOf(manifest, stem));
				const chunk = file === undefined ? undefined : await source.chunk(file);
				// Own keys only: a stem such as «constructor» must not find Object's.
				const own = chunk && Object.hasOwn(chunk, stem) ? chunk[stem] : undefined;
				if (own) return { match: { term, stems: [stem] }, postings: decodePostings(own) };
				const complete = lastTyped && position === terms.length - 1 && term.length >= MIN_PREFIX;
				const indexes = complete ? prefixChunks(manifest, term) : [];
				const postings = new Map<number, number>();
				const matched: string[] = [];
				for (const index of indexes ?? []) {
					const name = chunkFile(index);
					if (name === undefined) continue;
					const chunk = await source.chunk(name);
					for (const [candidate, values] of Object.entries(chunk)) {
						if (!candidate.startsWith(term)) continue;
						matched.push(candidate);
						for (const [doc, score] of decodePostings(values)) {
							if (score > (postings.get(doc) ?? 0)) postings.set(doc, score);
						}
					}
				}
				return { match: { term, stems: matched.sort() }, postings };
			},
		),
	);
	const termsOut = matches.map(({ match }) => match);
	if (matches.length === 0 || matches.some(({ postings }) => postings.size === 0))
		return { ids: [], terms: termsOut };
	const [smallest, ...others] = [...matches].sort((a, b) => a.postings.size - b.postings.size);
	const scored: [id: number, score: number][] = [];
	for (const [doc, score] of smallest?.postings ?? []) {
		let total = score;
		let everywhere = true;
		for (const other of others) {
			const value = other.postings.get(doc);
			if (value === undefined) {
				everywhere = false;
				break;
			}
			total += value;
		}
		if (everywhere) scored.push([doc, total]);
	}
	scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
	return { ids: scored.map(([id]) => id), terms: termsOut };
}

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/** Words around the first match that an excerpt shows. */
export const EXCERPT_WORDS = 24;

/**
 * The excerpt of an article for a query: about EXCERPT_WORDS words of its text around the first
 * stretch with the most matched words, each matched word marked. Words are split at white space
 * (no-break spaces kept as they are); a word matches when one of its parts has a matched stem.
 */
export function excerptOf(text: string, matched: ReadonlySet<string>): ExcerptPart[] {
	// Words and the spaces after them, as written: a no-break space stays one.
	const words: string[] = [];
	const gaps: string[] = [];
	for (const match of text.matchAll(/(\S+)(\s*)/g)) {
		words.push(match[1] ?? '');
		gaps.push(match[2] || ' ');
	}
	// A cheap test first: only a word containing the start of a matched stem is stemmed.
	const starts = [...matched].map((stem) => stem.slice(0, 2));
	const hits = words.map((word) => {
		const lower = word.toLowerCase().replace(/ё/g, 'е');
		if (!starts.some((start) => lower.includes(start)) && !ASCII_LETTER.test(lower)) return false;
		return searchWords(word).some((part) => matched.has(stemOf(part)));
	});
	// The window of EXCERPT_WORDS words with the most hits, the earliest of equals.
	let best = 0;
	let bestHits = -1;
	let inWindow = 0;
	for (let i = 0; i < words.length; i++) {
		if (hits[i]) inWindow++;
		if (i >= EXCERPT_WORDS && hits[i - EXCERPT_WORDS]) inWindow--;
		const begin = Math.max(0, i - EXCERPT_WORDS + 1);
		if (inWindow > bestHits) {
			bestHits = inWindow;
			best = begin;
		}
	}
	// Start a few words before the first hit in the window, so it reads in context.
	const firstHit = hits.indexOf(true, best);
	const from = firstHit < 0 ? 0 : Math.max(0, Math.min(firstHit - 4, words.length - EXCERPT_WORDS));
	const to = Math.min(words.length, from + EXCERPT_WORDS);
	const parts: ExcerptPart[] = [];
	const push = (value: string, mark: boolean): void => {
		const last = parts.at(-1);
		if (last && last.mark === mark) last.text += value;
		else parts.push({ text: value, mark });
	};
	if (from > 0) push('…', false);
	for (let i = from; i < to; i++) {
		if (i > from) push(gaps[i - 1] ?? ' ', false);
		push(words[i] ?? '', hits[i] ?? false);
	}
	if (to < words.length) push('…', false);
	return parts;
}
