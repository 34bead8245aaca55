import type { SitemapOptions } from '@astrojs/sitemap';
import { SITE } from '../../site.ts';
import { ADMIN_PATH } from '../cms/cms-paths.ts';
import { pageCount, pageItems } from '../site/pagination.ts';
import { unpublishedReason } from '../content/publishing.ts';
import { buildTags, byNewest } from '../site/tags.ts';
import { absoluteUrl, listingPath, postPath, tagPath } from '../site/urls.ts';

/** What the sitemap needs to know about a post: the frontmatter the content check validated. */
export interface SitemapPost {
	slug: string;
	/** Absent when the post's frontmatter is invalid (the build stops on it anyway). */
	data?:
		| {
				draft: boolean;
				pubDate: Date;
				updatedDate?: Date | undefined;
				keywords?: readonly string[] | undefined;
		  }
		| undefined;
}

/** Path of the search page. */
export const SEARCH_PATH = '/search/';

/** Path of the index of tags. */
export const TAGS_INDEX_PATH = '/tags/';

/** A published post as the listings order and group it. */
interface ListedPost {
	slug: string;
	keywords: readonly string[];
	pubDate: Date;
	modified: Date;
}

/** The newest modified date among `posts`, or undefined for none. */
const newestModified = (posts: readonly ListedPost[]): Date | undefined =>
	posts.reduce<Date | undefined>(
		(newest, post) => (newest && newest >= post.modified ? newest : post.modified),
		undefined,
	);

/** Path of the sitemap index that @astrojs/sitemap writes. */
export const SITEMAP_INDEX_PATH = '/sitemap-index.xml';

/**
 * lastmod of every page that shows posts, by absolute URL. An article: its updatedDate, else its
 * pubDate. A listing page (the home page is page 1), a tag page: the newest of those dates among
 * the posts it lists, with the pages split as the site splits them (`perPage`, newest first).
 * The tags index: the newest among tagged posts; the search page: the newest among all posts.
 * Only the posts' own dates count, so a page keeps its lastmod from build to build until one of
 * its posts changes. Drafts and posts scheduled after `now` have no page and count nowhere.
 */
export function buildLastmodIndex(
	posts: readonly SitemapPost[],
	now: Date,
	site: string = SITE.url,
	perPage: number = SITE.postsPerPage,
): Map<string, Date> {
	const published: ListedPost[] = [];
	for (const { slug, data } of posts) {
		if (!data || unpublishedReason(data, now)) continue;
		const modified = data.updatedDate ?? data.pubDate;
		published.push({ slug, keywords: data.keywords ?? [], pubDate: data.pubDate, modified });
	}
	published.sort(byNewest);
	const index = new Map<string, Date>();
	const set = (path: string, date: Date | undefined): void => {
		if (date) index.set(absoluteUrl(path, site), date);
	};
	for (const post of published) set(postPath(post.slug), post.modified);
	const listings = pageCount(published.length, perPage);
	for (let page = 1; page <= listings; page++) {
		set(listingPath(page), newestModified(pageItems(published, page, perPage)));
	}
	const tags = buildTags(published);
	for (const tag of tags) {
		for (let page = 1; page <= pageCount(tag.posts.length, perPage); page++) {
			set(tagPath(tag.slug, page), newestModified(pageItems(tag.posts, page, perPage)));
		}
	}
	set(TAGS_INDEX_PATH, newestModified(tags.flatMap((tag) => tag.posts)));
	set(SEARCH_PATH, newestModified(published));
	return index;
}

/** Whether a sitemap URL is an error page (404/500), which never belongs in a sitemap. */
export const isErrorPage = (url: string): boolean =>
	/^\/(?:404|500)(?:\/|\.html)?$/.test(new URL(url).pathname);

/** Whether a sitemap URL is the editor (/admin/), which is for editors, not for readers. */
export const isEditorPage = (url: string): boolean => new URL(url).pathname.startsWith(ADMIN_PATH);

/**
 * Options for @astrojs/sitemap: no error pages, and lastmod on every URL the index knows. `lastmodOf` is
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
