import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	MarkdownPool,
	WORKERS_WORTH_IT,
	renderAheadLimits,
} from '../../src/plumbing/markdown-pool.ts';
import { cacheManifestPath } from '../../src/lib/pipeline/page-cache.ts';
import { extractSections } from '../../src/lib/search/section-text.ts';
import {
	renderMarkdownFile,
	renderMarkdownFileHere,
	shareMarkdownRenderer,
	type PlannedPost,
} from '../../src/markdown/render.ts';
import { writeFixtureCorpus } from '../support/fixture-corpus.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const ROUTE = 'src/pages/blog/[slug].astro';

let scratch = '';
/** Every Markdown post of the fixtures and of the blog itself. */
const files: string[] = [];
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'markdown-pool-'));
	const corpus = await writeFixtureCorpus(join(scratch, 'corpus'));
	const folders = [corpus, join(ROOT, 'src/content/blog'), join(ROOT, 'tests/fixtures/xss-blog')];
	for (const folder of folders) {
		for (const name of (await readdir(folder)).sort())
			if (name.endsWith('.md')) files.push(join(folder, name));
	}
});
afterAll(async () => {
	shareMarkdownRenderer(undefined);
	await rm(scratch, { recursive: true, force: true });
});

/** The page each post file would have, as the article route plans it. */
const planned = (file: string, index: number): PlannedPost => ({
	filePath: file,
	pathname: `/blog/post-${index}/`,
	pageUrl: `https://example.ru/blog/post-${index}/`,
	cacheKey: `key-${index}`,
});

