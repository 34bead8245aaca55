import { describe, expect, test } from 'vitest';
import { TEXT_LIMITS } from '../../../src/lib/content-check/content-data-rules.ts';
import { checkPosts, type Finding } from '../../../src/lib/content-check/content-check.ts';

const DESCRIPTION = 'Описание статьи для проверки: о чём она и чем полезна читателю.';

/** A valid post: title on line 2, description on 3, pubDate on 4, then `extra` from line 5. */
const source = (
	extra = '',
	{ title = 'Статья', description = DESCRIPTION, body = 'Текст.' } = {},
) =>
	`---\ntitle: "${title}"\ndescription: "${description}"\npubDate: "2025-07-20"\n${extra}---\n\n${body}\n`;

const check = (text: string): Finding[] => checkPosts([{ file: 'a.md', source: text }]).findings;
const brief = (findings: readonly Finding[]) =>
	findings.map(({ code, severity, line, field }) => ({ code, severity, line, field }));

describe('the hero image', () => {
	// [case, fields, expected findings]
	test.each([
		[
			'a root path (a file in public/)',
			'heroImage: "/logo.png"\nheroAlt: "Логотип"\n',
			[{ code: 'hero-root-path', severity: 'error', line: 5, field: 'heroImage' }],
		],
		[
			'a host the CSP blocks',
			'heroImage: "https://cdn.example.com/a.jpg"\nheroAlt: "Фото"\n',
			[{ code: 'image-blocked', severity: 'error', line: 5, field: 'heroImage' }],
		],
		[
			'no heroAlt',
			'heroImage: "https://images.unsplash.com/photo-1"\n',
			[{ code: 'hero-alt-missing', severity: 'warning', line: 5, field: 'heroImage' }],
		],
		[
			'an empty heroAlt (decorative)',
			'heroImage: "https://images.unsplash.com/p"\nheroAlt: ""\n',
			[],
		],
		[
			'an allowed host with heroAlt',
			'heroImage: "https://images.unsplash.com/p"\nheroAlt: "Фото"\n',
			[],
		],
	])('%s', (_, extra, expected) => {
		expect(brief(check(source(extra)))).toEqual(expected);
	});

	test('the root-path message says what to write instead', () => {
		const [finding] = check(source('heroImage: "/logo.png"\nheroAlt: "Логотип"\n'));
		expect(finding?.message).toContain('./images/logo.png');
	});
});

describe('lengths search engines show', () => {
	const long = (n: number) => 'а'.repeat(n);
	test.each([
		['a title of 70 characters', { title: long(TEXT_LIMITS.titleMax) }, []],
		['a title of 71 characters', { title: long(71) }, [['title-length', 2, 'title']]],
		[
			'a description of 49 characters',
			{ description: long(49) },
			[['description-length', 3, 'description']],
		],
		['a description of 50 characters', { description: long(50) }, []],
		['a description of 160 characters', { description: long(160) }, []],
		[
			'a description of 161 characters',
			{ description: long(161) },
			[['description-length', 3, 'description']],
		],
	])('%s', (_, texts, expected) => {
		const findings = check(source('', texts));
		expect(findings.map(({ code, line, field }) => [code, line, field])).toEqual(expected);
		for (const finding of findings) expect(finding.severity).toBe('warning');
	});
});

describe('keywords', () => {
	test.each([
		['«Ёлка» and «елка»', 'keywords: "Ёлка, елка"\n', ['keyword-collision'], '/tags/elka/'],
		['a keyword of punctuation only', 'keywords: "сервис, !!!"\n', ['keyword-empty'], '«!!!»'],
		[
			'a YAML list',
			'keywords:\n  - Сервис №1\n  - сервис n1\n  - "—"\n',
			['keyword-collision', 'keyword-empty'],
			'/tags/servis-n1/',
		],
		['case only', 'keywords: "Сервис, сервис"\n', [], ''],
	])('%s', (_, extra, codes, text) => {
		const findings = check(source(extra));
		expect(findings.map((finding) => finding.code)).toEqual(codes);
		for (const finding of findings) {
			expect(finding).toMatchObject({ severity: 'warning', line: 5, field: 'keywords' });
		}
		if (text) expect(findings[0]?.message).toContain(text);
	});
});

describe('template text', () => {
	test.each([
		['a published post', '', 'error'],
		['a draft', 'draft: true\n', 'warning'],
	])('in %s is an %s', (_, extra, severity) => {
		const findings = check(source(extra, { body: 'Замените этот текст: вступление.' }));
		expect(brief(findings)).toEqual([
			{ code: 'placeholder', severity, line: extra ? 8 : 7, field: undefined },
		]);
	});
});

test('updatedDate before pubDate is an error on its line', () => {
	expect(brief(check(source('updatedDate: "2025-07-01"\n')))).toEqual([
		{ code: 'schema', severity: 'error', line: 5, field: 'updatedDate' },
	]);
});

test('every rating problem of a post is reported', () => {
	const rating = [
		'schema:',
		'  "@type": HowTo',
		'  aggregateRating:',
		'    "@type": AggregateRating',
		'    ratingValue: 9',
		'    reviewCount: -1',
		'    worstRating: 6',
		'    bestrating: 10',
		'',
	].join('\n');
	const findings = check(source(rating));
	expect(findings.map(({ field, line }) => [field, line])).toEqual([
		['schema.aggregateRating.ratingValue', 9],
		['schema.aggregateRating.reviewCount', 10],
		['schema.aggregateRating.worstRating', 11],
		['schema.aggregateRating.bestrating', 12],
	]);
	expect(findings[3]?.message).toContain('возможно, имелось в виду «bestRating»');
});
