import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MarkdownPool } from '../../src/plumbing/markdown-pool.ts';
import { expectPoolReached } from '../../src/integrations/markdown-workers.ts';
import { planMarkdownFiles, shareMarkdownRenderer } from '../../src/markdown/shared-renderer.ts';

/*
 * The article pages reach the build's Markdown pool through a global, and the pool finds the
 * pages Astro restores by the article route's name in Astro's incremental manifest. Neither is
 * Astro's API. A build whose pages never reached the pool, or whose manifest names the route
 * otherwise, would still be right but silently slower: it stops instead, in both languages.
 */

const ROUTE = 'src/pages/blog/[slug].astro';
let cacheDir = '';
beforeAll(async () => {
	cacheDir = await mkdtemp(join(tmpdir(), 'markdown-workers-'));
	const manifest = {
		version: 1,
		routes: {
			[ROUTE]: { paths: { '/blog/a/': { outputFile: 'blog/a/index.html', cacheKey: 'k' } } },
		},
	};
	await writeFile(join(cacheDir, 'incremental-build.json'), JSON.stringify(manifest));
});
afterAll(() => rm(cacheDir, { recursive: true, force: true }));

test('pages that announced their posts, under the route the manifest names: the build goes on', async () => {
	await expect(expectPoolReached(new Map([[ROUTE, 1]]), cacheDir)).resolves.toBeUndefined();
	await expect(expectPoolReached(new Map([[ROUTE, 1]]), undefined)).resolves.toBeUndefined();
});

/** Announces one article's post to the shared pool, from this thread or from another realm. */
async function announce(where: 'here' | 'worker'): Promise<void> {
	const posts = [
		{ filePath: 'a.md', pathname: '/blog/a/', pageUrl: 'https://x/blog/a/', cacheKey: 'k' },
	];
	if (where === 'here') return planMarkdownFiles(ROUTE, posts);
	const module = pathToFileURL(
		resolve(import.meta.dirname, '../../src/markdown/shared-renderer.ts'),
	);
	const code = `import(${JSON.stringify(module.href)}).then((m) => m.planMarkdownFiles(${JSON.stringify(ROUTE)}, ${JSON.stringify(posts)}))`;
	await once(new Worker(code, { eval: true }), 'exit');
}

test.each([
	['the pages run where the build runs: the build goes on', 'here', false],
	['the pages run in another realm (a worker): the build stops', 'worker', true],
] as const)('%s', async (_, where, stops) => {
	const pool = new MarkdownPool(1);
	shareMarkdownRenderer(pool);
	try {
		await announce(where);
		const check = expectPoolReached(pool.planned, undefined);
		if (!stops) await expect(check).resolves.toBeUndefined();
		else {
			await expect(check).rejects.toThrow(/страницы статей не передали свои статьи пулу Markdown/);
			await expect(check).rejects.toThrow(/never announced their posts to the Markdown pool/);
		}
	} finally {
		shareMarkdownRenderer(undefined);
		await pool.close();
	}
});

test('a route Astro names otherwise in its manifest stops the build', async () => {
	const failure = expectPoolReached(new Map([['/blog/[slug]', 2]]), cacheDir);
	await expect(failure).rejects.toThrow(/не знает маршрут \/blog\/\[slug\]/);
	await expect(failure).rejects.toThrow(/has no route named \/blog\/\[slug\]/);
});

test('no manifest once the pages are generated stops the build', async () => {
	const failure = expectPoolReached(new Map([[ROUTE, 1]]), join(cacheDir, 'elsewhere'));
	await expect(failure).rejects.toThrow(/нет манифеста/);
	await expect(failure).rejects.toThrow(/has no manifest/);
});
