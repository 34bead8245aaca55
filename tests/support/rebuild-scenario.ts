import { readdirSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePosts, type GeneratedPost } from '../../scripts/bench/generate.ts';
import { buildFixtureSite, FIXTURE_ROOT_ENV, type FixtureBuild } from './build.ts';
import { sharedOnce } from './shared-once.ts';

/*
 * One generated blog rebuilt as Netlify rebuilds it: into the same output folder, with the cache
 * of the last build, five times. The IndexNow, incremental-build and search-index tests all read
 * it:
 *
 *   first      24 posts, built clean with a new cache;
 *   titled     one post's title changed (what IndexNow must send, and nothing else);
 *   rebuild    after a fresh checkout (no output folder, the cache kept): one post changed
 *              (headline, a longer body, a word replaced), one deleted, one added;
 *   unchanged  the same posts again, nothing changed;
 *   clean      the same posts from scratch, with no cache: what the rebuild must equal.
 *
 * A page the cache links into the site shares its file with the cache, and a later build may
 * write that file again: `first` and `titled` are copied as soon as they are built, so they stay
 * as they were. `npm test` builds the scenario once for its dist and browser runs
 * (BLOG_SHARED_REBUILD); a run on its own builds it once for its test files.
 */

/** A folder the test runs of one `npm test` share (scripts/test-all.sh sets it). */
export const SHARED_REBUILD_ENV = 'BLOG_SHARED_REBUILD';

/** The IndexNow key the builds use. */
export const INDEXNOW_KEY = 'fixture-key-7f3a9c21';

/** The environment of every build: a fixed "now", the IndexNow key, small search chunks. */
export const REBUILD_ENV = {
	BLOG_NOW: '2026-11-22T00:00:00Z',
	INDEXNOW_KEY,
	// Small chunks, so that the index has several and a rebuild rewrites some of them.
	BLOG_SEARCH_CHUNK_BYTES: '2048',
};

/** Words the search-index test looks for, each in a sentence of its own at a post's end. */
export const WORDS = {
	/** In every post: a search for it lists every article. */
	everywhere: 'Всеобщность',
	/** In the changed post until the rebuild. */
	old: 'Протоплазма',
	/** In the changed post from the rebuild on. */
	new: 'Квазиэлектрон',
	/** In the deleted post. */
	deleted: 'Гиперборея',
	/** In the added post. */
	added: 'Мегаполисный',
} as const;

/** The title the `titled` build gives one post. */
export const NEW_TITLE = 'Совсем новый заголовок для проверки IndexNow';
/** The headline the rebuild gives the changed post. */
export const NEW_HEADLINE = 'Новый заголовок статьи после правки';

/** The scenario as the tests read it. */
export interface RebuildScenario {
	/** The builds, in order: first, titled, rebuild, unchanged, clean. */
	builds: Record<'first' | 'titled' | 'rebuild' | 'unchanged' | 'clean', FixtureBuild>;
	/** The cache the first four builds shared. */
	cache: string;
	/** The post whose title the `titled` build changed, and its title before. */
	titled: { slug: string; oldTitle: string };
	/** The posts the rebuild changed, deleted and added. */
	changed: { slug: string };
	deleted: { slug: string };
	added: { slug: string };
	/** The search index's cached records after `titled` (the rebuild's start): inode by name. */
	recordsBefore: Record<string, number>;
}

/** A post's source with a sentence per word at its end. */
const withWords = (post: GeneratedPost, ...words: string[]): string =>
	`${post.source}\n\n${words.map((word) => `Слово ${word} для поиска.`).join(' ')}\n`;

/** The search index's records in a build cache: inode by file name. */
export const cachedRecords = (cache: string): Map<string, number> => {
	const dir = join(cache, 'search-index/docs');
	return new Map(readdirSync(dir).map((name) => [name, statSync(join(dir, name)).ino]));
};

