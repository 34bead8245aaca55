import { describe, expect, test } from 'vitest';
import {
	MAX_CANDIDATES_PER_KEYWORD,
	createRelatedIndex,
	type RelatedStats,
} from '../../../src/lib/site/related.ts';
import { relevanceCorpus } from '../../../scripts/bench/relevance.ts';
import { byNewest } from '../../../src/lib/site/tags.ts';
import { corpusPosts } from '../../support/corpus.ts';

const post = (slug: string, date: string, keywords: string[], related: string[] = []) => ({
	slug,
	keywords,
	pubDate: new Date(date),
	related,
});

/** `common` is on four posts, `rare` on two: sharing `rare` says more. */
const POSTS = [
	post(
		'current',
		'2025-01-10',
		['common', 'rare'],
		['explicit-b', 'missing', 'current', 'explicit-a'],
	),
	post('explicit-a', '2025-01-01', []),
	post('explicit-b', '2025-01-02', []),
	post('shares-rare', '2025-01-03', ['rare']),
	post('shares-common-new', '2025-01-09', ['common']),
	post('shares-common-old', '2025-01-04', ['common']),
	post('shares-both', '2025-01-05', ['Common', 'RARE', 'common']),
	post('newest', '2025-02-01', ['other']),
	post('alone', '2025-01-06', []),
].sort(byNewest);

const slugsOf = (posts: readonly { slug: string }[]): string[] => posts.map((p) => p.slug);

describe('createRelatedIndex', () => {
	const index = createRelatedIndex(POSTS);

	test('explicit related posts first, in the editor order, skipping missing ones and self', () => {
		expect(slugsOf(index.relatedTo('current', 2))).toEqual(['explicit-b', 'explicit-a']);
	});

	test('then shared keywords, rarer keywords weighing more, ties by newest', () => {
		expect(slugsOf(index.relatedTo('current', 6))).toEqual([
			'explicit-b',
			'explicit-a',
			'shares-both',
			'shares-rare',
			'shares-common-new',
			'shares-common-old',
		]);
	});

	test('a post without keyword matches is filled with the newest posts, never itself', () => {
		expect(slugsOf(index.relatedTo('alone', 3))).toEqual([
			'newest',
			'current',
			'shares-common-new',
		]);
	});

	test.each(POSTS.map((p) => p.slug))('never lists %s itself, nor twice', (slug) => {
		const related = slugsOf(index.relatedTo(slug, POSTS.length));
		expect(related).not.toContain(slug);
		expect(new Set(related).size).toBe(related.length);
		expect(related).toHaveLength(POSTS.length - 1);
	});

	test('is deterministic: same input, same order, whatever the order posts were listed in', () => {
		const shuffled = createRelatedIndex([...POSTS].reverse().sort(byNewest));
		for (const { slug } of POSTS) {
			expect(slugsOf(shuffled.relatedTo(slug, 5))).toEqual(slugsOf(index.relatedTo(slug, 5)));
		}
	});

	test.each([
		['unknown', 3],
		['current', 0],
	])('relatedTo(%s, %i) is empty', (slug, limit) => {
		expect(index.relatedTo(slug, limit)).toEqual([]);
	});

	test('work grows linearly: 10× the posts costs well under 15× the comparisons', () => {
		const work = (count: number): number => {
			const posts = corpusPosts(count);
			const stats: RelatedStats = { comparisons: 0 };
			const related = createRelatedIndex(posts, { stats });
			for (const { slug } of posts) related.relatedTo(slug, 3);
			return stats.comparisons;
		};
		const small = work(1_000);
		const large = work(10_000);
		expect(small).toBeGreaterThan(1_000);
		// Bounded per post: keywords × (cap + 1) candidates plus the newest-posts fill.
		expect(large).toBeLessThan(10_000 * (8 * (MAX_CANDIDATES_PER_KEYWORD + 1) + 10));
		expect(large / small).toBeLessThan(15);
	});
});

describe('posts that share no keyword: by the similarity of their text', () => {
	/** The relevance benchmark's corpus: each post about one topic, named in its title. */
	const corpus = relevanceCorpus();
	const topicOf = new Map(corpus.map((post) => [post.meta.slug, post.topic]));
	/** Every post without keywords but one, whose keyword no other post has. */
	const posts = corpus
		.map(({ meta }, n) => ({
			slug: meta.slug,
			keywords: n === 7 ? ['только здесь'] : [],
			pubDate: new Date(meta.pubDate),
			related: [],
			text: { title: meta.title, text: `${meta.headline ?? ''} ${meta.description}` },
		}))
		.sort(byNewest);
	const index = createRelatedIndex(posts, { textOf: (post) => post.text });

	test('three related posts are about the same topic, for four in five or more (one in forty by date)', () => {
		let same = 0;
		for (const post of posts) {
			const related = index.relatedTo(post.slug, 3);
			expect(related).toHaveLength(3);
			same += related.filter((other) => topicOf.get(other.slug) === topicOf.get(post.slug)).length;
		}
		expect(same / (posts.length * 3)).toBeGreaterThanOrEqual(0.8);
	});

	test('not the newest posts, which are about other topics', () => {
		const post = posts[posts.length - 1];
		if (!post) throw new Error('no post');
		const related = slugsOf(index.relatedTo(post.slug, 3));
		expect(related).not.toEqual(slugsOf(posts.slice(0, 3)));
		const lonely = corpus[7]?.meta.slug ?? '';
		for (const slug of slugsOf(index.relatedTo(lonely, 3)))
			expect(topicOf.get(slug)).toBe(topicOf.get(lonely));
	});

	test('without a text, the newest posts fill in as before', () => {
		const plain = createRelatedIndex(posts);
		const post = posts[posts.length - 1];
		expect(slugsOf(plain.relatedTo(post?.slug ?? '', 3))).toEqual(slugsOf(posts.slice(0, 3)));
	});
});
