import { SITE } from '../../site.ts';

/**
 * Paths of the site's pages other than articles, tag pages and listing pages: the routes of
 * src/pages without parameters (tests/lib/site/urls.test.ts keeps the list in step with them).
 */
export const FIXED_PAGE_PATHS: readonly string[] = ['/', '/search/', '/tags/', '/admin/'];

/** Path of an article page. The only place that knows the `/blog/` prefix. */
export const postPath = (slug: string): string => `/blog/${slug}/`;

/**
 * Path of page `page` of a paginated list whose first page is at `base`: the first page is the
 * base itself, later pages `<base>page/<n>/`. The listing and every tag page share this pattern.
 */
export const paginatedPath = (base: string, page: number): string =>
	page > 1 ? `${base}page/${page}/` : base;

/** Path of a tag page (page 1 when `page` is omitted). */
export const tagPath = (tagSlug: string, page = 1): string =>
	paginatedPath(`/tags/${tagSlug}/`, page);

/** Path of a page of the main listing. */
export const listingPath = (page: number): string => paginatedPath('/', page);

/** Turns a site path (or an absolute URL) into an absolute https URL on the production origin. */
export function absoluteUrl(pathOrUrl: string, base: string = SITE.url): string {
	return new URL(pathOrUrl, `${base}/`).href;
}

/** Pattern of an internal article link, `/blog/<slug>/` with or without the origin. */
const POST_LINK = /^(?:https?:\/\/[^/]+)?\/blog\/([^/?#]+)\/?(?:[?#].*)?$/;

/** Extracts the slug from an article URL or path, or `undefined` if it is not one. */
export function slugFromPostUrl(url: string): string | undefined {
	const match = POST_LINK.exec(url.trim());
	return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}
