import { existsSync } from 'node:fs';
import {
	link,
	mkdir,
	mkdtemp,
	readFile,
	readdir,
	rm,
	stat,
	utimes,
	writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SearchIndexJob, buildSearchIndex } from '../../src/plumbing/search-index-build.ts';
import { buildSearchIndexInWorker } from '../../src/plumbing/search-index-worker.ts';
import {
	parseSearchManifest,
	runSearch,
	type SearchChunk,
	type SearchDoc,
} from '../../src/lib/search/search-engine.ts';

let root = '';
let site = '';
let astroCache = '';
let cache = '';

/** An article page as the layout writes it. */
const article = (title: string, body: string, date: string): string =>
	`<!doctype html><html><body><main><article data-search-body><h1>${title}</h1>` +
	`<p data-search-ignore><time datetime="${date}">дата</time></p><div class="prose"><p>${body}</p></div>` +
	`</article><div data-search-ignore>Читайте также</div></main></body></html>`;

async function writePage(slug: string, html: string): Promise<void> {
	await mkdir(join(site, 'blog', slug), { recursive: true });
	await writeFile(join(site, 'blog', slug, 'index.html'), html);
}

/** The published index, read back as the search page reads it: URLs found for a query. */
async function search(query: string): Promise<string[]> {
	const dir = join(site, 'search-index');
	const manifest = parseSearchManifest(
		JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
	);
	if (!manifest) throw new Error('no manifest');
	const { ids } = await runSearch(
		{
			manifest,
			chunk: async (file) => JSON.parse(await readFile(join(dir, file), 'utf8')) as SearchChunk,
		},
		query,
		{ typing: false },
	);
	return Promise.all(
		ids.map(
			async (id) =>
				(JSON.parse(await readFile(join(dir, manifest.docs, `${id}.json`), 'utf8')) as SearchDoc)
					.url,
		),
	);
}

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'search-index-build-'));
	site = join(root, 'dist');
	astroCache = join(root, 'astro-cache');
	cache = join(astroCache, 'search-index');
	await mkdir(astroCache, { recursive: true });
	await writePage('klyuchi', article('Ключи от квартиры', 'Храним ключи в сейфе.', '2025-01-02'));
	await writePage('uborka', article('Уборка', 'Уборка квартиры после ремонта.', '2025-03-04'));
});

afterAll(() => rm(root, { recursive: true, force: true }));

describe('the search index of a built site', () => {
	test('indexes every article page and finds them by their words', async () => {
		const summary = await buildSearchIndex(site, astroCache, cache);
		expect(summary).toMatchObject({ articles: 2, parsed: 2 });
		// A word of the title weighs more than one of the text.
		expect(await search('квартира')).toEqual(['/blog/klyuchi/', '/blog/uborka/']);
		expect(await search('сейф')).toEqual(['/blog/klyuchi/']);
		// Ignored parts are not indexed.
		expect(await search('читайте')).toEqual([]);
	});

	test('an article file in the site is a link to its record in the cache', async () => {
		const dir = join(site, 'search-index');
		const manifest = parseSearchManifest(
			JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
		);
		const doc = join(dir, manifest?.docs ?? '', '0.json');
		expect((await stat(doc)).nlink).toBe(2);
		expect(JSON.parse(await readFile(doc, 'utf8'))).toMatchObject({
			url: '/blog/uborka/',
			title: 'Уборка',
			date: '2025-03-04T00:00:00.000Z',
		});
	});

	test('a rebuild with nothing changed parses nothing and publishes the same files', async () => {
		const before = await readdir(join(site, 'search-index'), { recursive: true });
		const summary = await buildSearchIndex(site, astroCache, cache);
		expect(summary).toMatchObject({ articles: 2, parsed: 0 });
		expect((await readdir(join(site, 'search-index'), { recursive: true })).sort()).toEqual(
			before.sort(),
		);
	});

	test('an article file written in place after the build is not trusted: its page is read again', async () => {
		const dir = join(site, 'search-index');
		const docs = parseSearchManifest(
			JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
		)?.docs;
		const doc = join(dir, docs ?? '', '0.json');
		const original = await readFile(doc, 'utf8');
		// Written in place, the link's other name (the cached record) changes with it.
		const forged = original.replace('Уборка', 'Подлог');
		await writeFile(doc, forged, { flag: 'r+' });
		expect((await stat(doc)).nlink).toBe(2);

		const summary = await buildSearchIndex(site, astroCache, cache);
		expect(summary).toMatchObject({ articles: 2, parsed: 1 });
		const republished = parseSearchManifest(
			JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
		)?.docs;
		expect(await readFile(join(dir, republished ?? '', '0.json'), 'utf8')).toBe(original);
		const records = await readdir(join(cache, 'docs'));
		const texts = await Promise.all(
			records.map((name) => readFile(join(cache, 'docs', name), 'utf8')),
		);
		expect(texts.filter((text) => text.includes('Подлог'))).toEqual([]);
		expect(await search('подлог')).toEqual([]);
		// The next build trusts the record it wrote.
		expect(await buildSearchIndex(site, astroCache, cache)).toMatchObject({ parsed: 0 });
	});

	test('a changed article is parsed again and found by its new words only', async () => {
		await writePage('uborka', article('Уборка', 'Генеральная уборка дома.', '2025-03-04'));
		const summary = await buildSearchIndexInWorker(site, astroCache, cache);
		expect(summary).toMatchObject({ articles: 2, parsed: 1 });
		expect(await search('квартира')).toEqual(['/blog/klyuchi/']);
		expect(await search('генеральная')).toEqual(['/blog/uborka/']);
	});

	test('a deleted article leaves the index and the cache', async () => {
		await rm(join(site, 'blog', 'klyuchi'), { recursive: true });
		const summary = await buildSearchIndex(site, astroCache, cache);
		expect(summary).toMatchObject({ articles: 1, parsed: 0 });
		expect(await search('сейф')).toEqual([]);
		expect(await readdir(join(cache, 'docs'))).toHaveLength(1);
	});

	test('an article page without the marker stops the build, naming the page', async () => {
		await writePage('broken', '<html><body><main>нет статьи</main></body></html>');
		await expect(buildSearchIndex(site, astroCache, cache)).rejects.toThrow(
			'blog/broken/index.html',
		);
		await rm(join(site, 'blog', 'broken'), { recursive: true });
	});

	test('a site with no articles gets an empty index the page can read', async () => {
		await rm(join(site, 'blog'), { recursive: true });
		const summary = await buildSearchIndex(site, astroCache, cache);
		expect(summary).toMatchObject({ articles: 0 });
		expect(existsSync(join(site, 'search-index', 'manifest.json'))).toBe(true);
		expect(await search('уборка')).toEqual([]);
	});
});

