import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { globSync } from 'tinyglobby';
import { describe, expect, test } from 'vitest';
import {
	POST_GLOB,
	describeSkippedFile,
	entryTypeKey,
	isMarkdownFile,
	isPostFile,
	slugFromFileName,
} from '../../../src/lib/content/content-dir.ts';

const FILES: [string, boolean][] = [
	['servisnyy-podhod.md', true],
	['sub/servisnyy-podhod.md', true],
	['zaglavnye.MD', true],
	['smeshannye.Md', true],
	['dlinnoe.markdown', true],
	['dlinnoe.MARKDOWN', true],
	['komponent.mdx', true],
	['zaglavnoe.MDX', false],
	['_skrytaya.md', false],
	['sub/_skrytaya.md', false],
	['zametki.txt', false],
	['foto.jpg', false],
	['staroe.mdown', false],
];

describe('which files are posts', () => {
	test.each(FILES)('%s: %s', (file, post) => expect(isPostFile(file)).toBe(post));

	test('the build loads exactly the posts: POST_GLOB as Astro’s glob() lists files', () => {
		const dir = mkdtempSync(join(tmpdir(), 'content-dir-'));
		try {
			for (const [file] of FILES) {
				mkdirSync(join(dir, dirname(file)), { recursive: true });
				writeFileSync(join(dir, file), '');
			}
			const listed = globSync(POST_GLOB, { cwd: dir, expandDirectories: false }).sort();
			expect(listed).toEqual(
				FILES.filter(([, post]) => post)
					.map(([file]) => file)
					.sort(),
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	test.each([
		['a.md', true],
		['a.MD', true],
		['a.markdown', true],
		['a.mdx', false],
	])('%s is Markdown: %s', (file, markdown) => expect(isMarkdownFile(file)).toBe(markdown));

	test.each([
		['.md', '.md'],
		['.MD', '.md'],
		['.Markdown', '.md'],
		['.mdx', '.mdx'],
	])('entry type of %s is %s', (extension, key) => expect(entryTypeKey(extension)).toBe(key));

	test.each([
		['src/content/blog/servisnyy-podhod.md', 'servisnyy-podhod'],
		['zaglavnye.MD', 'zaglavnye'],
		['dlinnoe.markdown', 'dlinnoe'],
		['komponent.mdx', 'komponent'],
	])('slug of %s is %s', (file, slug) => expect(slugFromFileName(file)).toBe(slug));
});

describe('describeSkippedFile', () => {
	test.each(['a.md', 'a.MD', 'a.markdown', 'a.mdx', 'images/a.jpg', 'a.webp', '.gitkeep'])(
		'%s is not reported',
		(file) => expect(describeSkippedFile(file)).toBeUndefined(),
	);

	test.each([
		['_skrytaya.md', 'error', 'переименуйте файл в skrytaya.md'],
		['zaglavnoe.MDX', 'error', 'Переименуйте файл в zaglavnoe.mdx'],
		['staroe.mdown', 'error', 'Переименуйте файл в staroe.md'],
		['zametki.txt', 'warning', 'на сайт он не попадёт'],
		['dokument.docx', 'warning', 'на сайт он не попадёт'],
	])('%s: %s «…%s…»', (file, severity, text) => {
		const skipped = describeSkippedFile(file);
		expect(skipped?.severity).toBe(severity);
		expect(skipped?.message).toContain(text);
	});
});
