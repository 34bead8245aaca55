import { describe, expect, test } from 'vitest';
import {
	DEFAULT_INDEXNOW_ENDPOINT,
	INDEXNOW_BATCH_SIZE,
	INVALID_KEY_MESSAGE,
	buildIndexNowState,
	buildPayload,
	describeDiff,
	diffPages,
	indexNowEndpoint,
	isNoindex,
	keyFileName,
	nextIndexNowState,
	pageContent,
	pageDigest,
	parseIndexNowState,
	readIndexNowKey,
	serializeIndexNowState,
	toBatches,
	urlsToSubmit,
	type IndexNowState,
} from '../../../src/lib/netlify/indexnow.ts';

const ORIGIN = 'https://butlerspb-blog.netlify.app';
const url = (path: string): string => `${ORIGIN}${path}`;
const state = (pages: Record<string, string>): IndexNowState => ({
	version: 1,
	origin: ORIGIN,
	pages,
});
const pages = (entries: Record<string, string>): Map<string, string> =>
	new Map(Object.entries(entries));

describe('readIndexNowKey', () => {
	test.each([
		['unset', undefined, undefined],
		['empty', '', undefined],
		['blank', '   ', undefined],
		['8 characters', 'abcd1234', 'abcd1234'],
		['letters, digits and dashes', 'a1B2-c3D4-e5F6', 'a1B2-c3D4-e5F6'],
		['128 characters', 'k'.repeat(128), 'k'.repeat(128)],
		['surrounding whitespace', '  abcd1234\n', 'abcd1234'],
	])('%s → %s', (_name, value, expected) =>
		expect(readIndexNowKey({ INDEXNOW_KEY: value })).toBe(expected),
	);

	test.each([
		['7 characters', 'abc1234'],
		['129 characters', 'k'.repeat(129)],
		['an underscore', 'abcd_1234'],
		['a dot', 'abcd.1234'],
		['Cyrillic', 'ключключключ'],
		['a slash', 'abcd/1234'],
	])('rejects %s in Russian and English', (_name, value) =>
		expect(() => readIndexNowKey({ INDEXNOW_KEY: value })).toThrow(INVALID_KEY_MESSAGE),
	);

	test('the message names the variable and the rule in both languages', () => {
		expect(INVALID_KEY_MESSAGE).toMatch(/^INDEXNOW_KEY: ключ IndexNow должен состоять из 8–128/);
		expect(INVALID_KEY_MESSAGE).toContain('8-128 characters of a-z, A-Z, 0-9 and "-"');
	});
});

test('the key file is <key>.txt', () => expect(keyFileName('abcd1234')).toBe('abcd1234.txt'));

test.each([
	[{}, DEFAULT_INDEXNOW_ENDPOINT],
	[{ INDEXNOW_ENDPOINT: '' }, DEFAULT_INDEXNOW_ENDPOINT],
	[{ INDEXNOW_ENDPOINT: 'http://127.0.0.1:9/indexnow' }, 'http://127.0.0.1:9/indexnow'],
])('endpoint for %j is %s', (env, expected) => expect(indexNowEndpoint(env)).toBe(expected));

test('the payload names the host, the key, the key file and the URLs', () =>
	expect(buildPayload(ORIGIN, 'abcd1234', [url('/'), url('/blog/a/')])).toEqual({
		host: 'butlerspb-blog.netlify.app',
		key: 'abcd1234',
		keyLocation: 'https://butlerspb-blog.netlify.app/abcd1234.txt',
		urlList: ['https://butlerspb-blog.netlify.app/', 'https://butlerspb-blog.netlify.app/blog/a/'],
	}));

describe('toBatches', () => {
	const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
	test.each([
		[0, INDEXNOW_BATCH_SIZE, []],
		[1, INDEXNOW_BATCH_SIZE, [1]],
		[10_000, INDEXNOW_BATCH_SIZE, [10_000]],
		[10_001, INDEXNOW_BATCH_SIZE, [10_000, 1]],
		[25_000, INDEXNOW_BATCH_SIZE, [10_000, 10_000, 5_000]],
		[5, 2, [2, 2, 1]],
	])('%i URLs in batches of %i → sizes %j', (count, size, sizes) => {
		const batches = toBatches(range(count), size);
		expect(batches.map((batch) => batch.length)).toEqual(sizes);
		expect(batches.flat()).toEqual(range(count));
	});

	test('the default batch is the protocol maximum, 10,000', () =>
		expect(INDEXNOW_BATCH_SIZE).toBe(10_000));

	test.each([0, -1, 1.5])('rejects batch size %s', (size) =>
		expect(() => toBatches([1], size)).toThrow(RangeError),
	);
});

