import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { urlPathOfFile } from '../../src/lib/text/trailing-slash.ts';
import { DIST } from './build.ts';

/** A built HTML page. */
export interface BuiltPage {
	/** URL path it answers at (`/blog/x/`, `/404.html`). */
	path: string;
	/** File under dist/ (`blog/x/index.html`). */
	file: string;
	html: HTMLElement;
}

/** Every file under `dist`, as paths relative to it with forward slashes, sorted. */
export async function listDistFiles(dist: string = DIST): Promise<string[]> {
	const names = await readdir(dist, { recursive: true, withFileTypes: true });
	return names
		.filter((entry) => entry.isFile())
		.map((entry) =>
			join(entry.parentPath, entry.name)
				.slice(dist.length + 1)
				.replace(/\\/g, '/'),
		)
		.sort();
}

/** Every HTML page under `dist`, parsed. */
export async function readBuiltPages(dist: string = DIST): Promise<BuiltPage[]> {
	const files = (await listDistFiles(dist)).filter((file) => file.endsWith('.html'));
	return Promise.all(
		files.map(async (file) => ({
			path: urlPathOfFile(file),
			file,
			html: parse(await readFile(join(dist, file), 'utf8'), { comment: true }),
		})),
	);
}
