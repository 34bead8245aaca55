import { STOP_WORDS, searchWords, stemOf } from '../search/search-engine.ts';
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
	/**
	 * Up to `limit` posts related to `slug`: explicit ones first, then by shared keywords, then by
	 * similar text.
	 */
	relatedTo(slug: string, limit: number): P[];
}

/** Options of the related-post index. */
export interface RelatedOptions<P> {
	stats?: RelatedStats;
	/**
	 * The text whose similarity ranks the posts that shared keywords leave short (a post with no
	 * keywords, or none another post has): its words are read as the search reads them.
	 */
	textOf?: (post: P) => PostText;
}

/** What the similarity of two posts reads: the title's words count TITLE_WEIGHT times. */
export interface PostText {
	title: string;
	text: string;
}

/** How many times a word of the title counts: the title says best what a post is about. */
export const TITLE_WEIGHT = 3;

/** Words of a post's text that its similarity reads: the most telling ones by TF-IDF. */
export const SIMILARITY_TERMS = 16;

/**
 * The posts most like `current` by the cosine of their TF-IDF vectors over their stems (stop
 * words and words of two letters or fewer aside), each post reduced to SIMILARITY_TERMS stems;
 * candidates come from at most MAX_CANDIDATES_PER_KEYWORD newest posts per stem.
 */
function textSimilarity(texts: readonly PostText[]) {
	const vectors = texts.map(({ title, text }) => {
		const counts = new Map<string, number>();
		const add = (value: string, weight: number): void => {
			for (const word of searchWords(value.normalize('NFC'))) {
				if (word.length <= 2 || STOP_WORDS.has(word)) continue;
				const stem = stemOf(word);
				counts.set(stem, (counts.get(stem) ?? 0) + weight);
			}
		};
		add(title, TITLE_WEIGHT);
		add(text, 1);
		return counts;
	});
	const df = new Map<string, number>();
	for (const counts of vectors)
		for (const stem of counts.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
	const postings = new Map<string, [doc: number, weight: number][]>();
	const terms = vectors.map((counts, doc) => {
		const weighted = [...counts]
			.map(([stem, tf]): [string, number] => [
				stem,
				(1 + Math.log(tf)) * Math.log(texts.length / (df.get(stem) ?? 1)),
			])
			.filter(([, weight]) => weight > 0)
			.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
			.slice(0, SIMILARITY_TERMS);
		const norm = Math.hypot(...weighted.map(([, weight]) => weight)) || 1;
		const unit = weighted.map(([stem, weight]): [string, number] => [stem, weight / norm]);
		for (const [stem, weight] of unit) {
			let list = postings.get(stem);
			if (!list) postings.set(stem, (list = []));
			list.push([doc, weight]);
		}
		return unit;
	});
	return { terms, postings };
}

/**
 * Builds the index once for all posts (drafts already removed). Explicit `related` slugs come
 * first, in the editor's order, when they name a post of `posts`; then posts sharing the most
 * informative keywords (a keyword's weight is its inverse document frequency, so rarer keywords
 * weigh more), ties by newest; then, given `textOf`, the posts whose text is most like the
 * post's (see `textSimilarity`, worked out the first time it is needed); then the newest posts.
 * Never the post itself; deterministic for the same posts in any order.
 *
 * Posts are numbered newest first, so "newer" is "smaller number" and the per-post work runs on
 * typed arrays reused between calls: O(keywords × cap × limit) per post, no sorting.
 */
export function createRelatedIndex<P extends RelatablePost>(
	posts: readonly P[],
	options: RelatedOptions<P> = {},
): RelatedIndex<P> {
	const { stats = { comparisons: 0 }, textOf } = options;
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
	let similarity: ReturnType<typeof textSimilarity> | undefined;

	/** Candidates by text similarity, best first, then newest; `skip` tells the taken ones. */
	const similarTo = (current: number, need: number, skip: (index: number) => boolean): number[] => {
		if (!textOf || need <= 0) return [];
		similarity ??= textSimilarity(order.map(textOf));
		const sums = new Map<number, number>();
		for (const [stem, weight] of similarity.terms[current] ?? []) {
			const list = similarity.postings.get(stem) ?? [];
			const end = Math.min(list.length, MAX_CANDIDATES_PER_KEYWORD + 1);
			for (let i = 0; i < end; i++) {
				const [doc, other] = list[i] ?? [0, 0];
				stats.comparisons++;
				if (skip(doc)) continue;
				sums.set(doc, (sums.get(doc) ?? 0) + weight * other);
			}
		}
		return [...sums]
			.sort((a, b) => b[1] - a[1] || a[0] - b[0])
			.slice(0, need)
			.map(([doc]) => doc);
	};

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
			// Not enough keyword matches: the posts of the most similar text.
			const similar = similarTo(current, limit - chosen.length, (index) => taken[index] === call);
			for (const index of similar) take(index);
			// Still not enough: fill with the newest posts.
			for (let index = 0; chosen.length < limit && index < order.length; index++) {
				stats.comparisons++;
				take(index);
			}
			return chosen.flatMap((index) => order[index] ?? []);
		},
	};
}
