import { beforeAll, expect, test } from 'vitest';
import {
	ADMIN_DOCUMENT,
	CACHE_IMMUTABLE,
	CACHE_REVALIDATE,
} from '../../src/lib/netlify/netlify-headers.ts';
import { headersForPath, overlappingHeaders } from '../../src/lib/netlify/netlify-path.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST_URL } from '../../src/lib/search/search.ts';
import { adminSecurityHeaders, securityHeaders } from '../../src/lib/netlify/security-headers.ts';
import { urlPathOfFile } from '../../src/lib/text/trailing-slash.ts';
import { listDistFiles } from '../support/dist.ts';
import { loadSiteHeaders, type SiteHeaderRule } from '../support/netlify.ts';

/*
 * The headers Netlify gives every file of the real build, from netlify.toml and the `_headers`
 * file the build writes: a route or asset folder that no rule covers, or that two rules cover,
 * fails here.
 */
let rules: SiteHeaderRule[];
let paths: string[];

beforeAll(async () => {
	rules = await loadSiteHeaders();
	// _headers is Netlify's instructions, never served.
	paths = (await listDistFiles()).filter((file) => file !== '_headers').map(urlPathOfFile);
});

/**
 * A content hash in a file or folder name, as Astro (`name.C1GT4Nam.css`) and the search index
 * (`t/<hash>.json`, `d-<hash>/<doc id>.json`) write them.
 */
const HASHED_NAME =
	/(?:[._][A-Za-z0-9_-]{7,}\.[a-z_]+|\/t\/[A-Za-z0-9_-]{16}\.json|\/d-[A-Za-z0-9_-]{12}\/\d+\.json)$/;

test('every file gets the security headers, and no header from two rules', () => {
	expect(paths.length).toBeGreaterThan(5);
	for (const path of paths) {
		const expected = path === ADMIN_DOCUMENT ? adminSecurityHeaders() : securityHeaders();
		expect(headersForPath(rules, path), path).toMatchObject(expected);
		expect(overlappingHeaders(rules, path), path).toEqual([]);
	}
});

test('every HTML page, feed and sitemap is revalidated', () => {
	const documents = paths.filter((path) => /(?:\/|\.html|\.xml)$/.test(path));
	expect(documents).toContain('/');
	expect(documents).toContain('/404.html');
	for (const path of documents) {
		expect(
			headersForPath(rules, path)['Cache-Control'],
			`${path}: not revalidated (src/lib/netlify/netlify-headers.ts, buildSiteHeaderRules)`,
		).toBe(CACHE_REVALIDATE);
	}
});

test('only content-hashed files are cached as immutable, and all of /_astro/ is', () => {
	const immutable = paths.filter(
		(path) => headersForPath(rules, path)['Cache-Control'] === CACHE_IMMUTABLE,
	);
	expect(immutable.length).toBeGreaterThan(0);
	expect(immutable.filter((path) => !HASHED_NAME.test(path))).toEqual([]);
	expect(paths.filter((path) => path.startsWith('/_astro/') && !immutable.includes(path))).toEqual(
		[],
	);
});

test('the search index: its manifest is revalidated, every other file of it is immutable', () => {
	const index = paths.filter((path) => path.startsWith(`/${SEARCH_INDEX_DIR}/`));
	expect(index).toContain(SEARCH_MANIFEST_URL);
	expect(index.some((path) => path.includes('/t/'))).toBe(true);
	expect(index.some((path) => /\/d-[^/]+\//.test(path))).toBe(true);
	for (const path of index) {
		expect(headersForPath(rules, path)['Cache-Control'], path).toBe(
			path === SEARCH_MANIFEST_URL ? CACHE_REVALIDATE : CACHE_IMMUTABLE,
		);
	}
});
