import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildFixtureSite, FIXTURE_ROOT_ENV } from '../support/build.ts';
import { FIXTURE_NOW, writeFixtureCorpus } from '../support/fixture-corpus.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** dist/ of the site built from the generated fixture corpus. */
		fixtureDist: string;
	}
}

/** Builds the fixture blog once for every browser test file, and removes it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// This run's fixture builds and project copies go into one folder, removed at the end.
	const fixtures = await mkdtemp(join(tmpdir(), 'blog-fixtures-'));
	process.env[FIXTURE_ROOT_ENV] = fixtures;
	const content = await mkdtemp(join(tmpdir(), 'blog-corpus-'));
	await writeFixtureCorpus(content);
	const { outDir } = await buildFixtureSite(content, {
		BLOG_NOW: FIXTURE_NOW,
		// Small chunks, so that the fixture blog's index has many and the tests count real reads.
		BLOG_SEARCH_CHUNK_BYTES: '2048',
	});
	project.provide('fixtureDist', outDir);
	return async () => {
		await rm(content, { recursive: true, force: true });
		await rm(dirname(outDir), { recursive: true, force: true });
		await rm(fixtures, { recursive: true, force: true });
	};
}
