import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { describe, expect, test } from 'vitest';
import {
	forPatternToRegExp,
	headersForPath,
	matchesForPattern,
	overlappingHeaders,
	redirectFor,
} from '../../../src/lib/netlify/netlify-path.ts';

const CASES: [pattern: string, path: string, matches: boolean][] = [
	['/*', '/', true],
	['/*', '/blog/servisnyy-podhod/', true],
	['/', '/', true],
	['/', '/blog/', false],
	['/_astro/*', '/_astro/seo.C1GT4Nam.css', true],
	['/_astro/*', '/_astro/', true],
	['/_astro/*', '/astro/x.css', false],
	['/blog/*', '/blog/servisnyy-podhod/', true],
	['/blog/*', '/blog', true],
	['/blog/*', '/tags/blog/', false],
	// A standalone * makes the slash before it optional: /page/* would catch /pages-old/.
	['/page/*', '/pages-old/index.html', true],
	['/page/:page', '/page/2/', true],
	['/page/:page', '/page/2', true],
	['/page/:page', '/page/2/3/', false],
	['/page/:page', '/pages-old/index.html', false],
	['/search/', '/search/', true],
	['/search/', '/search', true],
	['/search/', '/search/x/', false],
	['/rss.xml', '/rss.xml', true],
	['/rss.xml', '/RSS.XML', true],
	['/rss.xml', '/rssxxml', false],
	['/sitemap*.xml', '/sitemap-index.xml', true],
	['/sitemap*.xml', '/sitemap-0.xml', true],
	['/sitemap*.xml', '/sitemaps/', false],
	['/admin/*.js', '/admin/decap-cms.js', true],
	['/admin/*.js', '/admin/config.yml', false],
	['/search-index/manifest.json', '/search-index/manifest.json', true],
	['/search-index/manifest.json', '/search-index/manifestxjson', false],
	['/search-index/t/*', '/search-index/t/Xk3_q9ZbT0aL-2cV.json', true],
	['/search-index/t/*', '/search-index/manifest.json', false],
	// A * inside a segment is any text, slashes included: d-* covers the folder's files.
	['/search-index/d-*', '/search-index/d-4fJ2kq_Lw9aB/12.json', true],
	['/search-index/d-*', '/search-index/manifest.json', false],
	['/tags/*', '/tags/', true],
	['/tags/*', '/tags/servisnyy-podhod/2/', true],
	['/404.html', '/404.html', true],
	['/404.html', '/404xhtml', false],
];

const netlifyRegExp = async (pattern: string): Promise<RegExp> => {
	const { headers, errors } = await parseAllHeaders({
		headersFiles: [],
		configHeaders: [{ for: pattern, values: { X: 'y' } }],
		minimal: false,
	});
	expect(errors).toEqual([]);
	return (headers[0] as Header).forRegExp;
};

describe('matchesForPattern', () => {
	test.each(CASES)('%s on %s → %s', (pattern, path, matches) => {
		expect(matchesForPattern(pattern, path)).toBe(matches);
	});

	test.each(CASES)('%s on %s: same answer as Netlify’s parser', async (pattern, path) => {
		const netlify = await netlifyRegExp(pattern);
		expect(forPatternToRegExp(pattern).source).toBe(netlify.source);
		expect(matchesForPattern(pattern, path)).toBe(netlify.test(path));
	});
});

describe('headersForPath', () => {
	const rules = [
		{ for: '/*', values: { 'X-Frame-Options': 'DENY' } },
		{ for: '/_astro/*', values: { 'Cache-Control': 'immutable' } },
		{ for: '/blog/*', values: { 'Cache-Control': 'revalidate' } },
	];

	test.each([
		['/_astro/a.css', { 'X-Frame-Options': 'DENY', 'Cache-Control': 'immutable' }],
		['/blog/x/', { 'X-Frame-Options': 'DENY', 'Cache-Control': 'revalidate' }],
		['/favicon.svg', { 'X-Frame-Options': 'DENY' }],
	])('%s', (path, expected) => expect(headersForPath(rules, path)).toEqual(expected));

	test('later rules win, as in Netlify’s CLI', () => {
		const both = [...rules, { for: '/*', values: { 'x-frame-options': 'SAMEORIGIN' } }];
		expect(headersForPath(both, '/')).toMatchObject({ 'x-frame-options': 'SAMEORIGIN' });
	});
});

describe('overlappingHeaders', () => {
	test('names a header that two matching rules set, whatever its case', () => {
		const rules = [
			{ for: '/*', values: { 'Cache-Control': 'a', 'X-A': '1' } },
			{ for: '/page/*', values: { 'cache-control': 'b' } },
		];
		expect(overlappingHeaders(rules, '/pages-old/index.html')).toEqual(['cache-control']);
		expect(overlappingHeaders(rules, '/tags/')).toEqual([]);
	});
});

describe('redirectFor', () => {
	const rules = [
		{ from: '/page/1/', to: '/', status: 301 },
		{ from: '/tags/:tag/:page/', to: '/tags/:tag/page/:page/', status: 301 },
		{ from: '/old/*', to: '/new/:splat', status: 302 },
	];

	test.each([
		['/page/1/', { to: '/', status: 301 }],
		['/page/1', { to: '/', status: 301 }],
		['/tags/remont/2/', { to: '/tags/remont/page/2/', status: 301 }],
		['/tags/remont/12', { to: '/tags/remont/page/12/', status: 301 }],
		['/old/a/b', { to: '/new/a/b', status: 302 }],
		['/tags/remont/', undefined],
		['/tags/remont/page/2/', undefined],
		['/page/2/', undefined],
	])('%s → %j', (path, expected) => expect(redirectFor(rules, path)).toEqual(expected));

	test('the first matching rule wins', () => {
		const first = [{ from: '/tags/:tag/page/', to: '/tags/:tag/' }, ...rules];
		expect(redirectFor(first, '/tags/remont/page/')).toEqual({ to: '/tags/remont/', status: 301 });
	});
});
