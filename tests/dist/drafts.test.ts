import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite, ROOT } from '../support/build.ts';
import { readPage } from '../support/html.ts';
import { readSearchIndex, searchIndexUrls, searchUrls } from '../support/search-index.ts';
import { isBuildDue, parseScheduleList } from '../../src/lib/content/scheduled-publishing.ts';

/*
 * Drafts and scheduled posts: the fixture has a published post, a draft and a post dated
 * 2025-09-01. Built "on" 2025-08-01 only the published post may show anywhere; built after
 * 2025-09-01 the scheduled one appears; `astro dev` shows the draft marked «Черновик».
 */

const FIXTURE = 'tests/fixtures/drafts';
const PUBLISHED = { slug: 'opublikovannaya-statya', title: 'Опубликованная статья о сервисе' };
const DRAFT = { slug: 'taynyy-chernovik', title: 'Тайный черновик про консьержей' };
const SCHEDULED = { slug: 'statya-iz-budushchego', title: 'Статья из будущего про осень' };
/** The scheduled post's pubDate. */
const SCHEDULED_AT = '2025-09-01T10:00:00+03:00';
const BEFORE = '2025-08-01T12:00:00+03:00';
const AFTER = '2025-09-01T10:00:00+03:00';

/** Every text file of a built site (HTML, XML, JSON, TXT…), keyed by path. */
async function readSite(dir: string): Promise<Map<string, string>> {
	const names = await readdir(dir, { recursive: true, encoding: 'utf8' });
	const files = names.filter((name) => /\.(?:html|xml|json|txt|js|webmanifest)$/.test(name));
	return new Map(
		await Promise.all(
			files.map(async (name) => [name, await readFile(join(dir, name), 'utf8')] as const),
		),
	);
}

/** Files of the site that mention the post by slug or by title. */
const mentions = (site: Map<string, string>, post: { slug: string; title: string }): string[] =>
	[...site]
		.filter(([, text]) => text.includes(post.slug) || text.includes(post.title))
		.map(([name]) => name);

describe('production builds', () => {
	let before: { dir: string; site: Map<string, string> };
	let after: { dir: string; site: Map<string, string> };

	beforeAll(async () => {
		// One after the other: builds with an outDir outside the project share .astro/.prerender/.
		const early = await buildFixtureSite(FIXTURE, { BLOG_NOW: BEFORE });
		const late = await buildFixtureSite(FIXTURE, { BLOG_NOW: AFTER });
		before = { dir: early.outDir, site: await readSite(early.outDir) };
		after = { dir: late.outDir, site: await readSite(late.outDir) };
	}, 240_000);

	test('the published post is built, with its listing, tag page and sitemap entry', () => {
		expect(before.site.has(`blog/${PUBLISHED.slug}/index.html`)).toBe(true);
		expect(mentions(before.site, PUBLISHED)).toEqual(
			expect.arrayContaining(['index.html', 'tags/servis/index.html', 'sitemap-0.xml']),
		);
	});

	test.each([
		['draft', DRAFT],
		['scheduled post', SCHEDULED],
	])('the %s appears on no page, tag page, feed, sitemap or related block', (_, post) => {
		expect(before.site.has(`blog/${post.slug}/index.html`)).toBe(false);
		expect(mentions(before.site, post)).toEqual([]);
	});

	test('the search index and the feed hold only the published post until the date', async () => {
		expect(await searchIndexUrls(before.dir)).toEqual([`/blog/${PUBLISHED.slug}/`]);
		// Nor do its chunks hold the words only the others have.
		const early = await readSearchIndex(before.dir);
		expect((await searchUrls(early, 'тайный консьержей')).urls).toEqual([]);
		expect((await searchUrls(early, 'осень')).urls).toEqual([]);
		expect(before.site.get('rss.xml')).toContain(`/blog/${PUBLISHED.slug}/`);
		const late = await searchIndexUrls(after.dir);
		expect(late.sort()).toEqual([`/blog/${PUBLISHED.slug}/`, `/blog/${SCHEDULED.slug}/`].sort());
		expect((await searchUrls(await readSearchIndex(after.dir), 'осень')).urls).toEqual([
			`/blog/${SCHEDULED.slug}/`,
		]);
		expect(after.site.get('rss.xml')).toContain(`/blog/${SCHEDULED.slug}/`);
		expect(after.site.get('rss.xml')).not.toContain(DRAFT.slug);
	});

	test('the published post lists no related posts that are not out yet', async () => {
		const page = await readPage(`/blog/${PUBLISHED.slug}/`, before.dir);
		const hrefs = page.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '');
		expect(hrefs.filter((href) => href.startsWith('/blog/'))).not.toContainEqual(
			expect.stringMatching(new RegExp(`${DRAFT.slug}|${SCHEDULED.slug}`)),
		);
	});

	test('after its date the scheduled post is published everywhere', async () => {
		expect(after.site.has(`blog/${SCHEDULED.slug}/index.html`)).toBe(true);
		expect(mentions(after.site, SCHEDULED)).toEqual(
			expect.arrayContaining([
				`blog/${SCHEDULED.slug}/index.html`,
				'index.html',
				'tags/servis/index.html',
				'sitemap-0.xml',
				`blog/${PUBLISHED.slug}/index.html`,
			]),
		);
		const page = await readPage(`/blog/${SCHEDULED.slug}/`, after.dir);
		expect(page.querySelector('h1')?.text.replace(/\u00a0/g, ' ')).toBe(SCHEDULED.title);
		expect(page.toString()).not.toContain('Запланировано');
	});

	test('the draft stays hidden after the scheduled date too', () => {
		expect(mentions(after.site, DRAFT)).toEqual([]);
	});

	test('/scheduled.json lists the scheduled post’s time only, until it is out', () => {
		const early = before.site.get('scheduled.json');
		expect(early).toBeDefined();
		// The time and the build's "now", nothing else: no title, slug, description or draft.
		expect(JSON.parse(early!)).toEqual({
			builtAt: new Date(BEFORE).toISOString(),
			scheduled: [new Date(SCHEDULED_AT).toISOString()],
		});
		for (const post of [SCHEDULED, DRAFT])
			for (const word of [
				post.slug,
				post.title,
				...post.title.split(' ').filter((w) => w.length > 4),
			])
				expect(early).not.toContain(word);
		expect(JSON.parse(after.site.get('scheduled.json')!)).toEqual({
			builtAt: new Date(AFTER).toISOString(),
			scheduled: [],
		});
	});

	test('the list read back says a build is due once the time has come, and not before', () => {
		const { builtAt, scheduled } = parseScheduleList(
			JSON.parse(before.site.get('scheduled.json')!),
		);
		expect(isBuildDue(scheduled, builtAt, new Date('2025-09-01T09:59:00+03:00'))).toBe(false);
		expect(isBuildDue(scheduled, builtAt, new Date('2025-09-01T10:00:00+03:00'))).toBe(true);
		const late = parseScheduleList(JSON.parse(after.site.get('scheduled.json')!));
		expect(isBuildDue(late.scheduled, late.builtAt, new Date('2026-01-01'))).toBe(false);
	});
});

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/**
 * The environment without what Vitest adds: Astro's dev server serves nothing when VITEST is
 * set, and NODE_ENV=test is not what an editor's `npm run dev` has.
 */
