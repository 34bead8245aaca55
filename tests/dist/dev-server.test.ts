import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { findEnglish, plainText, SITE_POSTS_DIR } from '../support/agreement.ts';
import { ROOT, productionEnv } from '../support/build.ts';

/*
 * `npm run dev` with a broken post: the server starts and stays up, serves every other post,
 * shows the broken post's errors in Russian at its address, and serves the post again once its
 * file is fixed; the terminal shows the errors in Russian too, with field names, no stack trace.
 */

const GOOD = `---
title: "Проверка сервера разработки"
description: "Статья, которую тест ломает и чинит, пока работает сервер разработки."
pubDate: "2025-03-04"
---

Текст исправленной статьи.
`;
/** A post with a local hero image beside it: fine, so served (the check's image rule holds in dev). */
const WITH_IMAGE = GOOD.replace(
	'pubDate:',
	'heroImage: "./images/foto.png"\nheroAlt: "Точка"\npubDate:',
);
/** A 1×1 PNG. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
	'base64',
);
/** A post with a picture in its text, beside it (as the browser editor uploads one): fine, so served. */
const WITH_BODY_IMAGE = GOOD.replace(
	'Текст исправленной статьи.',
	'Текст с картинкой.\n\n![Точка на фото](./images/foto.png)',
);
const UNCLOSED_QUOTE = GOOD.replace(
	'"Проверка сервера разработки"',
	'"Проверка сервера разработки',
);
const UNKNOWN_FIELD = GOOD.replace('pubDate:', 'avtor: "Иван"\npubDate:');

let work: string;
let content: string;
let server: ChildProcess | undefined;
let output = '';
let base = '';

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

/** Status and text of a page of the dev server. */
async function get(path: string): Promise<{ status: number; text: string }> {
	const response = await fetch(`${base}${path}`);
	return { status: response.status, text: await response.text() };
}

/**
 * Saves a post as editors' editors do, in one step (a new file renamed over the old one): a
 * truncate-then-write save reaches the file watcher as two changes, and it may drop the second.
 */
async function save(file: string, text: string): Promise<void> {
	await writeFile(`${file}.tmp`, text);
	await rename(`${file}.tmp`, file);
}

/** The error list of a broken post's page (dev adds attributes to every element). */
const errorItems = (html: string): string =>
	[...html.matchAll(/<li\b[^>]*>([^<]*)<\/li>/g)].map((match) => match[1]).join('\n');

/** Polls `path` until `done` accepts the answer (the server reloads a changed file by itself). */
async function until(
	path: string,
	done: (page: { status: number; text: string }) => boolean,
	timeout = 60_000,
): Promise<{ status: number; text: string }> {
	const end = Date.now() + timeout;
	let last: { status: number; text: string } = { status: 0, text: '' };
	while (Date.now() < end) {
		last = await get(path).catch(() => ({ status: 0, text: '' }));
		if (done(last)) return last;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	return last;
}

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'blog-dev-'));
	content = join(work, 'content');
	await cp(SITE_POSTS_DIR, join(content, 'site-posts'), { recursive: true });
	await writeFile(join(content, 'proverka-servera.md'), UNCLOSED_QUOTE);
	await mkdir(join(content, 'images'));
	await writeFile(join(content, 'images', 'foto.png'), PNG);
	await writeFile(join(content, 's-kartinkoy.md'), WITH_IMAGE);
	await writeFile(join(content, 's-kartinkoy-v-tekste.md'), WITH_BODY_IMAGE);
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	const env: NodeJS.ProcessEnv = {
		...productionEnv(),
		BLOG_CONTENT_DIR: content,
		ASTRO_CACHE_DIR: join(work, 'cache'),
		ASTRO_TELEMETRY_DISABLED: '1',
	};
	server = spawn(
		join(ROOT, 'node_modules/.bin/astro'),
		['dev', '--port', String(port), '--host', '127.0.0.1'],
		{ cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
	server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
}, 30_000);

afterAll(async () => {
	// The whole process group: astro and anything it started.
	if (server?.pid && server.exitCode === null) {
		const exited = new Promise((resolve) => server?.once('exit', resolve));
		process.kill(-server.pid, 'SIGTERM');
		await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
		if (server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
	}
	await rm(work, { recursive: true, force: true });
});

test('a broken post never stops the dev server and shows its errors in Russian until fixed', async () => {
	const post = join(content, 'proverka-servera.md');
	// Started with the post broken: the server is up and serves the other posts.
	const other = await until('/blog/servisnyy-podhod/', (page) => page.status === 200, 90_000);
	expect(other.status, plainText(output)).toBe(200);
	expect((await get('/blog/s-kartinkoy/')).status).toBe(200);
	const bodyImage = await get('/blog/s-kartinkoy-v-tekste/');
	expect(bodyImage.status, errorItems(bodyImage.text)).toBe(200);
	expect(bodyImage.text).toMatch(/<img\b[^>]*alt="Точка на фото"/);
	const broken = await get('/blog/proverka-servera/');
	expect(broken.status).toBe(500);
	expect(broken.text).toContain('Статья с ошибками');
	expect(plainText(broken.text.replace(/<[^>]*>/g, ''))).toMatch(
		/покажет команда\s+npm run check:content/,
	);
	expect(errorItems(broken.text)).toMatch(
		/proverka-servera\.md:2: поля статьи не читаются как YAML: кавычка/,
	);

	// Fixed: the post is served.
	await save(post, GOOD);
	const fixed = await until('/blog/proverka-servera/', (page) => page.status === 200);
	expect(fixed.status, plainText(output)).toBe(200);
	expect(fixed.text).toContain('Текст исправленной статьи.');

	// Broken again while the server runs: an unknown field, named in the page and the terminal.
	await save(post, UNKNOWN_FIELD);
	const again = await until('/blog/proverka-servera/', (page) =>
		errorItems(page.text).includes('avtor'),
	);
	expect(again.status, plainText(output)).toBe(500);
	expect(errorItems(again.text)).toMatch(/proverka-servera\.md:4, поле «avtor»: такого поля нет/);
	expect((await get('/blog/servisnyy-podhod/')).status).toBe(200);
	expect((await get('/')).status).toBe(200);
	expect(plainText(output)).toMatch(
		/ошибка \S*proverka-servera\.md:4, поле «avtor»: такого поля нет/,
	);

	// Fixed again.
	await save(post, GOOD);
	const fixedAgain = await until('/blog/proverka-servera/', (page) => page.status === 200);
	expect(fixedAgain.status, plainText(output)).toBe(200);

	expect(server?.exitCode, plainText(output)).toBeNull();
	expect(output).not.toContain('****');
	expect(
		findEnglish(output),
		'English error text or a stack trace in the terminal',
	).toBeUndefined();
}, 180_000);
