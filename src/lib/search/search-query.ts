import { distance } from 'fastest-levenshtein';

/*
 * How the search reads words (lower case, «ё» as «е», Latin look-alikes in Cyrillic words and the
 * other way round) and what it suggests for a word no article has. The index and the query
 * (src/lib/search/search-engine.ts) use the same rules.
 */

/** Latin letters that look like Cyrillic ones (after lower-casing), and back. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
	a: 'а',
	b: 'в',
	c: 'с',
	e: 'е',
	h: 'н',
	k: 'к',
	m: 'м',
	o: 'о',
	p: 'р',
	t: 'т',
	x: 'х',
	y: 'у',
};
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = Object.fromEntries(
	Object.entries(LATIN_TO_CYRILLIC).map(([latin, cyrillic]) => [cyrillic, latin]),
);

const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * One word in one script: a Latin look-alike in a mostly Cyrillic word («довeрие» with a Latin e)
 * becomes Cyrillic, and the other way round («nеtlify» with a Cyrillic е). A tie goes to Cyrillic.
 */
export function unmixScripts(word: string): string {
	const cyrillic = word.match(CYRILLIC)?.length ?? 0;
	const latin = word.match(LATIN)?.length ?? 0;
	if (cyrillic === 0 || latin === 0) return word;
	const table = cyrillic >= latin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN;
	return [...word].map((char) => table[char] ?? char).join('');
}

/**
 * Text as the search compares it: lower case, «ё» as «е», runs of spaces as one, each word in one
 * script. Query words and page words both go through it.
 */
export const normalizeSearchText = (text: string): string =>
	text
		.normalize('NFC')
		.toLowerCase()
		.replace(/ё/g, 'е')
		.split(/\s+/)
		.filter(Boolean)
		.map(unmixScripts)
		.join(' ');

/**
 * Typing errors allowed between a query word and a suggested word: more for longer words. Two
 * only from nine letters: in a shorter word two changes make another word of its own more often
 * than they fix a typo («приехать» is not a misspelt «приезжать»).
 */
export const allowedEdits = (term: string): number =>
	term.length < 4 ? 0 : term.length < 9 ? 1 : 2;

/**
 * The known word nearest to a query word (edit distance, within `allowedEdits`), or undefined.
 * `words` come most useful first; of equally near words the first wins. A known word has none.
 */
export function nearestWord(term: string, words: readonly string[]): string | undefined {
	const wanted = normalizeSearchText(term);
	if (words.includes(wanted)) return undefined;
	let best: string | undefined;
	let bestDistance = allowedEdits(wanted) + 1;
	for (const word of words) {
		if (Math.abs(word.length - wanted.length) >= bestDistance) continue;
		const d = distance(wanted, normalizeSearchText(word));
		if (d > 0 && d < bestDistance) {
			best = word;
			bestDistance = d;
		}
	}
	return best;
}

/**
 * A query with each unmatched word replaced by its nearest known word, or undefined when no
 * word has a suggestion. `unmatched` are query terms (see `queryTerms`).
 */
export function suggestQuery(
	terms: readonly string[],
	unmatched: ReadonlySet<string>,
	words: readonly string[],
): string | undefined {
	let changed = false;
	const suggested = terms.map((term) => {
		if (!unmatched.has(term)) return term;
		const near = nearestWord(term, words);
		if (near === undefined) return term;
		changed = true;
		return near;
	});
	return changed ? suggested.join(' ') : undefined;
}

/** Longest word kept in the suggestion list, and the shortest. */
const WORD_LENGTH = { min: 4, max: 24 } as const;

/**
 * The words to suggest from: the words of post titles, headlines and keywords, normalised, most
 * frequent first (ties in alphabetical order), at most `limit` of them, so the list stays small
 * however large the blog is.
 */
export function suggestionWords(texts: Iterable<string>, limit: number): string[] {
	const counts = new Map<string, number>();
	for (const text of texts) {
		for (const raw of normalizeSearchText(text).split(' ')) {
			for (const word of raw.split(/[^\p{L}]+/u)) {
				if (word.length < WORD_LENGTH.min || word.length > WORD_LENGTH.max) continue;
				counts.set(word, (counts.get(word) ?? 0) + 1);
			}
		}
	}
	return [...counts]
		.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
		.slice(0, limit)
		.map(([word]) => word);
}