const withoutVitest = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
	Object.fromEntries(
		Object.entries(env).filter(
			([key]) => !/^(?:VITEST.*|TEST|NODE_ENV|DEV|PROD|SSR|MODE|BASE_URL)$/.test(key),
		),
	);

/** Resolves when the server prints its local URL (it answers 404 before that), or rejects. */
function waitForReady(server: ChildProcess, url: string, ms: number): Promise<void> {
	return new Promise((resolve, reject) => {
		let output = '';
		const timer = setTimeout(
			() => reject(new Error(`astro dev not ready in ${ms} ms:\n${output}`)),
			ms,
		);
		server.stdout?.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(url)) {
				clearTimeout(timer);
				resolve();
			}
		});
		server.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`astro dev exited with ${code}:\n${output}`));
		});
	});
}

/** Saves files of the project; the returned function puts them back (or removes new ones). */
async function preserve(paths: readonly string[]): Promise<() => Promise<void>> {
	const saved = await Promise.all(
		paths.map(async (path) => {
			const file = join(ROOT, path);
			return { file, content: existsSync(file) ? await readFile(file) : undefined };
		}),
	);
	return async () => {
		for (const { file, content } of saved) {
			if (content) await writeFile(file, content);
			else await rm(file, { force: true });
		}
	};
}

describe('astro dev', () => {
	test('shows drafts and scheduled posts, marked', async () => {
		// `astro dev` writes its content store and its address into .astro/; keep the project's own.
		const restore = await preserve(['.astro/data-store.json', '.astro/dev.json']);
		const cache = await mkdtemp(join(tmpdir(), 'blog-dev-'));
		const port = await freePort();
		const server = spawn(
			join(ROOT, 'node_modules/.bin/astro'),
			['dev', '--port', String(port), '--host', '127.0.0.1'],
			{
				cwd: ROOT,
				detached: true,
				stdio: ['ignore', 'pipe', 'inherit'],
				env: {
					...withoutVitest(process.env),
					BLOG_CONTENT_DIR: join(ROOT, FIXTURE),
					ASTRO_CACHE_DIR: cache,
					BLOG_NOW: BEFORE,
					ASTRO_TELEMETRY_DISABLED: '1',
					ASTRO_DISABLE_UPDATE_CHECK: 'true',
				},
			},
		);
		const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
		try {
			const base = `http://127.0.0.1:${port}`;
			await waitForReady(server, base, 60_000);
			const draft = await fetch(`${base}/blog/${DRAFT.slug}/`);
			expect(draft.status).toBe(200);
			const page = parse(await draft.text());
			expect(page.querySelector('h1')?.text).toBe(DRAFT.title);
			expect(page.querySelector('.draft-mark')?.text).toBe('Черновик');
			// The mark is the meta line's last item, after its « · », as copied text reads it.
			const metaText = (meta: HTMLElement | null | undefined) =>
				meta?.text.replace(/\s+/g, ' ').trim();
			expect(metaText(page.querySelector('.article__header .meta'))).toMatch(/ · Черновик$/);

			const home = parse(await (await fetch(`${base}/`)).text());
			const marks = home
				.querySelectorAll('.card')
				.map((card) => [
					card.querySelector('.card__title a')?.getAttribute('href'),
					card.querySelector('.draft-mark')?.text,
				]);
			const cardMetas = home.querySelectorAll('.card .meta').map(metaText);
			expect(cardMetas).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/ · Черновик$/),
					expect.stringMatching(/ · Запланировано$/),
				]),
			);
			expect(marks).toEqual(
				expect.arrayContaining([
					[`/blog/${DRAFT.slug}/`, 'Черновик'],
					[`/blog/${SCHEDULED.slug}/`, 'Запланировано'],
					[`/blog/${PUBLISHED.slug}/`, undefined],
				]),
			);
		} finally {
			if (server.pid) process.kill(-server.pid, 'SIGTERM');
			const killer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), 5_000);
			await exited;
			clearTimeout(killer);
			await restore();
			await rm(cache, { recursive: true, force: true });
		}
	}, 120_000);
});
