import { beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { jsonLdBlocks, metaContent, readPage } from '../support/html.ts';
import { htmlPages, readPublishedPosts, type SourcePost } from '../support/posts.ts';
import { SITE } from '../../src/site.ts';

type Node = Record<string, unknown>;
type Graph = { '@context': string; '@graph': Node[] };

const ISO_MOSCOW = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+03:00$/;
const secondsOf = (date: Date): number => Math.floor(date.getTime() / 1000);

let posts: SourcePost[];
beforeAll(async () => {
	posts = await readPublishedPosts();
	expect(posts.length).toBeGreaterThan(0);
});

/** The page's single JSON-LD graph. */
async function graphOf(
	path: string,
): Promise<{ graph: Graph; page: Awaited<ReturnType<typeof readPage>> }> {
	const page = await readPage(path);
	const blocks = jsonLdBlocks(page) as Graph[];
	expect(blocks).toHaveLength(1);
	const [graph] = blocks as [Graph];
	expect(graph['@context']).toBe('https://schema.org');
	expect(Array.isArray(graph['@graph'])).toBe(true);
	return { graph, page };
}

const nodeOf = (graph: Graph, type: string): Node => {
	const nodes = graph['@graph'].filter((node) => node['@type'] === type);
	expect(nodes, type).toHaveLength(1);
	return nodes[0] as Node;
};

test('every JSON-LD block on every page parses and keeps < > & escaped', async () => {
	for (const path of await htmlPages(DIST)) {
		const page = await readPage(path);
		for (const script of page.querySelectorAll('script[type="application/ld+json"]')) {
			expect(() => JSON.parse(script.rawText), path).not.toThrow();
			expect(script.rawText, path).not.toMatch(/[<>&]/);
		}
	}
});

describe('article pages', () => {
	test('each published post has a BlogPosting with every required property', async () => {
		for (const post of posts) {
			const path = `/blog/${post.slug}/`;
			const { graph, page } = await graphOf(path);
			const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
			expect(canonical).toBe(`${SITE.url}${path}`);
			const article = nodeOf(graph, 'BlogPosting');
			const headline = article['headline'] as string;
			expect([...headline].length).toBeLessThanOrEqual(110);
			if ([...post.data.headline].length <= 110) expect(headline).toBe(post.data.headline);
			// The h1 is typeset (no-break spaces after short words); the JSON-LD keeps plain spaces.
			expect(page.querySelector('h1')?.text.replace(/\u00a0/g, ' ')).toBe(post.data.headline);
			expect(article['description']).toBe(post.data.description);
			expect(article['description']).toBe(metaContent(page, 'description'));
			// 16x9, 4x3 and 1x1 crops of the hero (the one image where its host cannot crop).
			const images = article['image'] as string[];
			expect(images.length === 3 || images.length === 1).toBe(true);
			for (const image of images) expect(image).toMatch(/^https:\/\//);
			if (images.length === 3) {
				const ratios = images.map((image) => {
					const { searchParams } = new URL(image);
					return Number(searchParams.get('w')) / Number(searchParams.get('h'));
				});
				expect(ratios).toEqual([16 / 9, 4 / 3, 1].map((r) => expect.closeTo(r, 2)));
			}
			expect(article['datePublished']).toMatch(ISO_MOSCOW);
			expect(article['dateModified']).toMatch(ISO_MOSCOW);
			expect(secondsOf(new Date(article['datePublished'] as string))).toBe(
				secondsOf(post.data.pubDate),
			);
			expect(secondsOf(new Date(article['dateModified'] as string))).toBe(
				secondsOf(post.data.updatedDate ?? post.data.pubDate),
			);
			expect(article['author']).toEqual({
				'@type': 'Person',
				name: post.data.author,
				...(post.data.author === SITE.defaultAuthor ? { url: SITE.organization.url } : {}),
			});
			expect(article['publisher']).toMatchObject({
				'@type': 'Organization',
				'@id': `${SITE.url}/#organization`,
				name: 'ButlerSPB',
				logo: { '@type': 'ImageObject', url: `${SITE.url}/logo.png` },
			});
			expect(article['mainEntityOfPage']).toEqual({ '@type': 'WebPage', '@id': canonical });
			if (post.data.keywords.length > 0) {
				expect(article['keywords']).toBe(post.data.keywords.join(', '));
			} else expect(article).not.toHaveProperty('keywords');
			expect(article['inLanguage']).toBe('ru-RU');
			expect(Number.isInteger(article['wordCount'])).toBe(true);
			expect(article['wordCount']).toBeGreaterThan(100);
		}
	});

	test('servisnyy-podhod was published on 26 July in Moscow', async () => {
		const { graph } = await graphOf('/blog/servisnyy-podhod/');
		expect(nodeOf(graph, 'BlogPosting')['datePublished']).toBe('2025-07-26T00:00:32+03:00');
	});

	test('each has a BreadcrumbList Блог → the post', async () => {
		for (const post of posts) {
			const { graph } = await graphOf(`/blog/${post.slug}/`);
			expect(nodeOf(graph, 'BreadcrumbList')['itemListElement']).toEqual([
				{ '@type': 'ListItem', position: 1, name: 'Блог', item: `${SITE.url}/` },
				{
					'@type': 'ListItem',
					position: 2,
					name: post.data.title,
					item: `${SITE.url}/blog/${post.slug}/`,
				},
			]);
		}
	});

	test('posts with a schema block have its HowTo: normalised, rating as written, steps = h2', async () => {
		const withSchema = posts.filter((post) => post.data.schema);
		expect(withSchema.length).toBeGreaterThan(0);
		for (const post of posts) {
			const path = `/blog/${post.slug}/`;
			const { graph, page } = await graphOf(path);
			const howTos = graph['@graph'].filter((node) => node['@type'] === 'HowTo');
			if (!post.data.schema) {
				expect(howTos).toHaveLength(0);
				continue;
			}
			const howTo = nodeOf(graph, 'HowTo');
			const canonical = `${SITE.url}${path}`;
			expect(howTo['@id']).toBe(`${canonical}#howto`);
			expect(howTo['url']).toBe(canonical);
			expect(howTo['name']).toBe(post.data.schema.name ?? post.data.title);
			expect(howTo['description']).toBe(post.data.schema.description ?? post.data.description);
			expect(JSON.stringify(howTo['image'])).toMatch(/"?https:\/\//);
			const raw = (post.raw['schema'] as Node)['aggregateRating'] as Node | undefined;
			if (raw) {
				const rating = howTo['aggregateRating'] as Node;
				for (const key of ['ratingValue', 'reviewCount', 'bestRating', 'worstRating']) {
					if (key in raw) expect(rating[key], key).toStrictEqual(raw[key]);
				}
				// The rating the markup declares is visible on the page.
				const visible = page.querySelector('.rating')?.text ?? '';
				expect(visible).toContain(String(raw['ratingValue']).replace('.', ','));
				expect(visible).toContain(String(raw['reviewCount']));
			}
			const sections = page.querySelectorAll('.prose h2');
			const steps = howTo['step'] as Node[];
			expect(steps.map((step) => step['name'])).toEqual(sections.map((h2) => h2.text));
			for (const [n, step] of steps.entries()) {
				// The step's text is its section's visible text, cut at a sentence near 500 characters.
				const text = step['text'] as string;
				expect([...text].length, text).toBeLessThanOrEqual(500);
				expect(text.length).toBeGreaterThan(50);
				// The heading sits in a wrapper with its anchor link; the paragraph follows that.
				const heading = sections[n]!;
				const parent = heading.parentNode;
				const block = parent && parent.tagName === 'DIV' ? parent : heading;
				let firstParagraph = block.nextElementSibling!;
				while (firstParagraph.tagName !== 'P') firstParagraph = firstParagraph.nextElementSibling!;
				expect(text.startsWith(firstParagraph.text.replace(/\s+/g, ' ').trim()), text).toBe(true);
				expect(step['@type']).toBe('HowToStep');
				const url = new URL(step['url'] as string);
				expect(`${url.origin}${url.pathname}`).toBe(canonical);
				const id = decodeURIComponent(url.hash.slice(1));
				expect(page.getElementById(id)?.tagName, id).toBe('H2');
			}
		}
	});
});

describe('home page', () => {
	test('WebSite, Organization and a Blog of the posts of page 1', async () => {
		const { graph } = await graphOf('/');
		expect(nodeOf(graph, 'WebSite')).toMatchObject({
			'@id': `${SITE.url}/#website`,
			url: `${SITE.url}/`,
			name: SITE.name,
			inLanguage: 'ru-RU',
		});
		expect(nodeOf(graph, 'Organization')).toMatchObject({
			'@id': `${SITE.url}/#organization`,
			name: 'ButlerSPB',
			logo: { '@type': 'ImageObject', url: `${SITE.url}/logo.png` },
		});
		const blog = nodeOf(graph, 'Blog');
		const listed = (blog['blogPost'] as Node[]).map((post) => post['url']);
		expect(listed).toEqual(
			posts.slice(0, SITE.postsPerPage).map((post) => `${SITE.url}/blog/${post.slug}/`),
		);
	});

	test('other pages carry no home graph', async () => {
		for (const path of ['/tags/', '/404.html']) {
			expect(jsonLdBlocks(await readPage(path, DIST))).toEqual([]);
		}
	});
});

test('the search-console verification tags are exactly the codes set in SITE.verification', async () => {
	const expected = [
		['google-site-verification', SITE.verification.google],
		['yandex-verification', SITE.verification.yandex],
	];
	for (const path of ['/', `/blog/${posts[0]!.slug}/`, '/tags/']) {
		const page = await readPage(path);
		for (const [name, code] of expected) {
			const tags = page.querySelectorAll(`meta[name="${name}"]`);
			expect(
				tags.map((tag) => tag.getAttribute('content')),
				`${path} ${name}`,
			).toEqual(code ? [code] : []);
		}
	}
});
