import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePosts, type GeneratedPost } from '../../scripts/bench/generate.ts';
import { resultStatus } from '../../src/lib/search.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite, type FixtureBuild } from '../support/build.ts';
import { openPage, type CheckedPage } from '../support/page.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/*
 * The search index after an incremental rebuild: the build reuses the cached base indexes
 * (here in shards of five articles, so the search page merges several) and indexes only what
 * changed into a delta; the search page must then find the new text, never the old text of a
 * changed or deleted post, and list every post once.
 */

const ENV = { BLOG_NOW: '2026-11-22T00:00:00Z', BLOG_SEARCH_SHARD_SIZE: '5' };
/** In every post: a search for it lists every article. */
const EVERYWHERE = 'Всеобщность';
const OLD_WORD = 'Протоплазма';
const NEW_WORD = 'Квазиэлектрон';
const DELETED_WORD = 'Гиперборея';
const ADDED_WORD = 'Мегаполисный';

const withWords = (post: GeneratedPost, ...words: string[]): string =>
	`${post.source}\n\n${words.map((word) => `Слово ${word} для поиска.`).join(' ')}\n`;

let work = '';
let rebuild: FixtureBuild;
let browser: Browser;
let server: StaticServer;
let changed: GeneratedPost;
let added: GeneratedPost;
let deleted: GeneratedPost;
const opened: CheckedPage[] = [];
/** Digest of every cached index file after the first build, by path in the cache. */
let cachedBefore = new Map<string, string>();

/** Every file under `dir` with the digest of its content. */
function digestTree(dir: string): Map<string, string> {
	const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) =>
		entry.isFile(),
	);
	return new Map(
		files.map((entry) => {
			const path = join(entry.parentPath, entry.name);
			return [path, createHash('sha256').update(readFileSync(path)).digest('hex')];
		}),
	);
}

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'blog-search-index-'));
	const content = join(work, 'content');
	await mkdir(content);
	const posts = [...generatePosts(25, { bodyBytes: 2_000 })];
	const published = posts.filter((post) => !post.meta.draft);
	const [changedPost, deletedPost, addedPost] = [published[6], published[12], posts.at(-1)];
	if (!changedPost || !deletedPost || !addedPost) throw new Error('the corpus is too small');
	[changed, deleted, added] = [changedPost, deletedPost, addedPost];

	for (const post of posts.slice(0, -1)) {
		const words = post === changed ? [OLD_WORD] : post === deleted ? [DELETED_WORD] : [];
		await writeFile(join(content, post.file), withWords(post, EVERYWHERE, ...words));
	}
	const cache = join(work, 'cache');
	const outDir = join(work, 'dist');
	await buildFixtureSite(content, { ...ENV, ASTRO_CACHE_DIR: cache }, outDir);
	await rm(outDir, { recursive: true });
	cachedBefore = digestTree(join(cache, 'pagefind'));

	await writeFile(join(content, changed.file), withWords(changed, EVERYWHERE, NEW_WORD));
	await rm(join(content, deleted.file));
	await writeFile(join(content, added.file), withWords(added, EVERYWHERE, ADDED_WORD));
	rebuild = await buildFixtureSite(content, { ...ENV, ASTRO_CACHE_DIR: cache }, outDir);
	[browser, server] = await Promise.all([launchBrowser(), serveDist(outDir)]);
}, 240_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	if (work) await rm(work, { recursive: true, force: true });
});

/** A result as the reader sees it: the link and the words highlighted in its excerpt. */
interface Result {
	href: string;
	marks: string[];
}

/** Searches on /search/ and returns the status line and the results. */
async function search(query: string): Promise<{ status: string; results: Result[] }> {
	const checked = await openPage(browser, server.url);
	opened.push(checked);
	const page: Page = checked.page;
	await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
	const status = page.locator('[data-search-status]');
	await expect
		.poll(() => status.textContent(), { timeout: 15_000 })
		.toMatch(/^(?:Найден|Показан|По запросу)/);
	// Every result, a page at a time.
	const more = page.locator('[data-search-more]');
	while (await more.isVisible()) {
		const shown = await page.locator('.search-result').count();
		await more.click();
		await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(shown);
	}
	const results = await page.locator('.search-result').evaluateAll((items) =>
		items.map((item) => ({
			href: item.querySelector('a')?.getAttribute('href') ?? '',
			marks: [...item.querySelectorAll('mark')].map((mark) => mark.textContent ?? ''),
		})),
	);
	const text = (await status.textContent()) ?? '';
	await page.context().close();
	return { status: text.replace(/\u00a0/g, ' '), results };
}

