import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
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
 * The content layer's cache works as before: unchanged files (same digest) are not parsed again.
 */

type GlobOptions = Parameters<typeof glob>[0];

/** The part of a content entry type this loader changes. */
interface EntryType {
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

/** glob() with a lean data store; takes the same options. */
export function postsLoader(options: GlobOptions): Loader {
	const inner = glob({ ...options, retainBody: true });
	return {
		name: 'butlerspb-posts',
		load: (context: GlobContext) =>
			inner.load({
				...context,
				store: withWordCounts(context.store),
				...(context.entryTypes ? { entryTypes: renderOnlyLocalImages(context.entryTypes) } : {}),
			} as LoaderContext),
	};
}

/** The word count the loader stored with a post (0 if it has none). */
export function storedWordCount(data: object): number {
	const value: unknown = (data as Record<string, unknown>)[WORD_COUNT_FIELD];
	return typeof value === 'number' ? value : 0;
}
