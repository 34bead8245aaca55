import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { SITE } from '../../site.ts';
import { escapeAttribute, feedHtml } from './absolutize-html.ts';
import { heroImageSize, type HeroImageData } from '../content/images.ts';
import { heroImageSrc, socialImageFor } from './seo.ts';
import { absoluteUrl, postPath } from '../site/urls.ts';

/** Namespaces the feed declares besides content: (which @astrojs/rss adds itself). */
export const FEED_NAMESPACES = {
	atom: 'http://www.w3.org/2005/Atom',
	dc: 'http://purl.org/dc/elements/1.1/',
	media: 'http://search.yahoo.com/mrss/',
} as const;

/** Path of the feed. */
export const FEED_PATH = '/rss.xml';

/** What a feed item needs to know about a post; a `Post` from src/data/posts.ts fits. */
export interface FeedPost {
	slug: string;
	title: string;
	description: string;
	keywords: readonly string[];
	pubDate: Date;
	modifiedDate: Date;
	data: { author: string; heroImage?: HeroImageData | undefined; heroAlt?: string | undefined };
}

/** Escapes text for XML element content. */
const escapeText = (text: string): string =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * One feed item: the article's full HTML with absolute URLs, led by its hero image (readers that
 * ignore media:content show it too), and the hero as media:content.
 */
export function buildFeedItem(post: FeedPost, html: string): RSSFeedItem {
	const link = absoluteUrl(postPath(post.slug));
	const hero = post.data.heroImage;
	const image = heroImageSrc(hero);
	const size = hero === undefined ? undefined : heroImageSize(hero);
	const url = image && size ? escapeAttribute(socialImageFor(image)) : undefined;
	const media =
		url && size
			? `<media:content url="${url}" medium="image" width="${size.width}" height="${size.height}"/>`
			: '';
	const heroHtml =
		url && size
			? `<img src="${url}" alt="${escapeAttribute(post.data.heroAlt ?? '')}" width="${size.width}" height="${size.height}">`
			: '';
	return {
		title: post.title,
		link,
		pubDate: post.pubDate,
		description: post.description,
		categories: [...post.keywords],
		content: heroHtml + feedHtml(html, link),
		customData: `<dc:creator>${escapeText(post.data.author)}</dc:creator>${media}`,
	};
}

/**
 * The whole feed for @astrojs/rss: the channel in Russian and one item per post, in the order
 * given (newest first). `htmlOf` returns a post's rendered article HTML.
 */
export function buildFeed<P extends FeedPost>(
	posts: readonly P[],
	htmlOf: (post: P) => string,
): RSSOptions {
	const updated = posts.reduce<Date | undefined>(
		(latest, post) => (latest && latest >= post.modifiedDate ? latest : post.modifiedDate),
		undefined,
	);
	const self = absoluteUrl(FEED_PATH);
	return {
		title: SITE.name,
		description: SITE.description,
		site: SITE.url,
		xmlns: { ...FEED_NAMESPACES },
		customData: [
			`<language>${SITE.lang}</language>`,
			`<atom:link href="${escapeAttribute(self)}" rel="self" type="application/rss+xml"/>`,
			...(updated ? [`<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`] : []),
			`<image><url>${escapeText(absoluteUrl(SITE.organization.logo))}</url><title>${escapeText(SITE.name)}</title><link>${escapeText(absoluteUrl('/'))}</link></image>`,
		].join(''),
		items: posts.map((post) => buildFeedItem(post, htmlOf(post))),
	};
}
