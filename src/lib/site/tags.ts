import { SITE } from '../../site.ts';
import { slugify } from '../content/slug.ts';

/** What tag and related computations need to know about a post. */
export interface TaggedPost {
	slug: string;
	keywords: readonly string[];
	pubDate: Date;
}

/** A tag: a keyword shared by posts, with its URL slug. */
export interface Tag<P extends TaggedPost = TaggedPost> {
	/** Display name: the spelling most posts use (first seen on a tie). */
	name: string;
	/** URL slug, transliterated with the same rules as post slugs. */
	slug: string;
	/** Posts with this tag, newest first. */
	posts: P[];
}

/** Newest first; the slug breaks ties so the order never depends on input order. */
export const byNewest = (a: TaggedPost, b: TaggedPost): number =>
	b.pubDate.getTime() - a.pubDate.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);

const slugs = new Map<string, string>();

/**
 * The slug of a keyword, memoised: a blog has a few thousand distinct keywords, each used by
 * many posts, and tags, related posts and every post's tag list all ask for them.
 */
export function keywordSlug(keyword: string): string {
	let slug = slugs.get(keyword);
	if (slug === undefined) slugs.set(keyword, (slug = slugify(keyword)));
	return slug;
}

/** The tag slugs of a post's keywords (keywords that transliterate to nothing are skipped). */
export const tagSlugs = (keywords: readonly string[]): string[] => [
	...new Set(keywords.map(keywordSlug).filter(Boolean)),
];

/** Counts the work done, so tests can prove it grows at most n log n with the number of posts. */
export interface TagStats {
	/** Keywords visited plus comparisons made while sorting the tags. */
	comparisons: number;
}

/**
 * Groups posts by tag in one pass over all keywords: O(total keywords + t log t) for t tags.
 * `posts` must already be sorted newest first; each tag's list keeps that order.
 */
export function buildTags<P extends TaggedPost>(
	posts: readonly P[],
	stats: TagStats = { comparisons: 0 },
): Tag<P>[] {
	const tags = new Map<string, { posts: P[]; spellings: Map<string, number> }>();
	for (const post of posts) {
		const seen = new Set<string>();
		for (const keyword of post.keywords) {
			stats.comparisons++;
			const slug = keywordSlug(keyword);
			if (!slug || seen.has(slug)) continue;
			seen.add(slug);
			let tag = tags.get(slug);
			if (!tag) tags.set(slug, (tag = { posts: [], spellings: new Map() }));
			tag.posts.push(post);
			tag.spellings.set(keyword, (tag.spellings.get(keyword) ?? 0) + 1);
		}
	}
	const collator = new Intl.Collator(SITE.locale);
	return [...tags]
		.map(([slug, { posts: tagged, spellings }]) => {
			let name = '';
			let best = 0;
			for (const [spelling, count] of spellings) {
				if (count > best) [name, best] = [spelling, count];
			}
			return { name, slug, posts: tagged };
		})
		.sort((a, b) => {
			stats.comparisons++;
			return b.posts.length - a.posts.length || collator.compare(a.name, b.name);
		});
}
