import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { describe, expect, test } from 'vitest';
import { generateMetas, generatePosts, keywordPool } from '../../scripts/bench/generate.ts';
import { checkPosts } from '../../src/lib/content-check/content-check.ts';
import { postSchema } from '../../src/lib/content/post-schema.ts';
import { isSlug } from '../../src/lib/content/slug.ts';

const posts = [...generatePosts(20)];
const slugs = new Set(posts.map((post) => post.meta.slug));

describe('benchmark corpus generator', () => {
	test('the same count gives the same bytes', () => {
		const again = [...generatePosts(20)];
		expect(again.map((post) => post.source)).toEqual(posts.map((post) => post.source));
	});

	test.each(posts.map((post) => [post.file, post] as const))(
		'%s passes the shared schema and matches its meta',
		(file, post) => {
			const { data, content } = parseFrontmatter(post.source);
			const parsed = postSchema.parse(data);
			expect(file).toBe(`${post.meta.slug}.md`);
			expect(isSlug(post.meta.slug)).toBe(true);
			expect(parsed.title).toBe(post.meta.title);
			expect(parsed.keywords).toEqual(post.meta.keywords);
			expect(parsed.schema?.['@type']).toBe('HowTo');
			expect(parsed.schema?.mainEntityOfPage?.['@id']).toMatch(
				new RegExp(`/blog/${post.meta.slug}/$`),
			);
			expect(parsed.related.every((slug) => slugs.has(slug) && slug !== post.meta.slug)).toBe(true);
			// Seed-shaped body: ~15 KB of Russian text with sections, lists and both kinds of links.
			expect(Buffer.byteLength(content)).toBeGreaterThan(11_000);
			expect(Buffer.byteLength(content)).toBeLessThan(24_000);
			expect(content).toMatch(/^## /m);
			expect(content).toMatch(/^### /m);
			expect(content).toMatch(/\]\(https:\/\/butlerspb\.ru\//);
			expect(content).toMatch(
				/<a href="https:\/\/butlerspb\.ru[^"]*" target="_blank" rel="nofollow">/,
			);
			expect(content).toMatch(/[а-яё]{5,}/);
		},
	);

	test('both frontmatter styles of the seed posts appear: inline JSON and block YAML', () => {
		expect(posts.some((post) => /^schema: \{"@context"/m.test(post.source))).toBe(true);
		expect(posts.some((post) => /^schema:\n {2}'@context'/m.test(post.source))).toBe(true);
	});

	test('the content check finds nothing to report', () => {
		const { findings } = checkPosts(
			posts.map((post) => ({ file: `bench/${post.file}`, source: post.source })),
		);
		expect(findings).toEqual([]);
	});

	test('keywords have a long tail: a few common ones, many used once', () => {
		const counts = new Map<string, number>();
		for (const meta of generateMetas(2_000)) {
			for (const keyword of meta.keywords) counts.set(keyword, (counts.get(keyword) ?? 0) + 1);
		}
		const sorted = [...counts.values()].sort((a, b) => b - a);
		expect(sorted[0]).toBeGreaterThan(400);
		expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(3);
		expect(sorted.filter((count) => count === 1).length).toBeGreaterThan(sorted.length / 10);
		expect(new Set(keywordPool(5_000)).size).toBe(5_000);
	});
});
