import { FOOTNOTES_LABEL_ID } from './footnotes.ts';

/** A heading as Astro's renderer reports it. */
export interface Heading {
	depth: number;
	slug: string;
	text: string;
}

/** An entry of the table of contents: an h2 with its h3s. */
export interface TocItem extends Heading {
	children: Heading[];
}

/** Posts with at least this many sections get a table of contents. */
export const TOC_MIN_SECTIONS = 3;

/** The sections of an article: h2 headings, each with its h3 subsections (footnotes left out). */
export function buildToc(headings: readonly Heading[]): TocItem[] {
	const items: TocItem[] = [];
	for (const heading of headings) {
		// The footnotes' heading is not a section of the article.
		if (heading.slug === FOOTNOTES_LABEL_ID) continue;
		if (heading.depth === 2) items.push({ ...heading, children: [] });
		else if (heading.depth === 3) items.at(-1)?.children.push(heading);
	}
	return items;
}

/** Whether the article is long enough to need a table of contents. */
export const needsToc = (toc: readonly TocItem[]): boolean => toc.length >= TOC_MIN_SECTIONS;
