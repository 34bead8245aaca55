import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createLocalBackend } from '../../src/plumbing/cms-local-backend.ts';
import { CMS_FOLDERS, LOCAL_BACKEND_PATH } from '../../src/lib/cms/cms-paths.ts';
import { plainText } from '../support/agreement.ts';
import { ROOT, productionEnv } from '../support/build.ts';
import { copyProject } from '../support/project-copy.ts';

/*
 * The browser editor's local back end, tried from the outside. The real dev server runs on a
 * copy of the project with `--host 0.0.0.0`, as `npm run dev -- --host` does to show the blog
 * to a phone. Another device on the Wi-Fi is played by a network namespace this test makes,
 * joined to this machine by a veth pair: its requests go only to the dev server's address on
 * that pair, never to any address outside this machine. From loopback, the test tries every
 * path that leads out of the posts' folder. Without namespaces (not root, no `ip`), it says so
 * and calls the back end with a socket whose address is not loopback.
 */

const run = promisify(execFile);
const NODE = join(ROOT, 'node_modules/.bin/node');
const POSTS = CMS_FOLDERS.posts;
const MEDIA = CMS_FOLDERS.media;
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);
const POST = `---
title: "Статья из редактора"
description: "Статья, которую тест записывает через локальный сервер редактора."
pubDate: "2025-03-04"
---

Текст.
`;

let work: string;
let project: string;
let server: ChildProcess | undefined;
let output = '';
let port = 0;
/** The namespace and the dev server's address on its veth pair; null without namespaces. */
let lan: { ns: string; hostAddress: string; link: string } | null = null;
let lanUnavailable = '';

/** A port nobody listens on now. */
const freePort = (): Promise<number> =>
	new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});

interface Answer {
	status: number;
	text: string;
	headers: Record<string, string>;
}

/** A call of the back end's API from loopback, on the branch Decap names in every call. */
async function call(
	{ action, params = {} }: { action: string; params?: Record<string, unknown> },
	headers: Record<string, string> = {},
): Promise<Answer> {
	const body = { action, params: { branch: 'main', ...params } };
	const response = await fetch(`http://127.0.0.1:${port}${LOCAL_BACKEND_PATH}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	return {
		status: response.status,
		text: await response.text(),
		headers: Object.fromEntries(response.headers),
	};
}

/** A request from the namespace (the other device), with the project's Node inside it. */
async function fromLan(path: string, body?: unknown): Promise<{ status: number; text: string }> {
	if (!lan) throw new Error('no namespace');
	const script = `
		const [url, body] = process.argv.slice(1);
		const init = body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body } : {};
		fetch(url, { ...init, signal: AbortSignal.timeout(20000) })
			.then(async (r) => console.log(JSON.stringify({ status: r.status, text: await r.text() })))
			.catch((e) => { console.log(JSON.stringify({ status: 0, text: String(e) })); });`;
	const url = `http://${lan.hostAddress}:${port}${path}`;
	const { stdout } = await run('ip', [
		'netns',
		'exec',
		lan.ns,
		NODE,
		'-e',
		script,
		url,
		body === undefined ? '' : JSON.stringify(body),
	]);
	return JSON.parse(stdout) as { status: number; text: string };
}

/** Makes the namespace and its veth pair (a /30 of its own); null with the reason when it can't. */
async function makeLan(): Promise<typeof lan> {
	const id = `${process.pid % 10000}`;
	const ns = `blogcms${id}`;
	const link = `vbc${id}`;
	const octet = (process.pid % 200) + 20;
	const hostAddress = `10.213.${octet}.1`;
	const step = (args: string[]): Promise<unknown> => run('ip', args);
	try {
		await step(['netns', 'add', ns]);
		await step(['link', 'add', link, 'type', 'veth', 'peer', 'name', `${link}p`]);
		await step(['link', 'set', `${link}p`, 'netns', ns]);
		await step(['addr', 'add', `${hostAddress}/30`, 'dev', link]);
		await step(['link', 'set', link, 'up']);
		const inside = (args: string[]): Promise<unknown> => step(['netns', 'exec', ns, 'ip', ...args]);
		await inside(['addr', 'add', `10.213.${octet}.2/30`, 'dev', `${link}p`]);
		await inside(['link', 'set', `${link}p`, 'up']);
		await inside(['link', 'set', 'lo', 'up']);
		return { ns, hostAddress, link };
	} catch (error) {
		lanUnavailable = String((error as { stderr?: string }).stderr || error).trim();
		await run('ip', ['netns', 'del', ns]).catch(() => undefined);
		await run('ip', ['link', 'del', link]).catch(() => undefined);
		return null;
	}
}

