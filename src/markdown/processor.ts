import { satteri } from '@astrojs/markdown-satteri';
import { headingAnchors, russianTypography, safeLinks, stripScripts } from './plugins.ts';

/**
 * The Markdown processor of the site, shared by astro.config.ts (posts Astro renders) and
 * src/markdown/render.ts (posts rendered when their page is built), so both render alike.
 * The other Markdown options (syntax highlighting, gfm, smartypants) stay at Astro's defaults,
 * which the processor also falls back to.
 */
export const markdownProcessor = satteri({
	// Raw HTML in posts becomes real elements, so links in it get rel="noopener" too.
	features: { rawHtml: true, smartPunctuation: { quotes: false } },
	hastPlugins: [stripScripts, safeLinks, headingAnchors, russianTypography],
});
