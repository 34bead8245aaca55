import { XMLParser } from 'fast-xml-parser';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite } from '../support/build.ts';
import { metaContent, readPage } from '../support/html.ts';
import { pageTitle } from '../../src/lib/seo/seo.ts';

/*
 * A post whose title, description, headline and keywords try to close the JSON-LD <script> and
 * open an HTML comment. Built once from tests/fixtures/xss-blog/; every consumer must show the
 * text as text.
 */

const TITLE = 'Заголовок </script><script>alert(1)</script> и <!-- комментарий';
const DESCRIPTION = 'Описание </script><script>alert(1)</script> <!-- --> & «кавычки» "двойные"';
const HEADLINE = 'Статья </script><script>alert(1)</script> <!-- без конца';
const KEYWORD = '</script><script>alert(1)</script>';
const PATH = '/blog/xss-v-zagolovke/';

type Node = Record<string, unknown>;

let dist: string;
let article: HTMLElement;
let home: HTMLElement;
beforeAll(async () => {
	({ outDir: dist } = await buildFixtureSite('tests/fixtures/xss-blog'));
	[article, home] = await Promise.all([readPage(PATH, dist), readPage('/', dist)]);
}, 180_000);
afterAll(() => (dist ? rm(dirname(dist), { recursive: true, force: true }) : undefined));

/** The JSON-LD script elements of a page, checked for raw breakouts, and their graphs. */
function jsonLdGraph(page: HTMLElement): Node[] {
	const scripts = page.querySelectorAll('script[type="application/ld+json"]');
	expect(scripts).toHaveLength(1);
	const raw = scripts[0]!.rawText;
	expect(raw.toLowerCase()).not.toContain('</script');
	expect(raw).not.toContain('<!--');
	expect(raw).not.toContain('<');
	return (JSON.parse(raw) as { '@graph': Node[] })['@graph'];
}

const byType = (graph: Node[], type: string): Node =>
	graph.find((node) => node['@type'] === type) ?? {};

describe('HTML', () => {
	test.each(['article', 'home'])('the %s page has no injected script element', (name) => {
		const page = name === 'article' ? article : home;
		expect(page.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
		// The JSON-LD holds the text escaped; it is checked on its own below.
		for (const script of page.querySelectorAll('script:not([type="application/ld+json"])')) {
			expect(script.rawText).not.toContain('alert(1)');
		}
	});

	test('the texts render as text: <title>, h1, meta description, og:title, article:tag', () => {
		expect(article.querySelector('title')?.text).toBe(pageTitle(TITLE));
		expect(article.querySelector('h1')?.text).toBe(HEADLINE);
		expect(metaContent(article, 'description')).toBe(DESCRIPTION);
		expect(metaContent(article, 'og:title')).toBe(TITLE);
		expect(metaContent(article, 'twitter:description')).toBe(DESCRIPTION);
		const tags = article.querySelectorAll('meta[property="article:tag"]');
		expect(tags.map((tag) => tag.getAttribute('content'))).toContain(KEYWORD);
	});

	test('no HTML comment was opened', async () => {
		const html = await readFile(join(dist, PATH, 'index.html'), 'utf8');
		// `<!--` may only appear inside quoted attribute values, where it is plain text.
		const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
		expect(outsideAttributes).not.toContain('<!--');
		expect(outsideAttributes).not.toContain('<script>alert(1)');
	});
});

describe('JSON-LD', () => {
	test('the article graph parses and holds the raw strings', () => {
		const graph = jsonLdGraph(article);
		expect(byType(graph, 'BlogPosting')).toMatchObject({
			headline: HEADLINE,
			description: DESCRIPTION,
			keywords: `обычный тег, ${KEYWORD}`,
		});
		const crumbs = byType(graph, 'BreadcrumbList')['itemListElement'] as Node[];
		expect(crumbs[1]?.['name']).toBe(TITLE);
		expect(byType(graph, 'HowTo')).toMatchObject({ name: TITLE, description: DESCRIPTION });
	});

	test('the home graph parses and lists the raw headline', () => {
		const blog = byType(jsonLdGraph(home), 'Blog');
		expect((blog['blogPost'] as Node[])[0]?.['headline']).toBe(HEADLINE);
	});
});

describe('RSS', () => {
	test('the feed parses and the item holds the raw strings', async () => {
		const xml = await readFile(join(dist, 'rss.xml'), 'utf8');
		const parser = new XMLParser({ isArray: (name) => name === 'item' || name === 'category' });
		const [item] = parser.parse(xml).rss.channel.item as Node[];
		expect(item?.['title']).toBe(TITLE);
		expect(item?.['description']).toBe(DESCRIPTION);
		expect(item?.['category']).toEqual(['обычный тег', KEYWORD]);
	});

	test("the item's relative links and images became absolute", async () => {
		const xml = await readFile(join(dist, 'rss.xml'), 'utf8');
		const [item] = new XMLParser({ isArray: (name) => name === 'item' }).parse(xml).rss.channel
			.item as Node[];
		const html = item?.['content:encoded'] as string;
		expect(html).toContain('href="https://butlerspb-blog.netlify.app/blog/xss-v-zagolovke/"');
		expect(html).toContain('href="https://butlerspb-blog.netlify.app/blog/xss-v-zagolovke/#faq"');
		expect(html).toContain('src="https://butlerspb-blog.netlify.app/logo.png"');
	});
});
