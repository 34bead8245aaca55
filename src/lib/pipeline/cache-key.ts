import { createHash } from 'node:crypto';

/*
 * Keys for Astro's incremental builds (`experimental.incrementalBuild`): a page whose `cacheKey`
 * and templates are unchanged since the last build is copied from the cache instead of rendered.
 * A key must therefore cover every piece of data the page shows.
 */

/** What a page knows about a post it only links to: address, headline and date. */
export interface LinkedPost {
	slug: string;
	headline: string;
	pubDate: Date;
}

/** A post shown as a card: its source digest covers frontmatter and body (the reading time). */
export interface CardPost {
	slug: string;
	digest: string;
}

/** The parts of a link to a post that show on the page. */
export const linkKey = (post: LinkedPost | undefined): string[] =>
	post ? [post.slug, post.headline, post.pubDate.toISOString()] : [];

/** The parts of a post card: everything in the post's file. */
export const cardKey = (post: CardPost): string[] => [post.slug, post.digest];

/** A short, stable hash of JSON-serialisable parts. */
export function cacheKey(...parts: unknown[]): string {
	return createHash('sha1').update(JSON.stringify(parts)).digest('base64url');
}