describe('pageContent and pageDigest', () => {
	const page = (opts: { css?: string; title?: string; body?: string; footer?: string }): string =>
		`<!doctype html><html lang="ru"><head><title>${opts.title ?? 'Статья'}</title>` +
		`<link rel="stylesheet" href="/_astro/BaseLayout.${opts.css ?? 'C1GT4Nam'}.css">` +
		`<script type="module" src="/_astro/search.astro_astro_type_script_index_0_lang.${opts.css ?? 'C1GT4Nam'}.js"></script>` +
		`</head><body><header>Шапка</header><main id="content"><h1>${opts.title ?? 'Статья'}</h1>` +
		`<p>${opts.body ?? 'Текст'}</p><img src="/_astro/hero.Ab12Cd34.webp"></main>` +
		`<footer>${opts.footer ?? '© 2026'}</footer></body></html>`;

	test.each([
		['the same page', {}, {}, true],
		['another stylesheet and script hash', { css: 'C1GT4Nam' }, { css: 'Zz9Yy8Xx' }, true],
		['another footer', { footer: '© 2026' }, { footer: '© 2027' }, true],
		['another body text', { body: 'Текст' }, { body: 'Новый текст' }, false],
		['another title', { title: 'Статья' }, { title: 'Статья 2' }, false],
	] as const)('%s: same digest = %s', (_name, a, b, same) =>
		expect(pageDigest(page(a)) === pageDigest(page(b))).toBe(same),
	);

	test('an image is content: its hashed name stays', () =>
		expect(pageContent(page({}))).toContain('/_astro/hero.Ab12Cd34.webp'));

	test('a stylesheet loses its hash, the header and footer are left out', () => {
		const content = pageContent(page({}));
		expect(content).toContain('/_astro/BaseLayout.css');
		expect(content).not.toContain('Шапка');
		expect(content).not.toContain('© 2026');
	});

	test('a document without head or main is taken whole', () =>
		expect(pageContent('<p>x</p>')).toBe('<p>x</p>'));
});

test.each([
	['<meta name="robots" content="noindex">', true],
	['<meta content="noindex, nofollow" name="robots">', true],
	['<meta name="robots" content="index">', false],
	['<meta name="description" content="noindex в тексте">', false],
])('isNoindex(%s) = %s', (html, expected) => expect(isNoindex(html)).toBe(expected));

describe('diffPages', () => {
	const previous = state({ [url('/')]: 'h1', [url('/blog/a/')]: 'a1', [url('/blog/b/')]: 'b1' });
	test.each([
		[
			'first deploy: nothing to send',
			undefined,
			{ [url('/')]: 'h1', [url('/blog/a/')]: 'a1' },
			{ first: true, added: [], changed: [], deleted: [], unchanged: 2 },
		],
		[
			'nothing changed',
			previous,
			{ [url('/')]: 'h1', [url('/blog/a/')]: 'a1', [url('/blog/b/')]: 'b1' },
			{ first: false, added: [], changed: [], deleted: [], unchanged: 3 },
		],
		[
			'an article added, the home page changed with it',
			previous,
			{
				[url('/')]: 'h2',
				[url('/blog/a/')]: 'a1',
				[url('/blog/b/')]: 'b1',
				[url('/blog/c/')]: 'c1',
			},
			{ first: false, added: [url('/blog/c/')], changed: [url('/')], deleted: [], unchanged: 2 },
		],
		[
			'an article updated',
			previous,
			{ [url('/')]: 'h1', [url('/blog/a/')]: 'a2', [url('/blog/b/')]: 'b1' },
			{ first: false, added: [], changed: [url('/blog/a/')], deleted: [], unchanged: 2 },
		],
		[
			'an article deleted',
			previous,
			{ [url('/')]: 'h1', [url('/blog/a/')]: 'a1' },
			{ first: false, added: [], changed: [], deleted: [url('/blog/b/')], unchanged: 2 },
		],
		[
			'added, changed and deleted at once',
			previous,
			{ [url('/')]: 'h2', [url('/blog/b/')]: 'b1', [url('/tags/x/')]: 't1' },
			{
				first: false,
				added: [url('/tags/x/')],
				changed: [url('/')],
				deleted: [url('/blog/a/')],
				unchanged: 1,
			},
		],
	])('%s', (_name, before, now, expected) => {
		const diff = diffPages(before, pages(now));
		expect(diff).toEqual(expected);
	});

	test('the URLs to submit are added, changed and deleted, sorted', () => {
		const diff = diffPages(previous, pages({ [url('/')]: 'h2', [url('/tags/x/')]: 't1' }));
		expect(urlsToSubmit(diff)).toEqual([
			url('/'),
			url('/blog/a/'),
			url('/blog/b/'),
			url('/tags/x/'),
		]);
	});

	test('a first deploy submits nothing', () =>
		expect(urlsToSubmit(diffPages(undefined, pages({ [url('/')]: 'h' })))).toEqual([]));
});

