import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, type FixtureBuild } from '../support/build.ts';
import { readBuiltPages } from '../support/dist.ts';
import { jsonLdBlocks, metaContent, readPage } from '../support/html.ts';

/*
 * What the site makes of posts as editors write them (tests/fixtures/editor-output): footnotes
 * in Russian and out of the table of contents, a <style> element dropped, a rating with a
 * decimal comma, internal links without their trailing slash, keywords that share a tag URL, a
 * square local hero image.
 * The build prints the check's warnings about them and succeeds.
 */

let build: FixtureBuild;
const page = (path: string): Promise<HTMLElement> => readPage(path, build.outDir);

interface FeedItem {
	link: string;
	'content:encoded': string;
	'media:content'?: { '@_width': string; '@_height': string };
}
let items: FeedItem[];

beforeAll(async () => {
	build = await buildFixtureSite('tests/fixtures/editor-output', {
		BLOG_NOW: '2025-08-01T00:00:00Z',
	});
	const rss = await readFile(join(build.outDir, 'rss.xml'), 'utf8');
	const feed = new XMLParser({ ignoreAttributes: false }).parse(rss) as {
		rss: { channel: { item: FeedItem[] } };
	};
	items = feed.rss.channel.item;
}, 180_000);

const item = (slug: string): FeedItem | undefined =>
	items.find((entry) => entry.link.endsWith(`/blog/${slug}/`));

test('the build succeeds and prints the warnings with file and line', () => {
	const output = `${build.stdout}\n${build.stderr}`;
	expect(output).toContain(
		'tests/fixtures/editor-output/ssylki.md:10: в тексте ссылка /blog/snoski без косой черты',
	);
	expect(output).toContain('tests/fixtures/editor-output/stil.md:12: в тексте тег <style>');
});

describe('footnotes', () => {
	test('are headed «Примечания», with Russian links back to the text', async () => {
		const html = await page('/blog/snoski/');
		const section = html.querySelector('section[data-footnotes]');
		expect(section?.querySelector('h2')?.textContent).toBe('Примечания');
		expect(
			section
				?.querySelectorAll('a[data-footnote-backref]')
				.map((a) => a.getAttribute('aria-label')),
		).toEqual([
			'Вернуться к тексту, к сноске 1',
			'Вернуться к тексту, к сноске 1 (упоминание 2)',
			'Вернуться к тексту, к сноске 2',
		]);
		expect(html.toString()).not.toMatch(/Footnotes|Back to reference/);
	});

	test('stay out of the table of contents', async () => {
		const html = await page('/blog/snoski/');
		const toc = html.querySelectorAll('nav.toc a').map((a) => a.getAttribute('href'));
		expect(toc).toEqual(['#content-1', '#kak-my-rabotaem', '#itogi']);
	});

	test('speak Russian in the feed too', () => {
		const content = item('snoski')?.['content:encoded'] ?? '';
		expect(content).toContain('Примечания');
		expect(content).toContain('aria-label="Вернуться к тексту, к сноске 1"');
		expect(content).not.toMatch(/Footnotes|Back to reference/);
	});
});

test('no page of the site has an id twice, whatever its headings say', async () => {
	const repeated = (await readBuiltPages(build.outDir)).flatMap(({ path, html }) => {
		const ids = html.querySelectorAll('[id]').map((node) => node.id);
		return ids.filter((id, index) => ids.indexOf(id) !== index).map((id) => `${path}#${id}`);
	});
	expect(repeated).toEqual([]);
});

test('heading ids never repeat an id of the page around the article', async () => {
	const html = await page('/blog/snoski/');
	const ids = html.querySelectorAll('[id]').map((node) => node.id);
	expect(ids).toContain('content');
	expect(ids).toContain('content-1');
	expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
});

test('a <style> element in a post never reaches the page or the feed', async () => {
	const prose = (await page('/blog/stil/')).querySelector('.prose');
	expect(prose?.textContent).toContain('Текст после стиля');
	expect(prose?.querySelectorAll('style')).toHaveLength(0);
	expect(item('stil')?.['content:encoded']).not.toContain('<style');
});

test('a rating written "4,8" is 4.8 in the JSON-LD and «4,8» on the page', async () => {
	const html = await page('/blog/ocenka-s-zapyatoy/');
	const graph = (jsonLdBlocks(html)[0] as { '@graph': Record<string, unknown>[] })['@graph'];
	const howTo = graph.find((node) => node['@type'] === 'HowTo');
	expect(howTo?.['aggregateRating']).toMatchObject({ ratingValue: '4.8', reviewCount: 12 });
	expect(html.querySelector('.rating')?.textContent).toContain('Оценка 4,8 из 5');
});

test('internal links get their trailing slash on the page and in the feed', async () => {
	const hrefs = (await page('/blog/ssylki/'))
		.querySelectorAll('.prose a')
		.map((a) => a.getAttribute('href'));
	expect(hrefs).toEqual([
		'/blog/snoski/',
		'/tags/konserzh/?from=ssylki#top',
		'https://butlerspb-blog.netlify.app/blog/stil/',
	]);
	const feedLinks = parse(item('ssylki')?.['content:encoded'] ?? '')
		.querySelectorAll('a')
		.map((a) => a.getAttribute('href'));
	expect(feedLinks).toContain('https://butlerspb-blog.netlify.app/blog/snoski/');
});

test('keywords «Ёлка, елка, праздники, !!!» are one list for tags, article:tag and JSON-LD', async () => {
	const html = await page('/blog/yolka/');
	const tags = html.querySelectorAll('.tags a').map((a) => [a.textContent, a.getAttribute('href')]);
	expect(tags).toEqual([
		['Ёлка', '/tags/elka/'],
		['праздники', '/tags/prazdniki/'],
	]);
	const articleTags = html
		.querySelectorAll('meta[property="article:tag"]')
		.map((meta) => meta.getAttribute('content'));
	expect(articleTags).toEqual(['Ёлка', 'праздники']);
	const graph = (jsonLdBlocks(html)[0] as { '@graph': Record<string, unknown>[] })['@graph'];
	const posting = graph.find((node) => node['@type'] === 'BlogPosting');
	expect(posting?.['keywords']).toBe('Ёлка, праздники');
	const tagPage = await page('/tags/elka/');
	expect(tagPage.querySelector('h1')?.textContent).toContain('Ёлка');
});

test('a square local hero image stays square on the page, in og:image and in the feed', async () => {
	const html = await page('/blog/kvadrat/');
	const hero = html.querySelector('img.article__hero');
	expect(Number(hero?.getAttribute('width'))).toBeGreaterThan(0);
	expect(hero?.getAttribute('width')).toBe(hero?.getAttribute('height'));
	expect(metaContent(html, 'og:image:width')).toBe('600');
	expect(metaContent(html, 'og:image:height')).toBe('600');
	expect(item('kvadrat')?.['media:content']).toMatchObject({ '@_width': '600', '@_height': '600' });
});
