import { expect, test } from 'vitest';
import {
	ADJACENT_LABELS,
	pageCount,
	pageItems,
	pageLinks,
	pagedHeading,
	pagedTitle,
} from '../../../src/lib/site/pagination.ts';
import { listingPath, tagPath } from '../../../src/lib/site/urls.ts';

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

test.each([
	[1, 2, { current: 1, total: 2, next: '/tags/x/page/2/' }],
	[2, 2, { current: 2, total: 2, prev: '/tags/x/' }],
])('tag page %d of %d links with the listing’s URL pattern', (page, total, links) => {
	expect(pageLinks(page, total, (n) => tagPath('x', n))).toEqual(links);
});

test.each([
	['Статьи', 1, 'Статьи', 'Статьи'],
	['Статьи', 2, 'Статьи — страница 2', 'Статьи, страница 2'],
	['Тема «Ремонт»', 1, 'Тема «Ремонт»', 'Тема «Ремонт»'],
	['Тема «Ремонт»', 3, 'Тема «Ремонт» — страница 3', 'Тема «Ремонт», страница 3'],
])('%s, page %d: h1 «%s», title «%s»', (name, page, heading, title) => {
	expect(pagedHeading(name, page)).toBe(heading);
	expect(pagedTitle(name, page)).toBe(title);
});

test('newer content is always to the left, older to the right', () => {
	expect(ADJACENT_LABELS.newer).toMatch(/^← /);
	expect(ADJACENT_LABELS.older).toMatch(/ →$/);
});
