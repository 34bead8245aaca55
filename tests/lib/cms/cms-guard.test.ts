import { describe, expect, test } from 'vitest';
import {
	checkPath,
	checkRequest,
	isLoopbackAddress,
	requestedPaths,
	type PathUse,
} from '../../../src/lib/cms/cms-guard.ts';
import { CMS_FOLDERS } from '../../../src/lib/cms/cms-paths.ts';
import { buildCmsConfig } from '../../../src/lib/cms/cms-config.ts';

const POSTS = 'src/content/blog';
const MEDIA = 'src/content/blog/images';

describe('isLoopbackAddress', () => {
	test.each([
		['127.0.0.1', true],
		['127.3.2.1', true],
		['::1', true],
		['::ffff:127.0.0.1', true],
		['192.168.1.20', false],
		['10.0.0.2', false],
		['::ffff:192.168.1.20', false],
		['fe80::1', false],
		['127.0.0.1.evil', false],
		['', false],
		[undefined, false],
	])('%s → %s', (address, expected) => expect(isLoopbackAddress(address)).toBe(expected));
});

test('the guard guards the folders the CMS config names', () => {
	const config = buildCmsConfig({ repo: 'owner/name' });
	expect(CMS_FOLDERS.posts).toBe(config.collections[0]?.folder);
	expect(CMS_FOLDERS.media).toBe(config.media_folder);
});

describe('checkPath', () => {
	test.each<[string, PathUse]>([
		[`${POSTS}/servisnyy-podhod.md`, 'read'],
		[`${POSTS}/servisnyy-podhod.md`, 'write-entry'],
		[`${POSTS}/servisnyy-podhod.md`, 'delete'],
		[POSTS, 'list'],
		[`${POSTS}/`, 'list'],
		[MEDIA, 'list'],
		[`${MEDIA}/foto.JPG`, 'write-media'],
		[`${MEDIA}/foto.webp`, 'delete'],
		[`${MEDIA}/foto.png`, 'read'],
	])('allows %s for %s', (path, use) => {
		expect(checkPath({ path, use }, CMS_FOLDERS)).toEqual({ path: path.replace(/\/$/, '') });
	});

	test.each<[string, PathUse]>([
		['src/pages/x.astro', 'write-entry'],
		['public/x.txt', 'write-media'],
		['x.md', 'write-entry'],
		['package.json', 'read'],
		['.git/config', 'read'],
		['src', 'list'],
		['src/content', 'list'],
		[`${POSTS}/../../pages/y.astro`, 'write-entry'],
		[`${POSTS}/./x.md`, 'write-entry'],
		[`${POSTS}//x.md`, 'write-entry'],
		[`${POSTS}/..`, 'list'],
		['/etc/passwd', 'read'],
		['C:/Windows/win.ini', 'read'],
		[`${POSTS}\\..\\..\\pages\\x.astro`, 'write-entry'],
		[`${POSTS}/x.md\u0000.png`, 'write-media'],
		[`${POSTS}-evil/x.md`, 'write-entry'],
		[`${POSTS}/x.mdx`, 'write-entry'],
		[`${POSTS}/x.astro`, 'write-entry'],
		[`${POSTS}/sub/x.md`, 'write-entry'],
		[`${MEDIA}/x.md`, 'write-entry'],
		[`${MEDIA}/x.svg`, 'write-media'],
		[`${MEDIA}/x.html`, 'write-media'],
		[`${POSTS}/x.png`, 'write-media'],
		[MEDIA, 'write-media'],
		[MEDIA, 'delete'],
		[POSTS, 'delete'],
		[`${POSTS}/notes.txt`, 'delete'],
		['', 'read'],
	])('refuses %j for %s', (path, use) => {
		expect(checkPath({ path, use }, CMS_FOLDERS)).toHaveProperty('reason');
	});
});

describe('requestedPaths', () => {
	test.each([
		[{ action: 'info' }, []],
		[{ action: 'getDeployPreview', params: {} }, []],
		[
			{ action: 'entriesByFolder', params: { folder: POSTS, extension: 'md', depth: 1 } },
			[{ path: POSTS, use: 'list' }],
		],
		[
			{ action: 'entriesByFiles', params: { files: [{ path: `${POSTS}/a.md` }] } },
			[{ path: `${POSTS}/a.md`, use: 'read' }],
		],
		[
			{ action: 'getEntry', params: { path: 'package.json' } },
			[{ path: 'package.json', use: 'read' }],
		],
		[{ action: 'getMedia', params: { mediaFolder: MEDIA } }, [{ path: MEDIA, use: 'list' }]],
		[
			{
				action: 'persistEntry',
				params: {
					entry: { path: `${POSTS}/a.md`, raw: 'x' },
					assets: [{ path: `${MEDIA}/b.png`, content: '', encoding: 'base64' }],
				},
			},
			[
				{ path: `${POSTS}/a.md`, use: 'write-entry' },
				{ path: `${MEDIA}/b.png`, use: 'write-media' },
			],
		],
		[
			{
				action: 'persistEntry',
				params: {
					dataFiles: [{ path: `${POSTS}/a.md`, raw: 'x', newPath: 'src/pages/a.astro' }],
					assets: [],
				},
			},
			[
				{ path: `${POSTS}/a.md`, use: 'write-entry' },
				{ path: 'src/pages/a.astro', use: 'write-entry' },
			],
		],
		[
			{ action: 'persistMedia', params: { asset: { path: 'public/x.txt' } } },
			[{ path: 'public/x.txt', use: 'write-media' }],
		],
		[
			{ action: 'deleteFiles', params: { paths: [`${POSTS}/a.md`, 'package.json'] } },
			[
				{ path: `${POSTS}/a.md`, use: 'delete' },
				{ path: 'package.json', use: 'delete' },
			],
		],
	])('%j', (body, expected) => expect(requestedPaths(body)).toEqual(expected));

	test.each([
		null,
		'getEntry',
		{},
		{ action: 'unpublishedEntries', params: {} },
		{ action: 'publishUnpublishedEntry', params: {} },
		{ action: 'getEntry', params: {} },
		{ action: 'getEntry', params: { path: 42 } },
		{ action: 'persistEntry', params: { assets: [] } },
		{ action: 'persistMedia', params: {} },
		{ action: 'deleteFiles', params: { paths: [] } },
		{ action: 'entriesByFiles', params: { files: [{ label: 'x' }] } },
	])('refuses %j', (body) => expect(requestedPaths(body)).toHaveProperty('reason'));
});

describe('checkRequest', () => {
	test('one path outside refuses the whole call', () => {
		const body = {
			action: 'persistEntry',
			params: {
				entry: { path: `${POSTS}/a.md`, raw: 'x' },
				assets: [{ path: 'public/evil.png', content: '', encoding: 'base64' }],
			},
		};
		expect(checkRequest(body, CMS_FOLDERS)).toHaveProperty('reason');
	});

	test('a save with its picture passes', () => {
		const body = {
			action: 'persistEntry',
			params: {
				entry: { path: `${POSTS}/a.md`, raw: 'x' },
				assets: [{ path: `${MEDIA}/b.png`, content: '', encoding: 'base64' }],
			},
		};
		expect(checkRequest(body, CMS_FOLDERS)).toEqual([
			{ path: `${POSTS}/a.md`, use: 'write-entry' },
			{ path: `${MEDIA}/b.png`, use: 'write-media' },
		]);
	});
});
