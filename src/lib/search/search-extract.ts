import { decodeEntities } from './search.ts';
import type { SearchRecord } from './search-engine.ts';

/*
 * The text of an article page as the search indexes it: the element marked `data-search-body`
 * (the article), without the elements inside it marked `data-search-ignore` (breadcrumbs, date
 * line, table of contents, tags). The h1 is the title; h2 and h3 are headings, each followed by a
 * line break in the text (the only line breaks in it).
 *
 * A small scanner rather than an HTML parser: it reads only pages this site generated (Astro's
 * well-formed output), it is several times faster than building a DOM for every article, and it
 * keeps no tree. tests/dist/search-extract.test.ts compares it with node-html-parser on the
 * site's own pages.
 */

/** Elements that never have an end tag. */
const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);

/** Elements whose content is not text readers see. */
const RAW = new Set(['script', 'style', 'template', 'svg', 'noscript']);

/** Elements after which the text goes on as a new word (blocks and line breaks). */
const INLINE = new Set([
	'a',
	'abbr',
	'b',
	'bdi',
	'bdo',
	'cite',
	'code',
	'data',
	'del',
	'dfn',
	'em',
	'i',
	'ins',
	'kbd',
	'mark',
	'q',
	's',
	'samp',
	'small',
	'span',
	'strong',
	'sub',
	'sup',
	'time',
	'u',
	'var',
]);

/**
 * A date attribute as UTC ISO text, which sorts as time does whatever the offset written; empty
 * when missing or invalid. A new string, too: a match would be a slice that keeps the whole page
 * in memory for as long as the record lives (V8 slices long substrings).
 */
function isoDate(value: string | undefined): string {
	const time = value === undefined ? Number.NaN : Date.parse(value);
	return Number.isNaN(time) ? '' : new Date(time).toISOString();
}

/** The start tag of the indexed element. */
const BODY = /<[a-zA-Z][a-zA-Z0-9-]*\s[^>]*\bdata-search-body[\s=>]/;

const TAG = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** Marks the end of a heading in the text while it is collected. */
const HEADING_END = '\u2029';

/**
 * Collapses white space and trims; no-break spaces stay (the typography glues words with them),
 * and the end of a heading becomes a line break, so an excerpt can keep the heading apart from
 * the text after it. In NFC, as the search compares words.
 */
const squash = (text: string): string =>
	text
		.replace(/[ \t\n\r\f]+/g, ' ')
		.replace(/ ?\u2029[ \u2029]*/g, '\n')
		.trim()
		.normalize('NFC');

/**
 * The search record of an article page, or undefined when the page has no `data-search-body`.
 * `url` is the page's path.
 */
export function extractSearchRecord(html: string, url: string): SearchRecord | undefined {
	const open = BODY.exec(html)?.index;
	if (open === undefined) return undefined;
	const date = isoDate(/<time[^>]*\sdatetime="([^"]*)"/.exec(html.slice(open))?.[1]);
	const text: string[] = [];
	const headings: string[] = [];
	let title = '';
	let heading: string[] | undefined;
	let titleParts: string[] | undefined;
	let depth = 0;
	/** Depth at which an ignored element opened (text inside is skipped), or -1. */
	let ignoredAt = -1;
	/** Name of a raw-text element being skipped, or ''. */
	let raw = '';
	TAG.lastIndex = open;
	let last = open;
	for (let match = TAG.exec(html); match; match = TAG.exec(html)) {
		const between = html.slice(last, match.index);
		last = TAG.lastIndex;
		if (depth > 0 && raw === '' && ignoredAt < 0 && between !== '') {
			const value = decodeEntities(between);
			(titleParts ?? text).push(value);
			heading?.push(value);
		}
		const [whole, closing, rawName, attributes = ''] = match;
		if (rawName === undefined) continue; // a comment
		const name = rawName.toLowerCase();
		if (raw !== '') {
			if (closing && name === raw) raw = '';
			continue;
		}
		if (closing) {
			depth--;
			if (ignoredAt >= 0 && depth <= ignoredAt) ignoredAt = -1;
			if (name === 'h1' && titleParts) {
				title = squash(titleParts.join(''));
				titleParts = undefined;
			} else if ((name === 'h2' || name === 'h3') && heading) {
				headings.push(squash(heading.join('')));
				heading = undefined;
				text.push(HEADING_END);
			}
			if (!INLINE.has(name)) text.push(' ');
			if (depth === 0) break;
			continue;
		}
		if (RAW.has(name) && !whole.endsWith('/>')) {
			raw = name;
			continue;
		}
		if (VOID.has(name) || whole.endsWith('/>')) {
			if (!INLINE.has(name)) text.push(' ');
			continue;
		}
		if (ignoredAt < 0 && /\sdata-search-ignore(?:[\s=>]|$)/.test(attributes)) ignoredAt = depth;
		depth++;
		if (ignoredAt >= 0) continue;
		if (name === 'h1' && title === '') titleParts = [];
		else if (name === 'h2' || name === 'h3') heading = [];
		if (!INLINE.has(name)) text.push(' ');
	}
	return { url, title, headings, text: squash(text.join('')), date };
}
