import type { SectionContent } from '../lib/search/section-text.ts';

/*
 * What rendering a Markdown post gives: shared by the renderer (render.ts), the workers' meeting
 * point (shared-renderer.ts) and the pool, so none of them imports another for its types.
 */

/** A heading of a rendered post, as Astro reports it. */
export interface RenderedHeading {
	depth: number;
	slug: string;
	text: string;
}

/** HTML and headings of a post rendered from its file. */
export interface RenderedMarkdown {
	html: string;
	headings: RenderedHeading[];
	/**
	 * What the HTML's sections show (extractSections() for the page's URL), when the post was
	 * rendered ahead for a page; the page works it out from the HTML otherwise.
	 */
	sections?: Map<string, SectionContent>;
}
