/**
 * Serialises JSON-LD for a <script type="application/ld+json"> element. `<`, `>` and `&` are
 * escaped as \u003c, \u003e and \u0026 (still the same JSON strings), and U+2028/U+2029 too, so no
 * text from frontmatter can close the script element or open an HTML comment.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
}
