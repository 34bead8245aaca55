import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { readPostFiles } from '../../src/plumbing/content-check-fs.ts';
import { checkPosts } from '../../src/lib/content-check/content-check.ts';
import { DEFAULT_CONTENT_DIR } from '../../src/lib/content/content-dir.ts';
import type { PostFrontmatter } from '../../src/lib/content/post-schema.ts';
import { unpublishedReason } from '../../src/lib/content/publishing.ts';
import { byNewest } from '../../src/lib/site/tags.ts';
import { ROOT } from './build.ts';

/** A post as its source file says, for comparing with the built site. */
export interface SourcePost {
	slug: string;
	data: PostFrontmatter;
	/** The frontmatter exactly as written (before the schema normalises it). */
	raw: Record<string, unknown>;
	/** For byNewest. */
	keywords: string[];
	pubDate: Date;
}

/** The published posts of a content folder (no drafts, nothing after `now`), newest first. */
export async function readPublishedPosts(
	dir: string = join(ROOT, DEFAULT_CONTENT_DIR),
	now: Date = new Date(),
): Promise<SourcePost[]> {
	const files = await readPostFiles(dir, ROOT);
	const { posts } = checkPosts(files);
	return posts
		.flatMap((post) => {
			const { data } = post;
			if (!data || unpublishedReason(data, now)) return [];
			const source = files.find((file) => file.file === post.file)?.source ?? '';
			const raw = parseFrontmatter(source).data as Record<string, unknown>;
			return [{ slug: post.slug, data, raw, keywords: data.keywords, pubDate: data.pubDate }];
		})
		.sort(byNewest);
}

/** URL paths of every HTML page in a built site ('/', '/blog/x/', '/404.html'). */
export async function htmlPages(dist: string): Promise<string[]> {
	const files = await readdir(dist, { recursive: true, encoding: 'utf8' });
	return files
		.filter((file) => file.endsWith('.html'))
		.map((file) => `/${relative(dist, join(dist, file)).replace(/\\/g, '/')}`)
		.map((path) => path.replace(/(^|\/)index\.html$/, '$1'))
		.sort();
}
