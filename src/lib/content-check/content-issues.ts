import type { z } from 'zod';

/**
 * Characters that look like nothing or like an ordinary space: no-break and other spaces,
 * zero-width characters, direction marks, the byte-order mark, soft hyphen, tabs and controls.
 */
const INVISIBLE = new RegExp(
	[
		String.raw`[\u0000-\u001f\u007f-\u00a0\u00ad\u061c\u180e`,
		String.raw`\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]`,
	].join(''),
	'gu',
);

/** What editors are told each common invisible character is. */
const INVISIBLE_NAMES: Readonly<Record<string, string>> = {
	'\u00a0': 'неразрывный пробел',
	'\u200b': 'пробел нулевой ширины',
	'\u200c': 'невидимый разделитель',
	'\u200d': 'невидимый соединитель',
	'\u2060': 'невидимый соединитель слов',
	'\ufeff': 'невидимый знак BOM',
	'\u00ad': 'мягкий перенос',
	'\u202f': 'узкий неразрывный пробел',
	'\t': 'табуляция',
};

/** A character's code as editors can search for it: `U+200B`. */
const codeOf = (char: string): string =>
	`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A name or text with its invisible characters shown: «pubDate⟨U+200B⟩». */
export const showInvisible = (text: string): string =>
	text.replace(INVISIBLE, (char) => `⟨${codeOf(char)}⟩`);

/** The invisible characters in a text, each once, named: «⟨U+200B⟩ (пробел нулевой ширины)». */
export function describeInvisible(text: string): string[] {
	const found = [...new Set(text.match(INVISIBLE) ?? [])];
	return found.map((char) => {
		const name = INVISIBLE_NAMES[char];
		return `⟨${codeOf(char)}⟩${name ? ` (${name})` : ''}`;
	});
}

/** A text without its invisible characters. */
export const withoutInvisible = (text: string): string => text.replace(INVISIBLE, '');

/**
 * Dotted field path as editors see it: `schema.aggregateRating.ratingValue`, `related[2]`;
 * invisible characters in a key are shown (`pubDate⟨U+200B⟩`).
 */
export function fieldPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>((out, key) => {
		if (typeof key === 'number') return `${out}[${key}]`;
		const name = showInvisible(String(key));
		return out ? `${out}.${name}` : name;
	}, '');
}

/** One line per schema problem: «file: поле «title»: ожидается …». */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
	return issues.map((issue) => {
		const field = fieldPath(issue.path);
		return field ? `${file}: поле «${field}»: ${issue.message}` : `${file}: ${issue.message}`;
	});
}
