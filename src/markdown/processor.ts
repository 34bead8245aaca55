import { satteri } from '@astrojs/markdown-satteri';
import { FOOTNOTES_LABEL, footnoteBackContent, footnoteBackLabel } from '../lib/text/footnotes.ts';
import {
	headingAnchors,
	legacyBodyParts,
	responsiveImages,
	russianTypography,
	safeLinks,
	stripBlockedMarkup,
	tableRegions,
} from './plugins.ts';

/**
 * The Markdown processor of the site, shared by astro.config.ts (posts Astro renders) and
 * src/markdown/render.ts (posts rendered when their page is built), so both render alike.
 * The other Markdown options (gfm, smartypants) stay at Astro's defaults, which the processor
 * also falls back to; syntax highlighting is set by SYNTAX_HIGHLIGHT, passed to both.
 */
export const markdownProcessor = satteri({
	// Raw HTML in posts becomes real elements, so links in it get rel="noopener" too.
	features: {
		rawHtml: true,
		smartPunctuation: { quotes: false },
		// Footnotes speak Russian: the section's heading and each link back to the text.
		gfm: {
			footnotes: {
				label: FOOTNOTES_LABEL,
				backLabel: footnoteBackLabel,
				backContent: footnoteBackContent,
			},
		},
	},
	// Order matters: the table regions take their names from headings before they get anchors.
	hastPlugins: [
		stripBlockedMarkup,
		safeLinks,
		legacyBodyParts,
		tableRegions,
		responsiveImages,
		headingAnchors,
		russianTypography,
	],
});

/**
 * Code blocks stay plain `<pre><code class="language-…">`, escaped by the processor and styled
 * by the site's stylesheet. Astro's default highlighter, Shiki, colours code with `style`
 * attributes, which the site's Content-Security-Policy (style-src 'self') blocks, so every
 * highlighted line was a CSP violation; Prism, the other choice, inserts the code of a language
 * it does not know as raw HTML. A concierge blog shows little code, and plain is enough for it.
 */
export const SYNTAX_HIGHLIGHT = false;
