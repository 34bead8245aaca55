import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { existsSync, readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectAstro } from '../lib/pipeline/astro-internals.ts';
import { passContentCheckGate } from '../lib/content-check/content-check-gate.ts';
import { digestOnce } from '../lib/pipeline/digest-once.ts';
import { mechanismOn } from '../lib/pipeline/mechanisms.ts';
import {
	entryTypeKey,
	isMarkdownFile,
	isPostFile,
	slugFromFileName,
} from '../lib/content/content-dir.ts';
import { parseFrontmatter } from '../lib/content/frontmatter.ts';
import { hasLocalImage, markdownBody } from '../lib/content/markdown-source.ts';
import { buildNow, isPreview, isVisible, type PublishState } from '../lib/content/publishing.ts';
import { countWords } from '../lib/text/reading-time.ts';
import { byNewest } from '../lib/site/tags.ts';
import { absoluteUrl, postPath } from '../lib/site/urls.ts';
import { prepareMarkdownFiles, type PlannedPost } from '../markdown/shared-renderer.ts';

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
 *
 * With the lean store turned off (`BLOG_MECHANISMS_OFF=lean-loader`, for the benchmark), the
 * store keeps every post's body and Astro renders every Markdown post into it, as glob() does;
 * the pages then print Astro's rendered post (src/data/posts.ts), which leaves the Markdown
 * pool nothing to render. The word count is stored either way.
 *
 * Frontmatter is read by src/lib/content/frontmatter.ts, the parse the content check uses, so the check
 * and the build read every post alike (Astro's own parse turns unquoted dates into UTC times).
 * `.MD` and `.markdown` files are Markdown posts like `.md` ones.
 *
 * In `astro dev` a broken post never stops the server: the loader runs the content check on each
 * post it reads, and a post with errors is stored as its list of Russian messages
 * (`contentErrors`), which its page shows; every other post is served as usual, and the post is
 * read again when its file changes.
 */

/** Where the posts are: glob()'s `base` and `pattern`. */
export interface PostsLoaderOptions {
	base: string;
	pattern: string;
}

/** The parts of a content entry type this loader changes. */
interface EntryType {
	getEntryInfo?: (params: { contents: string; fileUrl: URL }) => Promise<EntryInfo>;
	getRenderFunction?: (config: unknown) => Promise<RenderFunction>;
}
type RenderFunction = (entry: { body?: string }) => Promise<unknown>;
/** What an entry type reads from a file. */
interface EntryInfo {
	data: Record<string, unknown>;
	body: string;
	rawData?: string;
}

/** The loader context glob() receives; `entryTypes` is internal to Astro and not in the type. */
type GlobContext = LoaderContext & { entryTypes?: Map<string, EntryType> };

/** Name of the data field holding the word count (computed, never written by editors). */
export const WORD_COUNT_FIELD = 'wordCount';

/** Name of the data field holding a broken post's errors in `astro dev` (never written by editors). */
export const CONTENT_ERRORS_FIELD = 'contentErrors';

/** A post file read with the check's frontmatter parse (src/lib/content/frontmatter.ts). */
function readEntry(contents: string): EntryInfo {
	return { data: parseFrontmatter(contents).data, body: markdownBody(contents) };
}

/** Entry types by extension, looked up case-insensitively, with `.markdown` read as `.md`. */
class EntryTypesByExtension extends Map<string, EntryType> {
	override get(extension: string): EntryType | undefined {
		return super.get(entryTypeKey(extension));
	}
}

/** Entry types that read frontmatter with `readEntry`. */
function postEntryTypes(entryTypes: Map<string, EntryType>): Map<string, EntryType> {
	const types = new Map<string, EntryType>();
	for (const [extension, type] of entryTypes) {
		types.set(extension, {
			...type,
			...(type.getEntryInfo
				? { getEntryInfo: ({ contents }) => Promise.resolve(readEntry(contents)) }
				: {}),
		});
	}
	return types;
}

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

/** A store that keeps a word count instead of the raw body (and beside it, when not `lean`). */
function withWordCounts(store: LoaderContext['store'], lean: boolean): LoaderContext['store'] {
	return {
		...store,
		set: (entry) => {
			const { body, ...rest } = entry;
			if (body === undefined) return store.set(entry);
			const data = { ...entry.data, [WORD_COUNT_FIELD]: countWords(body) };
			return store.set(lean ? { ...rest, data } : { ...entry, data });
		},
	};
}

/** What a file's errors are, for `astro dev`: the content check on its own text. */
type ErrorsOf = (path: string, contents: string) => string[];

/** Loads the content check for `astro dev`; its messages name files as `npm run check:content` does. */
async function loadErrorsOf(): Promise<ErrorsOf> {
	const [{ checkFile, formatFinding }, { displayPath }, { decodePost }] = await Promise.all([
		import('../lib/content-check/content-check.ts'),
		import('../plumbing/content-check-fs.ts'),
		import('../lib/content/text-encoding.ts'),
	]);
	// Astro hands over the text read as UTF-8; a file in another encoding shows as U+FFFD or NULs.
	const notUtf8 = (path: string, contents: string) =>
		/[\uFFFD\0]/.test(contents) ? decodePost(readFileSync(path)).problem : undefined;
	return (path, contents) =>
		checkFile({ file: displayPath(path), source: contents, notUtf8: notUtf8(path, contents) })
			.findings.filter(({ finding, unlessImage, unlessFile, unlessPost, ifUnpublished }) => {
				// Conditions on the files beside the post are settled here; those on other posts
				// (a link to a post) are left to npm run check:content and the build.
				const exists = (relative: string): boolean => existsSync(resolve(dirname(path), relative));
				return (
					finding.severity === 'error' &&
					unlessPost === undefined &&
					ifUnpublished === undefined &&
					(unlessImage === undefined || !exists(unlessImage)) &&
					(unlessFile === undefined || !unlessFile.some(exists))
				);
			})
			.map(({ finding }) => formatFinding(finding));
}

/**
 * Entry types that store a post with errors as its messages instead of stopping `astro dev`;
 * `report` prints them when a file is read again after a change.
 */
function tolerateBrokenPosts(
	entryTypes: Map<string, EntryType>,
	errorsOf: ErrorsOf,
	report: (errors: readonly string[]) => void,
): Map<string, EntryType> {
	const tolerant = new Map<string, EntryType>();
	for (const [extension, type] of entryTypes) {
		const getEntryInfo = type.getEntryInfo;
		tolerant.set(extension, {
			...type,
			...(getEntryInfo
				? {
						getEntryInfo(params) {
							const errors = errorsOf(fileURLToPath(params.fileUrl), params.contents);
							if (errors.length === 0) return getEntryInfo(params);
							report(errors);
							return Promise.resolve({ data: { [CONTENT_ERRORS_FIELD]: errors }, body: '' });
						},
					}
				: {}),
		});
	}
	return tolerant;
}

/** parseData that lets a broken post's messages through and turns a failure into messages. */
function tolerantParseData(
	parseData: LoaderContext['parseData'],
	report: (errors: readonly string[]) => void,
): LoaderContext['parseData'] {
	return (async (props: Parameters<LoaderContext['parseData']>[0]) => {
		if (contentErrors(props.data)) return props.data;
		try {
			return await parseData(props);
		} catch {
			const errors = [
				`ошибка ${props.filePath ?? props.id}: поля статьи не прошли проверку сборки. Запустите npm run check:content и исправьте то, что она покажет`,
			];
			report(errors);
			return { [CONTENT_ERRORS_FIELD]: errors };
		}
	}) as LoaderContext['parseData'];
}

/**
 * The entry types glob() reads files with. `entryTypes` is not part of Astro's loader API: if
 * Astro renamed it or stopped giving it, glob() would read the posts with Astro's own parse
 * (unzoned dates in UTC, `.markdown` posts left out, `astro dev` stopped by a broken post).
 */
function entryTypesOf(context: GlobContext): Map<string, EntryType> {
	const { entryTypes } = context;
	expectAstro(
		entryTypes instanceof Map && typeof entryTypes.get('.md')?.getEntryInfo === 'function',
		'загрузчик статей не получил от Astro типы записей (context.entryTypes с getEntryInfo для .md)',
		"the posts loader got no entry types from Astro (context.entryTypes with getEntryInfo for '.md')",
	);
	return entryTypes;
}

/** Entry types that add each file they read to `read` (absolute paths). */
function recordReads(
	entryTypes: Map<string, EntryType>,
	read: Set<string>,
): Map<string, EntryType> {
	const recording = new Map<string, EntryType>();
	for (const [extension, type] of entryTypes) {
		const getEntryInfo = type.getEntryInfo;
		recording.set(extension, {
			...type,
			...(getEntryInfo
				? {
						getEntryInfo(params) {
							read.add(fileURLToPath(params.fileUrl));
							return getEntryInfo(params);
						},
					}
				: {}),
		});
	}
	return recording;
}

/** The post files under `dir` (absolute paths): what glob() must have read. */
async function postFilesIn(dir: string): Promise<string[]> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
	return (
		entries
			.map((entry) => ({ entry, path: join(entry.parentPath, entry.name) }))
			// glob() skips hidden folders and files, as POST_GLOB does.
			.filter(
				({ entry, path }) =>
					entry.isFile() && isPostFile(path) && !/(?:^|[\\/])\./.test(relative(dir, path)),
			)
			.map(({ path }) => path)
	);
}

