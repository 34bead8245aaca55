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
 * Builds the index once for all posts (drafts already removed). Explicit `related` slugs come
 * first, in the editor's order, when they name a post of `posts`; then posts sharing the most
 * informative keywords (a keyword's weight is its inverse document frequency, so rarer keywords
 * weigh more), ties by newest; then the newest posts. Never the post itself; deterministic for
 * the same posts in any order.
 *
 * Posts are numbered newest first, so "newer" is "smaller number" and the per-post work runs on
 * typed arrays reused between calls: O(keywords × cap × limit) per post, no sorting.
 */
export function createRelatedIndex<P extends RelatablePost>(
	posts: readonly P[],
	stats: RelatedStats = { comparisons: 0 },
): RelatedIndex<P> {
	const order = [...posts].sort(byNewest);
	const position = new Map(order.map((post, index) => [post.slug, index]));
	const tagIds = new Map<string, number>();
	const postings: number[][] = [];
	const keywordsOf = order.map((post, index) =>
		tagSlugs(post.keywords).map((tag) => {
			let id = tagIds.get(tag);
			if (id === undefined) {
				id = postings.length;
				tagIds.set(tag, id);
				postings.push([]);
			}
			postings[id]?.push(index);
			return id;
		}),
	);
	const weights = postings.map((list) => Math.log(1 + order.length / list.length));

	// Per-call scratch space; an entry counts only when its stamp equals the current call's.
	const scores = new Float64Array(order.length);
	const scored = new Uint32Array(order.length);
	const taken = new Uint32Array(order.length);
	let call = 0;

	return {
		relatedTo(slug, limit) {
			const current = position.get(slug);
			if (current === undefined || limit <= 0) return [];
			call++;
			const chosen: number[] = [];
			const take = (index: number | undefined): void => {
				if (index !== undefined && taken[index] !== call && chosen.length < limit) {
					taken[index] = call;
					chosen.push(index);
				}
			};
			taken[current] = call;
			for (const related of order[current]?.related ?? []) take(position.get(related));

			const candidates: number[] = [];
			for (const tag of keywordsOf[current] ?? []) {
				const weight = weights[tag] ?? 0;
				const list = postings[tag] ?? [];
				const end = Math.min(list.length, MAX_CANDIDATES_PER_KEYWORD + 1);
				for (let i = 0; i < end; i++) {
					const index = list[i] ?? 0;
					stats.comparisons++;
					if (taken[index] === call) continue;
					if (scored[index] !== call) {
						scored[index] = call;
						scores[index] = 0;
						candidates.push(index);
					}
					scores[index] = (scores[index] ?? 0) + weight;
				}
			}
			// The best few candidates by score, then newest (smaller index), kept in order.
			const best: number[] = [];
			const need = limit - chosen.length;
			const better = (a: number, b: number): boolean =>
				(scores[a] ?? 0) > (scores[b] ?? 0) || (scores[a] === scores[b] && a < b);
			for (const index of need > 0 ? candidates : []) {
				if (best.length === need && !better(index, best[need - 1] ?? index)) continue;
				let at = best.length === need ? need - 1 : best.length;
				while (at > 0 && better(index, best[at - 1] ?? index)) {
					best[at] = best[at - 1] ?? index;
					at--;
				}
				best[at] = index;
			}
			for (const index of best) take(index);
			// Not enough keyword matches: fill with the newest posts.
			for (let index = 0; chosen.length < limit && index < order.length; index++) {
				stats.comparisons++;
				take(index);
			}
			return chosen.flatMap((index) => order[index] ?? []);
		},
	};
}
