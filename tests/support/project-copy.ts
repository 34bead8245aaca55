import { cp, mkdir, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** What a copy of the project needs to build and serve: its sources and configs. */
const PROJECT_FILES = ['src', 'public', 'astro.config.ts', 'package.json', 'tsconfig.json'];

/**
 * Copies the project's sources into `dir` (created) with `node_modules` linked, so a test can
 * change a page or a post, or let the editor write, without touching the checkout.
 */
export async function copyProject(dir: string): Promise<string> {
	await mkdir(dir, { recursive: true });
	for (const name of PROJECT_FILES)
		await cp(join(ROOT, name), join(dir, name), { recursive: true });
	await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	return dir;
}
