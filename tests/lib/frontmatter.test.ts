import matter from 'gray-matter';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPostYaml, parseFrontmatter } from '../../src/lib/frontmatter.ts';

const SEEDS = join(import.meta.dirname, '../../src/content/blog');

/** What gray-matter itself returns for the whole file, with the build's YAML parser. */
const reference = (source: string) => {
	const { data, content } = matter(source, { language: 'yaml', engines: { yaml: loadPostYaml } });
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

	test('a tab in indentation is an error, as in the build (js-yaml 4)', () => {
		expect(() => parseFrontmatter('---\ntitle: a\nschema:\n\t"@type": HowTo\n---\n')).toThrow(
			/tab characters/,
		);
	});

	test.each([
		['2025-02-30', '2025-02-30'],
		['2024-12-31T23:30:00', '2024-12-31T23:30:00'],
		['"2024-12-31"', '2024-12-31'],
	])('pubDate: %s stays the text written', (written, text) => {
		expect(parseFrontmatter(`---\npubDate: ${written}\n---\n`).data).toEqual({ pubDate: text });
	});

	test('YAML errors still throw', () => {
		expect(() => parseFrontmatter('---\ntitle: "a\n---\n')).toThrow();
	});
});
