import { expect, test } from 'vitest';
import {
	fileOfUrlPath,
	hasFileExtension,
	isCanonicalPath,
	withTrailingSlash,
	urlPathOfFile,
} from '../../../src/lib/text/trailing-slash.ts';

test.each([
	['/', true],
	['/blog/servisnyy-podhod/', true],
	['/rss.xml', true],
	['/_astro/seo.C1GT4Nam.css', true],
	['/sitemap-index.xml', true],
	['/blog/servisnyy-podhod', false],
	['/tags', false],
	['/v1.2/page', false],
])('isCanonicalPath(%s) → %s', (path, expected) => expect(isCanonicalPath(path)).toBe(expected));

test.each([
	['/favicon.ico', true],
	['/blog/x/', false],
	['/blog.d/x', false],
])('hasFileExtension(%s) → %s', (path, expected) => expect(hasFileExtension(path)).toBe(expected));

test.each([
	['index.html', '/'],
	['blog/x/index.html', '/blog/x/'],
	['404.html', '/404.html'],
	['_astro/a.css', '/_astro/a.css'],
	['tags\\x\\index.html', '/tags/x/'],
	['blog/reindex.html', '/blog/reindex.html'],
])('urlPathOfFile(%s) → %s', (file, path) => expect(urlPathOfFile(file)).toBe(path));

test.each([
	['/', 'index.html'],
	['/blog/x/', 'blog/x/index.html'],
	['/rss.xml', 'rss.xml'],
])('fileOfUrlPath(%s) → %s', (path, file) => expect(fileOfUrlPath(path)).toBe(file));

test.each([
	['/blog/x', '/blog/x/'],
	['/blog/x/', '/blog/x/'],
	['/tags/a?b=1#c', '/tags/a/?b=1#c'],
	['/page/2#top', '/page/2/#top'],
	['/rss.xml', '/rss.xml'],
	['https://butlerspb-blog.netlify.app/blog/x', 'https://butlerspb-blog.netlify.app/blog/x/'],
	['https://butlerspb-blog.netlify.app', 'https://butlerspb-blog.netlify.app'],
	['https://example.com/a', 'https://example.com/a'],
	['//example.com/a', '//example.com/a'],
	['#razdel', '#razdel'],
	['mailto:a@b.c', 'mailto:a@b.c'],
])('withTrailingSlash(%s) → %s', (href, expected) => {
	expect(withTrailingSlash(href, 'https://butlerspb-blog.netlify.app')).toBe(expected);
});
