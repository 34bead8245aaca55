import { expect, test } from 'vitest';
import {
	absoluteUrl,
	listingPath,
	postPath,
	slugFromPostUrl,
	tagPath,
} from '../../src/lib/urls.ts';

test('paths end with the trailing slash the site uses', () => {
	expect(postPath('servisnyy-podhod')).toBe('/blog/servisnyy-podhod/');
	expect(tagPath('butlerspb')).toBe('/tags/butlerspb/');
	expect(tagPath('butlerspb', 2)).toBe('/tags/butlerspb/2/');
	expect(listingPath(1)).toBe('/');
	expect(listingPath(3)).toBe('/page/3/');
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
