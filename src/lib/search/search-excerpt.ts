import { searchWords, stemOf, type SearchAnswer } from './search-engine.ts';

/*
 * What a search result shows of an article: an excerpt of its text around the query's words, and
 * its title, each with the query's words marked. A word is marked when its stem is one the query
 * word matched (so «ключей» for «ключ», never «ключевой» for a finished «ключ»), only its letters
 * (not the punctuation around it), a hyphenated query word («чек-лист») only as the whole
 * hyphenated word, and a stop word («под») only inside a phrase of the query as it is written
 * in the text («ремонт под ключ»). Headings stay apart from the text after them (see
 * `extractSearchRecord`, which ends each with a line break): « — » between them in the excerpt.
 */

/** A run of excerpt text, highlighted when it matched the query. */
export interface ExcerptPart {
	text: string;
	mark: boolean;
}

/** Words around the first match that an excerpt shows. */
export const EXCERPT_WORDS = 24;

/** A word of the query as the marks read it: the stems it matched, and whether it is a stop word. */
interface MarkWord {
	stems: ReadonlySet<string>;
	stop: boolean;
}

/** What marking needs of a query: its runs of non-space characters in order, each a list of words. */
export interface Marks {
	tokens: MarkWord[][];
	/** The first two letters of every stem: a text word starting otherwise is never stemmed. */
	starts: string[];
}

/** The marks of a query's answer. */
export function marksOf(answer: Pick<SearchAnswer, 'terms' | 'words'>): Marks {
	const stemsOf = new Map(answer.terms.map((term) => [term.term, term.stems]));
	const tokens: MarkWord[][] = [];
	for (const word of answer.words) {
		// A word the query did not search (a single letter beside other words) matches itself.
		const stems = new Set(stemsOf.get(word.term) ?? [stemOf(word.term)]);
		(tokens[word.token] ??= []).push({ stems, stop: word.stop });
	}
	const list = tokens.filter((token) => token.length > 0);
	const starts = new Set(
		list.flatMap((token) => token.flatMap((word) => [...word.stems].map((s) => s.slice(0, 2)))),
	);
	return { tokens: list, starts: [...starts] };
}

/** A word of the text: where it is, and its parts (split at hyphens) with their stems. */
interface TextWord {
	start: number;
	end: number;
	parts: { start: number; end: number; stem: string | undefined }[];
}

