import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
	checkCodeVersion,
	runBuildCheck,
	type BuildCheckJob,
} from '../../src/plumbing/content-check-build.ts';
import { checkContentDir } from '../../src/plumbing/content-check-fs.ts';
import { formatFinding } from '../../src/lib/content-check/content-check.ts';
import { startBuildCheckWorker } from '../../src/plumbing/content-check-worker.ts';
import { buildLastmodIndex } from '../../src/lib/seo/sitemap.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BAD_POSTS = join(ROOT, 'tests/fixtures/bad-posts');
const NOW = new Date('2026-11-22T00:00:00Z');

let scratch = '';
beforeAll(async () => {
	scratch = await mkdtemp(join(tmpdir(), 'check-worker-'));
});
afterAll(async () => {
	await rm(scratch, { recursive: true, force: true });
});

const job = (cacheDir: string, contentDir = BAD_POSTS): BuildCheckJob => ({
	root: ROOT,
	cacheDir,
	contentDir,
	now: NOW.getTime(),
});

describe('the build check in a worker', () => {
	test('reports what the check finds in the same process, and the sitemap lastmod dates', async () => {
		const expected = await checkContentDir(BAD_POSTS);
		const { outcome, saved } = startBuildCheckWorker().run(job(join(scratch, 'a')));
		const checked = await outcome;
		await saved;
		expect(checked.findings).toEqual(
			expected.findings.map((finding) => ({
				severity: finding.severity,
				line: formatFinding(finding),
			})),
		);
		expect(checked.errors).toBe(expected.findings.filter((f) => f.severity === 'error').length);
		expect(checked.errors).toBeGreaterThan(5);
		const lastmod = [...buildLastmodIndex(expected.posts, NOW)].map(([url, date]) => [
			url,
			date.getTime(),
		]);
		expect(lastmod.length).toBeGreaterThan(0);
		expect(checked.lastmod).toEqual(lastmod);
		expect(checked.cache.misses).toBeGreaterThan(0);
		expect(checked.cache.hits).toBe(0);
	});

	test('a second build takes every post from the cache the first one wrote', async () => {
		const cacheDir = join(scratch, 'b');
		const first = startBuildCheckWorker().run(job(cacheDir));
		const { cache } = await first.outcome;
		await first.saved;
		expect(existsSync(join(cacheDir, 'content-check.bin'))).toBe(true);
		const second = startBuildCheckWorker().run(job(cacheDir));
		const again = await second.outcome;
		expect(again.cache).toEqual({ hits: cache.hits + cache.misses, misses: 0 });
		expect(again.findings).toEqual((await first.outcome).findings);
		await second.saved;
	});

	test('the outcome does not wait for the cache, and a cache that cannot be written is reported', async () => {
		// A file where the cache folder must go.
		const blocked = join(scratch, 'blocked');
		await writeFile(blocked, '');
		const { outcome, saved } = startBuildCheckWorker().run(job(join(blocked, 'cache')));
		await expect(outcome).resolves.toMatchObject({ errors: expect.any(Number) });
		await expect(saved).rejects.toThrow(/ENOTDIR|EEXIST/);
	});

	test('uncached (the check worker turned off): the same outcome, every post checked, no cache written', async () => {
		const cacheDir = join(scratch, 'f');
		const cached = await runBuildCheck(job(cacheDir));
		await cached.save();
		const uncached = await runBuildCheck({ ...job(cacheDir), cached: false });
		await uncached.save();
		const { hits, misses } = cached.outcome.cache;
		expect(uncached.outcome).toEqual({
			...cached.outcome,
			cache: { hits: 0, misses: hits + misses },
		});
		const fresh = join(scratch, 'g');
		await (await runBuildCheck({ ...job(fresh), cached: false })).save();
		expect(existsSync(join(fresh, 'content-check.bin'))).toBe(false);
	});

	test('runs the same check as runBuildCheck in this thread', async () => {
		const here = await runBuildCheck(job(join(scratch, 'c')));
		const there = await startBuildCheckWorker().run(job(join(scratch, 'd'))).outcome;
		expect(there).toEqual(here.outcome);
	});

	test('a worker closed without a job ends, and one that fails reports the error', async () => {
		startBuildCheckWorker().close();
		const { outcome } = startBuildCheckWorker().run({
			...job(join(scratch, 'e')),
			root: join(scratch, 'nowhere'),
		});
		// No src/lib to take the code version from.
		await expect(outcome).rejects.toThrow(/ENOENT/);
	});
});

test("the check's code version changes with any module of src/lib, in its domain folder", async () => {
	const root = join(scratch, 'project');
	await mkdir(join(root, 'src/lib/content-check'), { recursive: true });
	await writeFile(join(root, 'src/site.ts'), 'export const SITE = {};\n');
	await writeFile(join(root, 'package-lock.json'), '{}\n');
	const rule = join(root, 'src/lib/content-check/rules.ts');
	await writeFile(rule, 'export const limit = 1;\n');
	const before = await checkCodeVersion(root);
	await writeFile(rule, 'export const limit = 2;\n');
	expect(await checkCodeVersion(root)).not.toBe(before);
});
