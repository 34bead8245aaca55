import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { FIXTURE_ROOT_ENV } from '../support/build.ts';
import { fixtureBlog } from '../support/fixture-blog.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** dist/ of the site built from the generated fixture corpus. */
		fixtureDist: string;
	}
}

/** Builds (or finds) the fixture blog once for every browser test file, and lets it go afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	// This run's fixture builds and project copies go into one folder, removed at the end.
	const fixtures = await mkdtemp(join(tmpdir(), 'blog-fixtures-'));
	process.env[FIXTURE_ROOT_ENV] = fixtures;
	const blog = await fixtureBlog();
	project.provide('fixtureDist', blog.dist);
	return async () => {
		await blog.release();
		await rm(fixtures, { recursive: true, force: true });
	};
}
