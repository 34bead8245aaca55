import type { RenderedMarkdown } from './types.ts';

/*
 * Where the build's Markdown pool (src/plumbing/markdown-pool.ts) meets those who use it. The pool
 * is started by an integration (loaded with the config), the posts loader announces the posts
 * (loaded by Node with the content config) and the pages render them (Astro's prerender bundle):
 * three module loaders, so they meet through a global. This module imports nothing, so the
 * posts loader stays light.
 */

/** A post file a page of `route` will render, with the page's path, URL and cacheKey. */
export interface PlannedPost {
	filePath: string;
	pathname: string;
	/** The page's absolute URL, which the sections' image URLs are resolved against. */
	pageUrl: string;
	cacheKey: string;
}

/**
 * Renders post files elsewhere than on the calling thread: the build's worker pool
 * (src/plumbing/markdown-pool.ts), which renders ahead the posts that `plan` announces. `render`
 * returns undefined when the caller had better render the post itself (the workers are busy).
 */
export interface MarkdownRenderer {
	render(filePath: string): Promise<RenderedMarkdown> | undefined;
	plan(route: string, posts: readonly PlannedPost[]): void;
	prepare(posts: readonly PlannedPost[]): void;
}

const RENDERER = Symbol.for('butlerspb.markdown-renderer');

type Shared = { [RENDERER]?: MarkdownRenderer | undefined };

/** Sets (or with undefined, removes) the renderer that renderMarkdownFile() hands posts to. */
export function shareMarkdownRenderer(renderer: MarkdownRenderer | undefined): void {
	(globalThis as Shared)[RENDERER] = renderer;
}

/** The renderer the build shared, if any. */
export const sharedMarkdownRenderer = (): MarkdownRenderer | undefined =>
	(globalThis as Shared)[RENDERER];

/**
 * Announces the post files the pages of `route` render, in the order Astro builds the pages, so
 * the build's pool renders them ahead. Does nothing without a pool.
 */
export function planMarkdownFiles(route: string, posts: readonly PlannedPost[]): void {
	sharedMarkdownRenderer()?.plan(route, posts);
}

/**
 * Announces, once the content is synced and before the pages are bundled, the post files the
 * article pages will probably render, newest first; a clean build's pool starts rendering them
 * while Astro bundles. Does nothing without a pool.
 */
export function prepareMarkdownFiles(posts: readonly PlannedPost[]): void {
	sharedMarkdownRenderer()?.prepare(posts);
}
