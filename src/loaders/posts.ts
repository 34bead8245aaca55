import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { passContentCheckGate } from '../lib/content-check-gate.ts';
import { digestOnce } from '../lib/digest-once.ts';
import { slugFromFileName } from '../lib/content-dir.ts';
import { hasLocalImage } from '../lib/markdown-source.ts';
import { countWords } from '../lib/reading-time.ts';

/*
 * The blog's collection loader: Astro's glob() loader, with a lean data store.
 *
 * glob() keeps every post's raw body and rendered HTML in the content layer's data store, and the
 * build bundles that store into one JavaScript module that is parsed and loaded whole. At 10,000
 * posts that is ~400 MB of text handled several times over and more than 4 GB of memory. This
 * loader stores only the frontmatter and the word count; Markdown posts are rendered when their
 * page is built (src/markdown/render.ts), with the same processor. Posts whose body refers to a
 * local image, and MDX posts, are still rendered by Astro, which resolves their imports.
 * The content layer's cache works as before, and cheaper: glob() parses every file's frontmatter
 * before it compares digests, this loader skips the parse for files whose digest is unchanged.
 * A post's id is its file name without extension (the URL slug).
 */

/** Where the posts are: glob()'s `base` and `pattern`. */
export interface PostsLoaderOptions {
	base: string;
	pattern: string;
}

/** The parts of a content entry type this loader changes. */
interface EntryType {
	getEntryInfo?: (params: { contents: string; fileUrl: URL }) => Promise<unknown>;
	getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
}
type RenderFunction = (entry: { body?: string }) => Promise<unknown>;

/** The loader context glob() receives; `entryTypes` is internal to Astro and not in the type. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** Name of the data field holding the word count (computed, never written by editors). */
export const WORD_COUNT_FIELD = 'wordCount';

/** Markdown entries render only when Astro must resolve local images for them. */
function renderOnlyLocalImages(entryTypes: Map<string, EntryType>): Map<string, EntryType> {
	const markdown = entryTypes.get('.md');
	const getRenderFunction = markdown?.getRenderFunction;
	if (!markdown || !getRenderFunction) return entryTypes;
	return new Map(entryTypes).set('.md', {
		...markdown,
		async getRenderFunction(config) {
			const render = await getRenderFunction(config);
			return async (entry) => (hasLocalImage(entry.body ?? '') ? render(entry) : undefined);
		},
	});
}

/** Unchanged files skip the frontmatter parse: glob() only needs their digest to keep them. */
function skipUnchanged(
	entryTypes: Map<string, EntryType>,
	{ store, generateDigest }: Pick<LoaderContext, 'store' | 'generateDigest'>,
): Map<string, EntryType> {
	const wrapped = new Map<string, EntryType>();
	for (const [extension, type] of entryTypes) {
		const getEntryInfo = type.getEntryInfo;
		if (!getEntryInfo) {
			wrapped.set(extension, type);
			continue;
		}
		wrapped.set(extension, {
			...type,
			getEntryInfo(params) {
				const stored = store.get(slugFromFileName(fileURLToPath(params.fileUrl)));
				const unchanged =
					stored?.filePath !== undefined && stored.digest === generateDigest(params.contents);
				return unchanged ? Promise.resolve({ data: {}, body: '' }) : getEntryInfo(params);
			},
		});
	}
	return wrapped;
}

/** A store that keeps a word count instead of the raw body. */
function withWordCounts(store: LoaderContext['store']): LoaderContext['store'] {
	return {
		...store,
		set: (entry) => {
			const { body, ...rest } = entry;
			if (body === undefined) return store.set(entry);
			return store.set({ ...rest, data: { ...entry.data, [WORD_COUNT_FIELD]: countWords(body) } });
		},
	};
}

/** The blog's posts: glob() with a lean data store. */
export function postsLoader({ base, pattern }: PostsLoaderOptions): Loader {
	const inner = glob({
		base,
		pattern,
		generateId: ({ entry }) => slugFromFileName(entry),
		retainBody: true,
	});
	return {
		name: 'butlerspb-posts',
		load: async (context: GlobContext) => {
			// The content check reports every broken post before glob() stops at the first one.
			await passContentCheckGate();
			// The digest skipUnchanged computes is the one glob() asks for next (digest-once.ts).
			const generateDigest = digestOnce(context.generateDigest);
			return inner.load({
				...context,
				generateDigest,
				store: withWordCounts(context.store),
				...(context.entryTypes
					? {
							entryTypes: skipUnchanged(renderOnlyLocalImages(context.entryTypes), {
								store: context.store,
								generateDigest,
							}),
						}
					: {}),
			} as LoaderContext);
		},
	};
}

/** The word count the loader stored with a post (0 if it has none). */
export function storedWordCount(data: object): number {
	const value: unknown = (data as Record<string, unknown>)[WORD_COUNT_FIELD];
	return typeof value === 'number' ? value : 0;
}
