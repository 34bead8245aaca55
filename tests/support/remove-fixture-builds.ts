import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_ROOT_ENV } from './build.ts';

/**
 * Global setup of the dist tests: the fixture builds of this run go into one folder of its own
 * (tests/support/build.ts reads it from FIXTURE_ROOT_ENV), removed when the tests finish. Other
 * runs on the same machine keep theirs.
 */
export default async function setup(): Promise<() => Promise<void>> {
	const root = await mkdtemp(join(tmpdir(), 'blog-fixtures-'));
	process.env[FIXTURE_ROOT_ENV] = root;
	return async () => {
		await rm(root, { recursive: true, force: true });
	};
}