describe('pages kept from the last build are indexed from the cache before they exist', () => {
	let base = '';
	beforeAll(async () => {
		base = await mkdtemp(join(tmpdir(), 'search-index-prepare-'));
	});
	afterAll(() => rm(base, { recursive: true, force: true }));

	test('an unchanged page is not read at the end; a page Astro wrote again is', async () => {
		const astro = join(base, 'astro-cache');
		const out = join(base, 'dist');
		const index = join(astro, 'search-index');
		// As the cached-pages integration does: the page in Astro's cache, linked into the site.
		const page = async (slug: string, html: string): Promise<string> => {
			const cached = join(astro, 'dist', 'blog', slug, 'index.html');
			await mkdir(join(cached, '..'), { recursive: true });
			await writeFile(cached, html);
			// A whole second, so that the test can set it again exactly.
			await utimes(cached, 1_700_000_000, 1_700_000_000);
			await mkdir(join(out, 'blog', slug), { recursive: true });
			await rm(join(out, 'blog', slug, 'index.html'), { force: true });
			await link(cached, join(out, 'blog', slug, 'index.html'));
			return cached;
		};
		const kept = await page('sad', article('Сад', 'Яблони в саду.', '2025-01-01'));
		await page('dom', article('Дом', 'Крыша дома.', '2025-02-01'));
		expect(await buildSearchIndex(out, astro, index)).toMatchObject({ parsed: 2 });

		const job = new SearchIndexJob(astro, index);
		await job.prepare();
		// The kept page now holds other bytes with the same stamp: read, it would fail the build.
		const before = await stat(kept);
		const garbage = 'x'.repeat(before.size);
		await writeFile(kept, garbage, { flag: 'r+' });
		await utimes(kept, 1_700_000_000, 1_700_000_000);
		expect((await stat(kept)).mtimeMs).toBe(before.mtimeMs);
		// Astro renders the other page again: a new modification time.
		await new Promise((resolve) => setTimeout(resolve, 20));
		await writeFile(
			join(out, 'blog', 'dom', 'index.html'),
			article('Дом', 'Новая крыша и окна.', '2025-02-01'),
		);
		const summary = await job.finish(out);
		expect(summary).toMatchObject({ articles: 2, parsed: 1, prepared: 1 });
		const dir = join(out, 'search-index');
		const manifest = parseSearchManifest(
			JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')),
		);
		if (!manifest) throw new Error('no manifest');
		const found = async (query: string): Promise<number> =>
			(
				await runSearch(
					{
						manifest,
						chunk: async (file) =>
							JSON.parse(await readFile(join(dir, file), 'utf8')) as SearchChunk,
					},
					query,
					{ typing: false },
				)
			).ids.length;
		expect(await found('яблони')).toBe(1);
		expect(await found('окна')).toBe(1);
		expect(await found('крыша')).toBe(1);
	});
});
