import { getContainerRenderer as mdxRenderer } from '@astrojs/mdx/container-renderer';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadRenderers } from 'astro:container';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { getPublishedPosts, renderPost, type Post } from '../data/posts.ts';
import { buildFeed } from '../lib/rss.ts';
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

/** RSS 2.0 feed of the newest SITE.feedLimit posts, with their full text. */
export const GET: APIRoute = async () => {
	const posts = (await getPublishedPosts()).slice(0, SITE.feedLimit);
	const container = await AstroContainer.create({
		renderers: await loadRenderers([mdxRenderer()]),
	});
	const html = new Map<Post, string>();
	for (const post of posts) html.set(post, await articleHtml(post, container));
	return rss(buildFeed(posts, (post) => html.get(post) ?? ''));
};