/** Polls until the dev server answers its home page. */
async function serverUp(timeout = 120_000): Promise<boolean> {
	const end = Date.now() + timeout;
	while (Date.now() < end) {
		const ok = await fetch(`http://127.0.0.1:${port}/`)
			.then((response) => response.ok)
			.catch(() => false);
		if (ok) return true;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return false;
}

const inProject = (path: string): string => join(project, path);

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'blog-cms-backend-'));
	project = await copyProject(join(work, 'project'));
	await mkdir(inProject('.git'));
	await writeFile(inProject('.git/config'), '[remote "origin"]\n\turl = SECRET-GIT-CONFIG\n');
	// A link an intruder left in the posts' folder: reading through it leads out.
	await symlink('../../../package.json', inProject(`${POSTS}/ssylka-naruzhu.md`));
	lan = await makeLan();
	port = await freePort();
	server = spawn(
		inProject('node_modules/.bin/astro'),
		['dev', '--port', String(port), '--host', '0.0.0.0'],
		{
			cwd: project,
			env: {
				...productionEnv(),
				ASTRO_CACHE_DIR: join(work, 'cache'),
				ASTRO_TELEMETRY_DISABLED: '1',
			},
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	expect(await serverUp(), plainText(output)).toBe(true);
}, 180_000);

afterAll(async () => {
	if (server?.pid && server.exitCode === null) {
		const exited = new Promise((resolve) => server?.once('exit', resolve));
		process.kill(-server.pid, 'SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
		if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
	}
	if (lan) {
		await run('ip', ['netns', 'del', lan.ns]).catch(() => undefined);
		await run('ip', ['link', 'del', lan.link]).catch(() => undefined);
	}
	if (work) await rm(work, { recursive: true, force: true });
});

describe('another device on the network', () => {
	test('reaches the blog, but the back end refuses a read and a write and writes nothing', async () => {
		if (!lan) {
			console.warn(
				`Network namespaces unavailable (${lanUnavailable}): the back end is called with a non-loopback socket instead.`,
			);
			const backend = await createLocalBackend({
				root: project,
				folders: CMS_FOLDERS,
				log: () => undefined,
			});
			const socket = new Socket();
			Object.defineProperty(socket, 'remoteAddress', { value: '192.168.1.20' });
			const req = new IncomingMessage(socket);
			req.method = 'POST';
			req.url = '/api/v1';
			req.headers = { 'content-type': 'application/json' };
			const res = new ServerResponse(req);
			const done = new Promise((resolve) => res.on('finish', resolve));
			backend(req as never, res as never);
			req.push(JSON.stringify({ action: 'getEntry', params: { path: 'package.json' } }));
			req.push(null);
			await done;
			expect(res.statusCode).toBe(403);
			return;
		}
		const page = await fromLan('/');
		expect(page.status, page.text).toBe(200);
		const write = await fromLan(LOCAL_BACKEND_PATH, {
			action: 'persistEntry',
			params: { branch: 'main', entry: { path: `${POSTS}/lan-write.md`, raw: POST }, assets: [] },
		});
		expect(write.status).toBe(403);
		expect(existsSync(inProject(`${POSTS}/lan-write.md`))).toBe(false);
		const read = await fromLan(LOCAL_BACKEND_PATH, {
			action: 'getEntry',
			params: { branch: 'main', path: `${POSTS}/servisnyy-podhod.md` },
		});
		expect(read.status).toBe(403);
		expect(read.text).not.toContain('pubDate');
		const secret = await fromLan(LOCAL_BACKEND_PATH, {
			action: 'getEntry',
			params: { branch: 'main', path: 'package.json' },
		});
		expect(secret.status).toBe(403);
		expect(secret.text).not.toContain('devDependencies');
		expect(plainText(output)).toContain(`запрос с адреса ${lan.hostAddress.replace(/1$/, '2')}`);
	}, 60_000);
});

describe("another device on the network and the dev server's files", () => {
	test('gets the pages and what they load, never the project files', async (context) => {
		if (!lan) {
			context.skip(`network namespaces unavailable: ${lanUnavailable}`);
			return;
		}
		const page = await fromLan('/blog/servisnyy-podhod/');
		expect(page.status).toBe(200);
		const assets = [...page.text.matchAll(/(?:src|href)="(\/(?:@|src\/)[^"]*)"/g)].map((match) =>
			match[1]!.replaceAll('&amp;', '&'),
		);
		expect(assets.length, page.text).toBeGreaterThan(1);
		for (const asset of [...assets, '/rss.xml', '/robots.txt', '/favicon.svg', '/search/']) {
			expect((await fromLan(asset)).status, asset).toBe(200);
		}
		const root = project.split('\\').join('/');
		for (const path of [
			'/package.json',
			'/astro.config.ts',
			`/${POSTS}/servisnyy-podhod.md?raw`,
			`/${POSTS}/servisnyy-podhod.md`,
			'/src/site.ts?raw',
			`/@fs${root}/package.json`,
			`/@fs${root}/${POSTS}/servisnyy-podhod.md?raw`,
			'/.git/config',
		]) {
			const answer = await fromLan(path);
			expect(answer.status, path).toBe(403);
			expect(answer.text, path).not.toMatch(/devDependencies|pubDate|SECRET-GIT-CONFIG/);
		}
		// This machine still gets them (Vite's own rules), as before.
		expect((await fetch(`http://127.0.0.1:${port}/src/site.ts?raw`)).status).toBe(200);
		expect(plainText(output)).toMatch(/Сервер разработки: запрос \/package\.json с адреса/);
	}, 120_000);
});

