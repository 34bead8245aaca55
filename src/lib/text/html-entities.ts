/*
 * HTML character references in text editors paste from web pages: an image URL copied from a
 * page's source carries `&amp;` where the address has `&`.
 */

/** The named references that turn up in pasted URLs and text. */
const NAMED: Readonly<Record<string, string>> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
};

/** Decodes numeric (`&#38;`, `&#x26;`) and common named (`&amp;`) references; others stay. */
export function decodeHtmlEntities(text: string): string {
	if (!text.includes('&')) return text;
	return text.replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (whole, dec, hex, name) => {
		if (typeof name === 'string') return NAMED[name.toLowerCase()] ?? whole;
		const point = dec === undefined ? parseInt(String(hex), 16) : Number(dec);
		return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
	});
}
