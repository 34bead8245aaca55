import { parseFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { describe, expect, test } from 'vitest';
import { createNewPost, NewPostError, PLACEHOLDER } from '../../../src/lib/content/new-post.ts';
import { postSchema } from '../../../src/lib/content/post-schema.ts';
import { EXISTING_SLUGS } from '../../fixtures/slugs.ts';

const NOW = new Date('2025-07-25T09:30:15.123Z');

describe('createNewPost', () => {
	test.each([
		...EXISTING_SLUGS,
		['  Ёлка, щука и объявление: 5 советов!  ', 'elka-shchuka-i-obyavlenie-5-sovetov'],
		['Консьерж №1 в Петербурге', 'konserzh-n1-v-peterburge'],
	])('«%s» → %s.md', (title, slug) => {
		const post = createNewPost(title, NOW);
		expect(post.slug).toBe(slug);
		expect(post.fileName).toBe(`${slug}.md`);
	});

	test('writes frontmatter that the shared schema accepts', () => {
		const { source } = createNewPost('Сервис: «как мы работаем» и "почему"', NOW);
		const result = postSchema.safeParse(parseFrontmatter(source).data);
		expect(result.success).toBe(true);
		expect(result.data).toMatchObject({
			title: 'Сервис: «как мы работаем» и "почему"',
			headline: 'Сервис: «как мы работаем» и "почему"',
			author: 'Эксперт ButlerSPB',
			draft: true,
			pubDate: new Date('2025-07-25T09:30:15Z'),
			keywords: [PLACEHOLDER, 'ButlerSPB'],
		});
	});

	test('dates the post now, in Moscow time with the +03:00 offset', () => {
		const { source } = createNewPost('Статья', NOW);
		expect(source).toContain('pubDate: "2025-07-25T12:30:15+03:00"');
	});

	test('uses the given author', () => {
		const { source } = createNewPost('Статья', NOW, 'Анна Петрова');
		expect(parseFrontmatter(source).data['author']).toBe('Анна Петрова');
	});

	test('has every field an editor fills in, a draft flag and a body skeleton', () => {
		const { source } = createNewPost('Статья', NOW);
		const { data, content } = parseFrontmatter(source);
		expect(Object.keys(data)).toEqual([
			'title',
			'description',
			'keywords',
			'pubDate',
			'author',
			'heroImage',
			'heroAlt',
			'draft',
		]);
		expect(data['heroImage']).toMatch(/^https:\/\//);
		expect(content.match(/^## .+$/gm)).toEqual([
			'## Первый раздел',
			'## Второй раздел',
			'## Итоги',
		]);
		expect(content).toContain(PLACEHOLDER);
		expect(content).not.toMatch(/^# /m);
	});

	test.each([
		['an empty title', '   ', 'Укажите заголовок статьи'],
		['a title with no letters', '!!! ???', 'не получается адрес статьи'],
	])('refuses %s', (_, title, message) => {
		expect(() => createNewPost(title, NOW)).toThrow(NewPostError);
		expect(() => createNewPost(title, NOW)).toThrow(message);
	});
});
