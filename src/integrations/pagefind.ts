import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import {
	SEARCH_INDEX_DIR,
	SEARCH_SHARDS_FILE,
	searchShards,
	shardDir,
	shardUrl,
} from '../lib/search.ts';
import { SITE } from '../site.ts';

/** A new Pagefind index with the site's settings. */
async function newIndex() {
	const { index, errors } = await createIndex({ forceLanguage: SITE.lang });
	if (!index) throw new Error(errors.join('\n'));
	return index;
}

/** Article pages of the built site (the only pages with `data-pagefind-body`), sorted. */
async function articleFiles(site: string): Promise<string[]> {
	const blog = join(site, 'blog');
	if (!existsSync(blog)) return [];
	const entries = await readdir(blog, { withFileTypes: true });
	return entries
		.filter((entry) => entry.isDirectory() && existsSync(join(blog, entry.name, 'index.html')))
		.map((entry) => `blog/${entry.name}/index.html`)
		.sort();
}

/** Indexes the whole site into one bundle (blogs of up to SEARCH_SHARD_SIZE articles). */
async function indexWhole(site: string, outputPath: string): Promise<number> {
	try {
		const index = await newIndex();
		const added = await index.addDirectory({ path: site });
		const written = await index.writeFiles({ outputPath });
		const problems = [...added.errors, ...written.errors];
		if (problems.length > 0) throw new Error(problems.join('\n'));
		return added.page_count;
	} finally {
		await close();
	}
}

/** A glob matching exactly these files (brace alternatives, special characters escaped). */
const globOf = (files: readonly string[]): string =>
	`{${files.map((file) => file.replace(/[\\{}[\]*?,!]/g, '\\$&')).join(',')}}`;

/**
 * Indexes one shard of articles into `outputPath`; the indexer process ends with it. Pagefind
 * reads the files itself (a glob of exactly the shard's files): sending each page to it with
 * addHTMLFile() made the index of 10,000 posts take half as long again.
 */
async function indexShard(site: string, files: readonly string[], outputPath: string) {
	try {
		const index = await newIndex();
		const added = await index.addDirectory({ path: site, glob: globOf(files) });
		const written = await index.writeFiles({ outputPath });
		const problems = [...added.errors, ...written.errors];
		if (added.page_count !== files.length)
			problems.push(`${added.page_count} of ${files.length} pages indexed`);
		if (problems.length > 0) throw new Error(problems.join('\n'));
	} finally {
		await close();
	}
}

/** Digest of a shard's pages: the same pages give the same index. */
async function shardKey(site: string, files: readonly string[]): Promise<string> {
	const hash = createHash('sha256').update(SITE.lang);
	for (const file of files) hash.update(`\0${file}\0`).update(await readFile(join(site, file)));
	return hash.digest('hex').slice(0, 32);
}

/**
 * Builds the Pagefind search index over the finished site at the end of every `astro build`,
 * into dist/pagefind/. Only elements marked `data-pagefind-body` (article bodies) are indexed;
 * the language is forced to the site's, so Russian stemming applies to every page
 * («доверие» finds «доверия»).
 *
 * A blog of more than SEARCH_SHARD_SIZE articles gets one index per shard of articles, built one
 * after the other (the indexer needs ~0.4 MB per article: 4 GB for 10,000 in one index) and kept
 * in Astro's cache by the digest of their pages, so a rebuild re-indexes only changed shards.
 * dist/pagefind/shards.json lists the extra shards; the search page merges them.
 */
export function pagefindIndex(): AstroIntegration {
	let cacheDir: string | undefined;
	return {
		name: 'butlerspb:pagefind',
		hooks: {
			'astro:config:done': ({ config }) => {
				cacheDir = join(fileURLToPath(config.cacheDir), 'pagefind');
			},
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const bundle = join(site, SEARCH_INDEX_DIR);
				const shards = searchShards(await articleFiles(site));
				if (shards.length <= 1) {
					const pages = await indexWhole(site, bundle);
					await writeFile(join(bundle, SEARCH_SHARDS_FILE), '[]\n');
					logger.info(`Поисковый индекс: страниц — ${pages}`);
					return;
				}
				const cache = cacheDir ?? (await mkdtemp(join(tmpdir(), 'pagefind-')));
				await mkdir(cache, { recursive: true });
				const used = new Set<string>();
				let indexed = 0;
				for (const [n, files] of shards.entries()) {
					const key = await shardKey(site, files);
					used.add(key);
					if (!existsSync(join(cache, key, 'pagefind-entry.json'))) {
						await rm(join(cache, key), { recursive: true, force: true });
						await indexShard(site, files, join(cache, key));
						indexed++;
					}
					await cp(join(cache, key), n === 0 ? bundle : join(bundle, shardDir(n)), {
						recursive: true,
					});
				}
				const extra = shards.slice(1).map((_, i) => shardUrl(i + 1));
				await writeFile(join(bundle, SEARCH_SHARDS_FILE), `${JSON.stringify(extra)}\n`);
				for (const entry of await readdir(cache)) {
					if (!used.has(entry)) await rm(join(cache, entry), { recursive: true, force: true });
				}
				const articles = shards.reduce((sum, files) => sum + files.length, 0);
				logger.info(
					`Поисковый индекс: статей — ${articles}, частей — ${shards.length}, пересобрано — ${indexed}`,
				);
			},
		},
	};
}
