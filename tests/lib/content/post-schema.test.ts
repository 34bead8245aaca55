import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { describe, expect, test } from 'vitest';
import { fieldPath } from '../../../src/lib/content-check/content-issues.ts';
import {
	fieldsAt,
	postSchema,
	suggestField,
	unknownKeyHint,
} from '../../../src/lib/content/post-schema.ts';
import { ROOT } from '../../support/build.ts';

const BLOG = join(ROOT, 'src/content/blog');
const posts = readdirSync(BLOG).filter((name) => name.endsWith('.md'));

/** Frontmatter of a committed post, parsed as the build parses it. */
const frontmatterOf = (name: string): Record<string, unknown> =>
	parseFrontmatter(readFileSync(join(BLOG, name), 'utf8')).data;

/** A valid minimal post to break one field at a time. */
const valid = {
	title: 'Сервисный подход',
	description: 'Как мы работаем',
	pubDate: '2025-07-25T21:00:32.473Z',
};

/** Parses and returns `field → message` pairs of the errors. */
function errorsOf(input: unknown): [string, string][] {
	const result = postSchema.safeParse(input);
	if (result.success) return [];
	return result.error.issues.map((issue) => [fieldPath(issue.path), issue.message]);
}

describe('the existing posts', () => {
	test('both committed posts are there', () => {
		expect(posts.sort()).toEqual([
			'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii.md',
			'servisnyy-podhod.md',
		]);
	});

	test.each(posts)('%s is valid', (name) => {
		expect(errorsOf(frontmatterOf(name))).toEqual([]);
	});

	test('inline-JSON schema (servisnyy-podhod) is typed and kept as written', () => {
		const data = postSchema.parse(frontmatterOf('servisnyy-podhod.md'));
		expect(data.keywords).toEqual([
			'сервисный подход',
			'ButlerSPB',
			'клиентоориентированность',
			'управление услугами',
			'качество обслуживания',
			'ценность для клиента',
			'бизнес-модель',
		]);
		expect(data.pubDate.toISOString()).toBe('2025-07-25T21:00:32.473Z');
		expect(data.author).toBe('Эксперт ButlerSPB');
		expect(data.schema?.aggregateRating).toMatchObject({
			ratingValue: '4.8',
			reviewCount: 666,
			bestRating: '5',
			worstRating: '1',
		});
		expect(data.schema?.mainEntityOfPage?.['@id']).toBe(
			'https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/',
		);
		expect(data.related).toEqual([
			'mebel-dolgovechnaya',
			'chat-podderzhka',
			'kak-my-rabotaem-s-zhalobami-na-kachestvo-uborki',
		]);
		expect(data.headline).toMatch(/^Сервисный подход: как мы в ButlerSPB научились/);
	});

	test('block-YAML schema (doverie) is typed the same way', () => {
		const data = postSchema.parse(
			frontmatterOf('kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii.md'),
		);
		expect(data.keywords).toEqual([]);
		expect(data.description).toMatch(/^В современном мире удаленная работа/);
		expect(data.schema?.aggregateRating?.ratingValue).toBe('4.9');
		expect(data.schema?.aggregateRating?.reviewCount).toBe(791);
		expect(data.draft).toBe(false);
	});
});

