import { describe, expect, test } from 'vitest';
import {
	SEARCH_DELTA_LIMIT,
	SEARCH_SHARD_SIZE,
	SEARCH_STATE_VERSION,
	fragmentIds,
	fullPlan,
	hiddenIds,
	pageUrlOf,
	parseDigestMemo,
	parseSearchIndexState,
	planSearchIndex,
	rememberedDigest,
	serializeDigestMemo,
	splitShards,
	withIds,
	type ArticlePage,
	type IndexedShard,
	type SearchIndexState,
} from '../../src/lib/search-index.ts';

const OPTIONS = { pagefind: '1.6.0', lang: 'ru' };
const page = (n: number, digest = 'v1'): ArticlePage => ({
	file: `blog/post-${String(n).padStart(3, '0')}/index.html`,
	digest,
});
const pages = (count: number): ArticlePage[] => Array.from({ length: count }, (_, n) => page(n));
/** State after a full index of `list` in shards of `size`; each page's id is `id-<n>-<digest>`. */
function stateOf(list: readonly ArticlePage[], size = 3): SearchIndexState {
	return {
		version: SEARCH_STATE_VERSION,
		...OPTIONS,
		base: splitShards(list, size).map((shard, n) => ({
			key: `shard-${n}`,
			pages: shard.map((p) => ({ ...p, id: `id-${p.file.slice(10, 13)}-${p.digest}` })),
		})),
	};
}

describe('planning the search index', () => {
	test('without a saved state every article is indexed, in sorted shards', () => {
		const plan = planSearchIndex([page(4), page(1), page(3), page(0), page(2)], undefined, {
			...OPTIONS,
			shardSize: 2,
		});
		expect(plan).toEqual({
			kind: 'full',
			shards: [[page(0), page(1)], [page(2), page(3)], [page(4)]],
		});
	});

	test.each([
		['another state format', { version: SEARCH_STATE_VERSION - 1 }],
		['another Pagefind version', { pagefind: '1.5.0' }],
		['another language', { lang: 'en' }],
		['no base index', { base: [] }],
	])('%s: every article is indexed anew', (_, change) => {
		const state = { ...stateOf(pages(6)), ...change };
		expect(planSearchIndex(pages(6), state, OPTIONS).kind).toBe('full');
	});

	test('nothing changed: the base is reused, with nothing to index or hide', () => {
		const state = stateOf(pages(6));
		expect(planSearchIndex(pages(6), state, OPTIONS)).toEqual({
			kind: 'delta',
			base: state.base,
			delta: [],
			stale: [],
		});
	});

	test('one changed article: it alone is indexed, and its base entry is stale', () => {
		const state = stateOf(pages(6));
		const now = pages(6).map((p, n) => (n === 4 ? { ...p, digest: 'v2' } : p));
		const plan = planSearchIndex(now, state, OPTIONS);
		expect(plan).toMatchObject({
			kind: 'delta',
			delta: [page(4, 'v2')],
			stale: [{ ...page(4), id: 'id-004-v1' }],
		});
	});

	test('a new article is indexed; a deleted one is only stale', () => {
		const state = stateOf(pages(6));
		const now = [...pages(6).filter((_, n) => n !== 2), page(9)];
		expect(planSearchIndex(now, state, OPTIONS)).toMatchObject({
			kind: 'delta',
			delta: [page(9)],
			stale: [{ ...page(2), id: 'id-002-v1' }],
		});
	});

	test('more changes than the delta may hold: every article is indexed anew', () => {
		const state = stateOf(pages(12));
		const changed = pages(12).map((p, n) => (n < 4 ? { ...p, digest: 'v2' } : p));
		expect(planSearchIndex(changed, state, { ...OPTIONS, deltaLimit: 4 }).kind).toBe('delta');
		expect(planSearchIndex(changed, state, { ...OPTIONS, deltaLimit: 3 }).kind).toBe('full');
		const deleted = pages(12).slice(4);
		expect(planSearchIndex(deleted, state, { ...OPTIONS, deltaLimit: 3 }).kind).toBe('full');
	});

	test('defaults: shards of a thousand articles, a delta of up to a hundred', () => {
		expect(SEARCH_SHARD_SIZE).toBe(1000);
		expect(SEARCH_DELTA_LIMIT).toBe(100);
		expect(fullPlan(pages(2001)).shards.map((shard) => shard.length)).toEqual([1000, 1000, 1]);
		const state = stateOf(pages(300), 1000);
		const changed = (count: number) =>
			pages(300).map((p, n) => (n < count ? { ...p, digest: 'v2' } : p));
		expect(planSearchIndex(changed(100), state, OPTIONS).kind).toBe('delta');
		expect(planSearchIndex(changed(101), state, OPTIONS).kind).toBe('full');
	});
});

