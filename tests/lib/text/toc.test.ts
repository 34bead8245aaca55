import { expect, test } from 'vitest';
import { buildToc, needsToc } from '../../../src/lib/text/toc.ts';

const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase() });

test('groups h3 under the preceding h2 and ignores other levels', () => {
	const toc = buildToc([
		h(3, 'Orphan'),
		h(2, 'A'),
		h(3, 'A1'),
		h(4, 'Deep'),
		h(2, 'B'),
		h(3, 'B1'),
	]);
	expect(toc.map((item) => [item.text, item.children.map((child) => child.text)])).toEqual([
		['A', ['A1']],
		['B', ['B1']],
	]);
});

test('only articles with three sections or more get a table of contents', () => {
	expect(needsToc(buildToc([h(2, 'A'), h(2, 'B')]))).toBe(false);
	expect(needsToc(buildToc([h(2, 'A'), h(2, 'B'), h(2, 'C')]))).toBe(true);
});