describe('normalisation', () => {
	test.each([
		['a, b , ,c', ['a', 'b', 'c']],
		['ButlerSPB, butlerspb, сервис', ['ButlerSPB', 'сервис']],
		[
			['  один ', 'два', 'один'],
			['один', 'два'],
		],
		['', []],
		['Ёлка, елка, ЁЛКА', ['Ёлка']],
		['сервис, !!!, —, «»', ['сервис']],
		['Сервис №1, сервис n1', ['Сервис №1']],
	])('keywords %j → %j', (keywords, expected) => {
		expect(postSchema.parse({ ...valid, keywords }).keywords).toEqual(expected);
	});

	test.each([
		['2025-07-25', '2025-07-24T21:00:00.000Z'],
		['2025-07-25T12:00:00+03:00', '2025-07-25T09:00:00.000Z'],
		['2025-07-25T12:00:00', '2025-07-25T09:00:00.000Z'],
		['2025-07-25T21:00:32.473Z', '2025-07-25T21:00:32.473Z'],
	])('pubDate %s → %s (no zone means Moscow)', (pubDate, iso) => {
		expect(postSchema.parse({ ...valid, pubDate }).pubDate.toISOString()).toBe(iso);
	});

	test('an unquoted date reads as the quoted one: Moscow midnight', () => {
		const data = parseFrontmatter('---\ntitle: a\ndescription: b\npubDate: 2025-07-25\n---\n').data;
		expect(postSchema.parse(data).pubDate.toISOString()).toBe('2025-07-24T21:00:00.000Z');
	});

	test('a Date object (how YAML 1.1 timestamps read) is accepted as it is', () => {
		const pubDate = new Date('2025-07-25T00:00:00Z');
		expect(postSchema.parse({ ...valid, pubDate }).pubDate.toISOString()).toBe(
			'2025-07-25T00:00:00.000Z',
		);
	});

	test('headline defaults to title; related accepts /blog/<slug>/ URLs', () => {
		const data = postSchema.parse({
			...valid,
			related: ['/blog/chat-podderzhka/', 'https://butlerspb-blog.netlify.app/blog/a-b/', 'c'],
		});
		expect(data.headline).toBe(valid.title);
		expect(data.related).toEqual(['chat-podderzhka', 'a-b', 'c']);
	});

	test('ratings may be numbers', () => {
		const schema = {
			'@type': 'HowTo',
			aggregateRating: { '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 3 },
		};
		expect(postSchema.parse({ ...valid, schema }).schema?.aggregateRating).toMatchObject({
			ratingValue: 4.5,
			bestRating: '5',
			worstRating: '1',
		});
	});
});

const rating = (patch: Record<string, unknown>) => ({
	...valid,
	schema: {
		'@type': 'HowTo',
		aggregateRating: {
			'@type': 'AggregateRating',
			ratingValue: '4.8',
			reviewCount: 10,
			bestRating: '5',
			worstRating: '1',
			...patch,
		},
	},
});

describe('bad frontmatter is rejected with a message naming the field', () => {
	test.each<[string, Record<string, unknown>, string, RegExp]>([
		['missing title', { description: 'x', pubDate: '2025-01-01' }, 'title', /заголовок/],
		['empty description', { ...valid, description: '  ' }, 'description', /пустое/],
		['missing pubDate', { title: 'a', description: 'b' }, 'pubDate', /дата ISO 8601/],
		['bad date', { ...valid, pubDate: '25.07.2025' }, 'pubDate', /"25\.07\.2025"/],
		['impossible date', { ...valid, pubDate: '2025-02-30' }, 'pubDate', /дата ISO 8601/],
		['bad updatedDate', { ...valid, updatedDate: 'вчера' }, 'updatedDate', /дата/],
		['typo key', { ...valid, pubdate: '2025-01-01' }, '', /«pubdate».*«pubDate»/],
		['keywords as number', { ...valid, keywords: 5 }, 'keywords', /через запятую/],
		['draft as string', { ...valid, draft: 'да' }, 'draft', /true или false/],
		['heroImage not a URL', { ...valid, heroImage: 'ftp://x/y.jpg' }, 'heroImage', /https/],
		['related not slugs', { ...valid, related: ['Сервис'] }, 'related[0]', /латиницей/],
		['title with markup is text', { ...valid, title: 42 }, 'title', /строка/],
		[
			'rating above best',
			rating({ ratingValue: '5.5' }),
			'schema.aggregateRating.ratingValue',
			/от 1 до 5/,
		],
		[
			'rating below worst',
			rating({ ratingValue: 0 }),
			'schema.aggregateRating.ratingValue',
			/от 1 до 5/,
		],
		[
			'worst above best',
			rating({ worstRating: 6 }),
			'schema.aggregateRating.worstRating',
			/не больше bestRating/,
		],
		[
			'negative reviewCount',
			rating({ reviewCount: -1 }),
			'schema.aggregateRating.reviewCount',
			/отрицательным/,
		],
		[
			'fractional reviewCount',
			rating({ reviewCount: 2.5 }),
			'schema.aggregateRating.reviewCount',
			/целое/,
		],
		[
			'rating not a number',
			rating({ ratingValue: 'отлично' }),
			'schema.aggregateRating.ratingValue',
			/число/,
		],
		['schema not HowTo', { ...valid, schema: { '@type': 'Article' } }, 'schema.@type', /HowTo/],
		['schema as a string', { ...valid, schema: 'HowTo' }, 'schema', /блок полей/],
		[
			'updatedDate before pubDate',
			{ ...valid, pubDate: '2025-07-20', updatedDate: '2025-07-01' },
			'updatedDate',
			/раньше даты публикации/,
		],
		[
			'typo inside the rating',
			rating({ bestrating: 10 }),
			'schema.aggregateRating',
			/«bestrating».*«bestRating»/,
		],
		[
			'unknown key inside schema',
			{ ...valid, schema: { '@type': 'HowTo', step: [] } },
			'schema',
			/неизвестное поле «step»/,
		],
		[
			'unknown key inside the publisher',
			{ ...valid, schema: { '@type': 'HowTo', publisher: { name: 'X', extraKey: 1 } } },
			'schema.publisher',
			/неизвестное поле «extraKey»/,
		],
	])('%s', (_, input, field, message) => {
		const errors = errorsOf(input);
		expect(errors.length).toBeGreaterThan(0);
		const match = errors.find(([path]) => path === field);
		expect(match, `errors: ${JSON.stringify(errors)}`).toBeDefined();
		expect(match?.[1]).toMatch(message);
	});

	test('markup in a title is kept as text, never rejected or changed', () => {
		const title = '</script><script>alert(1)</script> <!--';
		expect(postSchema.parse({ ...valid, title }).title).toBe(title);
	});
});

test.each([
	['pubdate', 'pubDate'],
	['hero_image', 'heroImage'],
	['UPDATEDDATE', 'updatedDate'],
	['descripton', 'description'],
	// Other engines' names for the blog's fields.
	['date', 'pubDate'],
	['tags', 'keywords'],
	['categories', 'keywords'],
	['image', 'heroImage'],
	['lastmod', 'updatedDate'],
	// Invisible characters in the key.
	['pubDate\u200b', 'pubDate'],
	['hero\u00a0Alt', 'heroAlt'],
	['foo', undefined],
])('suggestField(%j) → %s', (key, expected) => {
	expect(suggestField(key)).toBe(expected);
});

test("another engine's key is named only at the top level", () => {
	expect(suggestField('image', fieldsAt(['schema']))).toBe('image');
	expect(suggestField('date', fieldsAt(['schema', 'aggregateRating']))).toBeUndefined();
});

test.each([
	['date', /другие движки блогов.*здесь оно называется «pubDate». Переименуйте «date» в «pubDate»/],
	['tags', /здесь оно называется «keywords»/],
	[
		'pubDate\u200b',
		/в имени «pubDate⟨U\+200B⟩» невидимый символ ⟨U\+200B⟩ \(пробел нулевой ширины\), без него это поле «pubDate»/,
	],
	['\u00a0title', /«⟨U\+00A0⟩title» невидимый символ ⟨U\+00A0⟩ \(неразрывный пробел\)/],
	['descripton', /^: возможно, имелось в виду «description»$/],
])('unknownKeyHint(%j)', (key, hint) => {
	expect(unknownKeyHint(key)).toMatch(hint);
});

test.each([
	['bestrating', ['schema', 'aggregateRating'], 'bestRating'],
	['ratingvalue', ['schema', 'aggregateRating'], 'ratingValue'],
	['reviewCout', ['schema', 'aggregateRating'], 'reviewCount'],
	['step', ['schema'], undefined],
	['extraKey', ['schema', 'aggregateRating'], undefined],
	['nme', ['schema', 'publisher'], 'name'],
])('suggestField(%s) inside %j → %s', (key, path, expected) => {
	expect(suggestField(key, fieldsAt(path))).toBe(expected);
});

describe('ratings', () => {
	test.each([
		['4,8', '4.8'],
		[' 4.5 ', '4.5'],
		[4.8, 4.8],
	])('ratingValue %j is kept as %j', (value, expected) => {
		const data = postSchema.parse(rating({ ratingValue: value }));
		expect(data.schema?.aggregateRating?.ratingValue).toBe(expected);
	});

	test('every problem of one rating is reported at once', () => {
		const errors = errorsOf(rating({ ratingValue: 9, reviewCount: -2, worstRating: 6 }));
		expect(errors.map(([path]) => path).sort()).toEqual([
			'schema.aggregateRating.ratingValue',
			'schema.aggregateRating.reviewCount',
			'schema.aggregateRating.worstRating',
		]);
	});

	test.each<[string, Record<string, unknown>, string[]]>([
		[
			'a missing reviewCount does not hide a ratingValue out of range',
			{ ratingValue: 5.5, reviewCount: undefined },
			['schema.aggregateRating.ratingValue', 'schema.aggregateRating.reviewCount'],
		],
		[
			'an unknown key does not hide a scale upside down',
			{ worstRating: 6, bestRaitng: 5 },
			[
				'schema.aggregateRating',
				'schema.aggregateRating.ratingValue',
				'schema.aggregateRating.worstRating',
			],
		],
		[
			'a ratingValue that is not a number is reported once',
			{ ratingValue: 'пять', reviewCount: 'много' },
			['schema.aggregateRating.ratingValue', 'schema.aggregateRating.reviewCount'],
		],
	])('%s', (_, patch, paths) => {
		expect(
			errorsOf(rating(patch))
				.map(([path]) => path)
				.sort(),
		).toEqual(paths);
	});
});

describe('a hero URL is used as the browser would read it', () => {
	test.each([
		[
			'https://images.unsplash.com/photo-1?ixlib=rb-4.0.3&amp;auto=format&amp;w=1200',
			'https://images.unsplash.com/photo-1?ixlib=rb-4.0.3&auto=format&w=1200',
		],
		['http://images.unsplash.com/photo-1?w=800', 'https://images.unsplash.com/photo-1?w=800'],
		['./images/foto.png', './images/foto.png'],
	])('heroImage %s → %s', (heroImage, expected) => {
		expect(postSchema.parse({ ...valid, heroImage }).heroImage).toBe(expected);
	});
});
