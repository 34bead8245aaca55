import { getCollection, render, type CollectionEntry } from 'astro:content';
import {
	buildNow,
	isPreview,
	isVisible,
	unpublishedReason,
	type Unpublished,
} from '../lib/content/publishing.ts';
import { createRelatedIndex, type RelatedIndex } from '../lib/site/related.ts';
import { buildTags, byNewest, keywordSlug, type Tag } from '../lib/site/tags.ts';
import { contentErrors, storedWordCount } from '../loaders/posts.ts';
import {
	planMarkdownFiles,
	renderMarkdownFile,
	type RenderedHeading,
	type RenderedMarkdown,
} from '../markdown/render.ts';
import { isMarkdownFile } from '../lib/content/content-dir.ts';
import { absoluteUrl } from '../lib/site/urls.ts';
import { SITE } from '../site.ts';

/** A post entry of the blog collection. */
export type PostEntry = CollectionEntry<'blog'>;

/** Everything listings, tags, feeds and related blocks need about a post, computed once. */
export interface Post {
	slug: string;
	entry: PostEntry;
	/** Digest of the post's file: changes whenever its frontmatter or body does. */
	digest: string;
	data: PostEntry['data'];
	title: string;
	headline: string;
	description: string;
	keywords: string[];
	tags: { name: string; slug: string }[];
	pubDate: Date;
	/** updatedDate, or pubDate when the post was never updated. */
	modifiedDate: Date;
	related: string[];
	wordCount: number;
	/** Set in `astro dev` previews of drafts and scheduled posts. */
	unpublished?: Unpublished;
}

/** Everything the routes read, built once per build. */
export interface Blog {
	/** Visible posts, newest first. */
	posts: Post[];
	bySlug: Map<string, Post>;
	tags: Tag<Post>[];
	related: RelatedIndex<Post>;
	/** Posts with errors, shown in `astro dev` as their messages (a build with them fails). */
	broken: BrokenPost[];
	/** The build's "now": posts dated later are scheduled (not built in production). */
	now: Date;
	/** Publication times of the scheduled posts (not drafts), whether or not they are shown. */
	scheduledTimes: Date[];
}

/** A post the content check rejected, by slug, with its Russian error messages. */
export interface BrokenPost {
	slug: string;
	errors: string[];
}

function toPost(entry: PostEntry, now: Date): Post {
	const { data } = entry;
	const reason = unpublishedReason(data, now);
	return {
		slug: entry.id,
		entry,
		digest: String(entry.digest ?? ''),
		data,
		title: data.title,
		headline: data.headline,
		description: data.description,
		keywords: data.keywords,
		tags: data.keywords
			.map((name) => ({ name, slug: keywordSlug(name) }))
			.filter((tag) => tag.slug !== ''),
		pubDate: data.pubDate,
		modifiedDate: data.updatedDate ?? data.pubDate,
		related: data.related,
		wordCount: storedWordCount(data),
		...(reason ? { unpublished: reason } : {}),
	};
}

let blog: Promise<Blog> | undefined;

/**
 * The only place that reads the collection. Production builds drop drafts and posts scheduled
 * after the build's "now"; `astro dev` keeps them, marked, for previews.
 */
export function getBlog(): Promise<Blog> {
	blog ??= (async () => {
		const now = buildNow(process.env);
		const preview = isPreview(process.env);
		const broken: BrokenPost[] = [];
		const scheduledTimes: Date[] = [];
		const entries = await getCollection('blog', (entry) => {
			const errors = contentErrors(entry.data);
			if (errors) broken.push({ slug: entry.id, errors });
			else if (unpublishedReason(entry.data, now) === 'scheduled')
				scheduledTimes.push(entry.data.pubDate);
			return !errors && isVisible(entry.data, now, preview);
		});
		const posts = entries.map((entry) => toPost(entry, now)).sort(byNewest);
		return {
			broken,
			now,
			scheduledTimes,
			posts,
			bySlug: new Map(posts.map((post) => [post.slug, post])),
			tags: buildTags(posts),
			// Posts without shared keywords: by the similarity of their titles and descriptions.
			related: createRelatedIndex(posts, {
				textOf: (post) => ({ title: post.title, text: `${post.headline} ${post.description}` }),
			}),
		};
	})();
	return blog;
}

/** Visible posts, newest first. */
export const getPublishedPosts = async (): Promise<Post[]> => (await getBlog()).posts;

/** Up to SITE.relatedLimit posts for the «Читайте также» block. */
export const getRelatedPosts = async (slug: string): Promise<Post[]> =>
	(await getBlog()).related.relatedTo(slug, SITE.relatedLimit);

/** A post's body, ready to print: Astro's `Content` component, or HTML rendered from the file. */
export type PostBody =
	| {
			Content: Awaited<ReturnType<typeof render>>['Content'];
			html?: never;
			headings: RenderedHeading[];
			sections?: never;
	  }
	| {
			Content?: never;
			html: string;
			headings: RenderedHeading[];
			/** The sections of `html`, when the build worked them out with the HTML. */
			sections?: RenderedMarkdown['sections'];
	  };

/**
 * Renders a post's body. Markdown posts are rendered from their file when the page is built
 * (src/loaders/posts.ts explains why); MDX posts and posts with local images, which Astro
 * renders, go through `render()`.
 */
export async function renderPost(post: Post): Promise<PostBody> {
	const file = markdownFileOf(post);
	if (file === undefined) {
		const { Content, headings } = await render(post.entry);
		return { Content, headings };
	}
	return renderMarkdownFile(file);
}

/** The file renderPost() renders a post from, or undefined for a post Astro renders. */
function markdownFileOf({ entry }: Post): string | undefined {
	return entry.rendered || !entry.filePath || !isMarkdownFile(entry.filePath)
		? undefined
		: entry.filePath;
}

/**
 * Announces the posts whose pages `route` builds, in the order of its getStaticPaths(), with
 * each page's path and cacheKey: a build renders their Markdown ahead in worker threads.
 */
export function planPostBodies(
	route: string,
	pages: readonly { post: Post; pathname: string; cacheKey: string }[],
): void {
	planMarkdownFiles(
		route,
		pages.flatMap(({ post, pathname, cacheKey }) => {
			const filePath = markdownFileOf(post);
			const pageUrl = absoluteUrl(pathname);
			return filePath === undefined ? [] : [{ filePath, pathname, pageUrl, cacheKey }];
		}),
	);
}
