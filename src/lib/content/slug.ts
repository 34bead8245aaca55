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
	// «№» would decompose to «No», and the capital N was then dropped (`№1` → `o1`).
	'№': 'n',
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
		.toLowerCase()
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Longest slug a post gets from its title: file names and URLs stay readable (and far from 255 bytes). */
export const MAX_SLUG_LENGTH = 80;

/**
 * Cuts a slug to at most `max` characters at a word boundary (a hyphen), so it never ends in the
 * middle of a word; a single word longer than `max` is cut at `max`.
 */
export function truncateSlug(slug: string, max: number = MAX_SLUG_LENGTH): string {
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max + 1);
	const boundary = cut.lastIndexOf('-');
	return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, max)).replace(/-+$/, '');
}

/** The slug of a post title: slugify() cut at a word boundary near MAX_SLUG_LENGTH. */
export const titleSlug = (title: string): string => truncateSlug(slugify(title));

/** Whether a string is a well-formed slug. */
export const isSlug = (value: string): boolean => SLUG_PATTERN.test(value);
