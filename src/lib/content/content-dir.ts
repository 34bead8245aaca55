/** Default folder of the blog collection, relative to the project root. */
export const DEFAULT_CONTENT_DIR = 'src/content/blog';

/**
 * Folder the blog collection is read from. `BLOG_CONTENT_DIR` points it elsewhere (the benchmark
 * builds generated corpora that way); the default is src/content/blog.
 */
export const getContentDir = (env: Readonly<Record<string, string | undefined>>): string =>
	env['BLOG_CONTENT_DIR']?.trim() || DEFAULT_CONTENT_DIR;

/**
 * File names the collection loads: Markdown as `.md` or `.markdown` in any letter case, and MDX
 * as `.mdx` (MDX is compiled by a Vite plugin that knows only the lower-case extension). Names
 * starting with `_` are left out, as Astro does; the content check reports them and every other
 * file it does not publish (`describeSkippedFile`), so the check and the build agree on the posts.
 */
export const POST_GLOB = '**/[^_]*.{[mM][dD],[mM][aA][rR][kK][dD][oO][wW][nN],mdx}';

const MARKDOWN = /\.(?:md|markdown)$/i;
const MDX = /\.mdx$/;

/** Whether a file is a Markdown post (`.md` or `.markdown`, any case). */
export const isMarkdownFile = (file: string): boolean => MARKDOWN.test(file);

const baseName = (file: string): string => file.replace(/\\/g, '/').split('/').pop() ?? '';

/** Whether the build publishes a file of the content folder as a post (what POST_GLOB matches). */
export function isPostFile(file: string): boolean {
	const name = baseName(file);
	return !name.startsWith('_') && (MARKDOWN.test(name) || MDX.test(name));
}

/** The entry-type key Astro registers for a post file's extension (`.MD` and `.markdown` are `.md`). */
export function entryTypeKey(extension: string): string {
	const lower = extension.toLowerCase();
	return lower === '.markdown' ? '.md' : lower;
}

/** The slug (entry id) of a post file: its file name without extension. */
export const slugFromFileName = (file: string): string =>
	baseName(file).replace(/\.(?:mdx?|markdown)$/i, '');

/** Files that are part of a post without being one: its images and other media. */
const ASSET = /\.(?:avif|gif|jpe?g|png|svg|webp|mp4|webm|pdf)$/i;

/** Text files that look like posts under a name the build does not load. */
const POST_LIKE = /\.(?:mdx|mdown|mkdn?|mdwn|markdown|md)$/i;

/** Why a file of the content folder is not published, in Russian; undefined for posts and assets. */
export function describeSkippedFile(
	file: string,
): { severity: 'error' | 'warning'; message: string } | undefined {
	const name = baseName(file);
	if (name.startsWith('.') || isPostFile(name) || ASSET.test(name)) return undefined;
	if (name.startsWith('_') && POST_LIKE.test(name)) {
		return {
			severity: 'error',
			message: `файлы, имя которых начинается с «_», сайт не публикует. Чтобы статья вышла, переименуйте файл в ${name.replace(/^_+/, '')}; чтобы статья оставалась черновиком, уберите «_» и поставьте draft: true`,
		};
	}
	if (POST_LIKE.test(name)) {
		const fixed = name.replace(/\.[^.]+$/, /\.mdx$/i.test(name) ? '.mdx' : '.md');
		return {
			severity: 'error',
			message: `файл с таким расширением сайт не публикует: статьи пишутся в файлах .md (или .mdx). Переименуйте файл в ${fixed}`,
		};
	}
	return {
		severity: 'warning',
		message:
			'этот файл не статья (.md, .mdx) и не картинка (.jpg, .png, .webp, .avif, .gif, .svg): на сайт он не попадёт. Если он не нужен статьям, уберите его из папки со статьями',
	};
}
