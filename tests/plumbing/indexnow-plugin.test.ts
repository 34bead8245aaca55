import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { submitUrls } from '../../src/plumbing/indexnow-submit.ts';
import type { IndexNowState } from '../../src/lib/netlify/indexnow.ts';
import { SITE } from '../../src/site.ts';
// The file Netlify loads, as Netlify loads it.
import { onSuccess } from '../../netlify/plugins/indexnow/index.js';

/*
 * The Netlify plugin's onSuccess handler, called as Netlify calls it, with a build cache backed
 * by a temporary folder, against a mock IndexNow endpoint on 127.0.0.1.
 */

const KEY = 'test-key-0123456789';

/** What the mock endpoint received. */
interface Received {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: unknown;
}

let server: Server;
let endpoint: string;
let received: Received[] = [];
let answer = 200;

beforeAll(async () => {
	server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({
				method: request.method ?? '',
				url: request.url ?? '',
				headers: request.headers,
				body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
			});
			response.writeHead(answer, { 'Content-Type': 'text/plain' }).end(answer >= 400 ? 'boom' : '');
		});
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/indexnow`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

let work: string;
let site: string;
let stateFile: string;

/** A Netlify build cache in a folder: save() copies a file in, restore() copies it back. */
function fakeUtils(cacheDir: string) {
	const cached = (path: string) => join(cacheDir, encodeURIComponent(path));
	return {
		cache: {
			save: vi.fn(async (path: string) => {
				await mkdir(cacheDir, { recursive: true });
				await copyFile(path, cached(path));
				return true;
			}),
			restore: vi.fn(async (path: string) => {
				try {
					await mkdir(dirname(path), { recursive: true });
					await copyFile(cached(path), path);
					return true;
				} catch {
					return false;
				}
			}),
		},
		status: { show: vi.fn() },
		build: { failBuild: vi.fn(), failPlugin: vi.fn() },
	};
}
let utils: ReturnType<typeof fakeUtils>;

/** Writes a built site: pages by URL path → body text, and the key file. */
async function buildSite(pages: Record<string, string>, { keyFile = true } = {}): Promise<void> {
	await rm(site, { recursive: true, force: true });
	for (const [path, text] of Object.entries(pages)) {
		const file = join(site, path, 'index.html');
		await mkdir(dirname(file), { recursive: true });
		await writeFile(
			file,
			`<!doctype html><html lang="ru"><head><title>${path}</title></head>` +
				`<body><main><p>${text}</p></main></body></html>`,
		);
	}
	await writeFile(
		join(site, '404.html'),
		'<html><head><meta name="robots" content="noindex"></head><main>404</main></html>',
	);
	if (keyFile) await writeFile(join(site, `${KEY}.txt`), KEY);
}

/** A deploy: Netlify calls onSuccess after the site is live; the cache folder outlives the checkout. */
async function deploy(inputs: { batchSize?: number } = {}): Promise<void> {
	// Each deploy starts from a fresh checkout: only the build cache remembers.
	await rm(stateFile, { force: true });
	await expect(
		onSuccess({ constants: { PUBLISH_DIR: site }, utils, inputs: { ...inputs, stateFile } }),
	).resolves.toBeUndefined();
	expect(utils.build.failBuild).not.toHaveBeenCalled();
	expect(utils.build.failPlugin).not.toHaveBeenCalled();
}

const url = (path: string): string => `${SITE.url}${path}`;
const FIRST = { '/': 'Главная', '/blog/a/': 'Статья А', '/blog/b/': 'Статья Б', '/tags/x/': 'Тег' };

beforeEach(async () => {
	work = await mkdtemp(join(tmpdir(), 'indexnow-'));
	site = join(work, 'dist');
	stateFile = join(work, 'checkout/.cache/indexnow.json');
	utils = fakeUtils(join(work, 'netlify-cache'));
	received = [];
	answer = 200;
	vi.stubEnv('CONTEXT', 'production');
	vi.stubEnv('INDEXNOW_KEY', KEY);
	vi.stubEnv('INDEXNOW_ENDPOINT', endpoint);
	vi.stubEnv('URL', SITE.url);
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
	vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
	vi.unstubAllEnvs();
	vi.restoreAllMocks();
	await rm(work, { recursive: true, force: true });
});

/** The list kept in the build cache. */
const savedPages = async (): Promise<string[]> =>
	Object.keys(
		(
			JSON.parse(
				await readFile(join(work, 'netlify-cache', encodeURIComponent(stateFile)), 'utf8'),
			) as IndexNowState
		).pages,
	);

describe('production deploys', () => {
	test('the first deploy sends nothing and remembers every indexable page', async () => {
		await buildSite(FIRST);
		await deploy();
		expect(received).toEqual([]);
		expect(await savedPages()).toEqual([
			url('/'),
			url('/blog/a/'),
			url('/blog/b/'),
			url('/tags/x/'),
		]);
		expect(utils.status.show).not.toHaveBeenCalled();
	});

	test('the next deploy sends the added, changed and deleted URLs in the protocol shape', async () => {
		await buildSite(FIRST);
		await deploy();
		await buildSite({
			'/': 'Главная, новая статья',
			'/blog/a/': 'Статья А',
			'/blog/c/': 'Новая',
			'/tags/x/': 'Тег',
		});
		await deploy();
		expect(received).toHaveLength(1);
		const [request] = received;
		expect(request!.method).toBe('POST');
		expect(request!.url).toBe('/indexnow');
		expect(request!.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(request!.body).toEqual({
			host: new URL(SITE.url).host,
			key: KEY,
			keyLocation: `${SITE.url}/${KEY}.txt`,
			urlList: [url('/'), url('/blog/b/'), url('/blog/c/')],
		});
		expect(utils.status.show).not.toHaveBeenCalled();
	});

	test('a deploy with no changed page sends nothing', async () => {
		await buildSite(FIRST);
		await deploy();
		await deploy();
		expect(received).toEqual([]);
	});

	test('URLs go in batches of the batch size', async () => {
		await buildSite(FIRST);
		await deploy({ batchSize: 2 });
		await buildSite(Object.fromEntries(Object.keys(FIRST).map((path) => [path, 'изменено'])));
		await deploy({ batchSize: 2 });
		expect(received.map((request) => (request.body as { urlList: string[] }).urlList)).toEqual([
			[url('/'), url('/blog/a/')],
			[url('/blog/b/'), url('/tags/x/')],
		]);
	});

	test('a 500 answer leaves the deploy green, warns, and the URLs are sent again next time', async () => {
		await buildSite(FIRST);
		await deploy();
		await buildSite({ ...FIRST, '/blog/a/': 'Статья А, исправлено' });
		answer = 500;
		await deploy();
		expect(received).toHaveLength(1);
		expect(utils.status.show).toHaveBeenCalledWith({
			title: 'IndexNow: предупреждение',
			summary: expect.stringContaining('HTTP 500: boom'),
		});
		expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('HTTP 500'));
		answer = 202;
		await deploy();
		expect(received.map((request) => (request.body as { urlList: string[] }).urlList)).toEqual([
			[url('/blog/a/')],
			[url('/blog/a/')],
		]);
	});

	test('a network failure leaves the deploy green with a warning', async () => {
		await buildSite(FIRST);
		await deploy();
		await buildSite({ ...FIRST, '/blog/b/': 'другое' });
		// A port that was free a moment ago and is closed again: the connection is refused.
		const closed = createServer();
		await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
		const port = (closed.address() as AddressInfo).port;
		await new Promise<void>((done) => closed.close(() => done()));
		vi.stubEnv('INDEXNOW_ENDPOINT', `http://127.0.0.1:${port}/indexnow`);
		await deploy();
		expect(utils.status.show).toHaveBeenCalledWith({
			title: 'IndexNow: предупреждение',
			summary: expect.stringContaining('fetch failed'),
		});
	});
});

