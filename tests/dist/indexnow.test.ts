import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePosts } from '../../scripts/bench/generate.ts';
import { listPageFiles, readPageDigests } from '../../src/plumbing/indexnow-pages.ts';
import { CACHE_IMMUTABLE } from '../../src/lib/netlify/netlify-headers.ts';
import {
	diffPages,
	buildIndexNowState,
	pageContent,
	urlsToSubmit,
} from '../../src/lib/netlify/indexnow.ts';
import { headersForPath, overlappingHeaders } from '../../src/lib/netlify/netlify-path.ts';
import { securityHeaders } from '../../src/lib/netlify/security-headers.ts';
import { urlPathOfFile } from '../../src/lib/text/trailing-slash.ts';
import { absoluteUrl } from '../../src/lib/site/urls.ts';
import { SITE } from '../../src/site.ts';
import { buildFixtureSite } from '../support/build.ts';
import { runScript, type ScriptRun } from '../support/cli.ts';
import { loadSiteHeaders } from '../support/netlify.ts';
import { searchIndexUrls } from '../support/search-index.ts';

/*
 * IndexNow on real builds of a generated blog (24 posts: listing pages, tags, related posts),
 * built with INDEXNOW_KEY: the key file, and what the plugin would send after a rebuild with
 * nothing changed and after one post's title changed.
 */

const KEY = 'fixture-key-7f3a9c21';
const NOW = { BLOG_NOW: '2026-11-22T00:00:00Z', INDEXNOW_KEY: KEY };
const NEW_TITLE = 'Совсем новый заголовок для проверки IndexNow';

/** What a build left, read at once: a later build may rewrite the files its pages link to. */
interface Snapshot {
	dir: string;
	digests: Map<string, string>;
	contents: Map<string, string>;
}

let work = '';
let first: Snapshot;
let same: Snapshot;
let changed: Snapshot;
let oldTitle = '';
let keyFile = '';
let sitemapLocs: string[] = [];
let searchUrls: string[] = [];
let remembered: ScriptRun;
const stateFile = (): string => join(work, 'state.json');

/** Each page's content (what the digest covers) by absolute URL. */
async function pageContents(site: string): Promise<Map<string, string>> {
	const files = await listPageFiles(site);
	return new Map(
		await Promise.all(
			files.map(
				async (file) =>
					[
						absoluteUrl(urlPathOfFile(file)),
						pageContent(await readFile(join(site, file), 'utf8')),
					] as const,
			),
		),
	);
}

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'blog-indexnow-'));
	const content = join(work, 'content');
	await mkdir(content);
	const posts = [...generatePosts(24, { bodyBytes: 1_500 })];
	for (const post of posts) await writeFile(join(content, post.file), post.source);
	const env = { ...NOW, ASTRO_CACHE_DIR: join(work, 'cache') };
	// Netlify builds into the same folder each time, with the cache of the last build.
	const outDir = join(work, 'dist');
	const build = async (): Promise<Snapshot> => {
		await buildFixtureSite(content, env, outDir);
		return {
			dir: outDir,
			digests: await readPageDigests(outDir, SITE.url),
			contents: await pageContents(outDir),
		};
	};
	first = await build();
	keyFile = await readFile(join(outDir, `${KEY}.txt`), 'utf8');
	const xml = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8');
	const { urlset } = new XMLParser().parse(xml) as { urlset: { url: { loc: string }[] } };
	sitemapLocs = urlset.url.map((entry) => entry.loc);
	searchUrls = await searchIndexUrls(outDir);

	same = await build();
	remembered = await runScript('indexnow.ts', [
		'--remember',
		'--dist',
		outDir,
		'--state',
		stateFile(),
	]);
	const post = posts.find((candidate) => !candidate.meta.draft && candidate.meta.index > 5);
	if (!post) throw new Error('the corpus has no published post');
	oldTitle = post.meta.title;
	const file = join(content, post.file);
	const source = await readFile(file, 'utf8');
	await writeFile(file, source.replace(/^title: .*$/m, `title: "${NEW_TITLE}"`));
	changed = await build();
}, 300_000);

afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

describe('the key file', () => {
	test('is /<key>.txt holding the key', () => expect(keyFile).toBe(KEY));

	test('is not in the sitemap, whose URLs are exactly the pages the plugin watches', () => {
		expect(sitemapLocs.filter((loc) => loc.endsWith('.txt'))).toEqual([]);
		expect([...sitemapLocs].sort()).toEqual([...first.digests.keys()].sort());
	});

	test('is not in the search index', () => {
		expect(searchUrls.length).toBeGreaterThan(10);
		expect(searchUrls.filter((url) => url.includes(KEY))).toEqual([]);
	});

	test('gets the security headers, one rule per header, and is not cached as immutable', async () => {
		const headers = await loadSiteHeaders(first.dir);
		const path = `/${KEY}.txt`;
		expect(headersForPath(headers, path)).toMatchObject(securityHeaders());
		expect(overlappingHeaders(headers, path)).toEqual([]);
		expect(headersForPath(headers, path)['Cache-Control']).not.toBe(CACHE_IMMUTABLE);
	});
});

describe('what a deploy would send', () => {
	test('a rebuild of the same posts: nothing', () => {
		const diff = diffPages(buildIndexNowState(SITE.url, first.digests), same.digests);
		expect(diff.unchanged).toBeGreaterThan(24);
		expect(urlsToSubmit(diff)).toEqual([]);
	});

	test('one title changed: exactly the pages that show it (article, listings, tags, related)', () => {
		const diff = diffPages(buildIndexNowState(SITE.url, same.digests), changed.digests);
		const showing = new Set<string>();
		for (const [snapshot, title] of [
			[same, oldTitle],
			[changed, NEW_TITLE],
		] as const)
			for (const [url, content] of snapshot.contents) if (content.includes(title)) showing.add(url);
		expect(diff.added).toEqual([]);
		expect(diff.deleted).toEqual([]);
		expect(diff.changed).toEqual([...showing].sort());
		const paths = diff.changed.map((url) => new URL(url).pathname);
		expect(paths.filter((path) => path.startsWith('/blog/')).length).toBeGreaterThan(1);
		expect(paths.filter((path) => path.startsWith('/tags/')).length).toBeGreaterThan(0);
		expect(paths.filter((path) => path === '/' || path.startsWith('/page/')).length).toBe(1);
	});

	test('npm run indexnow -- --dry-run prints it in Russian against the saved list', async () => {
		expect(remembered).toMatchObject({ code: 0 });
		expect(remembered.stdout).toMatch(/^Запомнено страниц: \d+/);
		const run = await runScript(
			'indexnow.ts',
			['--dry-run', '--dist', changed.dir, '--state', stateFile()],
			{ INDEXNOW_KEY: KEY },
		);
		expect(run.code).toBe(0);
		const urls = urlsToSubmit(
			diffPages(buildIndexNowState(SITE.url, same.digests), changed.digests),
		);
		expect(urls.length).toBeGreaterThan(3);
		expect(run.stdout).toContain('Пробный запуск IndexNow: ничего не отправляется.');
		expect(run.stdout).toContain(`Ключ задан; файл ключа /${KEY}.txt есть в сборке.`);
		expect(run.stdout).toContain(`Новых: 0, изменённых: ${urls.length}, удалённых: 0`);
		expect(run.stdout).toContain('Изменённые:\n' + urls.map((url) => `  ${url}`).join('\n'));
		expect(run.stdout).toContain(`"keyLocation": "${SITE.url}/${KEY}.txt"`);
	});

	test('the dry run with no saved list says the first deploy sends nothing', async () => {
		const run = await runScript('indexnow.ts', [
			'--dry-run',
			'--dist',
			changed.dir,
			'--state',
			join(work, 'none.json'),
		]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('INDEXNOW_KEY не задан');
		expect(run.stdout).toMatch(/первый деплой с IndexNow, ничего не отправляется/);
	});
});
