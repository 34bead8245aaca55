import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePosts } from '../../scripts/bench/generate.ts';
import { buildFixtureSite, type FixtureBuild } from '../support/build.ts';

/*
 * Incremental builds copy a page from the cache when its cacheKey is unchanged, so a key that
 * misses something the page shows leaves a stale page behind. The proof: change one post, rebuild
 * with the cache, and compare every page with a clean build of the same content.
 */

const NOW = { BLOG_NOW: '2026-11-22T00:00:00Z' };
const NEW_HEADLINE = 'Новый заголовок статьи после правки';

/** Every file of a built site, by path, as text. */
const readSite = (dir: string): Map<string, string> =>
	new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile() && /\.(?:html|xml)$/.test(entry.name))
			.map((entry) => {
				const path = join(entry.parentPath, entry.name);
				return [path.slice(dir.length), readFileSync(path, 'utf8')] as const;
			}),
	);

describe('incremental rebuild after one post changed', () => {
	let rebuild: FixtureBuild;
	let unchanged: FixtureBuild;
	let clean: FixtureBuild;
	let changedSlug = '';
	let deletedSlug = '';
	let cache = '';
	let work = '';

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'blog-incremental-'));
		const content = join(work, 'content');
		cache = join(work, 'cache');
		await mkdir(content);
		const posts = [...generatePosts(24, { bodyBytes: 3_000 })];
		for (const post of posts) await writeFile(join(content, post.file), post.source);
		// Astro's page hashes include the output folder: Netlify builds into the same one each time.
		const outDir = join(work, 'dist');
		const first = await buildFixtureSite(content, { ...NOW, ASTRO_CACHE_DIR: cache }, outDir);
		await rm(first.outDir, { recursive: true });

		// A post in the middle, so it has a newer and an older neighbour and shares tags.
		const changed = posts.filter((post) => post.meta.headline && !post.meta.draft)[6];
		if (!changed) throw new Error('the corpus has no post with a headline');
		changedSlug = changed.meta.slug;
		const file = join(content, changed.file);
		const source = await readFile(file, 'utf8');
		const longer = `${source}\n${'Добавленный абзац с новыми словами. '.repeat(200)}\n`;
		await writeFile(file, longer.replace(/^headline: .*$/m, `headline: "${NEW_HEADLINE}"`));
		// And one post deleted: its page, and pages only it had (a tag), must not outlive it.
		const deleted = posts.filter((post) => !post.meta.draft && post !== changed)[10];
		if (!deleted) throw new Error('the corpus is too small');
		deletedSlug = deleted.meta.slug;
		await rm(join(content, deleted.file));

		rebuild = await buildFixtureSite(content, { ...NOW, ASTRO_CACHE_DIR: cache }, outDir);
		const kept = join(work, 'rebuild');
		await rename(outDir, kept);
		rebuild = { ...rebuild, outDir: kept };
		unchanged = await buildFixtureSite(content, { ...NOW, ASTRO_CACHE_DIR: cache }, outDir);
		clean = await buildFixtureSite(content, NOW);
	}, 240_000);

	afterAll(async () => {
		for (const dir of [work, rebuild?.outDir, unchanged?.outDir, clean?.outDir]) {
			if (dir) await rm(dir, { recursive: true, force: true });
		}
	});

	test('most pages come from the cache', () => {
		const restored = rebuild.stdout.match(/\((?:restored|cached)\)/g)?.length ?? 0;
		const rendered = rebuild.stdout.match(/ \(\+\d+(?:\.\d+)?m?s\)/g)?.length ?? 0;
		expect(restored).toBeGreaterThan(20);
		expect(rendered).toBeLessThan(restored);
	});

	test('the cached pages are in place before Astro generates the pages', () => {
		// Astro says "(cached)" for a page it finds in the output folder, "(restored)" for one it
		// has to copy from its cache: the build links them all in beforehand.
		const found = rebuild.stdout.match(/\(cached\)/g)?.length ?? 0;
		expect(found).toBeGreaterThan(20);
		expect(rebuild.stdout).not.toContain('(restored)');
		expect(rebuild.stdout).toMatch(/Страницы из кэша сборки: \d+, устаревших удалено: \d+/);
		expect(rebuild.stdout + rebuild.stderr).not.toContain('уже во время генерации');
	});

	test('every page equals the clean build of the same content', () => {
		const incremental = readSite(rebuild.outDir);
		const fresh = readSite(clean.outDir);
		expect([...incremental.keys()].sort()).toEqual([...fresh.keys()].sort());
		const stale = [...fresh].filter(([path, html]) => incremental.get(path) !== html);
		expect(stale.map(([path]) => path)).toEqual([]);
	});

	test('a deleted post leaves no page and no empty folder behind', () => {
		const site = readSite(rebuild.outDir);
		expect([...site.keys()].filter((path) => path.includes(`/${deletedSlug}/`))).toEqual([]);
		const empty = readdirSync(rebuild.outDir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.map((entry) => join(entry.parentPath, entry.name))
			.filter((dir) => readdirSync(dir).length === 0);
		expect(empty).toEqual([]);
	});

	test("unchanged pages are links to Astro's cached copies; rendered ones equal theirs", () => {
		const articles = [...readSite(rebuild.outDir).keys()].filter((path) =>
			path.startsWith('/blog/'),
		);
		const cached = (path: string) => join(cache, 'dist', path);
		const linked = articles.filter(
			(path) => statSync(join(rebuild.outDir, path)).ino === statSync(cached(path)).ino,
		);
		expect(linked.length).toBeGreaterThan(articles.length / 2);
		const changed = `/blog/${changedSlug}/index.html`;
		expect(readFileSync(join(rebuild.outDir, changed), 'utf8')).toContain(NEW_HEADLINE);
		expect(readFileSync(cached(changed), 'utf8')).toBe(
			readFileSync(join(rebuild.outDir, changed), 'utf8'),
		);
	});

	test('the search index reads only the articles written again, none when nothing changed', () => {
		const read = (build: FixtureBuild) =>
			Number(/прочитано заново — (\d+)/.exec(stripVTControlCharacters(build.stdout))?.[1]);
		// Article pages Astro rendered in the rebuild, from its page list.
		const renderedArticles = stripVTControlCharacters(rebuild.stdout)
			.split(/[├└]─ /)
			.filter((entry) => entry.startsWith('/blog/') && !/^\S+ \((?:restored|cached)\)/.test(entry));
		const articles = [...readSite(clean.outDir).keys()].filter((path) =>
			path.startsWith('/blog/'),
		).length;
		expect(renderedArticles.length).toBeGreaterThan(0);
		expect(renderedArticles.length).toBeLessThan(articles);
		expect(read(rebuild)).toBe(renderedArticles.length);
		expect(read(unchanged)).toBe(0);
		expect(read(clean)).toBe(articles);
	});

	test('the change shows on the post and on pages that link to it', () => {
		const site = readSite(rebuild.outDir);
		const showing = [...site].filter(([, html]) => html.includes(NEW_HEADLINE));
		const paths = showing.map(([path]) => path);
		expect(paths).toContain(`/blog/${changedSlug}/index.html`);
		expect(paths.filter((path) => path.startsWith('/blog/')).length).toBeGreaterThan(1);
		expect(paths.some((path) => path.startsWith('/tags/'))).toBe(true);
	});

	test('with nothing changed, the feed and every post, listing and tag page come from the cache', () => {
		// Entries of the page list; with four pages at a time, two can share a line of the log.
		// Without colours: Astro's logger colours its output where CI is set.
		const entries = stripVTControlCharacters(unchanged.stdout)
			.split(/[├└]─ /)
			.slice(1);
		const pathOf = (entry: string) => /^\/\S*?\.(?:html|xml|txt|json|yml)/.exec(entry)?.[0];
		const rendered = entries
			.filter((entry) => !/^\S+ \((?:restored|cached)\)/.test(entry))
			.map(pathOf);
		// Only routes without getStaticPaths() render on every build.
		expect(rendered.sort()).toEqual(
			[
				'/404.html',
				'/admin/config.yml',
				'/admin/index.html',
				'/index.html',
				'/robots.txt',
				// The build's "now" and the scheduled posts' times: new with every build.
				'/scheduled.json',
				'/search/index.html',
				'/search-words.json',
				'/tags/index.html',
			].sort(),
		);
		expect(entries.find((entry) => pathOf(entry) === '/rss.xml')).toMatch(
			/\((?:restored|cached)\)/,
		);
		expect(readSite(unchanged.outDir)).toEqual(readSite(rebuild.outDir));
	});
});