/**
 * Links of the results whose excerpt highlights this very word. (Pagefind also matches parts
 * of a word it does not know, «Протоплазма» → «про», so a made-up word finds other posts too.)
 */
const highlighting = (results: readonly Result[], word: string): string[] =>
	results
		.filter((result) => result.marks.some((mark) => mark.toLowerCase() === word.toLowerCase()))
		.map((result) => result.href);

describe('search after a rebuild that indexed only the changes', () => {
	test('the rebuild reused the base indexes and indexed the changes apart', () => {
		expect(rebuild.stdout).toMatch(/изменений после полной индексации — \d+, проиндексированы/);
		const manifest = JSON.parse(
			readFileSync(join(work, 'dist/pagefind/manifest.json'), 'utf8'),
		) as { indexes: string[]; hidden: string[] };
		// 24 articles in shards of five: the main bundle and four more, plus the delta.
		expect(manifest.indexes).toHaveLength(5);
		for (const url of manifest.indexes) {
			expect(existsSync(join(work, 'dist', url, 'pagefind-entry.json'))).toBe(true);
		}
		// The changed post's old entry and the deleted post's entry.
		expect(manifest.hidden).toHaveLength(2);
	});

	test('the published index files are links to the cached ones, which no build wrote into', () => {
		const published = statSync(join(work, 'dist/pagefind/pagefind-entry.json'));
		const cachedInodes = new Set([...cachedBefore.keys()].map((path) => statSync(path).ino));
		expect(published.nlink).toBeGreaterThan(1);
		expect(cachedInodes.has(published.ino)).toBe(true);
		// The manifest is the build's own file, never one shared with the cache.
		expect(statSync(join(work, 'dist/pagefind/manifest.json')).nlink).toBe(1);
		const cachedAfter = digestTree(join(work, 'cache/pagefind'));
		let kept = 0;
		for (const [path, digest] of cachedBefore) {
			if (!cachedAfter.has(path)) continue;
			kept++;
			// The state and the digests are the builds' own records, rewritten by each build.
			if (!/(?:state|digests)\.json$/.test(path)) expect(cachedAfter.get(path), path).toBe(digest);
		}
		// The five base shards stayed in the cache for the delta to build on.
		expect(kept).toBeGreaterThan(5);
	});

	test('the changed post is found by its new text, not by its old text', async () => {
		const found = await search(NEW_WORD);
		expect(found.results[0]?.href).toBe(`/blog/${changed.meta.slug}/`);
		expect(highlighting(found.results, NEW_WORD)).toEqual([`/blog/${changed.meta.slug}/`]);
		expect(highlighting((await search(OLD_WORD)).results, OLD_WORD)).toEqual([]);
	});

	test('a deleted post is gone; a new post is found', async () => {
		const gone = await search(DELETED_WORD);
		expect(highlighting(gone.results, DELETED_WORD)).toEqual([]);
		expect(gone.results.map((result) => result.href)).not.toContain(`/blog/${deleted.meta.slug}/`);
		const found = await search(ADDED_WORD);
		expect(highlighting(found.results, ADDED_WORD)).toEqual([`/blog/${added.meta.slug}/`]);
	});

	test('every article is listed once', async () => {
		const articles = readdirSync(join(work, 'dist/blog')).filter((name) =>
			existsSync(join(work, 'dist/blog', name, 'index.html')),
		);
		const { status, results } = await search(EVERYWHERE);
		const links = results.map((result) => result.href);
		expect(status).toBe(resultStatus(articles.length, EVERYWHERE).replace(/\u00a0/g, ' '));
		expect(new Set(links).size).toBe(links.length);
		expect(links.length).toBe(articles.length);
	});

	test('no page reported errors', () => {
		expect(opened.flatMap((page) => page.errors)).toEqual([]);
	});
});
