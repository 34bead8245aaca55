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
