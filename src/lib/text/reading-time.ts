import { NBSP, pluralize } from './plural.ts';

/** Average silent reading speed for Russian non-fiction prose, words per minute. */
export const WORDS_PER_MINUTE = 180;

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** Counts words in text or Markdown (markup characters are not words). */
export function countWords(text: string): number {
	let count = 0;
	for (const _ of text.matchAll(WORD)) count++;
	return count;
}

/** Whole minutes needed to read `words` words, at least one. */
export const readingMinutes = (words: number): number =>
	Math.max(1, Math.round(words / WORDS_PER_MINUTE));

/** «7 минут чтения». */
export function formatReadingTime(words: number): string {
	const minutes = readingMinutes(words);
	return `${minutes}${NBSP}${pluralize(minutes, ['минута', 'минуты', 'минут'])} чтения`;
}
