/*
 * Russian typography for text as editors write it: straight double quotes become «ёлочки»
 * („лапки“ inside them), short words stick to the next word with a no-break space, particles
 * (ли, же, бы) to the word before them, a number stays with its thousands groups and with the
 * word or sign after it («3 500 ₽», «15 мин»), and a dash never starts a line. Code is never
 * passed here.
 */

const NBSP = '\u00a0';

/**
 * One- and two-letter words that must not hang at the end of a line. The lookbehind leaves the
 * space before the word unconsumed, so runs of short words («и в») are all glued in one pass.
 */
const SHORT_WORDS =
	/(?<=^|[\s(«„])(в|во|с|со|к|ко|и|а|о|об|у|на|не|ни|по|за|из|от|до|но|да|то|я|мы|вы|он|её|их)\s+(?=\S)/giu;

/**
 * Particles that belong to the word before them: «Работаете ли», «так же», «если бы». The word
 * must end in a letter, digit or closing quote/bracket, and the particle must end the word.
 */
const PARTICLES = /(?<=[\p{L}\p{N}»“)])\s+(ли|ль|же|ж|бы|б)(?![\p{L}\p{N}-])/giu;

/** Thousands groups of one number: «3 500», «1 250 000» (a group has exactly three digits). */
const DIGIT_GROUPS = /(?<![\p{N},.])\d{1,3}(?: \d{3})+(?![\p{N}])/gu;

/**
 * A number and what it counts or measures: «15 мин», «3 500 ₽», «40 %», «2 дня». A number
 * followed by a word is one unit in Russian typesetting (Типограф's rule «неразрывный пробел
 * после числа»); «№ 5» and «§ 3» stick the other way.
 */
const AFTER_NUMBER = /(?<=\d)\s+(?=[\p{L}₽€$%‰°])/gu;
const BEFORE_NUMBER = /(?<=[№§])\s+(?=\d)/gu;

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

/**
 * Glues short words to the next word, particles and the dash to the previous one, and numbers
 * to their thousands groups and units.
 */
export function noBreakSpaces(text: string): string {
	return text
		.replace(SHORT_WORDS, (_, word: string) => `${word}${NBSP}`)
		.replace(PARTICLES, (_, particle: string) => `${NBSP}${particle}`)
		.replace(DIGIT_GROUPS, (number) => number.replaceAll(' ', NBSP))
		.replace(AFTER_NUMBER, NBSP)
		.replace(BEFORE_NUMBER, NBSP)
		.replace(/ +— /g, `${NBSP}— `);
}

/** Applies all of the site's Russian typography to a run of text. */
export const typeset = (text: string): string => noBreakSpaces(russianQuotes(text));
