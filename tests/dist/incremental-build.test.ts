import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { beforeAll, describe, expect, test } from 'vitest';
import type { FixtureBuild } from '../support/build.ts';
import { NEW_HEADLINE, rebuildScenario } from '../support/rebuild-scenario.ts';

/*
 * Incremental builds copy a page from the cache when its cacheKey is unchanged, so a key that
 * misses something the page shows leaves a stale page behind. The proof: change one post, rebuild
 * with the cache, and compare every page with a clean build of the same content (the shared
 * rebuild scenario, tests/support/rebuild-scenario.ts).
 */

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

describe('incremental rebuild after one post changed, one deleted and one added', () => {
	let rebuild: FixtureBuild;
	let unchanged: FixtureBuild;
	let clean: FixtureBuild;
	let changedSlug = '';
	let deletedSlug = '';
	let cache = '';

	beforeAll(async () => {
		const scenario = await rebuildScenario();
		({ rebuild, unchanged, clean } = scenario.builds);
		({ cache } = scenario);
		changedSlug = scenario.changed.slug;
		deletedSlug = scenario.deleted.slug;
	}, 300_000);

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
