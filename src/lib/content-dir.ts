/** Default folder of the blog collection, relative to the project root. */
export const DEFAULT_CONTENT_DIR = 'src/content/blog';

/**
 * Folder the blog collection is read from. `BLOG_CONTENT_DIR` points it elsewhere (the benchmark
 * builds generated corpora that way); the default is src/content/blog.
 */
export const getContentDir = (env: Readonly<Record<string, string | undefined>>): string =>
	env['BLOG_CONTENT_DIR']?.trim() || DEFAULT_CONTENT_DIR;

/** File names the collection loads. */
export const POST_GLOB = '**/[^_]*.{md,mdx}';

/** The slug (entry id) of a post file: its file name without extension. */
export const slugFromFileName = (file: string): string =>
	(file.replace(/\\/g, '/').split('/').pop() ?? '').replace(/\.mdx?$/i, '');
