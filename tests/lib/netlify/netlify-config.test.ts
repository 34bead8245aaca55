import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import {
	buildHeaderRules,
	buildSiteHeaderRules,
	extractGeneratedBlock,
	generatedHeadersBlock,
} from '../../../src/lib/netlify/netlify-headers.ts';
import {
	headersForPath,
	overlappingHeaders,
	redirectFor,
} from '../../../src/lib/netlify/netlify-path.ts';
import { listingPath, tagPath } from '../../../src/lib/site/urls.ts';
import { ROOT } from '../../support/build.ts';
import { loadNetlifyConfig, SAMPLE_DIST, type NetlifyConfig } from '../../support/netlify.ts';

/*
 * netlify.toml as Netlify's own loader (@netlify/config, offline) reads it: the file Netlify
 * deploys with must say what src/lib/netlify/netlify-headers.ts and src/lib/netlify/security-headers.ts say.
 */
let config: NetlifyConfig;
beforeAll(async () => {
	config = await loadNetlifyConfig();
});

const readText = (file: string): Promise<string> => readFile(join(ROOT, file), 'utf8');

describe('[build]', () => {
	test('builds with npm run build and publishes dist/', () => {
		expect(config.build.command).toBe('npm run build');
		expect(config.build.publish).toBe(join(ROOT, 'dist'));
	});

	test('NODE_VERSION, .nvmrc, engines and the node devDependency name one major version', async () => {
		const major = config.build.environment['NODE_VERSION'];
		expect(major).toMatch(/^\d+$/);
		const pkg = JSON.parse(await readText('package.json')) as {
			engines: { node: string };
			devDependencies: Record<string, string>;
		};
		expect((await readText('.nvmrc')).trim()).toBe(major);
		expect(pkg.engines.node).toBe(`>=${major} <${Number(major) + 1}`);
		expect(pkg.devDependencies['node']?.split('.')[0]).toBe(major);
	});
});

describe('[[headers]]', () => {
	test('are the rules src/lib/netlify/netlify-headers.ts builds (run `npm run netlify:headers`)', async () => {
		const expected = buildHeaderRules().map((rule) => ({ for: rule.for, values: rule.values }));
		expect(config.headers).toEqual(expected);
		expect(extractGeneratedBlock(await readText('netlify.toml'))).toBe(generatedHeadersBlock());
	});

	test("every response carries the security headers, with the build's dist/_headers", () => {
		const headers = [
			...config.headers,
			...buildSiteHeaderRules(SAMPLE_DIST, undefined, ['decap-cms.js']),
		];
		for (const path of [
			'/',
			'/blog/servisnyy-podhod/',
			'/_astro/a.js',
			'/search-index/manifest.json',
			'/blog/nope/',
		]) {
			expect(headersForPath(headers, path), path).toMatchObject({
				'Content-Security-Policy':
					"default-src 'self'; img-src 'self' https://images.unsplash.com data:; script-src 'self'; style-src 'self'; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'; upgrade-insecure-requests",
				'X-Content-Type-Options': 'nosniff',
				'Referrer-Policy': 'strict-origin-when-cross-origin',
				'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
				'X-Frame-Options': 'DENY',
				'Permissions-Policy': expect.stringMatching(
					/^(?=.*\bcamera=\(\))(?=.*\bmicrophone=\(\))(?=.*\bgeolocation=\(\))(?=.*\bpayment=\(\))(?=.*\busb=\(\))(?=.*\binterest-cohort=\(\))/,
				),
			});
		}
	});

	test.each([
		['/_astro/seo.C1GT4Nam.css', 'public, max-age=31536000, immutable'],
		['/_astro/search.B1x.js', 'public, max-age=31536000, immutable'],
		['/', 'public, max-age=0, must-revalidate'],
		['/blog/servisnyy-podhod/', 'public, max-age=0, must-revalidate'],
		['/tags/servisnyy-podhod/', 'public, max-age=0, must-revalidate'],
		['/page/2/', 'public, max-age=0, must-revalidate'],
		['/search/', 'public, max-age=0, must-revalidate'],
		['/rss.xml', 'public, max-age=0, must-revalidate'],
		['/sitemap-index.xml', 'public, max-age=0, must-revalidate'],
		['/sitemap-0.xml', 'public, max-age=0, must-revalidate'],
		['/search-index/manifest.json', 'public, max-age=0, must-revalidate'],
		['/search-index/t/Xk3_q9ZbT0aL-2cV.json', 'public, max-age=31536000, immutable'],
		['/search-index/d-4fJ2kq_Lw9aB/7.json', 'public, max-age=31536000, immutable'],
	])('%s is served with Cache-Control: %s, set once', (path, cacheControl) => {
		const headers = [...config.headers, ...buildSiteHeaderRules(SAMPLE_DIST)];
		expect(headersForPath(headers, path)['Cache-Control']).toBe(cacheControl);
		expect(overlappingHeaders(headers, path)).toEqual([]);
	});
});

describe('[[redirects]]', () => {
	test.each([
		['/page/1/', listingPath(1)],
		['/page/1', listingPath(1)],
		['/page/', listingPath(1)],
		['/tags/remont/page/1/', tagPath('remont')],
		['/tags/remont/page/', tagPath('remont')],
		// The tag pages' old URLs lead to the same page under the one pagination pattern.
		['/tags/remont/2/', tagPath('remont', 2)],
		['/tags/remont/14', tagPath('remont', 14)],
	])('%s → %s, permanently', (from, to) => {
		expect(redirectFor(config.redirects, from)).toEqual({ to, status: 301 });
	});

	test.each([['/'], ['/page/2/'], ['/tags/remont/'], [tagPath('remont', 2)], ['/blog/x/']])(
		'%s is no redirect',
		(path) => expect(redirectFor(config.redirects, path)).toBeUndefined(),
	);

	test('never forced: a page that exists is always served', () => {
		expect(config.redirects.length).toBeGreaterThan(0);
		for (const rule of config.redirects) expect(rule.force, rule.from).toBe(false);
	});
});
