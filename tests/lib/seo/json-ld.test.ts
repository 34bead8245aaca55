import { describe, expect, test } from 'vitest';
import {
	BLOG_ID,
	ORGANIZATION_ID,
	WEBSITE_ID,
	buildArticleJsonLd,
	buildHomeJsonLd,
	buildHowToSteps,
	truncateText,
	type JsonLdPost,
} from '../../../src/lib/seo/json-ld.ts';
import { postSchema } from '../../../src/lib/content/post-schema.ts';
import type { Heading } from '../../../src/lib/text/toc.ts';

const HERO = 'https://images.unsplash.com/photo-1?q=80&w=2070&auto=format&fit=crop';

/** The HowTo block as the existing posts write it, parsed by the real schema. */
const schema = postSchema.parse({
	title: 'Сервисный подход',
	description: 'Описание',
	pubDate: '2025-07-25T21:00:32.473Z',
	schema: {
		'@context': 'https://schema.org',
		'@type': 'HowTo',
		name: 'Сервисный подход: философия',
		image: { '@type': 'ImageObject', url: 'http://images.unsplash.com/photo-2' },
		aggregateRating: { '@type': 'AggregateRating', ratingValue: '4.8', reviewCount: 666 },
		publisher: {
			'@type': 'Organization',
			name: 'Блог ButlerSPB',
			logo: { '@type': 'ImageObject', url: 'https://butlerspb-blog.netlify.app/favicon.ico' },
		},
		mainEntityOfPage: {
			'@type': 'WebPage',
			'@id': 'https://butlerspb-blog.netlify.app/blog/old-slug/',
		},
		totalTime: 'PT10M',
	},
}).schema;

const post = (overrides: Partial<JsonLdPost> = {}): JsonLdPost => ({
	slug: 'servisnyy-podhod',
	title: 'Сервисный подход',
	headline: 'Сервисный подход: как мы научились предвосхищать желания',
	description: 'Описание статьи',
	keywords: ['сервис', 'ButlerSPB'],
	// 21:00 UTC on 25 July is 00:00 on 26 July in Moscow.
	pubDate: new Date('2025-07-25T21:00:32.473Z'),
	modifiedDate: new Date('2025-08-01T09:00:00Z'),
	wordCount: 1270,
	data: { author: 'Эксперт ButlerSPB', heroImage: HERO, schema },
	...overrides,
});

const headings: Heading[] = [
	{ depth: 2, slug: 'первый-раздел', text: 'Первый раздел' },
	{ depth: 3, slug: 'подраздел', text: 'Подраздел' },
	{ depth: 2, slug: 'faq', text: 'Вопросы (FAQ)' },
];

/** What the article's sections show, as extractSections() reads them from the body. */
const sections = new Map([
	[
		'первый-раздел',
		{ text: 'Первый абзац раздела. Второй абзац.', image: 'https://example.org/_astro/a.webp' },
	],
	['faq', { text: '' }],
]);

type Node = Record<string, unknown>;
const nodes = (graph: { '@graph': readonly unknown[] }): Node[] => graph['@graph'] as Node[];
const byType = (graph: { '@graph': readonly unknown[] }, type: string): Node | undefined =>
	nodes(graph).find((node) => node['@type'] === type);

describe('truncateText', () => {
	test.each([
		['short text', 110, 'short text'],
		['  trimmed  ', 110, 'trimmed'],
		['один два три четыре', 12, 'один два…'],
		['одно-длинное-слово-без-пробелов', 10, 'одно-длин…'],
		['слово, запятая', 9, 'слово…'],
	])('truncateText(%j, %i) → %j', (input, max, expected) => {
		const out = truncateText(input, max);
		expect(out).toBe(expected);
		expect([...out].length).toBeLessThanOrEqual(max);
	});

	test('a 110-character headline stays whole, a 111-character one is cut to 110', () => {
		expect(truncateText('я'.repeat(110))).toBe('я'.repeat(110));
		expect([...truncateText(`${'слово '.repeat(30)}`)].length).toBeLessThanOrEqual(110);
	});
});