describe('the saved list', () => {
	const current = pages({ [url('/blog/b/')]: 'b', [url('/')]: 'h' });

	test('round-trips with sorted URLs', () => {
		const text = serializeIndexNowState(buildIndexNowState(ORIGIN, current));
		expect(Object.keys((JSON.parse(text) as IndexNowState).pages)).toEqual([
			url('/'),
			url('/blog/b/'),
		]);
		expect(parseIndexNowState(text, ORIGIN)).toEqual(
			state({ [url('/')]: 'h', [url('/blog/b/')]: 'b' }),
		);
	});

	test.each([
		['missing', undefined],
		['not JSON', '{'],
		['null', 'null'],
		['another version', JSON.stringify({ version: 2, origin: ORIGIN, pages: {} })],
		['another site', JSON.stringify({ version: 1, origin: 'https://example.com', pages: {} })],
		['pages not digests', JSON.stringify({ version: 1, origin: ORIGIN, pages: { a: 1 } })],
	])('%s counts as none (first deploy)', (_name, text) =>
		expect(parseIndexNowState(text, ORIGIN)).toBeUndefined(),
	);
});

describe('nextIndexNowState', () => {
	const previous = state({ [url('/')]: 'h1', [url('/blog/a/')]: 'a1', [url('/blog/b/')]: 'b1' });
	const current = pages({ [url('/')]: 'h2', [url('/blog/a/')]: 'a1', [url('/blog/c/')]: 'c1' });

	test('all sent: the list is this deploy', () =>
		expect(nextIndexNowState(ORIGIN, previous, current).pages).toEqual({
			[url('/')]: 'h2',
			[url('/blog/a/')]: 'a1',
			[url('/blog/c/')]: 'c1',
		}));

	test('failed URLs keep their old entry, so the next deploy sends them again', () => {
		const failed = new Set([url('/'), url('/blog/b/'), url('/blog/c/')]);
		const next = nextIndexNowState(ORIGIN, previous, current, failed);
		expect(next.pages).toEqual({
			[url('/')]: 'h1',
			[url('/blog/a/')]: 'a1',
			[url('/blog/b/')]: 'b1',
		});
		expect(urlsToSubmit(diffPages(next, current))).toEqual([...failed].sort());
	});
});

describe('describeDiff (Russian)', () => {
	test('first deploy', () =>
		expect(describeDiff(diffPages(undefined, pages({ a: '1', b: '2' })))).toEqual([
			'Сохранённого списка страниц нет: это первый деплой с IndexNow, ничего не отправляется ' +
				'(новые страницы найдут по карте сайта). В список попадут 2\u00a0страницы.',
		]));

	test('nothing to send', () =>
		expect(describeDiff(diffPages(state({ a: '1' }), pages({ a: '1' })))).toEqual([
			'Новых: 0, изменённых: 0, удалённых: 0, без изменений: 1.',
			'Отправлять нечего.',
		]));

	test('pages and requests counted with Russian plurals', () =>
		expect(
			describeDiff(diffPages(state({ a: '1', b: '1' }), pages({ a: '2', c: '1', d: '1' })), 2),
		).toEqual([
			'Новых: 2, изменённых: 1, удалённых: 1, без изменений: 0.',
			'К отправке: 4\u00a0страницы, 2\u00a0запроса.',
		]));
});