const WORD = /[\p{L}\p{N}]+(?:[-‐‑'’][\p{L}\p{N}]+)*/gu;
const PART = /[\p{L}\p{N}]+/gu;

function textWords(text: string, starts: readonly string[]): TextWord[] {
	const words: TextWord[] = [];
	for (const match of text.matchAll(WORD)) {
		const start = match.index;
		const parts = [...match[0].matchAll(PART)].map((part) => {
			const normal = searchWords(part[0])[0] ?? '';
			// A stem is the start of its word: a word not starting like any stem matches none.
			const stem = starts.some((prefix) => normal.startsWith(prefix)) ? stemOf(normal) : undefined;
			return { start: start + part.index, end: start + part.index + part[0].length, stem };
		});
		words.push({ start, end: start + match[0].length, parts });
	}
	return words;
}

/** Whether a text word is the query token: as many parts, each with a stem of its word. */
const isToken = (token: readonly MarkWord[], word: TextWord): boolean =>
	token.length === word.parts.length &&
	token.every((mark, i) => {
		const stem = word.parts[i]?.stem;
		return stem !== undefined && mark.stems.has(stem);
	});

/** The ranges of `text` to mark for the query, in order, not overlapping. */
export function markRanges(text: string, marks: Marks): [start: number, end: number][] {
	const { tokens } = marks;
	if (tokens.length === 0) return [];
	const words = textWords(text, marks.starts);
	const ranges: [number, number][] = [];
	const joined = (a: TextWord, b: TextWord): boolean =>
		/^[^\S\n]+$/.test(text.slice(a.end, b.start));
	for (let i = 0; i < words.length; i++) {
		const word = words[i];
		if (!word) continue;
		// The longest phrase of the query that starts here.
		let phrase = 0;
		let phraseHasContent = false;
		tokens.forEach((token, t) => {
			if (!isToken(token, word)) return;
			let length = 1;
			let content = token.some((w) => !w.stop);
			for (;;) {
				const next = words[i + length];
				const nextToken = tokens[t + length];
				const previous = words[i + length - 1];
				if (!next || !nextToken || !previous || !joined(previous, next)) break;
				if (!isToken(nextToken, next)) break;
				content ||= nextToken.some((w) => !w.stop);
				length++;
			}
			if (length > phrase || (length === phrase && content && !phraseHasContent)) {
				phrase = length;
				phraseHasContent = content;
			}
		});
		if (phrase >= 2 && phraseHasContent) {
			ranges.push([word.start, words[i + phrase - 1]?.end ?? word.end]);
			i += phrase - 1;
			continue;
		}
		if (phrase === 1 && phraseHasContent) {
			ranges.push([word.start, word.end]);
			continue;
		}
		// A part of a hyphenated word matching a word of the query on its own («сервис» in
		// «консьерж-сервиса»); stop words and parts of hyphenated query words never do.
		if (word.parts.length < 2) continue;
		for (const part of word.parts) {
			const stem = part.stem;
			if (
				stem !== undefined &&
				tokens.some((token) => token.length === 1 && !token[0]?.stop && token[0]?.stems.has(stem))
			)
				ranges.push([part.start, part.end]);
		}
	}
	return ranges;
}

/** `text` from `from` to `to` as parts, marked where the ranges say, headings set apart. */
function partsOf(
	text: string,
	from: number,
	to: number,
	ranges: readonly [number, number][],
): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	const push = (value: string, mark: boolean): void => {
		if (value === '') return;
		const last = parts.at(-1);
		if (last && last.mark === mark) last.text += value;
		else parts.push({ text: value, mark });
	};
	// A line break ends a heading: « — » after it, unless it ends with a stop of its own.
	const plain = (start: number, end: number): void =>
		push(
			text
				.slice(start, end)
				.replace(/[^\S\n]*\n\s*/g, (_, offset: number) =>
					/[.!?…:;]/.test(text[start + offset - 1] ?? '.') ? ' ' : ' — ',
				),
			false,
		);
	let at = from;
	for (const [start, end] of ranges) {
		if (end <= from || start >= to) continue;
		plain(at, Math.max(at, start));
		push(text.slice(Math.max(start, from), Math.min(end, to)), true);
		at = Math.min(end, to);
	}
	plain(at, to);
	return parts;
}

/** The whole of a short text (a title) with the query's words marked. */
export const highlightOf = (text: string, marks: Marks): ExcerptPart[] =>
	partsOf(text, 0, text.length, markRanges(text, marks));

/**
 * The excerpt of an article for a query: about EXCERPT_WORDS words of its text (split at white
 * space, no-break spaces kept) around the first stretch with the most marked words, with an
 * ellipsis where the text goes on; the start of the text when nothing in it is marked.
 */
export function excerptOf(text: string, marks: Marks): ExcerptPart[] {
	const ranges = markRanges(text, marks);
	const words = [...text.matchAll(/\S+/g)].map((match) => ({
		start: match.index,
		end: match.index + match[0].length,
	}));
	let r = 0;
	const hits = words.map(({ start, end }) => {
		while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= start) r++;
		const range = ranges[r];
		return range !== undefined && range[0] < end;
	});
	// The window of EXCERPT_WORDS words with the most hits, the earliest of equals.
	let best = 0;
	let bestHits = -1;
	let inWindow = 0;
	for (let i = 0; i < words.length; i++) {
		if (hits[i]) inWindow++;
		if (i >= EXCERPT_WORDS && hits[i - EXCERPT_WORDS]) inWindow--;
		if (inWindow > bestHits) {
			bestHits = inWindow;
			best = Math.max(0, i - EXCERPT_WORDS + 1);
		}
	}
	// Start a few words before the first hit in the window, so it reads in context.
	const firstHit = hits.indexOf(true, best);
	const from = firstHit < 0 ? 0 : Math.max(0, Math.min(firstHit - 4, words.length - EXCERPT_WORDS));
	const to = Math.min(words.length, from + EXCERPT_WORDS);
	if (to <= from) return [];
	const parts = partsOf(text, words[from]?.start ?? 0, words[to - 1]?.end ?? 0, ranges);
	const first = parts[0];
	const last = parts.at(-1);
	if (from > 0) {
		if (first && !first.mark) first.text = `…${first.text}`;
		else parts.unshift({ text: '…', mark: false });
	}
	if (to < words.length) {
		if (last && !last.mark) last.text += '…';
		else parts.push({ text: '…', mark: false });
	}
	return parts;
}
