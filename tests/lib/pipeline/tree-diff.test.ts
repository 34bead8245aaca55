import { expect, test } from 'vitest';
import {
	diffTrees,
	firstDifference,
	formatDifference,
} from '../../../src/lib/pipeline/tree-diff.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const tree = (files: Record<string, string>) =>
	new Map(Object.entries(files).map(([file, text]) => [file, bytes(text)]));

test.each([
	['abc', 'abc', -1],
	['abc', 'abd', 2],
	['abc', 'abcd', 3],
	['', '', -1],
])('firstDifference(%s, %s) → %i', (a, b, offset) => {
	expect(firstDifference(bytes(a), bytes(b))).toBe(offset);
});

test('identical trees have no difference', () => {
	expect(
		diffTrees(tree({ 'a.html': 'x', 'b/c.css': 'y' }), tree({ 'b/c.css': 'y', 'a.html': 'x' })),
	).toEqual([]);
});

test('reports missing files and changed bytes with their context, sorted by path', () => {
	const differences = diffTrees(
		tree({ 'index.html': '<p>Собрано 2025-01-01</p>', 'old.txt': '' }),
		tree({ 'index.html': '<p>Собрано 2026-02-05</p>', 'new.txt': '' }),
	);
	expect(differences.map(formatDifference)).toMatchInlineSnapshot(`
		[
		  "differs at byte 21: index.html
		  first:  …<p>Собрано 2025-01-01</p>…
		  second: …<p>Собрано 2026-02-05</p>…",
		  "only in the second build: new.txt",
		  "only in the first build:  old.txt",
		]
	`);
});
