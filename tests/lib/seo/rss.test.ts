import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { buildFeed, buildFeedItem, type FeedPost } from '../../../src/lib/seo/rss.ts';

const post = (overrides: Partial<FeedPost> = {}): FeedPost => ({
	slug: 'servisnyy-podhod',
	title: 'Сервисный подход',
	description: 'Описание',
	keywords: ['сервис', 'ButlerSPB'],
	pubDate: new Date('2025-07-25T21:00:32.473Z'),
	modifiedDate: new Date('2025-07-25T21:00:32.473Z'),
	data: { author: 'Эксперт ButlerSPB', heroImage: 'https://images.unsplash.com/photo-1?w=2070' },
	...overrides,
});

describe('buildFeedItem', () => {
	test('title, absolute link, date, description, categories, absolute HTML, media:content', () => {
		expect(buildFeedItem(post(), '<p><a href="/blog/x/">x</a> <a href="#faq">faq</a></p>'))
			.toMatchInlineSnapshot(`
				{
				  "categories": [
				    "сервис",
				    "ButlerSPB",
				  ],
				  "content": "<img src="https://images.unsplash.com/photo-1?w=1200&amp;h=630&amp;q=80&amp;auto=format&amp;fit=crop" alt="" width="1200" height="630"><p><a href="https://butlerspb-blog.netlify.app/blog/x/">x</a> <a href="https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/#faq">faq</a></p>",
				  "customData": "<dc:creator>Эксперт ButlerSPB</dc:creator><media:content url="https://images.unsplash.com/photo-1?w=1200&amp;h=630&amp;q=80&amp;auto=format&amp;fit=crop" medium="image" width="1200" height="630"/>",
				  "description": "Описание",
				  "link": "https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/",
				  "pubDate": 2025-07-25T21:00:32.473Z,
				  "title": "Сервисный подход",
				}
			`);
	});

	test.each([
		[{ src: '/_astro/square.Ab12.jpg', width: 800, height: 800 }, 800, 800],
		[{ src: '/_astro/tall.Ab12.png', width: 600, height: 900 }, 600, 900],
		['https://images.unsplash.com/photo-1', 1200, 630],
	])('a hero image %j is described as %d×%d', (heroImage, width, height) => {
		const item = buildFeedItem(post({ data: { author: 'А', heroImage } }), '');
		expect(item.customData).toContain(`width="${width}" height="${height}"`);
	});

	test('a post without a hero image has no media:content and no image before its text', () => {
		const item = buildFeedItem(post({ data: { author: 'А & Б' } }), '<p>Текст</p>');
		expect(item.customData).toBe('<dc:creator>А &amp; Б</dc:creator>');
		expect(item.content).toBe('<p>Текст</p>');
	});

	test('the content starts with the hero image, with its alt text escaped', () => {
		const heroAlt = 'Гостиная «до» & <после>';
		const item = buildFeedItem(
			post({
				data: {
					author: 'А',
					heroImage: { src: '/_astro/a.Ab12.jpg', width: 800, height: 600 },
					heroAlt,
				},
			}),
			'<p>Текст</p>',
		);
		expect(item.content).toBe(
			'<img src="https://butlerspb-blog.netlify.app/_astro/a.Ab12.jpg" alt="Гостиная «до» &amp; &lt;после&gt;" width="800" height="600"><p>Текст</p>',
		);
	});
});

describe('buildFeed', () => {
	const parser = new XMLParser({ ignoreAttributes: false });

	test('renders as RSS 2.0 with the channel in Russian and items in the order given', async () => {
		const older = post({ slug: 'older', title: 'Старая', pubDate: new Date('2025-01-01') });
		const xml = await getRssString(buildFeed([post(), older], (p) => `<p>${p.title}</p>`));
		const { rss } = parser.parse(xml);
		expect(rss['@_xmlns:media']).toBe('http://search.yahoo.com/mrss/');
		expect(rss['@_xmlns:content']).toBe('http://purl.org/rss/1.0/modules/content/');
		const { channel } = rss;
		expect(channel.title).toBe('Блог ButlerSPB');
		expect(channel.language).toBe('ru');
		expect(channel['atom:link']['@_href']).toBe('https://butlerspb-blog.netlify.app/rss.xml');
		expect(channel.lastBuildDate).toBe('Fri, 25 Jul 2025 21:00:32 GMT');
		expect(channel.item.map((item: { title: string }) => item.title)).toEqual([
			'Сервисный подход',
			'Старая',
		]);
		expect(channel.item[0].guid).toEqual({
			'#text': 'https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/',
			'@_isPermaLink': 'true',
		});
		expect(channel.item[0]['media:content']['@_url']).toBe(
			'https://images.unsplash.com/photo-1?w=1200&h=630&q=80&auto=format&fit=crop',
		);
		expect(channel.item[0]['content:encoded']).toBe(
			'<img src="https://images.unsplash.com/photo-1?w=1200&amp;h=630&amp;q=80&amp;auto=format&amp;fit=crop" alt="" width="1200" height="630"><p>Сервисный подход</p>',
		);
	});

	test('text that looks like markup stays text', async () => {
		const title = '</title><script>alert(1)</script> <!-- & ]]>';
		const xml = await getRssString(buildFeed([post({ title, description: title })], () => ''));
		const { item } = parser.parse(xml).rss.channel;
		expect(item.title).toBe(title);
		expect(item.description).toBe(title);
	});
});
