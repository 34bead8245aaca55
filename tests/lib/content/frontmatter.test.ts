import { parseFrontmatter as parseAsAstro } from 'astro/markdown';
import matter from 'gray-matter';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { splitPost } from '../../../src/lib/content/frontmatter-source.ts';
import {
	loadPostYaml,
	parseFrontmatter,
	parseFrontmatterLines,
} from '../../../src/lib/content/frontmatter.ts';

const SEEDS = join(import.meta.dirname, '../../../src/content/blog');

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

	test('a tab in indentation is an error, as in the build', () => {
		expect(() => parseFrontmatter('---\ntitle: a\nschema:\n\t"@type": HowTo\n---\n')).toThrow(
			expect.objectContaining({ code: 'TAB_AS_INDENT' }),
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

/*
 * Every part of the project must read a post's frontmatter alike: the build's posts loader and the
 * editor scripts (parseFrontmatter), the content check (parseFrontmatterLines on the lines it split
 * off) and gray-matter with the project's engine; and Astro itself, which reads the frontmatter of
 * MDX posts when @astrojs/mdx compiles them and of any post its own glob() loader reads. The cases
 * are where YAML 1.1 readers (gray-matter's own js-yaml 3) and YAML 1.2 readers, or two YAML 1.2
 * libraries (js-yaml 4, which this project used before, and `yaml`), disagree.
 */
const READING_CASES: readonly [string, string][] = [
	['YAML 1.1 booleans are text', 'a: yes\nb: no\nc: on\nd: Off\ne: y'],
	['YAML 1.2 booleans', 'a: true\nb: False\nc: TRUE'],
	['octal 0o12 and a leading zero', 'a: 0o12\nb: 012\nc: 0x1F'],
	['binary and underscores are text', 'a: 0b101\nb: 1_000\nc: 1:20'],
	['floats', 'a: -.5\nb: .5\nc: 1e3\nd: .inf\ne: .NaN\nf: 0.'],
	['null', 'a: ~\nb: null\nc: NULL\nd:'],
	['dates without quotes', 'a: 2025-01-01\nb: 2024-12-31T23:30:00\nc: 2025-1-1\nd: 2025-02-30'],
	['a date with a zone', 'a: 2025-07-25T12:00:00+03:00\nb: 2025-07-25 12:00:00Z'],
	['anchors and aliases', 'a: &x\n  b: 1\nc: *x\nd: &t текст\ne: [*t, *t]'],
	['merge keys', 'base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  y: 3'],
	['tags', 'a: !!str 12\nb: !x text\nc: !!int "7"'],
	['keys that are not text', '1: a\ntrue: b\n~: c'],
	['block and folded scalars', 'a: |\n  x\n  y\nb: >-\n  x\n  y'],
	['quotes and escapes', 'a: "\\x41\\u0411"\nb: \'it\'\'s\'\nc: "a # b" # comment'],
	['inline JSON', 'schema: {"@type": "HowTo", "steps": [{"name": "a"}], "n": 4.8}'],
	['a list at the top', '- a\n- b'],
	['a scalar at the top', 'просто текст'],
	['nothing', '# only a comment'],
];

/** Errors: every reader must refuse the same texts. */
const ERROR_CASES: readonly [string, string][] = [
	['a key written twice', 'title: a\ntitle: b'],
	['a key twice in inline JSON', 'a: {b: 1, b: 2}'],
	['a tab in indentation', 'a:\n\t- x'],
	['an unclosed quote', 'title: "a\nb: c'],
	['a colon inside a value', 'title: Сервис: как'],
	['a value starting with @', 'a: @x'],
	['an alias without its anchor', 'a: *nowhere'],
	['an unclosed bracket', 'a: [1, 2'],
];

/** The `---` block around YAML text, with a body. */
const post = (yaml: string): string => `---\n${yaml}\n---\n\nТекст\n`;

/** What the content check reads: the lines it splits off, parsed. */
function checkReading(source: string): Record<string, unknown> {
	const split = splitPost(source);
	if (typeof split === 'string') throw new Error(`no frontmatter: ${split}`);
	return parseFrontmatterLines(split.lines);
}

/**
 * Whether the project's reading equals Astro's, but for the one documented difference: a value
 * Astro reads as a Date (YAML 1.1 timestamps) stays the text written.
 */
function sameButDates(ours: unknown, astros: unknown): boolean {
	if (astros instanceof Date) return typeof ours === 'string' && /^\d{4}-\d\d?-\d\d?/.test(ours);
	if (Array.isArray(astros)) {
		return (
			Array.isArray(ours) &&
			ours.length === astros.length &&
			astros.every((item, index) => sameButDates(ours[index], item))
		);
	}
	if (astros !== null && typeof astros === 'object') {
		if (ours === null || typeof ours !== 'object' || Array.isArray(ours)) return false;
		const keys = Object.keys(astros);
		return (
			isDeepStrictEqual(Object.keys(ours), keys) &&
			keys.every((key) =>
				sameButDates(
					(ours as Record<string, unknown>)[key],
					(astros as Record<string, unknown>)[key],
				),
			)
		);
	}
	return Object.is(ours, astros);
}

/** The error a reading throws, or undefined. */
function thrown(read: () => unknown): unknown {
	try {
		read();
		return undefined;
	} catch (error) {
		return error;
	}
}

describe('one reading of frontmatter', () => {
	test.each(READING_CASES)('%s: the build, the check, the scripts and Astro agree', (_, yaml) => {
		const source = post(yaml);
		const ours = parseFrontmatter(source).data;
		expect(checkReading(source)).toEqual(ours);
		expect(reference(source).data).toEqual(ours);
		const astros: unknown = parseAsAstro(source).frontmatter;
		expect(sameButDates(ours, astros), JSON.stringify({ ours, astros })).toBe(true);
	});

	test.each(ERROR_CASES)('%s: every reader refuses it', (_, yaml) => {
		const source = post(yaml);
		expect(thrown(() => parseFrontmatter(source))).toBeDefined();
		expect(thrown(() => checkReading(source))).toBeDefined();
		expect(thrown(() => parseAsAstro(source))).toBeDefined();
	});

	test('YAML 1.2, not 1.1: the values that differ', () => {
		const { data } = parseFrontmatter(
			post('a: yes\nb: 0o12\nc: 2025-01-01\nd: ~\ne: 0b101\nf: -.5\ng: &x [1]\nh: *x'),
		);
		expect(data).toEqual({
			a: 'yes',
			b: 10,
			c: '2025-01-01',
			d: null,
			e: '0b101',
			f: -0.5,
			g: [1],
			h: [1],
		});
	});

	test('the site posts read alike everywhere', () => {
		for (const file of readdirSync(SEEDS)) {
			const source = readFileSync(join(SEEDS, file), 'utf8');
			const ours = parseFrontmatter(source).data;
			expect(checkReading(source), file).toEqual(ours);
			expect(sameButDates(ours, parseAsAstro(source).frontmatter), file).toBe(true);
		}
	});
});
