/**
 * Cyrillic → Latin transliteration used for every URL on the site (posts and tags).
 * The table reproduces the slugs the blog already has: х→h, й→y, ы→y, я→ya, ж→zh, ч→ch,
 * ь and ъ dropped.
 */
const TRANSLIT: Readonly<Record<string, string>> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'e',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'h',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'shch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya',
};

/** Shape every slug on the site has: lowercase ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Transliterates Russian text to Latin letters, leaving other characters as they are. */
export function transliterate(text: string): string {
	let out = '';
	for (const char of text.toLowerCase()) out += TRANSLIT[char] ?? char;
	return out;
}

/** Turns a title or keyword into a URL slug: «Чат-поддержка» → `chat-podderzhka`. */
export function slugify(text: string): string {
	return transliterate(text)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Whether a string is a well-formed slug. */
export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value);
