import { describe, expect, test } from 'vitest';
import {
	cachedOutputFiles,
	cachedPageKeys,
	foldersToPrune,
	staleCachedFiles,
} from '../../../src/lib/pipeline/page-cache.ts';

/** Astro's incremental-build manifest, shaped as version 1 writes it. */
const manifest = (routes: Record<string, Record<string, string>>, version: unknown = 1) => ({
	version,
	configHash: 'c',
	lockfileHash: 'l',
	keyDigest: 'k',
	routes: Object.fromEntries(
		Object.entries(routes).map(([route, paths]) => [
			route,
			{
				dependencyHash: 'd',
				paths: Object.fromEntries(
					Object.entries(paths).map(([path, outputFile]) => [
						path,
						{ cacheKey: 'key', outputFile, contentHashes: { x: 'y' } },
					]),
				),
			},
		]),
	),
});

describe('cachedOutputFiles', () => {
	test('lists the output files of every route, sorted, each once', () => {
		const json = manifest({
			'src/pages/blog/[slug].astro': {
				'/blog/b/': 'blog/b/index.html',
				'/blog/a/': 'blog/a/index.html',
			},
			'src/pages/tags/[tag]/[...page].astro': { '/tags/x/': 'tags/x/index.html' },
			'src/pages/[feed].xml.ts': { '/rss.xml': 'rss.xml', '/again.xml': 'rss.xml' },
		});
		expect(cachedOutputFiles(json)).toEqual([
			'blog/a/index.html',
			'blog/b/index.html',
			'rss.xml',
			'tags/x/index.html',
		]);
	});

	test('an empty manifest lists nothing', () => {
		expect(cachedOutputFiles(manifest({}))).toEqual([]);
	});

	test.each([
		['another version', manifest({ r: { '/a/': 'a/index.html' } }, 2)],
		['no routes', { version: 1 }],
		['a path without an output file', { version: 1, routes: { r: { paths: { '/a/': {} } } } }],
		['not an object', 'incremental'],
		['null', null],
	])('%s: undefined, so nothing is taken from the cache', (_, json) => {
		expect(cachedOutputFiles(json)).toBeUndefined();
	});

	test('entries that would leave the output folder are left out', () => {
		const json = manifest({
			r: {
				'/a/': 'a/index.html',
				'/up/': '../outside/index.html',
				'/deep/': 'a/../../outside.html',
				'/abs/': '/etc/passwd',
				'/dot/': './a/index.html',
				'/empty/': '',
			},
		});
		expect(cachedOutputFiles(json)).toEqual(['a/index.html']);
	});
});

describe('staleCachedFiles', () => {
	const linked = ['blog/a/index.html', 'blog/gone/index.html', 'tags/old/index.html', 'rss.xml'];

	test('keeps what the new manifest lists and what the build wrote again', () => {
		const produced = new Set(['blog/a/index.html', 'rss.xml']);
		const written = new Set(['tags/old/index.html']);
		expect(staleCachedFiles(linked, produced, (file) => written.has(file))).toEqual([
			'blog/gone/index.html',
		]);
	});

	test('nothing is stale when the build produced every linked file', () => {
		expect(staleCachedFiles(linked, new Set(linked), () => false)).toEqual([]);
	});

	test('everything is stale when the build produced none of them', () => {
		expect(staleCachedFiles(linked, new Set(), () => false)).toEqual(linked);
	});
});

describe('foldersToPrune', () => {
	test('every folder above the files, deepest first, never the output folder', () => {
		expect(
			foldersToPrune(['blog/gone/index.html', 'tags/old/2/index.html', 'tags/old/index.html']),
		).toEqual(['tags/old/2', 'blog/gone', 'tags/old', 'blog', 'tags']);
	});

	test('a file at the top leaves no folder to prune', () => {
		expect(foldersToPrune(['rss.xml'])).toEqual([]);
	});
});

describe('cachedPageKeys', () => {
	const ROUTE = 'src/pages/blog/[slug].astro';
	const manifest = {
		version: 1,
		routes: {
			[ROUTE]: {
				dependencyHash: 'd',
				paths: {
					'/blog/a/': { cacheKey: 'ka', outputFile: 'blog/a/index.html' },
					'/blog/b/': { outputFile: 'blog/b/index.html' },
					'/blog/c/': { cacheKey: 3, outputFile: 'blog/c/index.html' },
				},
			},
			'src/pages/index.astro': { paths: { '/': { cacheKey: 'i', outputFile: 'index.html' } } },
		},
	};

	test("reads the route's cacheKeys by pathname, leaving out paths without a string key", () => {
		expect(cachedPageKeys(manifest, ROUTE)).toEqual(new Map([['/blog/a/', 'ka']]));
	});

	test.each([
		['another version', { ...manifest, version: 2 }],
		['no such route', { version: 1, routes: {} }],
		['no routes', { version: 1 }],
		['not an object', 'manifest'],
		['null', null],
		['a route without paths', { version: 1, routes: { [ROUTE]: {} } }],
	])('%s: no keys', (_name, json) => {
		expect(cachedPageKeys(json, ROUTE).size).toBe(0);
	});
});
