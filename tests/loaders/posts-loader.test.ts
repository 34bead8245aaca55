import type { LoaderContext } from 'astro/loaders';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, test, vi } from 'vitest';
import { postsLoader, storedWordCount } from '../../src/loaders/posts.ts';

/*
 * The posts loader hands glob() its own entry types through `context.entryTypes`, which is not
 * Astro's API. These tests run Astro's real glob() with a loader context built here, and
 * simulate the ways Astro could change: the entry types renamed, glob() looking types up in a
 * copy of the map, glob() reading with Astro's own types. Each must stop the load, in Russian and
 * in English, instead of publishing posts read another way (or not at all).
 */

/** How the simulated Astro changes the context glob() gets; none: as Astro 7.4 does. */
const simulated = vi.hoisted(() => ({
	change: undefined as ((context: Record<string, unknown>) => Record<string, unknown>) | undefined,
}));

vi.mock('astro/loaders', async (importOriginal) => {
	const actual = await importOriginal<typeof import('astro/loaders')>();
	return {
		...actual,
		glob: (options: Parameters<typeof actual.glob>[0]) => {
			const real = actual.glob(options);
			return {
				...real,
				load: (context: LoaderContext) =>
					real.load((simulated.change?.(context as never) ?? context) as unknown as LoaderContext),
			};
		},
	};
});

type Entry = { id: string; data: Record<string, unknown>; filePath?: string; digest?: string };

let root = '';
const POSTS = 'posts';

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'posts-loader-'));
	await mkdir(join(root, POSTS), { recursive: true });
	const post = (title: string) =>
		`---\ntitle: ${title}\npubDate: 2025-07-25\n---\n\nТекст статьи из пяти слов.\n`;
	await writeFile(join(root, POSTS, 'first.md'), post('Первая'));
	await writeFile(join(root, POSTS, 'second.markdown'), post('Вторая'));
});
afterAll(() => rm(root, { recursive: true, force: true }));
afterEach(() => {
	simulated.change = undefined;
});

/** Astro's entry types as far as glob() uses them: Astro's own frontmatter read. */
const astroEntryTypes = () => {
	const getEntryInfo = ({ contents }: { contents: string }) =>
		Promise.resolve({ data: { readBy: 'astro' }, body: contents, rawData: '' });
	return new Map<string, object>([
		['.md', { getEntryInfo }],
		['.mdx', { getEntryInfo }],
	]);
};

/** A loader context as Astro 7.4 builds it, with the entry types under `key`. */
function contextWith(key: string, entryTypes: Map<string, object>) {
	const entries = new Map<string, Entry>();
	const context = {
		collection: 'blog',
		config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
		logger: { info() {}, warn() {}, error() {}, debug() {} },
		parseData: ({ data }: { data: Record<string, unknown> }) => Promise.resolve(data),
		generateDigest: (value: unknown) => String(value).length.toString(36),
		store: {
			keys: () => [...entries.keys()],
			values: () => [...entries.values()],
			get: (id: string) => entries.get(id),
			set: (entry: Entry) => (entries.set(entry.id, entry), true),
			delete: (id: string) => entries.delete(id),
			has: (id: string) => entries.has(id),
			addModuleImport() {},
			addAssetImports() {},
		},
		meta: new Map(),
		[key]: entryTypes,
	};
	return { context: context as unknown as LoaderContext, entries };
}

const load = (context: LoaderContext) =>
	postsLoader({ base: POSTS, pattern: '**/*.{md,markdown,mdx}' }).load(context);

test('as Astro 7.4 runs it, every post is read by the blog, .markdown ones too', async () => {
	const { context, entries } = contextWith('entryTypes', astroEntryTypes());
	await load(context);
	expect([...entries.keys()].sort()).toEqual(['first', 'second']);
	for (const entry of entries.values()) {
		// The blog's frontmatter read (dates kept as written), not the stub's.
		expect(entry.data).toMatchObject({ pubDate: '2025-07-25' });
		expect(entry.data['readBy']).toBeUndefined();
		expect(storedWordCount(entry.data)).toBe(5);
	}
});

const LOUD = [
	/Сборка остановлена: Astro ведёт себя иначе/,
	/Build stopped: Astro no longer behaves/,
];

test('entry types renamed in the context: the load stops, in Russian and English', async () => {
	const { context, entries } = contextWith('contentEntryTypes', astroEntryTypes());
	const failure = load(context);
	for (const text of LOUD) await expect(failure).rejects.toThrow(text);
	await expect(failure).rejects.toThrow(/context\.entryTypes/);
	expect(entries.size).toBe(0);
});

test('glob() looking types up in its own copy: the .markdown post is named, not dropped', async () => {
	simulated.change = (context) => ({
		...context,
		entryTypes: new Map(context['entryTypes'] as Map<string, object>),
	});
	const { context } = contextWith('entryTypes', astroEntryTypes());
	const failure = load(context);
	for (const text of LOUD) await expect(failure).rejects.toThrow(text);
	await expect(failure).rejects.toThrow(/second\.markdown/);
});

test("glob() reading with Astro's own types: the load stops", async () => {
	const own = astroEntryTypes();
	simulated.change = (context) => ({ ...context, entryTypes: own });
	const { context } = contextWith('entryTypes', own);
	const failure = load(context);
	for (const text of LOUD) await expect(failure).rejects.toThrow(text);
	await expect(failure).rejects.toThrow(/first\.md/);
});
