import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { isImageAllowed } from '../../src/lib/netlify/security-headers.ts';
import { SITE } from '../../src/site.ts';
import { DIST } from '../support/build.ts';
import { listDistFiles, readBuiltPages, type BuiltPage } from '../support/dist.ts';

/*
 * What the Content-Security-Policy in netlify.toml would block, looked for in every built page
 * and stylesheet: the browser test proves it on four pages, this proves it on all of them.
 */
let pages: BuiltPage[];
let stylesheets: { file: string; css: string }[];

beforeAll(async () => {
	pages = await readBuiltPages();
	const files = (await listDistFiles()).filter((file) => file.endsWith('.css'));
	stylesheets = await Promise.all(
		files.map(async (file) => ({ file, css: await readFile(join(DIST, file), 'utf8') })),
	);
});

const ORIGIN = new URL(SITE.url).origin;
const isSameOrigin = (url: string): boolean =>
	!/^(?:[a-z][a-z\d+.-]*:|\/\/)/i.test(url) || new URL(url).origin === ORIGIN;

/** `page: detail` for every element of every page that `pick` returns a detail for. */
function findAll(selector: string, pick: (element: BuiltPage['html']) => string | undefined) {
	return pages.flatMap((page) =>
		page.html
			.querySelectorAll(selector)
			.map(pick)
			.filter((detail) => detail !== undefined)
			.map((detail) => `${page.path}: ${detail}`),
	);
}

describe("scripts (script-src 'self' 'wasm-unsafe-eval')", () => {
	test('no inline script runs: the only inline <script> is JSON-LD, a data block', () => {
		const inline = findAll('script:not([src])', (script) => {
			const type = script.getAttribute('type');
			return type === 'application/ld+json' ? undefined : `<script type="${type ?? ''}">`;
		});
		expect(inline).toEqual([]);
	});

	test('scripts load from the site itself', () => {
		expect(
			findAll('script[src]', (s) =>
				isSameOrigin(s.getAttribute('src')!) ? undefined : s.getAttribute('src'),
			),
		).toEqual([]);
	});

	test('no inline event handlers and no javascript: URLs', () => {
		const handlers = findAll('*', (element) => {
			const names = Object.keys(element.attributes).filter((name) => /^on/i.test(name));
			const scriptUrl = ['href', 'src', 'action', 'formaction']
				.map((name) => element.getAttribute(name) ?? '')
				.find((value) => /^\s*javascript:/i.test(value));
			return names.length > 0 || scriptUrl
				? `<${element.tagName} ${names.join(' ')}${scriptUrl ?? ''}>`
				: undefined;
		});
		expect(handlers).toEqual([]);
	});
});

describe("styles (style-src 'self')", () => {
	test('no <style> elements and no style attributes', () => {
		expect(findAll('style', () => '<style>')).toEqual([]);
		expect(
			findAll(
				'[style]',
				(element) => `<${element.tagName} style="${element.getAttribute('style')}">`,
			),
		).toEqual([]);
	});

	test('stylesheets load from the site itself', () => {
		expect(stylesheets.length).toBeGreaterThan(0);
		expect(
			findAll('link[rel~="stylesheet"]', (link) =>
				isSameOrigin(link.getAttribute('href')!) ? undefined : link.getAttribute('href'),
			),
		).toEqual([]);
	});

	test('stylesheets take fonts from the site and images from allowed origins', () => {
		const urls = stylesheets.flatMap(({ file, css }) =>
			[...css.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/g)].map((match) => ({ file, url: match[2]! })),
		);
		const denied = urls.filter(({ url }) => !isSameOrigin(url) && !isImageAllowed(url));
		expect(denied).toEqual([]);
		expect(
			stylesheets.filter(({ css }) => /@import\s+(?:url\()?['"]?(?:https?:)?\/\//i.test(css)),
		).toEqual([]);
	});
});

describe('images (img-src)', () => {
	test('every image comes from the site or an origin in SITE.imageOrigins', () => {
		const denied = findAll('img, source', (element) => {
			const urls = [
				element.getAttribute('src'),
				...(element.getAttribute('srcset') ?? '').split(',').map((c) => c.trim().split(/\s+/)[0]),
			].filter((url): url is string => Boolean(url));
			const blocked = urls.filter((url) => !isImageAllowed(url));
			return blocked.length > 0 ? blocked.join(' ') : undefined;
		});
		expect(denied, 'add the origin to SITE.imageOrigins in src/site.ts').toEqual([]);
	});
});

describe('everything else', () => {
	test('no frames, plugins or <base> (frame-src/object-src/base-uri)', () => {
		expect(
			findAll('iframe, frame, object, embed, base', (element) => `<${element.tagName}>`),
		).toEqual([]);
	});

	test("forms submit to the site itself (form-action 'self')", () => {
		expect(
			findAll('form[action]', (form) =>
				isSameOrigin(form.getAttribute('action')!) ? undefined : form.getAttribute('action'),
			),
		).toEqual([]);
	});
});
