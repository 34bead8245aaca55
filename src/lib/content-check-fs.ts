import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { checkPosts, type CheckResult, type SourceFile } from './content-check.ts';

const POST_FILE = /(?:^|\/)[^_/][^/]*\.mdx?$/i;

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
			file: relative(cwd, join(dir, name)).replace(/\\/g, '/'),
			source: await readFile(join(dir, name), 'utf8'),
		})),
	);
}

/** Checks every post under `dir`. */
export async function checkContentDir(dir: string, cwd?: string): Promise<CheckResult> {
	return checkPosts(await readPostFiles(dir, cwd));
}
