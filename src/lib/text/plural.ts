import { SITE } from '../../site.ts';

const rules = new Intl.PluralRules(SITE.locale);

/** Russian word forms for one, few and many: ['минута', 'минуты', 'минут']. */
export type WordForms = readonly [one: string, few: string, many: string];

/** Picks the Russian plural form for `n` with the CLDR rules (1 минута, 2 минуты, 5 минут). */
export function pluralize(n: number, [one, few, many]: WordForms): string {
	switch (rules.select(n)) {
		case 'one':
			return one;
		case 'few':
			return few;
		case 'many':
			return many;
		default:
			// Fractions fall into 'other', which Russian writes like 'few' (1,5 минуты).
			return few;
	}
}

/** No-break space: a number never wraps away from its word. */
export const NBSP = '\u00a0';

const numbers = new Intl.NumberFormat(SITE.locale);

/** Formats a number with its word: «666 отзывов» (with a no-break space). */
export const countWithWord = (n: number, forms: WordForms): string =>
	`${numbers.format(n)}${NBSP}${pluralize(n, forms)}`;
