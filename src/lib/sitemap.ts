import type { SitemapOptions } from '@astrojs/sitemap';
import { SITE } from '../site.ts';
import { ADMIN_PATH } from './cms-paths.ts';
import { unpublishedReason } from './publishing.ts';
import { absoluteUrl, postPath } from './urls.ts';

/** What the sitemap needs to know about a post: the frontmatter the content check validated. */
export interface SitemapPost {
	slug: string;
	/** Absent when the post's frontmatter is invalid (the build stops on it anyway). */
	data?: { draft: boolean; pubDate: Date; updatedDate?: Date | undefined } | undefined;
}

/** Path of the sitemap index that @astrojs/sitemap writes. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

/**
 * lastmod of every published article, by absolute URL: updatedDate, else pubDate. Drafts and
 * posts scheduled after `now` have no page, so they get no entry.
 */
export function buildLastmodIndex(
	posts: readonly SitemapPost[],
	now: Date,
	site: string = SITE.url,
): Map<string, Date> {
	const index = new Map<string, Date>();
	for (const { slug, data } of posts) {
		if (!data || unpublishedReason(data, now)) continue;
		index.set(absoluteUrl(postPath(slug), site), data.updatedDate ?? data.pubDate);
	}
	return index;
}

/** Whether a sitemap URL is an error page (404/500), which never belongs in a sitemap. */
export const isErrorPage = (url: string): boolean =>
	/^\/(?:404|500)(?:\/|\.html)?$/.test(new URL(url).pathname);

/** Whether a sitemap URL is the editor (/admin/), which is for editors, not for readers. */
export const isEditorPage = (url: string): boolean => new URL(url).pathname.startsWith(ADMIN_PATH);

/**
 * Options for @astrojs/sitemap: no error pages, and lastmod on article URLs. `lastmodOf` is
 * called when the sitemap is written, after the posts have been read.
 */
export function getSitemapConfig(
	lastmodOf: (url: string) => Date | undefined,
): NonNullable<SitemapOptions> {
	return {
		filter: (page) => !isErrorPage(page) && !isEditorPage(page),
		serialize: (item) => {
			const lastmod = lastmodOf(item.url);
			return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
		},
	};
}

/** robots.txt: everything may be crawled, and where the sitemap index is. */
export const buildRobotsTxt = (): string =>
	`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(SITEMAP_INDEX_PATH)}\n`;