describe('buildArticleJsonLd', () => {
	test('BlogPosting has every property search engines read', () => {
		expect(byType(buildArticleJsonLd(post(), headings), 'BlogPosting')).toMatchInlineSnapshot(`
			{
			  "@id": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/#article",
			  "@type": "BlogPosting",
			  "author": {
			    "@type": "Person",
			    "name": "Эксперт ButlerSPB",
			    "url": "https://butlerspb.ru/",
			  },
			  "dateModified": "2025-08-01T12:00:00+03:00",
			  "datePublished": "2025-07-26T00:00:32+03:00",
			  "description": "Описание статьи",
			  "headline": "Сервисный подход: как мы научились предвосхищать желания",
			  "image": [
			    "https://images.unsplash.com/photo-1?q=80&w=1200&auto=format&fit=crop&h=675",
			    "https://images.unsplash.com/photo-1?q=80&w=1200&auto=format&fit=crop&h=900",
			    "https://images.unsplash.com/photo-1?q=80&w=1200&auto=format&fit=crop&h=1200",
			  ],
			  "inLanguage": "ru-RU",
			  "keywords": "сервис, ButlerSPB",
			  "mainEntityOfPage": {
			    "@id": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			    "@type": "WebPage",
			  },
			  "publisher": {
			    "@id": "https://butlerspb-blog.netlify.app/#organization",
			    "@type": "Organization",
			    "logo": {
			      "@type": "ImageObject",
			      "height": "512",
			      "url": "https://butlerspb-blog.netlify.app/logo.png",
			      "width": "512",
			    },
			    "name": "ButlerSPB",
			    "url": "https://butlerspb.ru/",
			  },
			  "url": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			  "wordCount": 1270,
			}
		`);
	});

	test('BreadcrumbList goes Блог → the post', () => {
		expect(byType(buildArticleJsonLd(post(), headings), 'BreadcrumbList')).toMatchInlineSnapshot(`
			{
			  "@type": "BreadcrumbList",
			  "itemListElement": [
			    {
			      "@type": "ListItem",
			      "item": "https://butlerspb-blog.netlify.app/",
			      "name": "Блог",
			      "position": 1,
			    },
			    {
			      "@type": "ListItem",
			      "item": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			      "name": "Сервисный подход",
			      "position": 2,
			    },
			  ],
			}
		`);
	});

	test('HowTo is normalised: absolute @id and url, rating as written, steps from h2', () => {
		expect(byType(buildArticleJsonLd(post(), headings, sections), 'HowTo')).toMatchInlineSnapshot(`
			{
			  "@id": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/#howto",
			  "@type": "HowTo",
			  "aggregateRating": {
			    "@type": "AggregateRating",
			    "bestRating": "5",
			    "ratingValue": "4.8",
			    "reviewCount": 666,
			    "worstRating": "1",
			  },
			  "description": "Описание статьи",
			  "image": {
			    "@type": "ImageObject",
			    "url": "https://images.unsplash.com/photo-2",
			  },
			  "mainEntityOfPage": {
			    "@id": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			    "@type": "WebPage",
			  },
			  "name": "Сервисный подход: философия",
			  "publisher": {
			    "@id": "https://butlerspb-blog.netlify.app/#organization",
			  },
			  "step": [
			    {
			      "@type": "HowToStep",
			      "image": "https://example.org/_astro/a.webp",
			      "name": "Первый раздел",
			      "text": "Первый абзац раздела. Второй абзац.",
			      "url": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/#%D0%BF%D0%B5%D1%80%D0%B2%D1%8B%D0%B9-%D1%80%D0%B0%D0%B7%D0%B4%D0%B5%D0%BB",
			    },
			    {
			      "@type": "HowToStep",
			      "name": "Вопросы (FAQ)",
			      "text": "Вопросы (FAQ)",
			      "url": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/#faq",
			    },
			  ],
			  "totalTime": "PT10M",
			  "url": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			}
		`);
	});

	test('HowTo name, description and image default to the post', () => {
		const bare = postSchema.parse({
			title: 't',
			description: 'd',
			pubDate: '2025-01-01',
			schema: { '@type': 'HowTo' },
		}).schema;
		const howTo = byType(
			buildArticleJsonLd(post({ data: { author: 'А', heroImage: HERO, schema: bare } }), []),
			'HowTo',
		);
		expect(howTo).toMatchObject({
			name: 'Сервисный подход',
			description: 'Описание статьи',
			image: 'https://images.unsplash.com/photo-1?q=80&w=1200&auto=format&fit=crop&h=630',
		});
		expect(howTo).not.toHaveProperty('aggregateRating');
		expect(howTo).not.toHaveProperty('step');
	});

	test('no HowTo without a schema block; no keywords when the post has none', () => {
		const graph = buildArticleJsonLd(
			post({ keywords: [], data: { author: 'А', heroImage: undefined } }),
			headings,
		);
		expect(nodes(graph).map((node) => node['@type'])).toEqual(['BlogPosting', 'BreadcrumbList']);
		const article = byType(graph, 'BlogPosting');
		expect(article).not.toHaveProperty('keywords');
		expect(article?.['image']).toEqual(['https://butlerspb-blog.netlify.app/og-default.png']);
	});

	test('a local hero image becomes an absolute URL', () => {
		const graph = buildArticleJsonLd(
			post({ data: { author: 'А', heroImage: { src: '/_astro/hero.abc.webp' } } }),
			[],
		);
		expect(byType(graph, 'BlogPosting')?.['image']).toEqual([
			'https://butlerspb-blog.netlify.app/_astro/hero.abc.webp',
		]);
	});

	test('a hero on a host that cannot crop is given once, as it is', () => {
		const graph = buildArticleJsonLd(
			post({ data: { author: 'А', heroImage: 'http://example.org/hero.jpg' } }),
			[],
		);
		expect(byType(graph, 'BlogPosting')?.['image']).toEqual(['https://example.org/hero.jpg']);
	});

	test('a named author has no url: only the default author stands for the organisation', () => {
		const graph = buildArticleJsonLd(post({ data: { author: 'Анна Петрова' } }), []);
		expect(byType(graph, 'BlogPosting')?.['author']).toEqual({
			'@type': 'Person',
			name: 'Анна Петрова',
		});
	});

	test('headline is cut to 110 characters', () => {
		const long = `${'Очень длинный заголовок статьи '.repeat(6)}конец`;
		const headline = byType(buildArticleJsonLd(post({ headline: long }), []), 'BlogPosting')?.[
			'headline'
		] as string;
		expect([...headline].length).toBeLessThanOrEqual(110);
		expect(headline.endsWith('…')).toBe(true);
	});
});