/** Builds the scenario in `dir`. */
async function buildScenario(dir: string): Promise<RebuildScenario> {
	const content = join(dir, 'content');
	const cache = join(dir, 'cache');
	// Astro's page hashes include the output folder: Netlify builds into the same one each time.
	const outDir = join(dir, 'dist');
	await mkdir(content, { recursive: true });
	const posts = [...generatePosts(25, { bodyBytes: 2_000 })];
	const published = posts.filter((post) => !post.meta.draft);
	// Posts in the middle, so each has a newer and an older neighbour and shares tags.
	const changed = published.filter((post) => post.meta.headline)[6];
	const deleted = published.filter((post) => post !== changed)[10];
	const titled = published.find((post) => post.meta.index > 5 && post !== deleted);
	const added = posts.at(-1);
	if (!changed || !deleted || !titled || !added || added.meta.draft)
		throw new Error('the generated corpus is too small for the rebuild scenario');

	const write = (post: GeneratedPost, ...words: string[]): Promise<void> =>
		writeFile(join(content, post.file), withWords(post, WORDS.everywhere, ...words));
	for (const post of posts.slice(0, -1))
		await write(
			post,
			...(post === changed ? [WORDS.old] : post === deleted ? [WORDS.deleted] : []),
		);

	const env = { ...REBUILD_ENV, ASTRO_CACHE_DIR: cache };
	/** Builds into the output folder; `keep` names a copy that later builds leave alone. */
	const build = async (keep?: string): Promise<FixtureBuild> => {
		const result = await buildFixtureSite(content, env, outDir);
		if (!keep) return result;
		await cp(outDir, join(dir, keep), { recursive: true });
		return { ...result, outDir: join(dir, keep) };
	};

	const first = await build('first');
	const titledFile = join(content, titled.file);
	const titledSource = await readFile(titledFile, 'utf8');
	await writeFile(titledFile, titledSource.replace(/^title: .*$/m, `title: "${NEW_TITLE}"`));
	const titledBuild = await build('titled');
	const recordsBefore = Object.fromEntries(cachedRecords(cache));

	// A fresh checkout: the output folder is gone, the cache is kept.
	await rm(outDir, { recursive: true });
	const longer = `${'Добавленный абзац с новыми словами. '.repeat(200)}\n`;
	const changedSource = withWords(changed, WORDS.everywhere, WORDS.new) + `\n${longer}`;
	await writeFile(
		join(content, changed.file),
		changedSource.replace(/^headline: .*$/m, `headline: "${NEW_HEADLINE}"`),
	);
	await rm(join(content, deleted.file));
	await write(added, WORDS.added);
	const rebuild = await buildFixtureSite(content, env, outDir);
	await rename(outDir, join(dir, 'rebuild'));
	const unchanged = await buildFixtureSite(content, env, outDir);
	const clean = await buildFixtureSite(
		content,
		{ ...REBUILD_ENV, ASTRO_CACHE_DIR: join(dir, 'clean-cache') },
		join(dir, 'clean'),
	);
	return {
		builds: {
			first,
			titled: titledBuild,
			rebuild: { ...rebuild, outDir: join(dir, 'rebuild') },
			unchanged,
			clean,
		},
		cache,
		titled: { slug: titled.meta.slug, oldTitle: titled.meta.title },
		changed: { slug: changed.meta.slug },
		deleted: { slug: deleted.meta.slug },
		added: { slug: added.meta.slug },
		recordsBefore,
	};
}

/**
 * The rebuild scenario, built by the first test file that asks for it and read by the others:
 * in `npm test`, by both its dist and its browser runs.
 */
export async function rebuildScenario(): Promise<RebuildScenario> {
	const root = process.env[FIXTURE_ROOT_ENV];
	const dir =
		process.env[SHARED_REBUILD_ENV] ??
		(root ? join(root, 'rebuild-scenario') : await mkdtemp(join(tmpdir(), 'blog-rebuild-')));
	const file = await sharedOnce(dir, async () => {
		const scenario = await buildScenario(join(dir, 'builds'));
		const path = join(dir, 'scenario.json');
		await writeFile(path, JSON.stringify(scenario));
		return path;
	});
	return JSON.parse(await readFile(file, 'utf8')) as RebuildScenario;
}
