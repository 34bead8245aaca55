import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';
import { runSearch } from '../../src/lib/search/search-engine.ts';
import { postPath } from '../../src/lib/site/urls.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { fileSource, readSearchIndex } from '../../tests/support/search-index.ts';
import { serveDist } from '../../tests/support/server.ts';
import {
	RELEVANCE_DEPTH,
	RELEVANCE_QUERIES,
	precisionAt,
	relevantUrls,
	type RelevancePost,
	type RelevanceRow,
} from './relevance.ts';

/*
 * The relevance benchmark on a built blog of the relevance corpus (scripts/bench/relevance.ts):
 * each query through the blog's published index, read as the search page reads it, and through
 * a Pagefind 1.x index of the same article pages with the same body marks (the element marked
 * `data-search-body`, without those marked `data-search-ignore`), searched with Pagefind's own
 * script in Chromium. Pagefind is a devDependency used here only; the site never ships it.
 */

/** Pagefind's folder inside the built site (written for the benchmark, after the build). */
const PAGEFIND_DIR = 'pagefind';

/** Writes a Pagefind index of the site's article pages into `<dist>/pagefind/`. */
async function buildPagefind(dist: string): Promise<number> {
	const { index, errors } = await createIndex({
		rootSelector: '[data-search-body]',
		excludeSelectors: ['[data-search-ignore]'],
		forceLanguage: 'ru',
	});
	if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
	let pages = 0;
	for (const entry of await readdir(join(dist, 'blog'), { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const content = await readFile(join(dist, 'blog', entry.name, 'index.html'), 'utf8');
		const added = await index.addHTMLFile({ url: postPath(entry.name), content });
		if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
		pages++;
	}
	const written = await index.writeFiles({ outputPath: join(dist, PAGEFIND_DIR) });
	if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
	await close();
	return pages;
}

/** The first results of each query through Pagefind's script in Chromium, as paths. */
async function pagefindResults(dist: string, queries: readonly string[]): Promise<string[][]> {
	const site = await serveDist(dist);
	const browser = await launchBrowser();
	try {
		const page = await browser.newPage();
		await page.goto(`${site.url}/`);
		return await page.evaluate(
			async ({ queries, depth, module }) => {
				interface Api {
					init(): Promise<void>;
					search(query: string): Promise<{ results: { data(): Promise<{ url: string }> }[] }>;
				}
				const api = (await import(/* @vite-ignore */ module)) as Api;
				await api.init();
				const all: string[][] = [];
				for (const query of queries) {
					const { results } = await api.search(query);
					const data = await Promise.all(results.slice(0, depth).map((result) => result.data()));
					all.push(data.map((item) => new URL(item.url, location.origin).pathname));
				}
				return all;
			},
			{ queries: [...queries], depth: RELEVANCE_DEPTH, module: `/${PAGEFIND_DIR}/pagefind.js` },
		);
	} finally {
		await browser.close();
		await site.close();
	}
}

/** Precision at RELEVANCE_DEPTH of each query for the blog and for Pagefind, on the built `dist`. */
export async function benchRelevance(
	dist: string,
	posts: readonly RelevancePost[],
	say: (line: string) => void = console.log,
): Promise<RelevanceRow[]> {
	const index = await readSearchIndex(dist);
	const source = fileSource(index);
	say(`  Pagefind: indexed ${await buildPagefind(dist)} articles`);
	const queries = RELEVANCE_QUERIES.map((query) => query.query);
	const theirs = await pagefindResults(dist, queries);
	const rows: RelevanceRow[] = [];
	for (const [n, query] of RELEVANCE_QUERIES.entries()) {
		const relevant = relevantUrls(posts, query, postPath);
		const { ids } = await runSearch(source, query.query);
		const ours = ids.slice(0, RELEVANCE_DEPTH).map((id) => index.docs[id]?.url ?? '');
		rows.push({
			query: query.query,
			kind: query.kind,
			blog: precisionAt(RELEVANCE_DEPTH, ours, relevant),
			pagefind: precisionAt(RELEVANCE_DEPTH, theirs[n] ?? [], relevant),
		});
	}
	return rows;
}
