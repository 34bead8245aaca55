import type { AstroIntegration } from 'astro';

/*
 * @astrojs/sitemap sorts its URLs with `a.localeCompare(b, 'en', { numeric: true })`, and V8
 * builds an ICU collator for every such call: ~20,000 comparisons and 0.1-0.15 s for the
 * 1,900 pages of a 1,000-post site, in every build. V8's sort compares sorted input only n - 1
 * times, so the pages are handed to it in that order already, sorted with one collator.
 */

/** The order @astrojs/sitemap sorts URLs in, with a collator made once. */
const collator = new Intl.Collator('en', { numeric: true });

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;
type Page = Parameters<BuildDone>[0]['pages'][number];

/** The pages in the order of their sitemap URLs (site + pathname, so the pathname decides). */
export function inSitemapOrder<P extends Page>(pages: readonly P[]): P[] {
	return [...pages].sort((a, b) => collator.compare(a.pathname, b.pathname));
}

/** The sitemap integration, given its pages already in sitemap order. */
export function withPagesInSitemapOrder(integration: AstroIntegration): AstroIntegration {
	const done = integration.hooks['astro:build:done'];
	if (!done) return integration;
	return {
		...integration,
		hooks: {
			...integration.hooks,
			'astro:build:done': (params) => done({ ...params, pages: inSitemapOrder(params.pages) }),
		},
	};
}
