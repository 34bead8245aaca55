import matter from 'gray-matter';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFrontmatter } from '../../src/lib/frontmatter.ts';

const SEEDS = join(import.meta.dirname, '../../src/content/blog');

/** What gray-matter itself returns for the whole file. */
const reference = (source: string) => {
	const { data, content } = matter(source, { language: 'yaml' });
	return { data, content };
};

describe('parseFrontmatter', () => {
	test.each([
		['---\ntitle: a\n---\n\nТекст\n'],
		['---\r\ntitle: a\r\n---\r\n\r\nТекст'],
		['---\ntitle: a\n---'],
		['---\n# comment\n---\nТекст'],
		['---yaml\ntitle: a\n---\nТекст'],
		['---\ntitle: a\n----\nТекст'],
		['\uFEFF---\ntitle: a\n---\nТекст'],
		['----\nnot frontmatter'],
		['Без полей'],
		['---\ntitle: a\n'],
	])('%j parses as gray-matter does', (source) => {
		expect(parseFrontmatter(source)).toEqual(reference(source));
	});

	test.each(readdirSync(SEEDS))('%s parses as gray-matter does', (file) => {
		const source = readFileSync(join(SEEDS, file), 'utf8');
		expect(parseFrontmatter(source)).toEqual(reference(source));
	});

	test('YAML errors still throw', () => {
		expect(() => parseFrontmatter('---\ntitle: "a\n---\n')).toThrow();
	});
});
