/*
 * Helpers for reading a post's Markdown outside Astro's content layer, with the same rules Astro
 * uses: the body is what follows the frontmatter block, trimmed.
 */

/** A leading YAML (---) or TOML (+++) frontmatter block, as Astro recognises it. */
const FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)([\s\S]*?\n)\1/;

/**
 * A Markdown image, `![alt](url)` or `![alt](url "title")`: group 1 the alt text, group 2 the URL.
 * The alt text is on one line, as CommonMark reads it in a paragraph.
 */
export const MARKDOWN_IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^()\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** The Markdown body of a post file: everything after the frontmatter, trimmed. */
export function markdownBody(source: string): string {
	const match = FRONTMATTER.exec(source);
	if (!match) return source.trim();
	const [, delimiter, raw] = match;
	return source.replace(`${delimiter}${raw}${delimiter}`, '').trim();
}

/**
 * Whether a body refers to a local image (`![](./x.jpg)` or `<img src="x.jpg">`). Such posts are
 * rendered by Astro's content layer, which resolves local images through its asset pipeline
 * (root-relative paths are files in public/ and need nothing);
 * every other post is rendered when its page is built.
 */
export function hasLocalImage(body: string): boolean {
	const external = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;
	for (const match of body.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g)) {
		if (!external.test(match[1] ?? '')) return true;
	}
	for (const match of body.matchAll(/<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi)) {
		if (!external.test(match[1] ?? '')) return true;
	}
	return false;
}
