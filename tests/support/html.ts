import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { DIST } from './build.ts';

/** Reads and parses a built page, by its URL path ('/blog/x/' → dist/blog/x/index.html). */
export async function readPage(path: string, dist: string = DIST): Promise<HTMLElement> {
	const file = path.endsWith('/') ? join(dist, path, 'index.html') : join(dist, path);
	return parse(await readFile(file, 'utf8'), { comment: true });
}

/** Every JSON-LD block of a page, parsed. */
export const jsonLdBlocks = (page: HTMLElement): unknown[] =>
	page
		.querySelectorAll('script[type="application/ld+json"]')
		.map((script) => JSON.parse(script.rawText) as unknown);

/** Content of a <meta> by name or property. */
export const metaContent = (page: HTMLElement, key: string): string | undefined =>
	page.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content');