describe('the Markdown pool', () => {
	test('the corpus has posts with sections', () => {
		expect(files.length).toBeGreaterThan(25);
	});

	test('renders every post as this thread does, without a plan', async () => {
		const pool = new MarkdownPool(2);
		pool.start();
		await pool.loaded();
		try {
			for (const file of files) {
				const expected = await renderMarkdownFileHere(file);
				expect(await pool.render(file), file).toEqual(expected);
			}
		} finally {
			await pool.close();
		}
	});

	test('renders planned posts ahead, with their sections, as this thread does', async () => {
		const pool = new MarkdownPool(1);
		pool.start();
		await pool.loaded();
		try {
			const posts = files.map(planned);
			pool.plan(ROUTE, posts);
			let ahead = 0;
			// Pages ask four at a time, in plan order, as Astro builds them.
			for (let i = 0; i < posts.length; i += 4) {
				const batch = posts.slice(i, i + 4);
				const results = await Promise.all(
					batch.map(({ filePath }) => pool.render(filePath) ?? renderMarkdownFileHere(filePath)),
				);
				for (const [index, { filePath, pageUrl }] of batch.entries()) {
					const expected = await renderMarkdownFileHere(filePath);
					const result = results[index]!;
					expect({ html: result.html, headings: result.headings }, filePath).toEqual(expected);
					// A post the page rendered itself (workers busy) has no sections: the page works them out.
					if (!result.sections) continue;
					expect(result.sections, filePath).toEqual(extractSections(expected.html, pageUrl));
					ahead++;
				}
			}
			// Most are rendered ahead; how many depends on how fast the worker is.
			expect(ahead).toBeGreaterThan(0);
		} finally {
			await pool.close();
		}
	});

	test('renders posts whose pages were expected from the cache when they are asked for', async () => {
		const cacheDir = join(scratch, 'cache');
		await mkdir(cacheDir, { recursive: true });
		const posts = files.slice(0, 12).map(planned);
		// Every other page unchanged since the previous build.
		const paths = Object.fromEntries(
			posts
				.filter((_, index) => index % 2 === 0)
				.map(({ pathname, cacheKey }) => [pathname, { cacheKey, outputFile: 'x.html' }]),
		);
		await writeFile(
			cacheManifestPath(cacheDir),
			JSON.stringify({ version: 1, routes: { [ROUTE]: { paths } } }),
		);
		const pool = new MarkdownPool(1);
		pool.useCacheDir(cacheDir);
		pool.start();
		await pool.loaded();
		try {
			pool.plan(ROUTE, posts);
			for (const { filePath } of posts) {
				const result = await (pool.render(filePath) ?? renderMarkdownFileHere(filePath));
				const expected = await renderMarkdownFileHere(filePath);
				expect(result.html, filePath).toBe(expected.html);
			}
		} finally {
			await pool.close();
		}
	});

	test('renderMarkdownFile() hands posts to the shared pool, and renders here without one', async () => {
		const pool = new MarkdownPool(1);
		pool.start();
		await pool.loaded();
		const file = files[0]!;
		const expected = await renderMarkdownFileHere(file);
		try {
			shareMarkdownRenderer(pool);
			expect(await renderMarkdownFile(file)).toEqual(expected);
		} finally {
			shareMarkdownRenderer(undefined);
			await pool.close();
		}
		// A closed pool is not used; this thread renders.
		expect(await renderMarkdownFile(file)).toEqual(expected);
	});

	test('a closed pool refuses work, and renderMarkdownFile() then renders here', async () => {
		const pool = new MarkdownPool(1);
		await pool.close();
		await expect(pool.render(files[0]!)).rejects.toThrow();
		shareMarkdownRenderer(pool);
		try {
			expect(await renderMarkdownFile(files[0]!)).toEqual(await renderMarkdownFileHere(files[0]!));
		} finally {
			shareMarkdownRenderer(undefined);
		}
	});

	test('starts no workers for a plan of a few posts, and for one of many posts does', async () => {
		const few = new MarkdownPool(1);
		const many = new MarkdownPool(1);
		try {
			const posts = files.map(planned);
			few.plan(ROUTE, posts.slice(0, WORKERS_WORTH_IT - 1));
			await new Promise((resolve) => setTimeout(resolve, 10));
			// The page's thread renders them.
			expect(few.render(posts[0]!.filePath)).toBeUndefined();
			const expected = await renderMarkdownFileHere(posts[0]!.filePath);
			many.plan(ROUTE, [
				...posts,
				...posts.map((post) => ({ ...post, filePath: `${post.filePath}#2` })),
			]);
			await many.loaded();
			expect(await many.render(posts[0]!.filePath)).toMatchObject(expected);
		} finally {
			await few.close();
			await many.close();
		}
	});

	test('renders prepared posts before the plan comes, and the plan takes them over', async () => {
		const pool = new MarkdownPool(1);
		pool.start();
		await pool.loaded();
		try {
			const posts = files.map(planned);
			pool.prepare(posts);
			// Wait until the worker has rendered the first prepared posts.
			await new Promise((resolve) => setTimeout(resolve, 200));
			// The pages' plan: the same posts but one, in another order.
			const pages = [...posts.slice(1)].reverse();
			pool.plan(ROUTE, pages);
			await new Promise((resolve) => setTimeout(resolve, 10));
			for (const { filePath, pageUrl } of pages) {
				const result = await (pool.render(filePath) ?? renderMarkdownFileHere(filePath));
				const expected = await renderMarkdownFileHere(filePath);
				expect({ html: result.html, headings: result.headings }, filePath).toEqual(expected);
				if (result.sections)
					expect(result.sections).toEqual(extractSections(expected.html, pageUrl));
			}
		} finally {
			await pool.close();
		}
	});

	test('prepares nothing without running workers (a rebuild)', async () => {
		const pool = new MarkdownPool(1);
		try {
			pool.prepare(files.map(planned));
			await new Promise((resolve) => setTimeout(resolve, 10));
			expect(pool.render(files[0]!)).toBeUndefined();
		} finally {
			await pool.close();
		}
	});

	test('looks ahead a bounded number of posts, whatever the blog size', () => {
		expect(renderAheadLimits(1)).toEqual({ running: 2, ahead: 32, slack: 16 });
		expect(renderAheadLimits(7).ahead).toBe(112);
	});
});
