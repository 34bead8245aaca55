import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { describe, expect, test } from 'vitest';
import {
	ImportError,
	importLegacyPost,
	legacySlug,
} from '../../../src/lib/content/legacy-import.ts';
import { postSchema } from '../../../src/lib/content/post-schema.ts';
import { ROOT } from '../../support/build.ts';

const legacy = (name: string): string =>
	readFileSync(join(ROOT, 'tests/fixtures/legacy', name), 'utf8');

const SEEDS = [
	['servisnyy-podhod.legacy.md', 'servisnyy-podhod'],
	['doverie.legacy.md', 'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii'],
] as const;

describe.each(SEEDS)('%s', (file, slug) => {
	const source = legacy(file);
	const result = importLegacyPost(source);

	test(`slug comes from schema.mainEntityOfPage['@id']: ${slug}`, () => {
		expect(result.slug).toBe(slug);
	});

	test('matches the committed post byte for byte', () => {
		expect(result.output).toBe(readFileSync(join(ROOT, `src/content/blog/${slug}.md`), 'utf8'));
	});

	test('is idempotent: importing the output again gives the same bytes', () => {
		expect(importLegacyPost(result.output).output).toBe(result.output);
		expect(importLegacyPost(source).output).toBe(result.output);
	});

	test('keeps the original frontmatter text as written', () => {
		const original = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
		expect(result.output.startsWith(`---\n${original}\n`)).toBe(true);
	});

	test('keeps every frontmatter value', () => {
		const before = parseFrontmatter(source).data;
		const after = parseFrontmatter(result.output).data;
		for (const [key, value] of Object.entries(before)) expect(after[key]).toEqual(value);
	});

	test('moves the leading # H1 into headline and the «Читайте также» list into related', () => {
		const after = parseFrontmatter(result.output);
		expect(after.data['headline']).toBe(result.headlineMoved);
		expect(after.content).not.toMatch(/^# /m);
		expect(after.content).not.toMatch(/Читайте также/);
		expect(after.content).not.toMatch(/\/blog\//);
		expect(after.data['related']).toEqual(result.relatedMoved);
		expect(result.relatedMoved).toHaveLength(3);
	});

	test('keeps the body text: every other line of the body is still there', () => {
		const body = parseFrontmatter(source).content;
		const kept = parseFrontmatter(result.output).content;
		const lines = body
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => line && !/^# |^## Читайте также|^\* +\[.*\]\(\/blog\/|^---$/.test(line));
		for (const line of lines) expect(kept).toContain(line);
	});

	test('the result is valid against the shared schema', () => {
		expect(postSchema.safeParse(parseFrontmatter(result.output).data).success).toBe(true);
	});
});

test('the related slugs are exactly the ones the legacy list linked to', () => {
	expect(importLegacyPost(legacy('servisnyy-podhod.legacy.md')).relatedMoved).toEqual([
		'mebel-dolgovechnaya',
		'chat-podderzhka',
		'kak-my-rabotaem-s-zhalobami-na-kachestvo-uborki',
	]);
});

describe('edge cases', () => {
	const post = (frontmatter: string, body: string): string => `---\n${frontmatter}\n---\n${body}`;

	test('slug falls back to the transliterated title', () => {
		expect(legacySlug({ title: 'Чат-поддержка: ключ к лояльности' })).toBe(
			'chat-podderzhka-klyuch-k-loyalnosti',
		);
	});

	test.each([
		['Сервис №1: как мы работаем', 'servis-n1-kak-my-rabotaem'],
		['Слово '.repeat(60), `${'slovo-'.repeat(12)}slovo`],
	])('an imported title «%s» gets the slug new posts and tags get: %s', (title, slug) => {
		expect(legacySlug({ title })).toBe(slug);
	});

	test('a «Читайте также» section with other content stays in the body', () => {
		const source = post(
			'title: "A"',
			'\nText\n\n## Читайте также\n\nНаш совет: читайте больше.\n\n* [X](/blog/x/)\n',
		);
		const result = importLegacyPost(source);
		expect(result.relatedMoved).toEqual([]);
		expect(result.output).toContain('## Читайте также');
	});

	test('an H1 equal to the title is removed without adding headline', () => {
		const result = importLegacyPost(post('title: "Заголовок"', '\n# Заголовок\n\nТекст\n'));
		expect(result.output).toBe('---\ntitle: "Заголовок"\n---\n\nТекст\n');
	});

	test('existing related is never overwritten', () => {
		const source = post(
			'title: "A"\nrelated:\n  - b',
			'\nText\n\n## Читайте также\n\n* [X](/blog/x/)\n',
		);
		const result = importLegacyPost(source);
		expect(parseFrontmatter(result.output).data['related']).toEqual(['b']);
		expect(result.output).toContain('* [X](/blog/x/)');
		expect(result.notes.join(' ')).toMatch(/related уже задано/);
	});

	test('CRLF line endings give the same result as LF', () => {
		const source = legacy('doverie.legacy.md');
		expect(importLegacyPost(source.replace(/\n/g, '\r\n')).output).toBe(
			importLegacyPost(source).output,
		);
	});

	test.each([
		['no frontmatter', '# Title\n\nText', /frontmatter/],
		['broken YAML', '---\ntitle: "a\n---\nText', /YAML/],
		['no slug source', '---\ndescription: x\n---\nText', /не удалось определить адрес/],
	])('%s is refused with a reason', (_, source, reason) => {
		expect(() => importLegacyPost(source)).toThrow(ImportError);
		expect(() => importLegacyPost(source)).toThrow(reason);
	});
});