/** Fails unless glob() read every post file through this loader's entry types. */
async function expectEveryPostRead(dir: string, read: ReadonlySet<string>): Promise<void> {
	const missed = (await postFilesIn(dir)).filter((file) => !read.has(file));
	const some = missed.slice(0, 5).join(', ');
	expectAstro(
		missed.length === 0,
		`glob() прочитал не через загрузчик блога файлы статей (${missed.length}): ${some}`,
		`glob() did not read ${missed.length} post file(s) through the blog's entry types: ${some}`,
	);
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
			let entryTypes = postEntryTypes(entryTypesOf(context));
			let parseData = context.parseData;
			// Only `astro dev` watches files; there a broken post is shown, not fatal.
			let loaded = false;
			if (context.watcher) {
				// The check printed every error when the server started; later, those of a changed file.
				const report = (errors: readonly string[]): void => {
					if (loaded) for (const error of errors) context.logger.error(error);
				};
				entryTypes = tolerateBrokenPosts(entryTypes, await loadErrorsOf(), report);
				parseData = tolerantParseData(parseData, report);
			}
			const read = new Set<string>();
			const lean = mechanismOn(process.env, 'lean-loader');
			await inner.load({
				...context,
				generateDigest,
				parseData,
				store: withWordCounts(context.store, lean),
				entryTypes: new EntryTypesByExtension(
					recordReads(
						skipUnchanged(lean ? renderOnlyLocalImages(entryTypes) : entryTypes, {
							store: context.store,
							generateDigest,
						}),
						read,
					),
				),
			} as LoaderContext);
			loaded = true;
			await expectEveryPostRead(resolve(fileURLToPath(context.config.root), base), read);
			if (!context.watcher) prepareMarkdownFiles(foreseenArticles(context.store));
		},
	};
}

