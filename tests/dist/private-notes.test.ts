import { readFile, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildFixtureSite } from '../support/build.ts';

/*
 * What editors keep to themselves never reaches a file of the site: notes in HTML comments
 * (`<!-- … -->` in Markdown, `{/* … *\/}` in MDX), a draft's body, the IndexNow key outside its
 * own file, source maps. Built once from tests/fixtures/private-notes/; every file of dist/ is
 * read as bytes, whatever its type (pages, feed, sitemap, search index, scripts).
 */

const NOTES = [
	'ФРАЗА-БЛОК-7Q2',
	'цену не согласовали',
	'ФРАЗА-СТРОКА-3K9',
	'ФРАЗА-МНОГОСТРОЧНАЯ-5X1',
	'ФРАЗА-В-РАЗМЕТКЕ-8M4',
	'ФРАЗА-В-КОНЦЕ-2W6',
	'ФРАЗА-MDX-4T8',
	'ФРАЗА-MDX-СТРОКА-6P3',
];
const DRAFT_TEXT = 'ФРАЗА-ЧЕРНОВИК-9Z5';
/** Text around the notes, which readers must see: the posts were built, not dropped. */
const VISIBLE = {
	'blog/zametki-redaktora/index.html': [
		'Первый абзац виден читателям.',
		'Продолжение абзаца тоже видно.',
		'Текст в разметке.',
		'Последний абзац виден читателям.',
	],
	'blog/zametki-v-mdx/index.html': ['Абзац статьи MDX виден читателям.'],
};
const INDEXNOW_KEY = 'private-notes-key-4c1e9a';

let dist: string;
let files: Map<string, Buffer>;

beforeAll(async () => {
	({ outDir: dist } = await buildFixtureSite('tests/fixtures/private-notes', {
		INDEXNOW_KEY,
	}));
	const names = await readdir(dist, { recursive: true, withFileTypes: true });
	files = new Map(
		await Promise.all(
			names
				.filter((entry) => entry.isFile())
				.map(async (entry) => {
					const path = join(entry.parentPath, entry.name);
					return [path.slice(dist.length + 1), await readFile(path)] as const;
				}),
		),
	);
}, 240_000);
afterAll(() => (dist ? rm(dirname(dist), { recursive: true, force: true }) : undefined));

/** Files of dist/ whose bytes hold `text`. */
const filesWith = (text: string): string[] =>
	[...files].filter(([, bytes]) => bytes.includes(text)).map(([name]) => name);

test('the site was built with the notes posts, their feed and their search index', () => {
	expect(files.has('rss.xml')).toBe(true);
	expect([...files.keys()].some((name) => name.startsWith('search-index/'))).toBe(true);
	for (const [page, texts] of Object.entries(VISIBLE)) {
		// The typography binds short words with no-break spaces.
		const html = (files.get(page)?.toString('utf8') ?? '').replaceAll('\u00a0', ' ');
		for (const text of texts) expect(html, `${page} shows «${text}»`).toContain(text);
	}
});

describe("editors' comments are in no file of dist/", () => {
	test.each(NOTES)('%s', (note) => expect(filesWith(note)).toEqual([]));

	test('no HTML comment from a post is left in its page', () => {
		const html = files.get('blog/zametki-redaktora/index.html')?.toString('utf8') ?? '';
		const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
		expect(article).not.toBe('');
		expect(article.replace(/="[^"]*"/g, '=""')).not.toContain('<!--');
	});
});

test("a draft's body is in no file of dist/", () => {
	expect(filesWith(DRAFT_TEXT)).toEqual([]);
	expect(filesWith('chernovik-s-tekstom')).toEqual([]);
});

test('the IndexNow key is in its own file only', () => {
	expect(filesWith(INDEXNOW_KEY)).toEqual([`${INDEXNOW_KEY}.txt`]);
});

test('no source maps are published', () => {
	expect([...files.keys()].filter((name) => name.endsWith('.map'))).toEqual([]);
	// Decap's prebuilt bundle (admin/) names maps that npm ships and the site does not copy.
	const own = filesWith('sourceMappingURL').filter((name) => !name.startsWith('admin/'));
	expect(own).toEqual([]);
});
