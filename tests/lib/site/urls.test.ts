import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import {
	FIXED_PAGE_PATHS,
	absoluteUrl,
	listingPath,
	paginatedPath,
	postPath,
	slugFromPostUrl,
	tagPath,
} from '../../../src/lib/site/urls.ts';

test('paths end with the trailing slash the site uses', () => {
	expect(postPath('servisnyy-podhod')).toBe('/blog/servisnyy-podhod/');
	expect(tagPath('butlerspb')).toBe('/tags/butlerspb/');
	expect(listingPath(1)).toBe('/');
});

// The listing and tag pages paginate alike: page 1 is the list's own URL, page N is `page/N/`.
test.each([
	['/', 1, '/'],
	['/', 2, '/page/2/'],
	['/', 12, '/page/12/'],
	['/tags/x/', 1, '/tags/x/'],
	['/tags/x/', 3, '/tags/x/page/3/'],
])('paginatedPath(%s, %d) → %s', (base, page, path) => {
	expect(paginatedPath(base, page)).toBe(path);
});

test.each([
	[1, '/tags/butlerspb/', '/'],
	[2, '/tags/butlerspb/page/2/', '/page/2/'],
	[10, '/tags/butlerspb/page/10/', '/page/10/'],
])('page %d: tagPath → %s, listingPath → %s', (page, tag, listing) => {
	expect(tagPath('butlerspb', page)).toBe(tag);
	expect(listingPath(page)).toBe(listing);
});

test.each([
	['/blog/x/', 'https://butlerspb-blog.netlify.app/blog/x/'],
	['/', 'https://butlerspb-blog.netlify.app/'],
	['rss.xml', 'https://butlerspb-blog.netlify.app/rss.xml'],
	['https://images.unsplash.com/a?b=1', 'https://images.unsplash.com/a?b=1'],
])('absoluteUrl(%s) → %s', (path, url) => {
	expect(absoluteUrl(path)).toBe(url);
});

test.each([
	['/blog/chat-podderzhka/', 'chat-podderzhka'],
	['/blog/chat-podderzhka', 'chat-podderzhka'],
	['https://butlerspb-blog.netlify.app/blog/servisnyy-podhod/', 'servisnyy-podhod'],
	['/blog/a/#section', 'a'],
	['/tags/a/', undefined],
	['/blog/a/b/', undefined],
	['https://butlerspb.ru/', undefined],
])('slugFromPostUrl(%s) → %s', (url, slug) => {
	expect(slugFromPostUrl(url)).toBe(slug);
});

test('FIXED_PAGE_PATHS are the pages of src/pages without parameters', () => {
	const pages = join(import.meta.dirname, '../../../src/pages');
	const paths = readdirSync(pages, { recursive: true, encoding: 'utf8' })
		.map((file) => file.replace(/\\/g, '/'))
		.filter(
			(file) =>
				/\.(?:astro|md|mdx|html)$/.test(file) && !file.includes('[') && file !== '404.astro',
		)
		.map((file) =>
			`/${file.replace(/\.\w+$/, '/').replace(/(?:^|\/)index\/$/, '/')}`.replace(/\/+/g, '/'),
		)
		.sort();
	expect(paths).toEqual([...FIXED_PAGE_PATHS].sort());
});