/**
 * The Markdown files the article pages will render, newest first as the pages are built
 * (src/data/posts.ts decides for good): visible posts that Astro does not render itself.
 */
function foreseenArticles(store: LoaderContext['store']): PlannedPost[] {
	const now = buildNow(process.env);
	const preview = isPreview(process.env);
	const posts: { slug: string; keywords: []; pubDate: Date; filePath: string }[] = [];
	for (const { id, data, filePath, rendered } of store.values()) {
		const state = data as Partial<PublishState>;
		if (rendered || !filePath || !isMarkdownFile(filePath) || contentErrors(data)) continue;
		if (!(state.pubDate instanceof Date)) continue;
		const publish = { draft: state.draft === true, pubDate: state.pubDate };
		if (isVisible(publish, now, preview))
			posts.push({ slug: id, keywords: [], pubDate: publish.pubDate, filePath });
	}
	return posts.sort(byNewest).map(({ slug, filePath }) => {
		const pathname = postPath(slug);
		return { filePath, pathname, pageUrl: absoluteUrl(pathname), cacheKey: '' };
	});
}

/** A broken post's Russian error messages, stored in `astro dev` instead of its fields. */
export function contentErrors(data: object): string[] | undefined {
	const value: unknown = (data as Record<string, unknown>)[CONTENT_ERRORS_FIELD];
	return Array.isArray(value) ? value.map(String) : undefined;
}

/** The word count the loader stored with a post (0 if it has none). */
export function storedWordCount(data: object): number {
	const value: unknown = (data as Record<string, unknown>)[WORD_COUNT_FIELD];
	return typeof value === 'number' ? value : 0;
}
