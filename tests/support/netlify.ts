import { resolveConfig } from '@netlify/config';
import { parseAllHeaders } from '@netlify/headers-parser';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { TopLevelEntry } from '../../src/lib/netlify/netlify-headers.ts';
import { headersForPath } from '../../src/lib/netlify/netlify-path.ts';
import type { HeaderRules } from './server.ts';
import { DIST, ROOT } from './build.ts';

/** The parts of Netlify's resolved configuration the tests read. */
const NetlifyConfig = z.object({
	build: z.object({
		command: z.string(),
		publish: z.string(),
		environment: z.record(z.string(), z.string()),
	}),
	headers: z.array(z.object({ for: z.string(), values: z.record(z.string(), z.string()) })),
	plugins: z.array(z.object({ package: z.string(), inputs: z.record(z.string(), z.unknown()) })),
	redirects: z
		.array(z.object({ from: z.string(), to: z.string(), status: z.number(), force: z.boolean() }))
		.default([]),
});

/** netlify.toml as Netlify resolves it. */
export type NetlifyConfig = z.infer<typeof NetlifyConfig>;

/**
 * Reads netlify.toml with Netlify's own loader (@netlify/config, the code Netlify's build runs),
 * offline: no site lookup, no network. It validates the file and normalises it as Netlify does
 * (e.g. `publish` becomes an absolute path).
 */
export async function loadNetlifyConfig(root: string = ROOT): Promise<NetlifyConfig> {
	const { config } = await resolveConfig({
		cwd: root,
		repositoryRoot: root,
		offline: true,
		context: 'production',
		mode: 'require',
	});
	// Netlify's loader adds the rules of `<publish>/_headers` when a build left one: the tests
	// read netlify.toml's own rules here, and those of a build's _headers with loadSiteHeaders.
	const { headers, errors } = await parseAllHeaders({
		headersFiles: undefined,
		netlifyConfigPath: join(root, 'netlify.toml'),
		configHeaders: undefined,
		minimal: true,
	});
	if (errors.length > 0) throw new Error(`netlify.toml: ${errors.map(String).join('; ')}`);
	return NetlifyConfig.parse({ ...config, headers });
}

/** One header rule as Netlify applies it. */
export type SiteHeaderRule = NetlifyConfig['headers'][number];

/**
 * Every header rule Netlify applies to a deploy of `dist`: netlify.toml's and those of the
 * `_headers` file the build writes into `dist` (parsed with Netlify's own parser). Fails when
 * the build wrote no `_headers`, naming the folder.
 */
export async function loadSiteHeaders(
	dist: string = DIST,
	root: string = ROOT,
): Promise<SiteHeaderRule[]> {
	const file = join(dist, '_headers');
	if (!existsSync(file)) throw new Error(`${file}: the build wrote no _headers file`);
	const { headers: fromToml } = await loadNetlifyConfig(root);
	const { headers, errors } = await parseAllHeaders({
		headersFiles: [file],
		configHeaders: undefined,
		minimal: true,
	});
	if (errors.length > 0) throw new Error(`${file}: ${errors.map(String).join('; ')}`);
	return [...fromToml, ...(headers as SiteHeaderRule[])];
}

/** The response headers Netlify gives each path of a deploy of `dist`, for the test server. */
export async function netlifyHeaderRules(
	dist: string = DIST,
	root: string = ROOT,
): Promise<HeaderRules> {
	const headers = await loadSiteHeaders(dist, root);
	return (path) => headersForPath(headers, path);
}

/** The top of a built site, as the build lists it for dist/_headers. */
export const SAMPLE_DIST: TopLevelEntry[] = [
	{ name: '404.html', isFolder: false },
	{ name: '_astro', isFolder: true, hasPages: false },
	{ name: '_headers', isFolder: false },
	{ name: 'admin', isFolder: true, hasPages: true },
	{ name: 'blog', isFolder: true, hasPages: true },
	{ name: 'favicon.svg', isFolder: false },
	{ name: 'index.html', isFolder: false },
	{ name: 'og-default.png', isFolder: false },
	{ name: 'page', isFolder: true, hasPages: true },
	{ name: 'robots.txt', isFolder: false },
	{ name: 'rss.xml', isFolder: false },
	{ name: 'search', isFolder: true, hasPages: true },
	{ name: 'search-index', isFolder: true, hasPages: false },
	{ name: 'search-words.json', isFolder: false },
	{ name: 'scheduled.json', isFolder: false },
	{ name: 'sitemap-0.xml', isFolder: false },
	{ name: 'sitemap-index.xml', isFolder: false },
	{ name: 'tags', isFolder: true, hasPages: true },
];
