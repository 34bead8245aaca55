import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFixtureSite, FIXTURE_ROOT_ENV } from '../support/build.ts';
import { FIXTURE_NOW, writeFixtureCorpus } from '../support/fixture-corpus.ts';
import { sharedOnce } from '../support/shared-once.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** dist/ of the site built from the generated fixture corpus. */
		fixtureDist: string;
	}
}

/**
 * A folder that the browser runs of one `npm test` share (scripts/test-all.sh sets it): the
 * first run to start builds the fixture blog there, the other uses it.
 */
export const SHARED_FIXTURE_ENV = 'BLOG_SHARED_BROWSER_FIXTURE';

/** Builds the fixture blog into `outDir` (a new folder when undefined); returns its dist/. */
async function buildFixtureBlog(outDir?: string): Promise<string> {
	const content = await mkdtemp(join(tmpdir(), 'blog-corpus-'));
	try {
		await writeFixtureCorpus(content);
		const build = await buildFixtureSite(
			content,
			// Small chunks, so that the fixture blog's index has many and the tests count real reads.
			{ BLOG_NOW: FIXTURE_NOW, BLOG_SEARCH_CHUNK_BYTES: '2048' },
			outDir,
		);
		return build.outDir;
	} finally {
		await rm(content, { recursive: true, force: true });
	}
}

/** Builds the fixture blog once for every browser test file, and removes it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// This run's fixture builds and project copies go into one folder, removed at the end.
	const fixtures = await mkdtemp(join(tmpdir(), 'blog-fixtures-'));
	process.env[FIXTURE_ROOT_ENV] = fixtures;
	const shared = process.env[SHARED_FIXTURE_ENV];
	// Shared, the blog stays for the other run; `npm test` removes the folder at its end.
	const outDir = shared
		? await sharedOnce(shared, () => buildFixtureBlog(join(shared, 'dist')))
		: await buildFixtureBlog();
	project.provide('fixtureDist', outDir);
	return async () => {
		if (!shared) await rm(dirname(outDir), { recursive: true, force: true });
		await rm(fixtures, { recursive: true, force: true });
	};
}
