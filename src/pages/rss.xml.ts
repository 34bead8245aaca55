import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPublishedPosts } from '../data/posts.ts';
import { buildFeed } from '../lib/rss.ts';
import { SITE } from '../site.ts';

/** RSS 2.0 feed of the newest SITE.feedLimit posts, with their full text. */
export const GET: APIRoute = async () => {
	const posts = (await getPublishedPosts()).slice(0, SITE.feedLimit);
	return rss(
		buildFeed(posts, (post) => {
			const html = post.entry.rendered?.html;
			// The glob loader keeps each post's HTML unless `deferRender` is on; the feed needs it.
			if (html === undefined) throw new Error(`RSS: no rendered HTML stored for ${post.slug}`);
			return html;
		}),
	);
};
