import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generatePosts } from '../../scripts/bench/generate.ts';
import { fileDigest, openCheckCache } from '../../src/plumbing/content-check-cache.ts';
import {
	checkContentDir,
	postFileOnDisk,
	readPostFiles,
} from '../../src/plumbing/content-check-fs.ts';
import { checkPosts, type SourceFile } from '../../src/lib/content-check/content-check.ts';

let dir = '';
let cacheFile = '';
const posts: SourceFile[] = [...generatePosts(12, { bodyBytes: 1_500 })].map((post) => ({
	file: `src/content/blog/${post.file}`,
	source: post.source,
}));
/** A broken post, a post linking to a missing one and a post with a missing local image. */
const problems: SourceFile[] = [
	{ file: 'src/content/blog/broken.md', source: '---\ntitle: [unclosed\n---\nТекст.\n' },
	{
		file: 'src/content/blog/links.md',
		source: (posts[3]?.source ?? '').replace(
			/\n---\n\n/,
			'\n---\n\nСм. [статью](/blog/net-takoy-stati/) и [другую](/blog/links-target/).\n\n',
		),
	},
	{
		file: 'src/content/blog/image.md',
		source: (posts[4]?.source ?? '').replace(/heroImage: .*\n/, 'heroImage: "./images/net.jpg"\n'),
	},
];
const files = [...posts, ...problems];
const options = { imageExists: () => false };

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'check-cache-'));
	cacheFile = join(dir, 'content-check.bin');
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe('the content check cache', () => {
	test('an empty cache checks every file; the next build checks none again', async () => {
		const fresh = checkPosts(files, options);
		const first = await openCheckCache(cacheFile, 'v1');
		expect(checkPosts(files, options, first.checker)).toEqual(fresh);
		expect(first.stats).toEqual({ hits: 0, misses: files.length });
		await first.save();

		const second = await openCheckCache(cacheFile, 'v1');
		const cached = checkPosts(files, options, second.checker);
		expect(second.stats).toEqual({ hits: files.length, misses: 0 });
		// Same findings and the same frontmatter, dates included.
		expect(cached).toEqual(fresh);
		expect(cached.posts.find((post) => post.data)?.data?.pubDate).toBeInstanceOf(Date);
		expect(cached.findings.map((finding) => finding.code)).toEqual(
			expect.arrayContaining(['yaml', 'link-missing', 'image-missing']),
		);
	});

	test('only a changed file is checked again; cross-post findings follow the other posts', async () => {
		const target: SourceFile = {
			file: 'src/content/blog/links-target.md',
			source: posts[5]?.source ?? '',
		};
		const cache = await openCheckCache(cacheFile, 'v1');
		const changed = [...files, target];
		const result = checkPosts(changed, options, cache.checker);
		expect(cache.stats).toEqual({ hits: files.length, misses: 1 });
		expect(result).toEqual(checkPosts(changed, options));
		// The link to links-target now resolves; the one to a missing post still warns.
		const links = result.findings.filter((finding) => finding.code === 'link-missing');
		expect(links.map((finding) => finding.message)).toEqual([
			expect.stringContaining('net-takoy-stati'),
		]);
		// An image that appears is no longer reported, although the post came from the cache.
		const withImage = checkPosts(changed, { imageExists: () => true }, cache.checker);
		expect(withImage.findings.some((finding) => finding.code === 'image-missing')).toBe(false);
	});

	test('another check version, or a damaged file, starts empty', async () => {
		const other = await openCheckCache(cacheFile, 'v2');
		checkPosts(files, options, other.checker);
		expect(other.stats.hits).toBe(0);

		await writeFile(cacheFile, 'not a cache');
		const damaged = await openCheckCache(cacheFile, 'v1');
		expect(checkPosts(files, options, damaged.checker)).toEqual(checkPosts(files, options));
		expect(damaged.stats.hits).toBe(0);
	});
});

describe('posts read from disk', () => {
	let postsDir = '';
	beforeAll(async () => {
		postsDir = await mkdtemp(join(tmpdir(), 'check-read-'));
		for (const post of posts.slice(0, 4)) {
			await writeFile(join(postsDir, post.file.replace(/^.*\//, '')), post.source);
		}
	});
	afterAll(async () => {
		await rm(postsDir, { recursive: true, force: true });
	});

	test('carry the digest of their path and bytes, the key their text would have', async () => {
		const read = await readPostFiles(postsDir);
		expect(read).toHaveLength(4);
		for (const file of read) {
			const bytes = await readFile(join(postsDir, file.file.replace(/^.*\//, '')));
			expect(file.digest).toBe(fileDigest(file.file, bytes));
			expect(file.source).toBe(bytes.toString('utf8'));
		}
		expect(new Set(read.map((file) => file.digest)).size).toBe(4);
		expect(fileDigest('a.md', Buffer.from('текст'))).not.toBe(
			fileDigest('b.md', Buffer.from('текст')),
		);
		expect(fileDigest('a.md', Buffer.from('текст'))).not.toBe(
			fileDigest('a.md', Buffer.from('текст!')),
		);
	});

	test('one by one, give the text of the very bytes their digest was taken of', async () => {
		const path = join(postsDir, 'changing.md');
		await writeFile(path, 'первая версия');
		const file = postFileOnDisk(path, 'src/content/blog/changing.md');
		expect(file.digest).toBe(fileDigest(file.file, Buffer.from('первая версия')));
		// Saved again by an editor while the build runs: the check still sees what it digested.
		await writeFile(path, 'вторая версия');
		expect(file.source).toBe('первая версия');
		expect(file.digest).toBe(fileDigest(file.file, Buffer.from('первая версия')));
		// Its bytes are not kept: asked again, it reads the file.
		expect(file.source).toBe('вторая версия');
		await rm(path);
	});

	test('checked one by one, give what checking them read all at once gives', async () => {
		const expected = checkPosts(await readPostFiles(postsDir), {
			imageExists: (file, image) => existsSync(join(dirname(file), image)),
		});
		expect(await checkContentDir(postsDir)).toEqual(expected);
		expect(expected.posts).toHaveLength(4);
	});

	test('are not decoded when the cache knows them', async () => {
		const cachePath = join(postsDir, 'cache.bin');
		const first = await openCheckCache(cachePath, 'v1');
		const read = await readPostFiles(postsDir);
		const expected = checkPosts(read, options, first.checker);
		await first.save();

		let decoded = 0;
		const counted: SourceFile[] = (await readPostFiles(postsDir)).map((file) => ({
			file: file.file,
			...(file.digest === undefined ? {} : { digest: file.digest }),
			get source() {
				decoded++;
				return file.source;
			},
		}));
		const second = await openCheckCache(cachePath, 'v1');
		expect(checkPosts(counted, options, second.checker)).toEqual(expected);
		expect(second.stats).toEqual({ hits: 4, misses: 0 });
		expect(decoded).toBe(0);

		// A file given as text finds the result its bytes were stored under.
		const asText = read.map((file) => ({ file: file.file, source: file.source }));
		const third = await openCheckCache(cachePath, 'v1');
		checkPosts(asText, options, third.checker);
		expect(third.stats).toEqual({ hits: 4, misses: 0 });
	});
});
