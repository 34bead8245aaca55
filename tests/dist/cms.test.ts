import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { buildCmsConfig } from '../../src/lib/cms/cms-config.ts';
import { isCmsBundleFile } from '../../src/lib/cms/cms-paths.ts';
import { DIST, ROOT } from '../support/build.ts';
import { listDistFiles } from '../support/dist.ts';
import { searchIndexUrls } from '../support/search-index.ts';

/*
 * The editor in the built site: its page, its generated config and the CMS bundle copied from
 * npm into dist/admin/, and nowhere else: not in the sitemap, the feed or the search index.
 */

const admin = join(DIST, 'admin');

describe('dist/admin/', () => {
	test('the page is noindex and loads only files of the site (no CDN)', async () => {
		const html = parse(await readFile(join(admin, 'index.html'), 'utf8'));
		expect(html.querySelector('meta[name="robots"]')?.getAttribute('content')).toMatch(/noindex/);
		expect(html.querySelector('link[rel="cms-config-url"]')?.getAttribute('href')).toBe(
			'/admin/config.yml',
		);
		const sources = html
			.querySelectorAll('script[src], link[href]')
			.map((node) => node.getAttribute('src') ?? node.getAttribute('href') ?? '');
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) expect(source, source).toMatch(/^\/(?!\/)/);
		expect(html.querySelector('[data-search-body]')).toBeNull();
	});

	test('the CMS bundle is the one in node_modules, every chunk of it', async () => {
		const npm = join(ROOT, 'node_modules/decap-cms/dist');
		const expected = (await readdir(npm)).filter(isCmsBundleFile).sort();
		expect(expected).toContain('decap-cms.js');
		expect((await readdir(admin)).filter(isCmsBundleFile).sort()).toEqual(expected);
		const [copied, original] = await Promise.all([
			readFile(join(admin, 'decap-cms.js')),
			readFile(join(npm, 'decap-cms.js')),
		]);
		expect(copied.equals(original)).toBe(true);
	});

	test('config.yml is the configuration generated from the schema', async () => {
		const config = JSON.parse(await readFile(join(admin, 'config.yml'), 'utf8')) as {
			backend: { repo: string };
		};
		expect(config).toEqual(buildCmsConfig({ repo: config.backend.repo }));
	});
});

describe('the editor stays out of what readers and robots get', () => {
	test('not in the sitemap', async () => {
		const files = (await readdir(DIST)).filter((name) => /^sitemap.*\.xml$/.test(name));
		expect(files.length).toBeGreaterThan(0);
		for (const file of files) {
			expect(await readFile(join(DIST, file), 'utf8'), file).not.toContain('/admin');
		}
	});

	test('not in the feed, not linked from any page', async () => {
		expect(await readFile(join(DIST, 'rss.xml'), 'utf8')).not.toContain('/admin');
		const pages = (await listDistFiles()).filter(
			(path) => path.endsWith('.html') && !path.startsWith('admin/'),
		);
		expect(pages.length).toBeGreaterThan(3);
		for (const path of pages) {
			expect(await readFile(join(DIST, path), 'utf8'), path).not.toMatch(/href="[^"]*\/admin\//);
		}
	});

	test('not in the search index', async () => {
		const urls = await searchIndexUrls(DIST);
		expect(urls.filter((url) => url.startsWith('/admin'))).toEqual([]);
		const articles = (await readdir(join(DIST, 'blog'))).filter((name) =>
			existsSync(join(DIST, 'blog', name, 'index.html')),
		);
		expect(urls.sort()).toEqual(articles.map((name) => `/blog/${name}/`).sort());
	});
});
