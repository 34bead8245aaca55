/** A difference between two builds of the site. */
export type TreeDifference =
	| { kind: 'only-in-first' | 'only-in-second'; file: string }
	| { kind: 'differs'; file: string; offset: number; first: string; second: string };

/** Characters of context shown on each side of the first differing byte. */
const CONTEXT = 60;

const excerpt = (bytes: Uint8Array, offset: number): string =>
	new TextDecoder()
		.decode(bytes.subarray(Math.max(0, offset - CONTEXT), offset + CONTEXT))
		.replace(/\s+/g, ' ')
		.replace(/^\uFFFD+|\uFFFD+$/g, '');

/** Offset of the first byte where two buffers differ, or -1 when they are equal. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
	const length = Math.min(a.length, b.length);
	for (let index = 0; index < length; index++) if (a[index] !== b[index]) return index;
	return a.length === b.length ? -1 : length;
}

/**
 * Compares two file trees (relative path → bytes) byte for byte: files only one tree has, and
 * files whose bytes differ, with the text around the first difference. Sorted by path.
 */
export function diffTrees(
	first: ReadonlyMap<string, Uint8Array>,
	second: ReadonlyMap<string, Uint8Array>,
): TreeDifference[] {
	const files = [...new Set([...first.keys(), ...second.keys()])].sort();
	return files.flatMap((file): TreeDifference[] => {
		const a = first.get(file);
		const b = second.get(file);
		if (!a) return [{ kind: 'only-in-second', file }];
		if (!b) return [{ kind: 'only-in-first', file }];
		const offset = firstDifference(a, b);
		if (offset === -1) return [];
		return [
			{ kind: 'differs', file, offset, first: excerpt(a, offset), second: excerpt(b, offset) },
		];
	});
}

/** One human-readable line (or three) per difference. */
export function formatDifference(difference: TreeDifference): string {
	switch (difference.kind) {
		case 'only-in-first':
			return `only in the first build:  ${difference.file}`;
		case 'only-in-second':
			return `only in the second build: ${difference.file}`;
		case 'differs':
			return [
				`differs at byte ${difference.offset}: ${difference.file}`,
				`  first:  …${difference.first}…`,
				`  second: …${difference.second}…`,
			].join('\n');
	}
}
