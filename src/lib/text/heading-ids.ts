import { FOOTNOTES_LABEL_ID } from './footnotes.ts';
import { slugify } from '../content/slug.ts';
import { typeset } from './typography.ts';

/** Id of a heading whose text has no letters or digits (e.g. only an emoji). */
export const FALLBACK_HEADING_ID = 'razdel';

/**
 * Ids the page around an article already uses (BaseLayout's `content`, the table of contents,
 * related posts, share links, the footnotes' heading): a heading never gets one of them.
 */
export const PAGE_IDS: readonly string[] = [
	'content',
	'toc-title',
	'related-title',
	'share-title',
	FOOTNOTES_LABEL_ID,
];

/** Hands out heading ids for one document: Latin slugs of the text, unique within it. */
export interface HeadingIds {
	/** The id for a heading: its own `existing` id when it has one, else a slug of `text`. */
	next(text: string, existing?: string): string;
}

/**
 * Creates the id allocator for one document. Ids are transliterated like post URLs
 * (`#5-stolpov-doveriya`), so a shared link to a section stays readable instead of turning into
 * percent-encoded Cyrillic. A repeated heading gets `-1`, `-2`… as GitHub does.
 */
export function createHeadingIds(reserved: readonly string[] = PAGE_IDS): HeadingIds {
	const used = new Set<string>(reserved);
	return {
		next(text, existing) {
			if (existing && !used.has(existing)) {
				used.add(existing);
				return existing;
			}
			const base = existing || slugify(text) || FALLBACK_HEADING_ID;
			let id = base;
			for (let n = 1; used.has(id); n++) id = `${base}-${n}`;
			used.add(id);
			return id;
		},
	};
}

/** Accessible name of a heading's anchor link: «Ссылка на раздел «…»». */
export const anchorLabel = (headingText: string): string =>
	`Ссылка на раздел «${typeset(headingText.replace(/\s+/g, ' ').trim())}»`;
