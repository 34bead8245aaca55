import { describe, expect, test } from 'vitest';
import {
	ADMIN_DOCUMENT,
	buildHeaderRules,
	buildSiteHeaderRules,
	CACHE_IMMUTABLE,
	CACHE_REVALIDATE,
	extractGeneratedBlock,
	GENERATED_BEGIN,
	GENERATED_END,
	renderHeadersFile,
	renderHeadersToml,
	replaceGeneratedBlock,
	tomlComment,
} from '../../../src/lib/netlify/netlify-headers.ts';
import { headersForPath, overlappingHeaders } from '../../../src/lib/netlify/netlify-path.ts';
import {
	adminSecurityHeaders,
	securityHeaders,
} from '../../../src/lib/netlify/security-headers.ts';
import { SAMPLE_DIST } from '../../support/netlify.ts';

const SAMPLE_ADMIN = ['index.html', 'decap-cms.js', '1077.decap-cms.js', 'config.yml'];

/** Paths of every kind the site serves, or will once search and feeds are built. */
const PATHS: [path: string, cacheControl: string | undefined][] = [
	['/', CACHE_REVALIDATE],
	['/page/2/', CACHE_REVALIDATE],
	['/blog/servisnyy-podhod/', CACHE_REVALIDATE],
	['/tags/', CACHE_REVALIDATE],
	['/tags/servisnyy-podhod/', CACHE_REVALIDATE],
	['/tags/servisnyy-podhod/page/2/', CACHE_REVALIDATE],
	['/search/', CACHE_REVALIDATE],
	['/404.html', CACHE_REVALIDATE],
	['/rss.xml', CACHE_REVALIDATE],
	['/sitemap-index.xml', CACHE_REVALIDATE],
	['/sitemap-0.xml', CACHE_REVALIDATE],
	['/robots.txt', CACHE_REVALIDATE],
	['/_astro/seo.C1GT4Nam.css', CACHE_IMMUTABLE],
	['/_astro/search.BfW1x2yZ.js', CACHE_IMMUTABLE],
	['/_astro/hero.D2kq.webp', CACHE_IMMUTABLE],
	['/search-index/manifest.json', CACHE_REVALIDATE],
	['/search-index/t/Xk3_q9ZbT0aL-2cV.json', CACHE_IMMUTABLE],
	['/search-index/d-4fJ2kq_Lw9aB/0.json', CACHE_IMMUTABLE],
	['/search-index/d-4fJ2kq_Lw9aB/125.json', CACHE_IMMUTABLE],
	['/search-words.json', CACHE_REVALIDATE],
	// The scheduled function reads the current build's list.
	['/scheduled.json', CACHE_REVALIDATE],
	// Unhashed public files keep Netlify's default, which revalidates.
	['/favicon.svg', undefined],
	['/og-default.png', undefined],
	['/blog/a-page-that-does-not-exist/', CACHE_REVALIDATE],
	['/a-page-that-does-not-exist/', undefined],
	// The editor: its page and its fixed-name bundle files.
	['/admin/', CACHE_REVALIDATE],
	['/admin/decap-cms.js', CACHE_REVALIDATE],
	['/admin/config.yml', CACHE_REVALIDATE],
];

/** The security headers a path must get: the editor's page has its own CSP. */
function expectedSecurityHeaders(path: string): Record<string, string> {
	if (path === ADMIN_DOCUMENT) return adminSecurityHeaders();
	const { 'Content-Security-Policy': csp, ...others } = securityHeaders();
	// An unknown top-level path (a 404): every header but the CSP, which no rule gives it.
	return path === '/a-page-that-does-not-exist/'
		? others
		: { ...others, 'Content-Security-Policy': csp ?? '' };
}

