import { byNewest, tagSlugs, type TaggedPost } from './tags.ts';

/** What related-post ranking needs to know about a post. */
export interface RelatablePost extends TaggedPost {
	/** Slugs the editor chose, shown first. */
	related: readonly string[];
}

/**
 * How many candidates one keyword may contribute. A keyword shared by thousands of posts says
 * little about any two of them; looking only at its newest posts keeps the work per post bounded
 * (O(keywords × cap)) instead of growing with the whole blog.
 */
export const MAX_CANDIDATES_PER_KEYWORD = 200;

/** Counts the work done, so tests can prove it grows linearly with the number of posts. */
export interface RelatedStats {
	/** Candidate posts scored (one per post × keyword posting visited). */
	comparisons: number;
}

/** Ranks related posts for every post of a blog. */
export interface RelatedIndex<P extends RelatablePost> {
	/** Up to `limit` posts related to `slug`: explicit ones first, then by shared keywords. */
	relatedTo(slug: string, limit: number): P[];
}

/**
 * Builds the index once for all posts (`posts` sorted newest first, drafts already removed).
 * Explicit `related` slugs come first, in the editor's order, when they name a post of `posts`;
 * then posts sharing the most informative keywords (a keyword's weight is its inverse document
 * frequency, so rarer keywords weigh more); then the newest posts. Never the post itself;
 * deterministic for the same input.
 */
export function createRelatedIndex<P extends RelatablePost>(
	posts: readonly P[],
	stats: RelatedStats = { comparisons: 0 },
): RelatedIndex<P> {
	const bySlug = new Map(posts.map((post) => [post.slug, post]));
	const postings = new Map<string, P[]>();
	const keywordsOf = new Map<string, string[]>();
	for (const post of posts) {
		const tags = tagSlugs(post.keywords);
		keywordsOf.set(post.slug, tags);
		for (const tag of tags) {
			let list = postings.get(tag);
			if (!list) postings.set(tag, (list = []));
			list.push(post);
		}
	}
	const total = posts.length;
	const weight = (tag: string): number => Math.log(1 + total / (postings.get(tag)?.length ?? 1));

	return {
		relatedTo(slug, limit) {
			const current = bySlug.get(slug);
			if (!current || limit <= 0) return [];
			const chosen: P[] = [];
			const taken = new Set([slug]);
			const take = (post: P | undefined): void => {
				if (post && !taken.has(post.slug) && chosen.length < limit) {
					taken.add(post.slug);
					chosen.push(post);
				}
			};
			for (const related of current.related) take(bySlug.get(related));

			const scores = new Map<P, number>();
			for (const tag of keywordsOf.get(slug) ?? []) {
				const w = weight(tag);
				const list = postings.get(tag) ?? [];
				const end = Math.min(list.length, MAX_CANDIDATES_PER_KEYWORD + 1);
				for (const post of list.slice(0, end)) {
					stats.comparisons++;
					if (!taken.has(post.slug)) scores.set(post, (scores.get(post) ?? 0) + w);
				}
			}
			const ranked = [...scores].sort(([a, sa], [b, sb]) => sb - sa || byNewest(a, b));
			for (const [post] of ranked) take(post);
			// Not enough keyword matches: fill with the newest posts (posts is newest first).
			for (let i = 0; chosen.length < limit && i < posts.length; i++) {
				stats.comparisons++;
				take(posts[i]);
			}
			return chosen;
		},
	};
}