describe('hidden result ids', () => {
	const base: IndexedShard[] = stateOf(pages(6)).base;
	const stale = (n: number) => ({ ...page(n), id: `id-00${n}-v1` });

	test('a changed article hides its old entry', () => {
		expect(hiddenIds(base, [stale(4)], [{ ...page(4, 'v2'), id: 'id-004-v2' }])).toEqual([
			'id-004-v1',
		]);
	});

	test('an article whose indexed text did not change keeps one entry (same id in both)', () => {
		expect(hiddenIds(base, [stale(4)], [{ ...page(4, 'v2'), id: 'id-004-v1' }])).toEqual([]);
	});

	test('a deleted article hides its entry', () => {
		expect(hiddenIds(base, [stale(1), stale(2)], [])).toEqual(['id-001-v1', 'id-002-v1']);
	});

	test('two pages with one id across indexes make the delta unsafe', () => {
		// A new page in the delta got the old id of the changed page: hiding it would hide both.
		const clash = { ...page(9), id: 'id-004-v1' };
		expect(
			hiddenIds(base, [stale(4)], [{ ...page(4, 'v2'), id: 'id-004-v2' }, clash]),
		).toBeUndefined();
		// The changed page got the id of an unchanged page: de-duplicating would drop one.
		expect(hiddenIds(base, [stale(4)], [{ ...page(4, 'v2'), id: 'id-005-v1' }])).toBeUndefined();
		// Two base shards gave two pages one id.
		const colliding: IndexedShard[] = [
			...base,
			{ key: 'other', pages: [{ ...page(7), id: 'id-000-v1' }] },
		];
		expect(
			hiddenIds(colliding, [stale(4)], [{ ...page(4, 'v2'), id: 'id-004-v2' }]),
		).toBeUndefined();
	});
});

describe("Pagefind's files", () => {
	test.each([
		['blog/slug/index.html', '/blog/slug/'],
		['index.html', '/'],
		['blog/a-index.html', '/blog/a-index.html'],
	])('%s is found at %s', (file, url) => expect(pageUrlOf(file)).toBe(url));

	test('a fragment of one page takes its id from the file name', () => {
		expect(fragmentIds('ru_3e79f38', { url: '/blog/a/', content: '…' })).toEqual([
			{ id: 'ru_3e79f38', url: '/blog/a/' },
		]);
	});

	test('a group of fragments holds its pages by id', () => {
		expect(
			fragmentIds('ru_group_48843ae', {
				ru_16c4c46: { url: '/blog/a/', content: '…' },
				ru_4027fbc: { url: '/blog/b/' },
				broken: null,
			}),
		).toEqual([
			{ id: 'ru_16c4c46', url: '/blog/a/' },
			{ id: 'ru_4027fbc', url: '/blog/b/' },
		]);
		expect(fragmentIds('x', null)).toEqual([]);
	});

	test('every article needs an id from the written index', () => {
		const ids = new Map([
			['/blog/post-000/', 'ru_a'],
			['/blog/post-001/', 'ru_b'],
		]);
		expect(withIds(pages(2), ids)).toEqual([
			{ ...page(0), id: 'ru_a' },
			{ ...page(1), id: 'ru_b' },
		]);
		expect(withIds(pages(3), ids)).toBeUndefined();
	});
});

describe('saved state', () => {
	test('a state survives a JSON round trip', () => {
		const state = stateOf(pages(4));
		expect(parseSearchIndexState(JSON.parse(JSON.stringify(state)))).toEqual(state);
	});

	test.each([
		null,
		{},
		{ ...stateOf(pages(1)), version: 1 },
		{ ...stateOf(pages(1)), base: [{ key: 'k', pages: [{ file: 'f', digest: 'd' }] }] },
		{ ...stateOf(pages(1)), pagefind: 16 },
	])('an unreadable state (%j) counts as none', (json) =>
		expect(parseSearchIndexState(json)).toBeUndefined(),
	);
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
