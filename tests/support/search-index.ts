import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
	parseSearchManifest,
	runSearch,
	type SearchAnswer,
	type SearchChunk,
	type SearchManifest,
	type SearchRecord,
	type SearchSource,
} from '../../src/lib/search/search-engine.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST_FILE } from '../../src/lib/search/search.ts';

/*
 * The search index of a built site (src/lib/search/search-engine.ts) read from its files, as the search
 * page reads it over the network: the manifest, the chunks it names and one file per article.
 */

/** A built site's search index: its manifest and every article's file, by doc id. */
export interface BuiltSearchIndex {
	/** Folder of the index in the site. */
	dir: string;
	manifest: SearchManifest;
	/** The article files, doc id order (`<docs>/<id>.json`). */
	docs: SearchRecord[];
}

/** Reads the search index of the site built into `site`. */
export async function readSearchIndex(site: string): Promise<BuiltSearchIndex> {
	const dir = join(site, SEARCH_INDEX_DIR);
	const manifest = parseSearchManifest(
		JSON.parse(await readFile(join(dir, SEARCH_MANIFEST_FILE), 'utf8')),
	);
	if (!manifest) throw new Error(`${dir}: not a search index manifest of this format`);
	const names = await readdir(join(dir, manifest.docs));
	if (names.length !== manifest.count)
		throw new Error(`${dir}: ${names.length} article files, the manifest says ${manifest.count}`);
	const docs = await Promise.all(
		Array.from(
			{ length: manifest.count },
			async (_, id) =>
				JSON.parse(await readFile(join(dir, manifest.docs, `${id}.json`), 'utf8')) as SearchRecord,
		),
	);
	return { dir, manifest, docs };
}

/** URLs of the articles in the search index of the site built into `site`, in doc id order. */
export const searchIndexUrls = async (site: string): Promise<string[]> =>
	(await readSearchIndex(site)).docs.map((doc) => doc.url);

/** The index as a search source that reads chunks from disk, counting the chunks read. */
export function fileSource(index: BuiltSearchIndex): SearchSource & { read: string[] } {
	const read: string[] = [];
	return {
		manifest: index.manifest,
		read,
		chunk: async (file) => {
			read.push(file);
			return JSON.parse(await readFile(join(index.dir, file), 'utf8')) as SearchChunk;
		},
	};
}

/** The URLs a finished query finds in a built index, best first, and its matched terms. */
export async function searchUrls(
	index: BuiltSearchIndex,
	query: string,
): Promise<{ urls: string[]; terms: SearchAnswer['terms'] }> {
	const answer = await runSearch(fileSource(index), query, { typing: false });
	return { urls: answer.ids.map((id) => index.docs[id]?.url ?? `#${id}`), terms: answer.terms };
}
