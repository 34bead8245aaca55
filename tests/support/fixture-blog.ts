import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFixtureSite } from './build.ts';
import { FIXTURE_NOW, writeFixtureCorpus } from './fixture-corpus.ts';
import { sharedOnce } from './shared-once.ts';

/*
 * The fixture blog: the site built from the generated fixture corpus (pagination, tags, long
 * posts, tables, images, search). The browser tests and the dist tests that read it share one
 * build in `npm test`.
 */

/**
 * A folder that the test runs of one `npm test` share (scripts/test-all.sh sets it): the first
 * run that needs the fixture blog builds it there, the others read it.
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

/** The fixture blog's dist/, and how to let go of it. */
export interface FixtureBlog {
	dist: string;
	/** Removes the build, unless it is shared (then `npm test` removes it at its end). */
	release(): Promise<void>;
}

/** The fixture blog: the shared build when `npm test` runs, else a build of this run's own. */
export async function fixtureBlog(): Promise<FixtureBlog> {
	const shared = process.env[SHARED_FIXTURE_ENV];
	if (shared) {
		const dist = await sharedOnce(shared, () => buildFixtureBlog(join(shared, 'dist')));
		return { dist, release: async () => undefined };
	}
	const dist = await buildFixtureBlog();
	return { dist, release: () => rm(dirname(dist), { recursive: true, force: true }) };
}
