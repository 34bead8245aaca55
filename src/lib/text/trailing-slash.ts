/*
 * The site's URL shape (astro.config: trailingSlash 'always', build.format 'directory'): a page
 * is `/path/`, served from `path/index.html`; any other file keeps its name and extension.
 */

/** Whether the last segment of a path names a file (`/rss.xml`, `/_astro/a.css`). */
export const hasFileExtension = (path: string): boolean =>
	/\.[a-z0-9]+$/i.test(path.split('/').pop() ?? '');

/** Whether a URL path has the canonical shape: a page ending in `/`, or a file with an extension. */
export const isCanonicalPath = (path: string): boolean =>
	path.endsWith('/') || hasFileExtension(path);

/** The URL path a built file answers at: `blog/x/index.html` → `/blog/x/`, `404.html` → `/404.html`. */
export const urlPathOfFile = (file: string): string =>
	`/${file.replace(/\\/g, '/').replace(/^\/+/, '')}`.replace(/(^|\/)index\.html$/, '$1');

/** The built file a URL path is served from: `/blog/x/` → `blog/x/index.html`. */
export const fileOfUrlPath = (path: string): string =>
	(path.endsWith('/') ? `${path}index.html` : path).replace(/^\/+/, '');

/** The path, query and fragment of a link to the site itself (`/x`, or on `siteUrl`), else undefined. */
export function internalPath(href: string, siteUrl: string): string | undefined {
	const value = href.trim();
	if (value.startsWith('/') && !value.startsWith('//')) return value;
	if (value === siteUrl) return '/';
	return value.startsWith(`${siteUrl}/`) ||
		value.startsWith(`${siteUrl}?`) ||
		value.startsWith(`${siteUrl}#`)
		? value.slice(siteUrl.length) || '/'
		: undefined;
}

/**
 * A link to one of the site's pages with the trailing slash its URL has (`/blog/x` →
 * `/blog/x/`, `/tags/a?b#c` → `/tags/a/?b#c`); files (`/rss.xml`), other sites and anchors stay
 * as they are.
 */
export function withTrailingSlash(href: string, siteUrl: string): string {
	const path = internalPath(href, siteUrl);
	if (path === undefined) return href;
	const [, pathname = '', rest = ''] = /^([^?#]*)(.*)$/s.exec(path) ?? [];
	if (isCanonicalPath(pathname) || pathname === '') return href;
	const trimmed = href.trim();
	return `${trimmed.slice(0, trimmed.length - path.length)}${pathname}/${rest}`;
}
