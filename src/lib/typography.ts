/*
 * Russian typography for text as editors write it: straight double quotes become «ёлочки»
 * („лапки“ inside them), short words stick to the next word with a no-break space, and a dash
 * never starts a line. Code is never passed here.
 */

const NBSP = '\u00a0';

/**
 * One- and two-letter words that must not hang at the end of a line. The lookbehind leaves the
 * space before the word unconsumed, so runs of short words («и в») are all glued in one pass.
 */
const SHORT_WORDS =
	/(?<=^|[\s(«„])(в|во|с|со|к|ко|и|а|о|об|у|на|не|ни|по|за|из|от|до|но|да|же|ли|то|я|мы|вы|он|её|их)\s+(?=\S)/giu;

/** Converts straight double quotes to «» (and „“ when nested). */
export function russianQuotes(text: string): string {
	let depth = 0;
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char !== '"') {
			out += char;
			continue;
		}
		const before = i === 0 ? '' : (text[i - 1] ?? '');
		const opening = before === '' || /[\s(«„\-—[]/u.test(before);
		if (opening) {
			out += depth === 0 ? '«' : '„';
			depth++;
		} else {
			depth = Math.max(0, depth - 1);
			out += depth === 0 ? '»' : '“';
		}
	}
	return out;
}

/** Glues short words to the next word and the dash to the previous one. */
export function noBreakSpaces(text: string): string {
	return text
		.replace(SHORT_WORDS, (_, word: string) => `${word}${NBSP}`)
		.replace(/ +— /g, `${NBSP}— `);
}

/** Applies all of the site's Russian typography to a run of text. */
export const typeset = (text: string): string => noBreakSpaces(russianQuotes(text));