describe('this machine (loopback)', () => {
	test.each([
		['a page', 'src/pages/x.astro'],
		['a public file', 'public/x.txt'],
		['the project root', 'x.md'],
		['a ../ path', `${POSTS}/../../pages/y.astro`],
		['an absolute path', `${project}/src/pages/z.astro`],
	])('a write to %s is refused and writes nothing', async (_, path) => {
		const entry = await call({
			action: 'persistEntry',
			params: { entry: { path, raw: 'export const x = 1;' }, assets: [] },
		});
		expect(entry.status).toBe(403);
		const media = await call({
			action: 'persistMedia',
			params: { asset: { path, content: PNG.toString('base64'), encoding: 'base64' } },
		});
		expect(media.status).toBe(403);
		const absolute = path.startsWith('/') ? path : inProject(path);
		expect(existsSync(absolute)).toBe(false);
	});

	test.each([
		['package.json', 'devDependencies'],
		['.git/config', 'SECRET-GIT-CONFIG'],
		[`${POSTS}/ssylka-naruzhu.md`, 'devDependencies'],
	])('reading %s is refused', async (path, secret) => {
		for (const action of ['getEntry', 'getMediaFile']) {
			const answer = await call({ action, params: { path } });
			expect(answer.status).toBe(403);
			expect(answer.text).not.toContain(secret);
		}
		const files = await call({ action: 'entriesByFiles', params: { files: [{ path }] } });
		expect(files.status).toBe(403);
		expect(files.text).not.toContain(secret);
	});

	test('a folder with a link that leads out is not listed', async () => {
		const answer = await call({
			action: 'entriesByFolder',
			params: { folder: POSTS, extension: 'md', depth: 1 },
		});
		expect(answer.status).toBe(403);
		expect(answer.text).not.toContain('devDependencies');
		expect(plainText(output)).toMatch(/ssylka-naruzhu\.md.+ведёт за её пределы/);
	});

	test('deleting outside the posts is refused and deletes nothing', async () => {
		const answer = await call({ action: 'deleteFiles', params: { paths: ['package.json'] } });
		expect(answer.status).toBe(403);
		expect(existsSync(inProject('package.json'))).toBe(true);
	});

	test('a post and an image upload still work, and the post can be read back', async () => {
		await rm(inProject(`${POSTS}/ssylka-naruzhu.md`));
		const saved = await call({
			action: 'persistEntry',
			params: {
				entry: { slug: 'statya-iz-redaktora', path: `${POSTS}/statya-iz-redaktora.md`, raw: POST },
				assets: [],
				options: { commitMessage: 'Блог: новая статья', useWorkflow: false, status: 'draft' },
			},
		});
		expect(saved.status, saved.text).toBe(200);
		expect(await readFile(inProject(`${POSTS}/statya-iz-redaktora.md`), 'utf8')).toBe(POST);
		const upload = await call({
			action: 'persistMedia',
			params: {
				asset: { path: `${MEDIA}/foto.png`, content: PNG.toString('base64'), encoding: 'base64' },
				options: { commitMessage: 'Блог: картинка' },
			},
		});
		expect(upload.status, upload.text).toBe(200);
		expect(await readFile(inProject(`${MEDIA}/foto.png`))).toEqual(PNG);
		const listed = await call({
			action: 'entriesByFolder',
			params: { folder: POSTS, extension: 'md', depth: 1 },
		});
		expect(listed.status, listed.text).toBe(200);
		expect(listed.text).toContain('statya-iz-redaktora.md');
		const media = await call({ action: 'getMedia', params: { mediaFolder: MEDIA } });
		expect(media.status).toBe(200);
		expect(media.text).toContain('foto.png');
	});

	test('a preflight from a foreign origin gets no CORS grant; localhost does', async () => {
		const preflight = (origin: string): Promise<Response> =>
			fetch(`http://127.0.0.1:${port}${LOCAL_BACKEND_PATH}`, {
				method: 'OPTIONS',
				headers: {
					origin,
					'access-control-request-method': 'POST',
					'access-control-request-headers': 'content-type',
				},
			});
		const foreign = await preflight('https://evil.example');
		expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
		const local = await preflight(`http://localhost:${port}`);
		expect(local.headers.get('access-control-allow-origin')).toBe(`http://localhost:${port}`);
	});

	test('every refusal is logged in the terminal, in Russian', () => {
		const text = plainText(output);
		expect(text).toMatch(/Редактор \(\/admin\/\): запрос с адреса 127\.0\.0\.1 отклонён \(403\)/);
		expect(text).toMatch(/src\/pages\/x\.astro.+вне папок src\/content\/blog\//);
		expect(text).toMatch(/«\.\.»/);
	});
});
