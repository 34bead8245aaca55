import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Global setup of the dist tests: when they finish, removes the temporary folders of the fixture
 * builds they made (tests/support/build.ts names them blog-fixture-*).
 */
export default function setup(): () => Promise<void> {
	const started = Date.now();
	return async () => {
		const names = (await readdir(tmpdir())).filter((name) => name.startsWith('blog-fixture-'));
		for (const name of names) {
			const path = join(tmpdir(), name);
			if ((await stat(path)).birthtimeMs >= started - 1000) {
				await rm(path, { recursive: true, force: true });
			}
		}
	};
}
