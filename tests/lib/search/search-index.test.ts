import { describe, expect, test } from 'vitest';
import {
	pageUrlOf,
	parseDigestMemo,
	parseRecordStamps,
	rememberedDigest,
	sameStamp,
	serializeDigestMemo,
	serializeRecordStamps,
} from '../../../src/lib/search/search-index.ts';

test('pageUrlOf gives the URL of a page file', () => {
	expect(pageUrlOf('blog/x/index.html')).toBe('/blog/x/');
	expect(pageUrlOf('index.html')).toBe('/');
});

describe('digests remembered by file stamp', () => {
	const stamp = { ino: 4242, size: 39_000, mtimeMs: 1_764_000_000_123.25 };
	const pagesWithStamps = [
		{ file: 'blog/a/index.html', digest: 'digest-a', stamp },
		{ file: 'blog/b/index.html', digest: 'digest-b', stamp: { ...stamp, ino: 4243 } },
	];
	const memo = parseDigestMemo(JSON.parse(serializeDigestMemo(pagesWithStamps)));

	test('a saved memo reads back whole, fractional times included', () => {
		expect(memo.get('blog/a/index.html')).toEqual({ ...stamp, digest: 'digest-a' });
		expect(memo.size).toBe(2);
	});

	test('the same file, unwritten since: the recorded digest', () => {
		expect(rememberedDigest(memo, 'blog/a/index.html', stamp)).toBe('digest-a');
	});

	test.each([
		['written again (a new modification time)', { ...stamp, mtimeMs: stamp.mtimeMs + 1 }],
		['another size', { ...stamp, size: stamp.size + 1 }],
		['another file in its place (a copy: a new inode)', { ...stamp, ino: 7 }],
	])('%s: no digest, so the page is read', (_, changed) => {
		expect(rememberedDigest(memo, 'blog/a/index.html', changed)).toBeUndefined();
	});

	test('a page the last build did not see has no digest', () => {
		expect(rememberedDigest(memo, 'blog/new/index.html', stamp)).toBeUndefined();
	});

	test.each([
		['missing', undefined],
		['another version', { version: 2, files: {} }],
		['a damaged entry', { version: 1, files: { 'blog/a/index.html': [1, 2, 'x', 'd'] } }],
		['an empty digest', { version: 1, files: { 'blog/a/index.html': [1, 2, 3, ''] } }],
	])('a memo %s is empty', (_, json) => {
		expect(parseDigestMemo(json).size).toBe(0);
	});
});

describe('record stamps', () => {
	const stamp = { ino: 99, size: 812, mtimeMs: 1_764_000_000_456.5 };

	test('saved stamps read back whole, by record name', () => {
		const json: unknown = JSON.parse(serializeRecordStamps([['abc.json', stamp]]));
		expect(parseRecordStamps(json)).toEqual(new Map([['abc.json', stamp]]));
	});

	test.each([[null], [{ version: 2, records: {} }], [{ version: 1, records: { a: [1, 2] } }]])(
		'%j reads as no stamps: every record is read from its page again',
		(json) => {
			expect(parseRecordStamps(json).size).toBe(0);
		},
	);

	test.each([
		['the same file, unwritten', true, stamp],
		['written since', false, { ...stamp, mtimeMs: stamp.mtimeMs + 0.5 }],
		['another size', false, { ...stamp, size: 813 }],
		['another file', false, { ...stamp, ino: 100 }],
		['none remembered', false, undefined],
	])('%s: the same stamp is %s', (_, same, other) => {
		expect(sameStamp(stamp, other)).toBe(same);
	});
});
