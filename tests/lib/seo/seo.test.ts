import { describe, expect, test } from 'vitest';
import { buildHead, heroImageSrc, pageTitle, socialImageFor } from '../../../src/lib/seo/seo.ts';
import { SITE } from '../../../src/site.ts';

describe('pageTitle', () => {
	test.each([
		[undefined, 'Блог ButlerSPB'],
		['Блог ButlerSPB', 'Блог ButlerSPB'],
		['Сервисный подход', 'Сервисный подход — Блог ButlerSPB'],
	])('pageTitle(%j) → %j', (title, expected) => expect(pageTitle(title)).toBe(expected));
});

describe('images', () => {
	test.each([
		[undefined, undefined],
		['https://example.org/a.jpg', 'https://example.org/a.jpg'],
		[{ src: '/_astro/a.webp' }, '/_astro/a.webp'],
	])('heroImageSrc(%j) → %j', (hero, expected) => expect(heroImageSrc(hero)).toBe(expected));

	test.each([
		[undefined, 'https://butlerspb-blog.netlify.app/og-default.png'],
		['/_astro/a.webp', 'https://butlerspb-blog.netlify.app/_astro/a.webp'],
		['http://example.org/a.jpg', 'https://example.org/a.jpg'],
		[
			'https://images.unsplash.com/photo-1?q=80&w=2070',
			'https://images.unsplash.com/photo-1?q=80&w=1200&h=630&auto=format&fit=crop',
		],
	])('socialImageFor(%j) → %j', (image, expected) => expect(socialImageFor(image)).toBe(expected));
});

describe('buildHead', () => {
	test('article page: Open Graph article, times with the Moscow offset, tags, Twitter card', () => {
		expect(
			buildHead({
				title: 'Сервисный подход',
				description: 'Описание',
				path: '/blog/servisnyy-podhod/',
				image: 'https://images.unsplash.com/photo-1?w=2070',
				article: {
					publishedTime: new Date('2025-07-25T21:00:32.473Z'),
					modifiedTime: new Date('2025-07-25T21:00:32.473Z'),
					tags: ['сервис', 'ButlerSPB'],
					author: 'Эксперт ButlerSPB',
				},
			}),
		).toMatchInlineSnapshot(`
			{
			  "links": [
			    {
			      "href": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			      "rel": "canonical",
			    },
			    {
			      "href": "https://butlerspb-blog.netlify.app/rss.xml",
			      "rel": "alternate",
			      "title": "Блог ButlerSPB",
			      "type": "application/rss+xml",
			    },
			    {
			      "href": "https://butlerspb-blog.netlify.app/sitemap-index.xml",
			      "rel": "sitemap",
			      "type": "application/xml",
			    },
			  ],
			  "meta": [
			    {
			      "content": "Описание",
			      "name": "description",
			    },
			    {
			      "content": "article",
			      "property": "og:type",
			    },
			    {
			      "content": "Сервисный подход",
			      "property": "og:title",
			    },
			    {
			      "content": "Описание",
			      "property": "og:description",
			    },
			    {
			      "content": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
			      "property": "og:url",
			    },
			    {
			      "content": "https://images.unsplash.com/photo-1?w=1200&h=630&q=80&auto=format&fit=crop",
			      "property": "og:image",
			    },
			    {
			      "content": "1200",
			      "property": "og:image:width",
			    },
			    {
			      "content": "630",
			      "property": "og:image:height",
			    },
			    {
			      "content": "ru_RU",
			      "property": "og:locale",
			    },
			    {
			      "content": "Блог ButlerSPB",
			      "property": "og:site_name",
			    },
			    {
			      "content": "2025-07-26T00:00:32+03:00",
			      "property": "article:published_time",
			    },
			    {
			      "content": "2025-07-26T00:00:32+03:00",
			      "property": "article:modified_time",
			    },
			    {
			      "content": "Эксперт ButlerSPB",
			      "property": "article:author",
			    },
			    {
			      "content": "сервис",
			      "property": "article:tag",
			    },
			    {
			      "content": "ButlerSPB",
			      "property": "article:tag",
			    },
			    {
			      "content": "summary_large_image",
			      "name": "twitter:card",
			    },
			    {
			      "content": "Сервисный подход",
			      "name": "twitter:title",
			    },
			    {
			      "content": "Описание",
			      "name": "twitter:description",
			    },
			    {
			      "content": "https://images.unsplash.com/photo-1?w=1200&h=630&q=80&auto=format&fit=crop",
			      "name": "twitter:image",
			    },
			  ],
			  "title": "Сервисный подход — Блог ButlerSPB",
			}
		`);
	});

	test('home page: the site name, website type, default image, no article tags', () => {
		const head = buildHead({ path: '/', next: '/page/2/' });
		expect(head.title).toBe('Блог ButlerSPB');
		expect(head.meta).toContainEqual({ property: 'og:type', content: 'website' });
		expect(head.meta).toContainEqual({
			property: 'og:image',
			content: 'https://butlerspb-blog.netlify.app/og-default.png',
		});
		expect(head.meta.some((tag) => 'property' in tag && tag.property.startsWith('article:'))).toBe(
			false,
		);
		expect(head.links).toContainEqual({
			rel: 'next',
			href: 'https://butlerspb-blog.netlify.app/page/2/',
		});
	});

	test('404: noindex, and no canonical URL or og:url for a page that is served at any address', () => {
		const head = buildHead({ title: 'Нет', path: '/404/', noindex: true });
		expect(head.meta).toContainEqual({ name: 'robots', content: 'noindex' });
		expect(head.meta.some((tag) => 'property' in tag && tag.property === 'og:url')).toBe(false);
		expect(head.links.map((link) => link.rel)).not.toContain('canonical');
	});
});

describe('search-console verification', () => {
	const page = { title: 'Статья', path: '/blog/x/' };
	const verificationTags = (head: ReturnType<typeof buildHead>) =>
		head.meta.filter((tag) => 'name' in tag && tag.name.endsWith('verification'));

	test('both codes set: one tag each, under the names Google and Yandex read', () => {
		expect(verificationTags(buildHead(page, { google: 'g-code_123', yandex: 'ya1234abcd' })))
			.toMatchInlineSnapshot(`
				[
				  {
				    "content": "g-code_123",
				    "name": "google-site-verification",
				  },
				  {
				    "content": "ya1234abcd",
				    "name": "yandex-verification",
				  },
				]
			`);
	});

	test.each([
		[{ google: '', yandex: 'ya' }, ['yandex-verification']],
		[{ google: 'g', yandex: '' }, ['google-site-verification']],
		[{ google: '', yandex: '' }, []],
	])('%j prints %j', (codes, names) => {
		expect(
			verificationTags(buildHead(page, codes)).map((tag) => 'name' in tag && tag.name),
		).toEqual(names);
	});

	test('by default the codes come from SITE.verification', () => {
		expect(verificationTags(buildHead(page))).toEqual(
			verificationTags(buildHead(page, SITE.verification)),
		);
	});
});

test.each([
	[{ image: '/_astro/kvadrat.png', imageSize: { width: 600, height: 600 } }, ['600', '600']],
	[{ image: 'https://images.unsplash.com/photo-1' }, ['1200', '630']],
	[{ imageSize: { width: 600, height: 600 } }, ['1200', '630']],
])('og:image size of %j is %j', (page, [width, height]) => {
	const { meta } = buildHead({ title: 'Т', path: '/blog/t/', ...page });
	const content = (property: string) =>
		meta.find((tag) => 'property' in tag && tag.property === property)?.content;
	expect([content('og:image:width'), content('og:image:height')]).toEqual([width, height]);
});