describe('buildHowToSteps', () => {
	test('one step per h2, the anchor percent-encoded, with its section’s text and image', () => {
		expect(buildHowToSteps('https://example.org/blog/x/', headings, sections)).toEqual([
			{
				'@type': 'HowToStep',
				name: 'Первый раздел',
				url: `https://example.org/blog/x/#${encodeURIComponent('первый-раздел')}`,
				text: 'Первый абзац раздела. Второй абзац.',
				image: 'https://example.org/_astro/a.webp',
			},
			{
				'@type': 'HowToStep',
				name: 'Вопросы (FAQ)',
				url: 'https://example.org/blog/x/#faq',
				text: 'Вопросы (FAQ)',
			},
		]);
	});

	test('a section the body does not show (no sections given) still gets text: its heading', () => {
		expect(buildHowToSteps('https://example.org/blog/x/', headings).map((s) => s.text)).toEqual([
			'Первый раздел',
			'Вопросы (FAQ)',
		]);
	});
});

describe('buildHomeJsonLd', () => {
	test('WebSite, Organization and Blog with the posts given, tied by stable @ids', () => {
		const graph = buildHomeJsonLd([post(), post({ slug: 'vtoraya', headline: 'Вторая' })]);
		expect(nodes(graph).map((node) => [node['@type'], node['@id']])).toEqual([
			['WebSite', WEBSITE_ID],
			['Organization', ORGANIZATION_ID],
			['Blog', BLOG_ID],
		]);
		expect(byType(graph, 'Organization')).toMatchInlineSnapshot(`
			{
			  "@id": "https://butlerspb-blog.netlify.app/#organization",
			  "@type": "Organization",
			  "logo": {
			    "@type": "ImageObject",
			    "height": "512",
			    "url": "https://butlerspb-blog.netlify.app/logo.png",
			    "width": "512",
			  },
			  "name": "ButlerSPB",
			  "url": "https://butlerspb.ru/",
			}
		`);
		const blog = byType(graph, 'Blog');
		expect(blog?.['publisher']).toEqual({ '@id': ORGANIZATION_ID });
		expect(blog?.['blogPost']).toMatchInlineSnapshot(`
			[
			  {
			    "@id": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/#article",
			    "@type": "BlogPosting",
			    "author": {
			      "@type": "Person",
			      "name": "Эксперт ButlerSPB",
			      "url": "https://butlerspb.ru/",
			    },
			    "dateModified": "2025-08-01T12:00:00+03:00",
			    "datePublished": "2025-07-26T00:00:32+03:00",
			    "headline": "Сервисный подход: как мы научились предвосхищать желания",
			    "image": "https://images.unsplash.com/photo-1?q=80&w=1200&auto=format&fit=crop&h=630",
			    "url": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			  },
			  {
			    "@id": "https://butlerspb-blog.netlify.app/blog/vtoraya/#article",
			    "@type": "BlogPosting",
			    "author": {
			      "@type": "Person",
			      "name": "Эксперт ButlerSPB",
			      "url": "https://butlerspb.ru/",
			    },
			    "dateModified": "2025-08-01T12:00:00+03:00",
			    "datePublished": "2025-07-26T00:00:32+03:00",
			    "headline": "Вторая",
			    "image": "https://images.unsplash.com/photo-1?q=80&w=1200&auto=format&fit=crop&h=630",
			    "url": "https://butlerspb-blog.netlify.app/blog/vtoraya/",
			  },
			]
		`);
	});
});

describe('the rating as editors write it', () => {
	test.each([
		['4,8', '4.8'],
		['4.8', '4.8'],
		[4.8, 4.8],
	])('ratingValue %j is %j in the HowTo', (ratingValue, expected) => {
		const written = postSchema.parse({
			title: 'Т',
			description: 'О',
			pubDate: '2025-07-25',
			schema: {
				'@type': 'HowTo',
				aggregateRating: { '@type': 'AggregateRating', ratingValue, reviewCount: 3 },
			},
		}).schema;
		const howTo = byType(
			buildArticleJsonLd(post({ data: { author: 'А', heroImage: HERO, schema: written } }), []),
			'HowTo',
		);
		expect(howTo?.['aggregateRating']).toMatchObject({ ratingValue: expected, reviewCount: 3 });
	});
});
