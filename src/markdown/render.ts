import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownBody } from '../lib/markdown-source.ts';
import { SYNTAX_HIGHLIGHT, markdownProcessor } from './processor.ts';

/** A heading of a rendered post, as Astro reports it. */
export interface RenderedHeading {
	depth: number;
	slug: string;
	text: string;
}

/** HTML and headings of a post rendered from its file. */
export interface RenderedMarkdown {
	html: string;
	headings: RenderedHeading[];
}

type Renderer = Awaited<ReturnType<typeof markdownProcessor.createRenderer>>;
let renderer: Promise<Renderer> | undefined;

/**
 * Renders a Markdown post file (path relative to the project root, as the content layer stores
 * it) with the site's processor. Nothing is kept: the page that needs the HTML gets it once.
 */
export async function renderMarkdownFile(filePath: string): Promise<RenderedMarkdown> {
	renderer ??= markdownProcessor.createRenderer({ image: {}, syntaxHighlight: SYNTAX_HIGHLIGHT });
	const file = resolve(filePath);
	const [render, source] = await Promise.all([renderer, readFile(file, 'utf8')]);
	const { code, metadata } = await render.render(markdownBody(source), {
		fileURL: pathToFileURL(file),
	});
	return { html: code, headings: metadata.headings };
}
