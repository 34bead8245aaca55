import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import {
	checkFile,
	type FileCheck,
	type FileChecker,
	type SourceFile,
} from '../lib/content-check/content-check.ts';

/*
 * The content check's memory between builds. Checking a post on its own (YAML, schema, body
 * rules) is most of the check's cost: 0.3 s for 1,000 posts, 3 s for 10,000. Its result depends
 * only on the file's path and text and on the check's code, so the build keeps the results, by
 * a digest of those, in Astro's cache folder and checks again only the posts that changed. What
 * depends on the other posts (duplicate addresses, links to missing posts, local images) is
 * decided on every build by `checkPosts`.
 */

/** A checker that remembers its results, and writes them back for the next build. */
export interface CheckCache {
	checker: FileChecker;
	/** Writes the results of this run (and only those) for the next build. */
	save(): Promise<void>;
	/** Files whose result came from the cache, and files checked anew. */
	readonly stats: { hits: number; misses: number };
}

const FORMAT = 2;

/**
 * The cache's key for a file: SHA-1 of its path and bytes. SHA-1 of raw bytes costs a fifth of
 * SHA-256 of the decoded text (~30 ms against ~160 ms for 1,000 posts here), and a key needs no
 * collision resistance against anyone: whoever writes the posts decides the check's answer anyway.
 */
export function fileDigest(file: string, bytes: Uint8Array): string {
	return createHash('sha1').update(file).update('\0').update(bytes).digest('base64url');
}

/** The key of a source file: the digest taken when it was read, or one of its text. */
const keyOf = (file: SourceFile): string =>
	file.digest ?? fileDigest(file.file, Buffer.from(file.source, 'utf8'));

/**
 * Opens the cache at `path`. `version` must change whenever the check could answer otherwise
 * for the same file: the build passes a digest of the check's code and dependencies. A missing,
 * unreadable or other-version cache is simply empty.
 */
export async function openCheckCache(path: string, version: string): Promise<CheckCache> {
	let saved = new Map<string, FileCheck>();
	try {
		const data = deserialize(await readFile(path)) as {
			format?: unknown;
			version?: unknown;
			entries?: unknown;
		};
		if (data.format === FORMAT && data.version === version && data.entries instanceof Map)
			saved = data.entries as Map<string, FileCheck>;
	} catch {
		// No cache yet, or one this code cannot read: check every file.
	}
	const used = new Map<string, FileCheck>();
	const stats = { hits: 0, misses: 0 };
	return {
		stats,
		checker: (file) => {
			const key = keyOf(file);
			let check = saved.get(key);
			if (check) stats.hits++;
			else {
				check = checkFile(file);
				stats.misses++;
			}
			used.set(key, check);
			return check;
		},
		save: async () => {
			await mkdir(dirname(path), { recursive: true });
			const temporary = `${path}.${process.pid}.tmp`;
			await writeFile(temporary, serialize({ format: FORMAT, version, entries: used }));
			await rename(temporary, path);
		},
	};
}
