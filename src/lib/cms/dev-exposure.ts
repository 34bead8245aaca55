/*
 * What `astro dev --host` shows to other devices on the network. Vite's dev server serves every
 * file of the project by its path (`/package.json`, `/src/content/blog/draft.md?raw`): on the
 * office Wi-Fi that is the editors' drafts and the notes in their comments. Another device gets
 * what a reader's browser needs to show the pages (rendered pages, the modules and styles the
 * pages load, public files, images), and none of the project's source texts.
 */

/** Folders of the project that no page loads from. */
const PRIVATE_FOLDERS = new Set([
	'.astro',
	'.cache',
	'.ci',
	'.git',
	'bench',
	'dist',
	'docs',
	'netlify',
	'scripts',
	'tests',
]);
/** Pictures, which pages show wherever they live (posts' images are in the content folder). */
const IMAGE = /\.(?:avif|gif|ico|jpe?g|png|svg|webp)$/i;
/** Texts of posts and docs: never sent, whatever the folder. */
const DOCUMENT = /\.(?:md|mdx|markdown)$/i;

/** How a request names a file of the project, for `mayServeToNetwork`. */
export interface DevRequest {
	/** The URL's path, as sent (percent-encoded). */
	pathname: string;
	/** The URL's query, `?…` or empty. */
	search: string;
	/** The project root as an absolute path with forward slashes, no trailing slash. */
	root: string;
	/** Whether the path names a file of `public/` (served at the site's root). */
	isPublicFile: boolean;
	/** Whether a project-relative path names a file that exists (outside `public/`). */
	isProjectFile: (relativePath: string) => boolean;
}

/** The project-relative path a dev URL names (`/@fs/<root>/x` too), or null for other files. */
function projectPath(pathname: string, root: string): string | null {
	const fsPrefix = `/@fs${root}/`;
	if (pathname.startsWith(fsPrefix)) return pathname.slice(fsPrefix.length);
	if (pathname.startsWith('/@fs/')) return null;
	return pathname.replace(/^\/+/, '');
}

/**
 * Whether the dev server may answer a device other than this machine. Refused: a `?raw`
 * import (any file's text), Markdown and MDX files, the content folder but its images, the
 * project's own files at its root (package.json, configs) and folders no page uses.
 */
export function mayServeToNetwork({
	pathname,
	search,
	root,
	isPublicFile,
	isProjectFile,
}: DevRequest): boolean {
	let path: string;
	try {
		path = decodeURIComponent(pathname);
	} catch {
		return false;
	}
	if (path.includes('\\') || path.includes('\0')) return false;
	if (new URLSearchParams(search).has('raw')) return false;
	if (isPublicFile) return true;
	const relative = projectPath(path, root);
	if (relative === null) return !DOCUMENT.test(path);
	if (DOCUMENT.test(relative)) return false;
	const segments = relative.split('/');
	const [first = ''] = segments;
	if (PRIVATE_FOLDERS.has(first)) return false;
	if (relative.startsWith('src/content/')) return IMAGE.test(relative);
	// The project's own files at its root: package.json, astro.config.ts, netlify.toml…
	if (segments.length === 1 && isProjectFile(relative)) return false;
	return true;
}

/** The terminal line for a refused request from the network (Russian: editors run the server). */
export const networkRefusalMessage = (from: string, path: string): string =>
	`Сервер разработки: запрос ${path} с адреса ${from} отклонён (403): другим устройствам в сети ` +
	'видны страницы блога, но не файлы проекта.';
