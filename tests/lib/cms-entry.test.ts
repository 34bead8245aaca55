import { parseFrontmatter } from '../../src/lib/frontmatter.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { entryEdits, newPostFile } from '../../src/lib/cms-entry.ts';
import { createNewPost } from '../../src/lib/new-post.ts';
import { ROOT } from '../support/build.ts';

describe('entryEdits', () => {
	test('removes optional fields left blank, keeps an empty heroAlt (a decorative image)', () => {
		expect(
			entryEdits({ title: 'Т', updatedDate: '', heroImage: ' ', heroAlt: '', headline: '' }),
		).toEqual([
			{ op: 'remove', path: ['updatedDate'] },
			{ op: 'remove', path: ['heroImage'] },
			{ op: 'remove', path: ['headline'] },
		]);
	});

	test('leaves required fields to the CMS and the build', () => {
		expect(entryEdits({ title: '', description: '' })).toEqual([]);
	});

	test('an empty HowTo block goes away', () => {
		expect(entryEdits({ schema: { aggregateRating: { ratingValue: '' } } })).toEqual([
			{ op: 'remove', path: ['schema'] },
		]);
	});

	test('a new HowTo block gets its @context and @type constants', () => {
		expect(
			entryEdits({
				schema: { aggregateRating: { ratingValue: '4.8', reviewCount: 3, bestRating: '' } },
			}),
		).toEqual([
			{ op: 'set', path: ['schema', '@context'], value: 'https://schema.org' },
			{ op: 'set', path: ['schema', '@type'], value: 'HowTo' },
			{ op: 'set', path: ['schema', 'aggregateRating', '@type'], value: 'AggregateRating' },
			{ op: 'remove', path: ['schema', 'aggregateRating', 'bestRating'] },
		]);
	});

	const blog = join(ROOT, 'src/content/blog');
	test.each(readdirSync(blog).filter((name) => name.endsWith('.md')))(
		'%s: an existing post needs no edit',
		(name) => {
			const { data } = parseFrontmatter(readFileSync(join(blog, name), 'utf8'));
			expect(entryEdits(data)).toEqual([]);
		},
	);
});

describe('newPostFile', () => {
	test.each(['Проверка редактора', 'Сервисный подход', '  Чат-поддержка: 24/7  '])(
		'%s: the same file as npm run new',
		(title) => {
			const { slug, path } = newPostFile(title);
			expect(slug).toBe(createNewPost(title, new Date()).slug);
			expect(path).toBe(`src/content/blog/${slug}.md`);
		},
	);

	test('«Проверка редактора» → proverka-redaktora', () => {
		expect(newPostFile('Проверка редактора').slug).toBe('proverka-redaktora');
	});
});
