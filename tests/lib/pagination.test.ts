import { expect, test } from 'vitest';
import { pageCount, pageItems, pageLinks } from '../../src/lib/pagination.ts';
import { listingPath } from '../../src/lib/urls.ts';

test.each([
	[0, 1],
	[1, 1],
	[10, 1],
	[11, 2],
	[25, 3],
])('%d posts → %d pages of 10', (count, pages) => {
	expect(pageCount(count, 10)).toBe(pages);
});

test('pageItems slices the page', () => {
	const items = Array.from({ length: 25 }, (_, i) => i);
	expect(pageItems(items, 3, 10)).toEqual([20, 21, 22, 23, 24]);
});

test.each([
	[1, 3, { current: 1, total: 3, next: '/page/2/' }],
	[2, 3, { current: 2, total: 3, prev: '/', next: '/page/3/' }],
	[3, 3, { current: 3, total: 3, prev: '/page/2/' }],
	[1, 1, { current: 1, total: 1 }],
])('pageLinks(%d of %d)', (page, total, links) => {
	expect(pageLinks(page, total, listingPath)).toEqual(links);
});
