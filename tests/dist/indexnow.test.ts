import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
import { runScript, type ScriptRun } from '../support/cli.ts';
import { loadSiteHeaders } from '../support/netlify.ts';
import { INDEXNOW_KEY, NEW_TITLE, rebuildScenario } from '../support/rebuild-scenario.ts';
import { searchIndexUrls } from '../support/search-index.ts';

/*
 * IndexNow on real builds of a generated blog (24 posts: listing pages, tags, related posts),
 * built with INDEXNOW_KEY (the shared rebuild scenario, tests/support/rebuild-scenario.ts): the
 * key file, and what the plugin would send after one post's title changed and after a rebuild
 * with nothing changed.
 */

const KEY = INDEXNOW_KEY;

/** A build's pages: digests and contents, by absolute URL. */
interface Snapshot {
	dir: string;
	digests: Map<string, string>;
	contents: Map<string, string>;
}

let work = '';
let first: Snapshot;
let titled: Snapshot;
let rebuild: Snapshot;
let unchanged: Snapshot;
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

const snapshot = async (dir: string): Promise<Snapshot> => ({
	dir,
	digests: await readPageDigests(dir, SITE.url),
	contents: await pageContents(dir),
});

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'blog-indexnow-'));
	const scenario = await rebuildScenario();
	const { builds } = scenario;
	[first, titled, rebuild, unchanged] = await Promise.all([
		snapshot(builds.first.outDir),
		snapshot(builds.titled.outDir),
		snapshot(builds.rebuild.outDir),
		snapshot(builds.unchanged.outDir),
	]);
	oldTitle = scenario.titled.oldTitle;
	keyFile = await readFile(join(first.dir, `${KEY}.txt`), 'utf8');
	const xml = await readFile(join(first.dir, 'sitemap-0.xml'), 'utf8');
	const { urlset } = new XMLParser().parse(xml) as { urlset: { url: { loc: string }[] } };
	sitemapLocs = urlset.url.map((entry) => entry.loc);
	searchUrls = await searchIndexUrls(first.dir);
	remembered = await runScript('indexnow.ts', [
		'--remember',
		'--dist',
		first.dir,
		'--state',
		stateFile(),
	]);
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
		const diff = diffPages(buildIndexNowState(SITE.url, rebuild.digests), unchanged.digests);
		expect(diff.unchanged).toBeGreaterThan(24);
		expect(urlsToSubmit(diff)).toEqual([]);
	});

	test('one title changed: exactly the pages that show it (article, listings, tags, related)', () => {
		const diff = diffPages(buildIndexNowState(SITE.url, first.digests), titled.digests);
		const showing = new Set<string>();
		for (const [built, title] of [
			[first, oldTitle],
			[titled, NEW_TITLE],
		] as const)
			for (const [url, content] of built.contents) if (content.includes(title)) showing.add(url);
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
			['--dry-run', '--dist', titled.dir, '--state', stateFile()],
			{ INDEXNOW_KEY: KEY },
		);
		expect(run.code).toBe(0);
		const urls = urlsToSubmit(
			diffPages(buildIndexNowState(SITE.url, first.digests), titled.digests),
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
			titled.dir,
			'--state',
			join(work, 'none.json'),
		]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('INDEXNOW_KEY не задан');
		expect(run.stdout).toMatch(/первый деплой с IndexNow, ничего не отправляется/);
	});
});
