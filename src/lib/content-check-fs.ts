import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
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
		files.map(async (name) => ({
			file: displayPath(join(dir, name), cwd),
			source: await readFile(join(dir, name), 'utf8'),
		})),
	);
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
