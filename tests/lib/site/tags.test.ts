import { describe, expect, test } from 'vitest';
import { buildTags, byNewest, tagSlugs, type TagStats } from '../../../src/lib/site/tags.ts';
import { corpusPosts } from '../../support/corpus.ts';

const post = (slug: string, date: string, keywords: string[]) => ({
	slug,
	keywords,
	pubDate: new Date(date),
});

const POSTS = [
	post('c', '2025-03-01', ['Уборка', 'Сервисный подход', 'ButlerSPB']),
	post('b', '2025-02-01', ['уборка', 'ButlerSPB']),
	post('a', '2025-01-01', ['Уборка', 'Чат-поддержка', 'чат поддержка', '!!!']),
].sort(byNewest);

describe('buildTags', () => {
	test('groups posts by slug, most used first, then by name; posts newest first', () => {
		const tags = buildTags(POSTS).map((tag) => ({
			name: tag.name,
			slug: tag.slug,
			posts: tag.posts.map((p) => p.slug),
		}));
		expect(tags).toMatchInlineSnapshot(`
			[
			  {
			    "name": "Уборка",
			    "posts": [
			      "c",
			      "b",
			      "a",
			    ],
			    "slug": "uborka",
			  },
			  {
			    "name": "ButlerSPB",
			    "posts": [
			      "c",
			      "b",
			    ],
			    "slug": "butlerspb",
			  },
			  {
			    "name": "Сервисный подход",
			    "posts": [
			      "c",
			    ],
			    "slug": "servisnyy-podhod",
			  },
			  {
			    "name": "Чат-поддержка",
			    "posts": [
			      "a",
			    ],
			    "slug": "chat-podderzhka",
			  },
			]
		`);
	});

	test.each([
		[['Чат-поддержка', 'чат поддержка'], ['chat-podderzhka']],
		[
			['Жильё', 'Ремонт под ключ'],
			['zhile', 'remont-pod-klyuch'],
		],
		[['!!!', ''], []],
	])('tagSlugs(%j) → %j', (keywords, expected) => expect(tagSlugs(keywords)).toEqual(expected));

	test('a post counts once per tag however many spellings it uses', () => {
		const [tag] = buildTags([post('x', '2025-01-01', ['Уборка', 'уборка', 'УБОРКА'])]);
		expect(tag?.posts).toHaveLength(1);
	});

	test('work grows at most n log n: 10× the posts costs well under 15× the comparisons', () => {
		const work = (count: number): number => {
			const stats: TagStats = { comparisons: 0 };
			buildTags(corpusPosts(count), stats);
			return stats.comparisons;
		};
		const small = work(1_000);
		const large = work(10_000);
		expect(small).toBeGreaterThan(1_000);
		expect(large / small).toBeLessThan(15);
	});
});
