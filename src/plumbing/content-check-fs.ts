import { readFile, readdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileDigest } from './content-check-cache.ts';
import {
	checkFile,
	checkPosts,
	skippedFileFindings,
	type CheckResult,
	type FileChecker,
	type SourceFile,
} from '../lib/content-check/content-check.ts';
import { isPostFile } from '../lib/content/content-dir.ts';
import { decodePost, type EncodingProblem } from '../lib/content/text-encoding.ts';

/** A path as editors see it: relative to `cwd` when inside it, else absolute; always `/`. */
export function displayPath(path: string, cwd: string = process.cwd()): string {
	const rel = relative(cwd, path);
	return (rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? resolve(path) : rel).replace(
		/\\/g,
		'/',
	);
}

/** Every file under `dir`, relative to it, sorted (so reports are stable); none if it is missing. */
async function fileNames(dir: string): Promise<string[]> {
	let entries;
	try {
		entries = await readdir(dir, { recursive: true, withFileTypes: true });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => relative(dir, join(entry.parentPath, entry.name)).replace(/\\/g, '/'))
		.sort();
}

/** The post files under `dir` (the files the build loads), relative to it, sorted. */
async function postFileNames(dir: string): Promise<string[]> {
	return (await fileNames(dir)).filter(isPostFile);
}

/** Reads every post file under `dir` (sorted, so reports are stable). */
export async function readPostFiles(
	dir: string,
	cwd: string = process.cwd(),
): Promise<SourceFile[]> {
	return Promise.all(
		(await postFileNames(dir)).map(async (name) => {
			const bytes = await readFile(join(dir, name));
			const file = displayPath(join(dir, name), cwd);
			const { text, problem } = decodePost(bytes);
			return { file, digest: fileDigest(file, bytes), source: text, notUtf8: problem };
		}),
	);
}

/**
 * A post file that is read when the check first asks for its digest and not kept: its bytes
 * until the check asks for its text (decoded from the same bytes, then dropped, with what
 * `notUtf8` says about them kept), which a check
 * whose cache knows the post never does. Checking 10,000 posts read all at once held 300 MB of
 * text at the same time; read one by one, only the results add up. Asked for its text twice,
 * it reads the file again.
 */
export function postFileOnDisk(path: string, file: string): SourceFile {
	let digest: string | undefined;
	let bytes: Buffer | undefined;
	/** The encoding problem found when the text was last decoded (`null`: not decoded yet). */
	let problem: EncodingProblem | undefined | null = null;
	const decode = (): string => {
		const decoded = decodePost(bytes ?? readFileSync(path));
		problem = decoded.problem;
		bytes = undefined;
		return decoded.text;
	};
	return {
		file,
		get digest() {
			if (digest === undefined) {
				bytes = readFileSync(path);
				digest = fileDigest(file, bytes);
			}
			return digest;
		},
		get source() {
			return decode();
		},
		get notUtf8() {
			if (problem === null) decode();
			return problem ?? undefined;
		},
	};
}

/** Checks every post under `dir`, local images and MDX imports included. */
export async function checkContentDir(
	dir: string,
	cwd: string = process.cwd(),
	/** Checks one file; the build passes one that remembers results between builds. */
	checkOne: FileChecker = checkFile,
	/** The build's "now": links to posts dated later are links to unpublished posts. */
	now: Date = new Date(),
): Promise<CheckResult> {
	const names = await fileNames(dir);
	const files = names
		.filter(isPostFile)
		.map((name) => postFileOnDisk(join(dir, name), displayPath(join(dir, name), cwd)));
	const result = checkPosts(
		files,
		{ imageExists: (file, image) => existsSync(resolve(cwd, dirname(file), image)), now },
		checkOne,
	);
	// Files the build does not load are reported too: nothing in the folder is skipped silently.
	const skipped = skippedFileFindings(names.map((name) => displayPath(join(dir, name), cwd)));
	return { ...result, findings: [...result.findings, ...skipped] };
}
