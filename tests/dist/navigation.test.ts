import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { redirectFor } from '../../src/lib/netlify/netlify-path.ts';
import { DIST } from '../support/build.ts';
import { readPage } from '../support/html.ts';
import { loadNetlifyConfig } from '../support/netlify.ts';

/*
 * Navigation in the built site: the header marks the section of every page, and the URLs
 * netlify.toml redirects lead to pages that exist. (The fixture blog's browser tests cover
 * paginated listings and tags, which the site's own few posts do not have.)
 */

const dirs = async (path: string): Promise<string[]> =>
	(await readdir(join(DIST, path), { withFileTypes: true }))
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();

/** The header menu of a built page as `label=aria-current` pairs. */
const menu = async (path: string): Promise<string[]> =>
	(await readPage(path))
		.querySelectorAll('.site-nav a')
		.map((a) => `${a.text.trim()}=${a.getAttribute('aria-current') ?? ''}`);

const ARTICLES = ['Статьи=true', 'Темы=', 'Поиск='];
const TOPICS = ['Статьи=', 'Темы=true', 'Поиск='];

describe('the header marks the current section on every page type', () => {
	test.each([
		['/', ['Статьи=page', 'Темы=', 'Поиск=']],
		['/tags/', ['Статьи=', 'Темы=page', 'Поиск=']],
		['/search/', ['Статьи=', 'Темы=', 'Поиск=page']],
		['/404.html', ['Статьи=', 'Темы=', 'Поиск=']],
	])('%s', async (path, expected) => {
		expect(await menu(path)).toEqual(expected);
	});

	test('every article is under «Статьи»', async () => {
		const slugs = await dirs('blog');
		expect(slugs.length).toBeGreaterThan(0);
		for (const slug of slugs) expect(await menu(`/blog/${slug}/`), slug).toEqual(ARTICLES);
	});

	test('every tag page is under «Темы»', async () => {
		const tags = await dirs('tags');
		expect(tags.length).toBeGreaterThan(0);
		for (const tag of tags) expect(await menu(`/tags/${tag}/`), tag).toEqual(TOPICS);
	});
});

describe('pagination URLs', () => {
	test('no page is built at /page/1/, and netlify.toml sends it to /', async () => {
		expect(existsSync(join(DIST, 'page/1'))).toBe(false);
		const { redirects } = await loadNetlifyConfig();
		expect(redirectFor(redirects, '/page/1/')).toEqual({ to: '/', status: 301 });
	});

	test('tag pages: later pages only under page/<n>/; the old URLs lead to the tag', async () => {
		const { redirects } = await loadNetlifyConfig();
		for (const tag of await dirs('tags')) {
			expect(
				(await dirs(`tags/${tag}`)).filter((name) => name !== 'page'),
				tag,
			).toEqual([]);
			const target = redirectFor(redirects, `/tags/${tag}/1/`)?.to;
			expect(target, tag).toBe(`/tags/${tag}/page/1/`);
			// …which is itself a redirect to the tag's first page, a page that exists.
			const first = redirectFor(redirects, target!)?.to;
			expect(first).toBe(`/tags/${tag}/`);
			expect(existsSync(join(DIST, first!, 'index.html'))).toBe(true);
		}
	});
});
