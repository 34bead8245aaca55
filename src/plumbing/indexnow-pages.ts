import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isNoindex, pageDigest } from '../lib/netlify/indexnow.ts';
import { urlPathOfFile } from '../lib/text/trailing-slash.ts';
import { absoluteUrl } from '../lib/site/urls.ts';

/** Pages read at a time. */
const CONCURRENCY = 32;

/** The page files of a built site: every `index.html` (the site's URLs end in `/`), sorted. */
export async function listPageFiles(site: string): Promise<string[]> {
	const entries = await readdir(site, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile() && entry.name === 'index.html')
		.map((entry) =>
			join(entry.parentPath, entry.name)
				.slice(site.length + 1)
				.replace(/\\/g, '/'),
		)
		.sort();
}

/**
 * Every indexable page of the built site in `site` (noindex pages left out) as absolute URL on
 * `origin` → digest of its content (pageDigest).
 */
export async function readPageDigests(site: string, origin: string): Promise<Map<string, string>> {
	const files = await listPageFiles(site);
	const pages = new Map<string, string>();
	for (let i = 0; i < files.length; i += CONCURRENCY) {
		const read = await Promise.all(
			files.slice(i, i + CONCURRENCY).map(async (file) => {
				const html = await readFile(join(site, file), 'utf8');
				return { file, html };
			}),
		);
		for (const { file, html } of read)
			if (!isNoindex(html)) pages.set(absoluteUrl(urlPathOfFile(file), origin), pageDigest(html));
	}
	return pages;
}
