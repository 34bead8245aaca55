import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownBody } from '../lib/content/markdown-source.ts';
import { extractSections } from '../lib/search/section-text.ts';
import { SYNTAX_HIGHLIGHT, markdownProcessor } from './processor.ts';
import { sharedMarkdownRenderer } from './shared-renderer.ts';
import type { RenderedMarkdown } from './types.ts';

export {
	planMarkdownFiles,
	shareMarkdownRenderer,
	type MarkdownRenderer,
	type PlannedPost,
} from './shared-renderer.ts';
export type { RenderedHeading, RenderedMarkdown } from './types.ts';

type Renderer = Awaited<ReturnType<typeof markdownProcessor.createRenderer>>;
let renderer: Promise<Renderer> | undefined;

/**
 * Renders a Markdown post file (path relative to the project root, as the content layer stores
 * it) with the site's processor, on this thread; with `pageUrl`, works out its sections too.
 */
export async function renderMarkdownFileHere(
	filePath: string,
	pageUrl?: string,
): Promise<RenderedMarkdown> {
	renderer ??= markdownProcessor.createRenderer({ image: {}, syntaxHighlight: SYNTAX_HIGHLIGHT });
	const file = resolve(filePath);
	const [render, source] = await Promise.all([renderer, readFile(file, 'utf8')]);
	const { code, metadata } = await render.render(markdownBody(source), {
		fileURL: pathToFileURL(file),
	});
	return {
		html: code,
		headings: metadata.headings,
		...(pageUrl === undefined ? {} : { sections: extractSections(code, pageUrl) }),
	};
}

/**
 * Renders a Markdown post file: in a build, by the worker pool, which has usually rendered it
 * already; otherwise (`astro dev`, tests) on this thread. Nothing is kept: the page that needs
 * the HTML gets it once.
 */
export async function renderMarkdownFile(filePath: string): Promise<RenderedMarkdown> {
	const rendered = sharedMarkdownRenderer()?.render(filePath);
	if (!rendered) return renderMarkdownFileHere(filePath);
	try {
		return await rendered;
	} catch {
		// A worker that failed: this thread renders the post, or reports the post's own error.
		return renderMarkdownFileHere(filePath);
	}
}
