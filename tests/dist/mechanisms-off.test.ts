import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { appendFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MECHANISMS_OFF_ENV, MECHANISM_NAMES } from '../../src/lib/pipeline/mechanisms.ts';
import { buildFixtureSite, type FixtureBuild } from '../support/build.ts';
import { FIXTURE_NOW, writeFixtureCorpus } from '../support/fixture-corpus.ts';

/*
 * The benchmark turns the build's speed-ups off one by one (BLOG_MECHANISMS_OFF) to measure what
 * each saves; that measures something only if the site built is the same. The generated fixture
 * corpus (a post with a local image, which Astro renders, among plain Markdown posts) is built
 * clean and rebuilt after one post changed, once as usual and once with every mechanism off, and
 * every file of the two sites is compared byte for byte.
 */

const ALL_OFF = MECHANISM_NAMES.join(',');
const CHANGED_POST = 'post-05.md';
const ADDED = '\nДобавленный абзац: статья изменилась между сборками.\n';

/** Every file of a built site, by path relative to `dir`, as bytes. */
const readSite = (dir: string): Map<string, Buffer> =>
	new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => {
				const path = join(entry.parentPath, entry.name);
				return [path.slice(dir.length), readFileSync(path)] as const;
			}),
	);

/** Files that differ between two sites, or are only in one: `diff -r`, by path. */
function differences(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
	const paths = new Set([...a.keys(), ...b.keys()]);
	return [...paths].filter((path) => {
		const left = a.get(path);
		const right = b.get(path);
		return !left || !right || !left.equals(right);
	});
}

/** A clean build and a rebuild after one post changed, in the same output folder and cache. */
interface Side {
	clean: FixtureBuild;
	rebuild: FixtureBuild;
	cache: string;
}

describe('a build with every mechanism off', () => {
	let work = '';
	let content = '';
	const sides: Record<'on' | 'off', Side | undefined> = { on: undefined, off: undefined };

	/** Builds one side: clean, then rebuilt after CHANGED_POST grew by a paragraph. */
	async function buildSide(name: 'on' | 'off', env: Record<string, string>): Promise<Side> {
		const file = join(content, CHANGED_POST);
		const original = await readFile(file, 'utf8');
		const cache = join(work, `${name}-cache`);
		// Astro's page hashes include the output folder: both sides build into the same one.
		const outDir = join(work, 'dist');
		const all = { BLOG_NOW: FIXTURE_NOW, ASTRO_CACHE_DIR: cache, ...env };
		const clean = await buildFixtureSite(content, all, outDir);
		await rename(outDir, join(work, `${name}-clean`));
		await appendFile(file, ADDED);
		const rebuild = await buildFixtureSite(content, all, outDir);
		await rename(outDir, join(work, `${name}-rebuild`));
		await writeFile(file, original);
		return {
			clean: { ...clean, outDir: join(work, `${name}-clean`) },
			rebuild: { ...rebuild, outDir: join(work, `${name}-rebuild`) },
			cache,
		};
	}

	beforeAll(async () => {
		work = await mkdtemp(join(tmpdir(), 'blog-mechanisms-'));
		content = join(work, 'content');
		await mkdir(content);
		await writeFixtureCorpus(content);
		sides.on = await buildSide('on', {});
		sides.off = await buildSide('off', { [MECHANISMS_OFF_ENV]: ALL_OFF });
	}, 600_000);

	afterAll(async () => {
		if (work) await rm(work, { recursive: true, force: true });
	});

	const side = (name: 'on' | 'off'): Side => {
		const built = sides[name];
		if (!built) throw new Error(`the ${name} side was not built`);
		return built;
	};

	test('the clean build is byte-identical, file by file', () => {
		const on = readSite(side('on').clean.outDir);
		const off = readSite(side('off').clean.outDir);
		expect(on.size).toBeGreaterThan(50);
		expect(differences(on, off)).toEqual([]);
	});

	test('the rebuild after one post changed is byte-identical, file by file', () => {
		const on = readSite(side('on').rebuild.outDir);
		const off = readSite(side('off').rebuild.outDir);
		const changed = `/blog/${CHANGED_POST.replace(/\.md$/, '')}/index.html`;
		expect(on.get(changed)?.toString()).toContain('Добавленный абзац');
		expect(differences(on, off)).toEqual([]);
	});

	test('the mechanisms were really off', async () => {
		const on = side('on');
		const off = side('off');
		const log = (build: FixtureBuild) => stripVTControlCharacters(build.stdout + build.stderr);
		// Cached-page links: Astro found the pages in place (cached), or copied them (restored).
		expect(log(on.rebuild)).toMatch(/Страницы из кэша сборки: \d+/);
		expect(log(on.rebuild)).toContain('(cached)');
		expect(log(off.rebuild)).not.toMatch(/Страницы из кэша сборки/);
		expect(log(off.rebuild)).toContain('(restored)');
		// The content check's cache is written only by the worker's check.
		expect(existsSync(join(on.cache, 'content-check.bin'))).toBe(true);
		expect(existsSync(join(off.cache, 'content-check.bin'))).toBe(false);
		// The lean loader keeps no bodies in Astro's data store; glob()'s way keeps them.
		const body = 'Добавленный абзац: статья изменилась';
		const store = (cache: string) => readFile(join(cache, 'data-store.json'), 'utf8');
		expect(await store(on.cache)).not.toContain(body);
		expect(await store(off.cache)).toContain(body);
		// Both sides built the search index, the off side on the main thread, without the pool.
		for (const build of [on.clean, on.rebuild]) {
			expect(log(build)).toMatch(/Поисковый индекс: статей — \d+.*частей индекса — \d+\n/);
			expect(log(build)).not.toContain('Пул Markdown выключен');
		}
		for (const build of [off.clean, off.rebuild]) {
			expect(log(build)).toMatch(/Поисковый индекс: статей — \d+.*\(в основном потоке\)/);
			expect(log(build)).toContain('Пул Markdown выключен');
		}
	});

	test('an unknown mechanism stops the build, naming it in Russian and English', async () => {
		const failed = await buildFixtureSite(content, {
			BLOG_NOW: FIXTURE_NOW,
			[MECHANISMS_OFF_ENV]: 'markdown-pool,page-link',
		}).then(
			() => undefined,
			(error: unknown) => error as { stdout?: string; stderr?: string },
		);
		expect(failed).toBeDefined();
		const output = stripVTControlCharacters(`${failed?.stdout ?? ''}${failed?.stderr ?? ''}`);
		expect(output).toContain('неизвестный механизм сборки «page-link»');
		expect(output).toContain('unknown build mechanism «page-link»');
	}, 120_000);
});
