import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadRenderers } from 'astro:container';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getPublishedPosts, renderPost, type Post } from '../data/posts.ts';
import { cacheKey, cardKey } from '../lib/pipeline/cache-key.ts';
import { FEED_PATH, buildFeed } from '../lib/seo/rss.ts';
import { SITE } from '../site.ts';

/**
 * A post's article HTML. Markdown posts with local images keep theirs in the content layer,
 * other Markdown posts are rendered from their file; MDX posts are components, so they are
 * rendered with the container API.
 */
async function articleHtml(post: Post, container: AstroContainer): Promise<string> {
	const stored = post.entry.rendered?.html;
	if (stored !== undefined) return stored;
	const body = await renderPost(post);
	return body.html ?? container.renderToString(body.Content);
}

/** `rss` for `/rss.xml`: the route's only parameter value. */
const FEED = FEED_PATH.replace(/^\/|\.xml$/g, '');

/**
 * The feed is a route with one path, not a static `rss.xml.ts`, so that it can have a cacheKey:
 * Astro's incremental build re-renders only pages with a changed key, and rendering the full text
 * of the newest posts is most of a rebuild's own rendering (0.3 s) when an older post changed.
 */
export const getStaticPaths = (async () => {
	const posts = (await getPublishedPosts()).slice(0, SITE.feedLimit);
	// Every post's whole file (text and fields), and which posts are in the feed, in which order.
	return [{ params: { feed: FEED }, props: { posts }, cacheKey: cacheKey(posts.map(cardKey)) }];
}) satisfies GetStaticPaths;

interface Props {
	posts: Post[];
}

/** RSS 2.0 feed of the newest SITE.feedLimit posts, with their full text. */
export const GET: APIRoute<Props> = async ({ props }) => {
	const container = await AstroContainer.create({
		renderers: await loadRenderers([mdxRenderer()]),
	});
	const html = new Map<Post, string>();
	for (const post of props.posts) html.set(post, await articleHtml(post, container));
	return rss(buildFeed(props.posts, (post) => html.get(post) ?? ''));
};
