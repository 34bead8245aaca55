import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { linkFilesSync, linkOrCopyTree, type TreeCopyOps } from '../../src/plumbing/copy-tree.ts';
import { linkFilesInWorker } from '../../src/plumbing/link-files-worker.ts';

let root = '';
let source = '';
/** A generated bundle: files at the top and in nested folders, some of them several deep. */
const FILES: Record<string, string> = {
	'pagefind-entry.json': '{"version":"1"}',
	'pagefind.js': 'export {}',
	'fragment/ru_1.pf_fragment': 'первый',
	'fragment/ru_2.pf_fragment': 'второй',
	'index/ru_a.pf_index': 'индекс',
	'filter/deep/ru_b.pf_filter': 'фильтр',
};

/** Every file under `dir`, relative and sorted. */
async function listFiles(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	return entries
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
		.sort();
}

/** An error as the file system reports it. */
const fsError = (code: string): NodeJS.ErrnoException =>
	Object.assign(new Error(`${code}: fake`), { code });

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'copy-tree-'));
	source = join(root, 'cache');
	for (const [file, text] of Object.entries(FILES)) {
		await mkdir(join(source, file, '..'), { recursive: true });
		await writeFile(join(source, file), text);
	}
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

describe('linkOrCopyTree', () => {
	test('links every file: same tree, same text, the same file as the cache', async () => {
		const target = join(root, 'linked');
		expect(await linkOrCopyTree(source, target)).toBe('link');
		expect(await listFiles(target)).toEqual(Object.keys(FILES).sort());
		for (const [file, text] of Object.entries(FILES)) {
			expect(await readFile(join(target, file), 'utf8')).toBe(text);
			expect((await stat(join(target, file))).ino).toBe((await stat(join(source, file))).ino);
		}
	});

	test('removing the copy leaves the cache whole', async () => {
		const target = join(root, 'removed');
		await linkOrCopyTree(source, target);
		await rm(target, { recursive: true });
		for (const [file, text] of Object.entries(FILES))
			expect(await readFile(join(source, file), 'utf8')).toBe(text);
	});

	test.each(['EXDEV', 'EPERM', 'ENOTSUP'])(
		'copies every file where links fail with %s',
		async (code) => {
			const target = join(root, `copied-${code}`);
			const calls = { link: 0, copy: 0 };
			const ops: TreeCopyOps = {
				link: async () => {
					calls.link++;
					throw fsError(code);
				},
				copyFile: async (from, to) => {
					calls.copy++;
					await copyFile(from, to);
				},
			};
			expect(await linkOrCopyTree(source, target, ops)).toBe('copy');
			// Links are tried once, not once per file.
			expect(calls).toEqual({ link: 1, copy: Object.keys(FILES).length });
			expect(await listFiles(target)).toEqual(Object.keys(FILES).sort());
			for (const [file, text] of Object.entries(FILES)) {
				expect(await readFile(join(target, file), 'utf8')).toBe(text);
				expect((await stat(join(target, file))).ino).not.toBe((await stat(join(source, file))).ino);
			}
		},
	);

	test('other errors are not hidden by a copy', async () => {
		const ops: TreeCopyOps = {
			link: async () => {
				throw fsError('EIO');
			},
			copyFile: async () => {
				throw new Error('must not copy');
			},
		};
		await expect(linkOrCopyTree(source, join(root, 'failed'), ops)).rejects.toThrow('EIO');
	});

	test('a missing source is an error', async () => {
		await expect(linkOrCopyTree(join(root, 'none'), join(root, 'out'))).rejects.toThrow(/ENOENT/);
	});

	test('an empty folder gives an empty folder', async () => {
		const empty = join(root, 'empty');
		await mkdir(empty);
		const target = join(root, 'empty-out');
		await linkOrCopyTree(empty, target);
		expect(await readdir(target)).toEqual([]);
	});
});

describe('linkFilesSync', () => {
	const PAGES = ['blog/a/index.html', 'blog/b/index.html', 'tags/x/page/2/index.html', 'rss.xml'];
	let cache = '';
	beforeAll(async () => {
		cache = join(root, 'pages-cache');
		for (const file of PAGES) {
			await mkdir(join(cache, file, '..'), { recursive: true });
			await writeFile(join(cache, file), `<p>${file}</p>`);
		}
	});

	/** Every page under `target` is the cache's file itself, with its text. */
	async function expectLinked(target: string): Promise<void> {
		expect(await listFiles(target)).toEqual([...PAGES].sort());
		for (const file of PAGES) {
			expect(await readFile(join(target, file), 'utf8')).toBe(`<p>${file}</p>`);
			expect((await stat(join(target, file))).ino).toBe((await stat(join(cache, file))).ino);
		}
	}

	test('links each file into its folder: the same file as the cache', async () => {
		const target = join(root, 'pages-linked');
		expect(linkFilesSync(cache, target, PAGES)).toEqual(PAGES);
		await expectLinked(target);
	});

	test('in a worker thread, the same', async () => {
		const target = join(root, 'pages-worker');
		expect(await linkFilesInWorker(cache, target, PAGES)).toEqual({ linked: PAGES, changed: [] });
		await expectLinked(target);
	});

	test('a worker that fails reports the error', async () => {
		const blocked = join(root, 'pages-blocked');
		// A file where a folder must go: mkdir fails with ENOTDIR, which is not "no links here".
		await writeFile(blocked, '');
		await expect(linkFilesInWorker(cache, blocked, PAGES)).rejects.toThrow(/ENOTDIR|EEXIST/);
	});

	test('skips files missing from the cache and files already in the output', async () => {
		const target = join(root, 'pages-partial');
		await mkdir(join(target, 'blog/b'), { recursive: true });
		await writeFile(join(target, 'blog/b/index.html'), 'rendered by this build');
		const linked = linkFilesSync(cache, target, [...PAGES, 'blog/missing/index.html']);
		expect(linked).toEqual(PAGES.filter((file) => file !== 'blog/b/index.html'));
		expect(await readFile(join(target, 'blog/b/index.html'), 'utf8')).toBe(
			'rendered by this build',
		);
	});

	test.each(['EXDEV', 'EPERM', 'ENOTSUP'])(
		'where links fail with %s, links nothing, tries once and leaves no folders behind',
		(code) => {
			const target = join(root, `pages-${code}`);
			let calls = 0;
			const linked = linkFilesSync(cache, target, PAGES, () => {
				calls++;
				throw fsError(code);
			});
			expect(linked).toEqual([]);
			expect(calls).toBe(1);
			expect(existsSync(target)).toBe(false);
		},
	);

	test('other errors are raised', () => {
		expect(() =>
			linkFilesSync(cache, join(root, 'pages-eio'), PAGES, () => {
				throw fsError('EIO');
			}),
		).toThrow('EIO');
	});
});
