import { existsSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cachedPages } from '../../src/integrations/cached-pages.ts';

/*
 * The cached-pages integration relies on how Astro 7.4 keeps its incremental cache (layout,
 * manifest, when it is written, pages kept in the output folder) and on nothing editing a linked
 * page after the build. These tests run the integration's hooks around a small stand-in for
 * Astro's page generation, first as Astro 7.4 behaves, then with one behaviour changed at a
 * time: each change must stop the build with a message in Russian and in English.
 */

const ARTICLE = 'src/pages/blog/[slug].astro';
const PAGES: Record<string, string> = {
	'index.html': '<h1>Блог</h1>',
	'blog/a/index.html': '<h1>A</h1>',
	'blog/b/index.html': '<h1>B</h1>',
};

/** How the stand-in for Astro behaves; the defaults are Astro 7.4's. */
interface Astro {
	/** Writes the manifest before `astro:build:generated` (else after it). */
	manifestBeforeGenerated: boolean;
	/** Keeps a page already in the output folder (else replaces it with a new file). */
	keepsPages: boolean;
	/** Runs Vite's `buildApp` hooks before generating the pages. */
	runsBuildApp: boolean;
	manifestName: string;
}
const ASTRO_7_4: Astro = {
	manifestBeforeGenerated: true,
	keepsPages: true,
	runsBuildApp: true,
	manifestName: 'incremental-build.json',
};

let root = '';
let cacheDir = '';
let outDir = '';
beforeEach(async () => {
	root = await mkdtemp(join(tmpdir(), 'cached-pages-'));
	cacheDir = join(root, 'cache');
	outDir = join(root, 'dist');
	await mkdir(cacheDir, { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

const logged: string[] = [];
const logger = {
	info: (line: string) => logged.push(line),
	warn: (line: string) => logged.push(line),
};

async function writePage(path: string, body: string, replace: boolean): Promise<void> {
	await mkdir(dirname(path), { recursive: true });
	if (replace) await rm(path, { force: true });
	await writeFile(path, body);
}

/** One `astro build` with the integration, Astro played by `astro`. */
async function build(astro: Astro = ASTRO_7_4): Promise<void> {
	const integration = cachedPages();
	const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
	const plugins: Plugin[] = [];
	const experimental = { incrementalBuild: true };
	await hooks['astro:config:setup']!({
		config: { experimental },
		command: 'build',
		updateConfig: (update: { vite: { plugins: Plugin[] } }) => plugins.push(...update.vite.plugins),
	});
	await hooks['astro:config:done']!({
		config: {
			experimental,
			cacheDir: pathToFileURL(`${cacheDir}/`),
			outDir: pathToFileURL(`${outDir}/`),
		},
	});
	await rm(outDir, { recursive: true, force: true });
	await hooks['astro:build:setup']!({});
	const buildApp = plugins[0]?.buildApp as { handler: () => Promise<void> } | undefined;
	if (astro.runsBuildApp) await buildApp?.handler();
	// Without the hook, Vite's bundling is what gives the links time: they are made meanwhile.
	else
		await expect
			.poll(() => Object.keys(PAGES).every((file) => existsSync(join(outDir, file))))
			.toBe(true);
	for (const [file, body] of Object.entries(PAGES)) {
		const page = join(outDir, file);
		if (!existsSync(page) || !astro.keepsPages) await writePage(page, body, !astro.keepsPages);
		await writePage(join(cacheDir, 'dist', file), body, false);
	}
	const writeManifest = () =>
		writeFile(
			join(cacheDir, astro.manifestName),
			JSON.stringify({
				version: 1,
				routes: {
					'src/pages/index.astro': { paths: { '/': { outputFile: 'index.html', cacheKey: 'i' } } },
					[ARTICLE]: {
						paths: {
							'/blog/a/': { outputFile: 'blog/a/index.html', cacheKey: 'a' },
							'/blog/b/': { outputFile: 'blog/b/index.html', cacheKey: 'b' },
						},
					},
				},
			}),
		);
	if (astro.manifestBeforeGenerated) await writeManifest();
	await hooks['astro:build:generated']!({ logger, dir: pathToFileURL(`${outDir}/`) });
	if (!astro.manifestBeforeGenerated) await writeManifest();
	await hooks['astro:build:done']!({ logger, dir: pathToFileURL(`${outDir}/`) });
}

const LOUD = [
	/Сборка остановлена: Astro ведёт себя иначе/,
	/Build stopped: Astro no longer behaves/,
];

async function expectLoud(failure: Promise<unknown>, about: RegExp): Promise<void> {
	for (const text of [...LOUD, about]) await expect(failure).rejects.toThrow(text);
}

test('as Astro 7.4 behaves, a rebuild links every cached page and passes every check', async () => {
	await build();
	logged.length = 0;
	await build();
	expect(logged).toContain('Страницы из кэша сборки: 3');
	expect(await readFile(join(outDir, 'blog/a/index.html'), 'utf8')).toBe('<h1>A</h1>');
});

test('a manifest Astro writes only after astro:build:generated stops the build', async () => {
	await build();
	await expectLoud(
		build({ ...ASTRO_7_4, manifestBeforeGenerated: false }),
		/had not written its incremental-build manifest/,
	);
});

test('a cache layout Astro changed (another manifest name) stops the build', async () => {
	await expectLoud(
		build({ ...ASTRO_7_4, manifestName: 'incremental-build-v2.json' }),
		/no incremental-build manifest in the known format/,
	);
});

test('Astro replacing a page it found in the output folder stops the build', async () => {
	await build();
	await expectLoud(build({ ...ASTRO_7_4, keepsPages: false }), /replaced a page it found/);
});

test('cached pages linked only once Astro generates pages (hook order changed) stop the build', async () => {
	await build();
	await expectLoud(
		build({ ...ASTRO_7_4, runsBuildApp: false }),
		/order of Astro's build steps changed/,
	);
});

test('a page edited in place after the build stops the next build before it is published', async () => {
	await build();
	await build();
	// The output's page is the cache's file: the edit reaches the cache too.
	await appendFile(join(outDir, 'blog/b/index.html'), '<script>edited</script>');
	const next = build();
	await expect(next).rejects.toThrow(/Кэш страниц изменён после сборки .*blog\/b\/index\.html/);
	await expect(next).rejects.toThrow(/Cached pages were modified after the build/);
});

test('a cache whose last build is not recorded (restored, copied) is not linked, and the log says so', async () => {
	await build();
	await build();
	await rm(join(cacheDir, 'cached-pages.json'));
	logged.length = 0;
	await build();
	expect(logged.join('\n')).toMatch(/Страницы из кэша сборки не связаны.*Cached pages not linked/s);
	expect(logged).not.toContain('Страницы из кэша сборки: 3');
	expect(await readFile(join(outDir, 'blog/a/index.html'), 'utf8')).toBe('<h1>A</h1>');
});
