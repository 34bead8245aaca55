import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileDigest } from './content-check-cache.ts';
import {
	checkFile,
	checkPosts,
	type CheckResult,
	type FileChecker,
	type SourceFile,
} from './content-check.ts';

const POST_FILE = /(?:^|\/)[^_/][^/]*\.mdx?$/i;

/** A path as editors see it: relative to `cwd` when inside it, else absolute; always `/`. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
	const rel = relative(cwd, path);
	return (rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel).replace(
		/\\/g,
		'/',
	);
}

/** Reads every post file under `dir` (sorted, so reports are stable). */
export async function readPostFiles(
	dir: string,
	cwd: string = process.cwd(),
): Promise<SourceFile[]> {
	let names: string[];
	try {
		names = await readdir(dir, { recursive: true, encoding: 'utf8' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	const files = names
		.map((name) => name.replace(/\\/g, '/'))
		.filter((name) => POST_FILE.test(name))
		.sort();
	return Promise.all(
		files.map(async (name) =>
			sourceFile(displayPath(join(dir, name), cwd), await readFile(join(dir, name))),
		),
	);
}

/**
 * A post as read from disk, with the digest of its bytes; its text is decoded when first asked
 * for, so a build whose cache knows every post never decodes the 15 MB of a 1,000-post blog.
 */
function sourceFile(file: string, bytes: Buffer): SourceFile {
	let source: string | undefined;
	return {
		file,
		digest: fileDigest(file, bytes),
		get source() {
			source ??= bytes.toString('utf8');
			return source;
		},
	};
}

/** Checks every post under `dir`, local hero images included. */
export async function checkContentDir(
	dir: string,
	cwd: string = process.cwd(),
	/** Checks one file; the build passes one that remembers results between builds. */
	checkOne: FileChecker = checkFile,
): Promise<CheckResult> {
	return checkPosts(
		await readPostFiles(dir, cwd),
		{ imageExists: (file, image) => existsSync(resolve(cwd, dirname(file), image)) },
		checkOne,
	);
}
