import { constants, linkSync, mkdirSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/*
 * Copies build output out of a cache, by hard links where it can: the unchanged pages of a
 * rebuild, and the search index's article files (one per article). A link writes one directory
 * entry and no data, a tenth of the time of a copy. The link shares its file with the cache, so nothing may write into the copied
 * files in place: the build never does (it writes new files beside them, and the next build
 * deletes the output folder, which removes the links and leaves the cache as it was).
 * Where links cannot be made (the output on another file system, a file system without them),
 * the files are copied, as a copy-on-write clone where the file system offers one.
 */

/** How a tree was copied. */
export type TreeCopy = 'link' | 'copy';

/** The file operations a copy uses (tests replace `link` to exercise the fallback). */
export interface TreeCopyOps {
	link: (from: string, to: string) => Promise<void>;
	copyFile: (from: string, to: string) => Promise<void>;
}

const FS_OPS: TreeCopyOps = {
	link,
	copyFile: (from, to) => copyFile(from, to, constants.COPYFILE_FICLONE),
};

/** Errors that mean "no hard links here", as opposed to a missing or unreadable file. */
const NO_LINK: ReadonlySet<string> = new Set([
	'EXDEV',
	'EPERM',
	'EMLINK',
	'ENOTSUP',
	'EOPNOTSUPP',
	'ENOSYS',
]);

/** Files to write at once: enough to keep the file system busy, few enough for the fd limit. */
const BATCH = 64;

/**
 * Hard-links a file, or copies it where the file system cannot link (any other error, a missing
 * file say, is thrown). Returns which it did.
 */
export async function linkOrCopyFile(
	from: string,
	to: string,
	ops: TreeCopyOps = FS_OPS,
): Promise<TreeCopy> {
	try {
		await ops.link(from, to);
		return 'link';
	} catch (error) {
		if (!NO_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
		await ops.copyFile(from, to);
		return 'copy';
	}
}

/**
 * Puts every file under `from` at the same place under `to` (which should not exist yet):
 * linked when the first link succeeds, else copied. Returns which it did.
 */
export async function linkOrCopyTree(
	from: string,
	to: string,
	ops: TreeCopyOps = FS_OPS,
): Promise<TreeCopy> {
	const entries = await readdir(from, { recursive: true, withFileTypes: true });
	const dirs = new Set([to]);
	const files: string[] = [];
	for (const entry of entries) {
		const path = join(entry.parentPath, entry.name).slice(from.length + 1);
		if (entry.isDirectory()) dirs.add(join(to, path));
		else if (entry.isFile()) files.push(path);
	}
	for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
	const [first, ...rest] = files;
	if (first === undefined) return 'link';
	const mode = await linkOrCopyFile(join(from, first), join(to, first), ops);
	const put = mode === 'link' ? ops.link : ops.copyFile;
	for (let i = 0; i < rest.length; i += BATCH) {
		await Promise.all(
			rest.slice(i, i + BATCH).map((file) => put(join(from, file), join(to, file))),
		);
	}
	return mode;
}

/**
 * Hard-links each of `files` (relative paths) from `from` to the same place under `to`,
 * synchronously, creating folders as needed (link-files-worker.ts runs it off the main thread).
 * Files missing from `from` or already in `to` are skipped. Where the file system cannot link,
 * it stops and returns what it linked (nothing, as a rule), removing the folders it made for
 * nothing. Returns the files linked.
 */
export function linkFilesSync(
	from: string,
	to: string,
	files: readonly string[],
	linkFile: (from: string, to: string) => void = linkSync,
): string[] {
	const linked: string[] = [];
	const folders = new Set<string>();
	const made: string[] = [];
	for (const file of files) {
		const target = join(to, file);
		const folder = dirname(target);
		if (!folders.has(folder)) {
			const first = mkdirSync(folder, { recursive: true });
			if (first !== undefined) made.push(first);
			folders.add(folder);
		}
		try {
			linkFile(join(from, file), target);
			linked.push(file);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code ?? '';
			if (code === 'ENOENT' || code === 'EEXIST') continue;
			if (!NO_LINK.has(code)) throw error;
			if (linked.length === 0)
				for (const dir of made.reverse()) rmSync(dir, { recursive: true, force: true });
			return linked;
		}
	}
	return linked;
}