describe('no submission', () => {
	test.each(['deploy-preview', 'branch-deploy'])(
		'for a %s, and the cache is left alone',
		async (context) => {
			await buildSite(FIRST);
			await deploy();
			await buildSite({ ...FIRST, '/blog/a/': 'черновик правки' });
			vi.stubEnv('CONTEXT', context);
			utils.cache.save.mockClear();
			utils.cache.restore.mockClear();
			await deploy();
			expect(received).toEqual([]);
			expect(utils.cache.save).not.toHaveBeenCalled();
			expect(utils.cache.restore).not.toHaveBeenCalled();
		},
	);

	test('without INDEXNOW_KEY nothing is read, saved or sent', async () => {
		vi.stubEnv('INDEXNOW_KEY', '');
		await buildSite(FIRST, { keyFile: false });
		await deploy();
		await buildSite({ ...FIRST, '/blog/a/': 'правка' }, { keyFile: false });
		await deploy();
		expect(received).toEqual([]);
		expect(utils.cache.save).not.toHaveBeenCalled();
	});

	test('a build without the key file sends nothing and warns', async () => {
		await buildSite(FIRST, { keyFile: false });
		await deploy();
		expect(received).toEqual([]);
		expect(utils.status.show).toHaveBeenCalledWith({
			title: 'IndexNow: предупреждение',
			summary: expect.stringContaining(`${KEY}.txt`),
		});
	});

	test('a malformed key warns instead of failing the deploy', async () => {
		vi.stubEnv('INDEXNOW_KEY', 'short');
		await buildSite(FIRST);
		await deploy();
		expect(received).toEqual([]);
		expect(utils.status.show).toHaveBeenCalledWith({
			title: 'IndexNow: предупреждение',
			summary: expect.stringContaining('8–128'),
		});
	});
});

test('10,001 URLs go in two requests of 10,000 and 1', async () => {
	const urls = Array.from({ length: 10_001 }, (_, i) => url(`/blog/post-${i}/`));
	const result = await submitUrls({ endpoint, origin: SITE.url, key: KEY, urls });
	expect(result).toEqual({ accepted: 10_001, requests: 2, failed: [] });
	expect(received.map((request) => (request.body as { urlList: string[] }).urlList.length)).toEqual(
		[10_000, 1],
	);
	expect(received.flatMap((request) => (request.body as { urlList: string[] }).urlList)).toEqual(
		urls,
	);
});
