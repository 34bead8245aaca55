/*
 * Decisions the Markdown pipeline (src/markdown/plugins.ts) makes about a post's markup, kept
 * here as plain functions so they are tested without rendering anything.
 */

/** Title of the related-posts block the article layout renders from `related`. */
export const RELATED_TITLE = 'Читайте также';

/** Whether a heading's text is «Читайте также» (with or without a colon, any case). */
export const isRelatedTitle = (text: string): boolean =>
	/^\s*читайте\s+также\s*:?\s*$/iu.test(text.replace(/\u00a0/g, ' '));

/** Horizontal alignments a table cell may have; each has a class in global.css. */
const ALIGNMENTS = new Set(['left', 'right', 'center', 'start', 'end', 'justify']);

/**
 * The class that replaces a cell's `style="text-align: …"`: GFM writes column alignment
 * (`---:`) as an inline style, which the site's Content-Security-Policy (style-src 'self')
 * blocks, so the alignment becomes a class (`align-right`). Undefined for any other style.
 */
export function alignClass(style: string): string | undefined {
	const value = /(?:^|;)\s*text-align\s*:\s*([a-z]+)\s*(?:;|$)/i.exec(style)?.[1]?.toLowerCase();
	return value && ALIGNMENTS.has(value) ? `align-${value}` : undefined;
}

/** Name of a table's scroll region when neither a caption nor a heading names it. */
export const TABLE_FALLBACK_LABEL = 'Таблица';

/** Accessible name of a table's scroll region: its caption, else the heading before it. */
export function tableLabel(caption?: string, heading?: string): string {
	const clean = (text?: string): string => (text ?? '').replace(/\s+/g, ' ').trim();
	return clean(caption) || clean(heading) || TABLE_FALLBACK_LABEL;
}

/** A URL as a reader would write it: no scheme, no `www.`, no trailing slash. */
const bareUrl = (url: string): string =>
	url
		.trim()
		.replace(/^[a-z][a-z0-9+.-]*:(?:\/\/)?/i, '')
		.replace(/^www\./i, '')
		.replace(/\/+$/, '')
		.toLowerCase();

/**
 * Whether a printed page should show an external link's URL after its text: yes, unless the
 * text already is that URL (a bare link such as <https://example.com>).
 */
export const printsUrl = (href: string, text: string): boolean => bareUrl(href) !== bareUrl(text);

/** Class of an external link whose URL print shows after the text (see global.css). */
export const PRINT_URL_CLASS = 'print-url';

/** Class of the focusable scroll region around every table. */
export const TABLE_REGION_CLASS = 'table-scroll';