describe('netlify.toml and dist/_headers together', () => {
	const rules = [
		...buildHeaderRules(),
		...buildSiteHeaderRules(SAMPLE_DIST, undefined, SAMPLE_ADMIN),
	];

	test.each(PATHS)('%s: Cache-Control %s', (path, cacheControl) => {
		expect(headersForPath(rules, path)['Cache-Control']).toBe(cacheControl);
	});

	test.each(PATHS)('%s: every security header, and no header set twice', (path) => {
		expect(headersForPath(rules, path)).toMatchObject(expectedSecurityHeaders(path));
		expect(overlappingHeaders(rules, path)).toEqual([]);
	});

	test('a new page (/about/) or public file gets the CSP and revalidation with no list to edit', () => {
		const withAbout = [
			...buildHeaderRules(),
			...buildSiteHeaderRules(
				[
					...SAMPLE_DIST,
					{ name: 'about', isFolder: true, hasPages: true },
					{ name: 'price.pdf', isFolder: false },
				],
				undefined,
				SAMPLE_ADMIN,
			),
		];
		expect(headersForPath(withAbout, '/about/')).toMatchObject({
			...securityHeaders(),
			'Cache-Control': CACHE_REVALIDATE,
		});
		expect(overlappingHeaders(withAbout, '/about/')).toEqual([]);
		expect(headersForPath(withAbout, '/price.pdf')).toMatchObject(securityHeaders());
		// Without the page in the build, no rule would cover it: the listing is what covers it.
		expect(headersForPath(rules, '/about/')['Content-Security-Policy']).toBeUndefined();
	});

	test("dist/_headers is written in Netlify's format, path first, headers indented", () => {
		const text = renderHeadersFile(buildSiteHeaderRules(SAMPLE_DIST, undefined, SAMPLE_ADMIN));
		expect(text.split('\n').slice(0, 3)).toEqual([
			'/',
			`  Content-Security-Policy: ${securityHeaders()['Content-Security-Policy']}`,
			`  Cache-Control: ${CACHE_REVALIDATE}`,
		]);
		expect(text).toContain('\n/admin/decap-cms.js\n');
		expect(text).not.toMatch(/^\/admin\/(?:index\.html|\*)?$/m);
		expect(text).not.toMatch(/^\/(?:index\.html|_headers)$/m);
	});

	test('security headers come from one rule on /*, the CSPs and cache headers never do', () => {
		const { 'Content-Security-Policy': csp, ...others } = securityHeaders();
		expect(csp).toBeDefined();
		expect(rules.filter((rule) => rule.for === '/*')).toEqual([
			expect.objectContaining({ values: others }),
		]);
		for (const rule of rules.filter((rule) => rule.for !== '/*')) {
			expect([
				['Cache-Control'],
				['Content-Security-Policy'],
				['Content-Security-Policy', 'Cache-Control'],
				['Content-Security-Policy', 'X-Robots-Tag'],
			]).toContainEqual(Object.keys(rule.values));
		}
	});

	test("the editor's page gets its own CSP and noindex; an unknown top-level path no CSP", () => {
		expect(headersForPath(rules, '/admin/')['X-Robots-Tag']).toBe('noindex');
		expect(headersForPath(rules, '/admin/')['Content-Security-Policy']).not.toBe(
			securityHeaders()['Content-Security-Policy'],
		);
		const { 'Content-Security-Policy': _csp, ...others } = securityHeaders();
		expect(headersForPath(rules, '/no-such-page/')).toEqual(others);
	});
});

describe('TOML rendering', () => {
	test('tomlComment wraps at the width', () => {
		expect(tomlComment('one two three four', 12)).toEqual(['# one two', '# three four']);
		expect(tomlComment('')).toEqual([]);
	});

	test('renderHeadersToml writes one table per rule, comment first', () => {
		expect(
			renderHeadersToml([
				{ for: '/*', values: { 'X-A': `it's "quoted"` }, why: 'Why.' },
				{ for: '/b', values: { 'Cache-Control': 'no-cache' } },
			]),
		).toMatchInlineSnapshot(`
			"# Why.
			[[headers]]
			  for = "/*"
			  [headers.values]
			    X-A = "it's \\"quoted\\""

			[[headers]]
			  for = "/b"
			  [headers.values]
			    Cache-Control = "no-cache""
		`);
	});

	test('the generated block is found, replaced and appended', () => {
		const block = `${GENERATED_BEGIN}\nnew\n${GENERATED_END}`;
		const toml = `[build]\n\n${GENERATED_BEGIN}\nold\n${GENERATED_END}\n# after\n`;
		expect(extractGeneratedBlock(toml)).toBe(`${GENERATED_BEGIN}\nold\n${GENERATED_END}`);
		expect(replaceGeneratedBlock(toml, block)).toBe(`[build]\n\n${block}\n# after\n`);
		expect(replaceGeneratedBlock('[build]\n', block)).toBe(`[build]\n\n${block}\n`);
		expect(extractGeneratedBlock('[build]\n')).toBeUndefined();
	});
});
