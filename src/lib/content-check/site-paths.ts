import { editDistance } from '../text/edit-distance.ts';
import { FIXED_PAGE_PATHS, postPath, tagPath } from '../site/urls.ts';

/*
 * The page an editor most likely meant by a link to a path the site has no page at: the article
 * or tag named by a part of the link, the last first (`/servisnyy-podhod/` is
 * `/blog/servisnyy-podhod/`), else the one whose name is a typo or two from the last part.
 */

/** What the site has pages for, besides FIXED_PAGE_PATHS. */
export interface SitePages {
	/** Slugs of the articles. */
	posts: Iterable<string>;
	/** Slugs of the tags that have pages. */
	tags: Iterable<string>;
}

/** Decodes %-escapes when they are well formed. */
function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** The existing page closest to a path no page has, or undefined when none is close. */
export function suggestSitePath(pathname: string, pages: SitePages): string | undefined {
	const segments = pathname
		.split('/')
		.filter(Boolean)
		.map((segment) => decoded(segment).toLowerCase())
		.reverse();
	const last = segments[0];
	if (last === undefined) return undefined;
	const candidates: { name: string; path: string }[] = [
		...[...pages.posts].map((slug) => ({ name: slug, path: postPath(slug) })),
		...[...pages.tags].map((slug) => ({ name: slug, path: tagPath(slug) })),
		...FIXED_PAGE_PATHS.filter((path) => path !== '/').map((path) => ({
			name: path.replaceAll('/', ''),
			path,
		})),
		// The list of articles is the home page; there is no /blog/ page.
		{ name: 'blog', path: '/' },
	];
	for (const segment of segments) {
		const exact = candidates.find(({ name }) => name === segment);
		if (exact) return exact.path;
	}
	const limit = Math.max(1, Math.floor(last.length / 4));
	let best: { path: string; distance: number } | undefined;
	for (const { name, path } of candidates) {
		if (Math.abs(name.length - last.length) > limit) continue;
		const distance = editDistance(last, name);
		if (distance <= limit && (!best || distance < best.distance)) best = { path, distance };
	}
	return best?.path;
}
