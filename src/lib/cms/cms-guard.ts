/*
 * The rules of the browser editor's local back end (decap-server on the dev server): who may
 * call it and which files each call may touch. decap-server itself would read and write any
 * file of the project (it is handed the project root): `src/pages/x.astro` written through it
 * runs as server code in `astro dev`. These rules let through only what the editor needs: the
 * posts and the pictures of the folders the CMS config names, from this machine only.
 */

/** Folders the editor may touch, as the CMS config names them (relative to the project root). */
export interface CmsFolders {
	/** The posts' collection folder, e.g. `src/content/blog`. */
	posts: string;
	/** The media folder, e.g. `src/content/blog/images`. */
	media: string;
}

/** How a call uses a path: reading or listing, or writing, moving and deleting. */
export type PathUse = 'read' | 'list' | 'write-entry' | 'write-media' | 'delete';

/** One path a call names, with what the call does with it. */
export interface PathRequest {
	path: string;
	use: PathUse;
}

/** A refused call: the reason in Russian, for the dev server's terminal. */
export interface Refusal {
	reason: string;
}

/** Whether a socket's remote address is this machine (127.0.0.0/8 or ::1, IPv4-mapped too). */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (!address) return false;
	const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
	if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true;
	return address === '::1' || address === '0:0:0:0:0:0:0:1';
}

/** Picture files the media folder takes (what posts use; no SVG, which may carry scripts). */
const MEDIA_FILE = /\.(?:avif|gif|jpe?g|png|webp)$/i;
/** Post files the editor writes: the collection's extension. */
const ENTRY_FILE = /\.md$/i;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
	typeof value === 'string' ? value : undefined;
const pathsOf = (list: unknown, key = 'path'): (string | undefined)[] =>
	Array.isArray(list) ? list.map((item) => (isObject(item) ? text(item[key]) : undefined)) : [];

/**
 * The paths a call of decap-server's API names, with their use, or a refusal for a call the
 * editor never makes (an unknown action, a malformed body). Mirrors the actions of
 * decap-server's local file-system middleware; editorial workflow actions are refused, since
 * the site publishes in `simple` mode.
 */
export function requestedPaths(body: unknown): PathRequest[] | Refusal {
	if (!isObject(body)) return { reason: 'запрос без тела JSON' };
	const action = text(body['action']);
	const params = isObject(body['params']) ? body['params'] : {};
	let named: { path: string | undefined; use: PathUse }[];
	switch (action) {
		case 'info':
		case 'getDeployPreview':
			return [];
		case 'entriesByFolder':
			named = [{ path: text(params['folder']), use: 'list' }];
			break;
		case 'entriesByFiles':
			named = pathsOf(params['files']).map((path) => ({ path, use: 'read' as const }));
			break;
		case 'getEntry':
		case 'getMediaFile':
			named = [{ path: text(params['path']), use: 'read' }];
			break;
		case 'getMedia':
			named = [{ path: text(params['mediaFolder']), use: 'list' }];
			break;
		case 'persistEntry': {
			const entry = isObject(params['entry']) ? [params['entry']] : [];
			const dataFiles = Array.isArray(params['dataFiles']) ? params['dataFiles'] : entry;
			if (dataFiles.length === 0) return { reason: 'запрос на запись без файла статьи' };
			named = [
				...pathsOf(dataFiles).map((path) => ({ path, use: 'write-entry' as const })),
				...pathsOf(dataFiles, 'newPath')
					.filter((path) => path !== undefined)
					.map((path) => ({ path, use: 'write-entry' as const })),
				...pathsOf(params['assets']).map((path) => ({ path, use: 'write-media' as const })),
			];
			break;
		}
		case 'persistMedia':
			named = [
				{
					path: isObject(params['asset']) ? text(params['asset']['path']) : undefined,
					use: 'write-media',
				},
			];
			break;
		case 'deleteFile':
			named = [{ path: text(params['path']), use: 'delete' }];
			break;
		case 'deleteFiles':
			named = Array.isArray(params['paths'])
				? params['paths'].map((path) => ({ path: text(path), use: 'delete' as const }))
				: [];
			if (named.length === 0) return { reason: 'запрос на удаление без файлов' };
			break;
		default:
			return { reason: `действие «${action ?? '(нет)'}» редактору не нужно` };
	}
	const missing = named.find((item) => item.path === undefined);
	if (missing) return { reason: 'в запросе нет пути к файлу' };
	return named as PathRequest[];
}

/** `a/b` is `folder` itself or inside it (both normalised, forward slashes, no trailing slash). */
const isWithin = (path: string, folder: string): boolean =>
	path === folder || path.startsWith(`${folder}/`);
const trimSlashes = (path: string): string => path.replace(/\/+$/, '');

/**
 * Checks one path by its text: relative to the project root, forward slashes, no `.`/`..`
 * segments, no empty segments, no control characters, inside the folder its use allows.
 * Returns the path without a trailing slash, or a refusal. Symbolic links are the caller's
 * business: they need the disk (see the back end's plumbing).
 */
export function checkPath(request: PathRequest, folders: CmsFolders): { path: string } | Refusal {
	const { path: raw, use } = request;
	const shown = JSON.stringify(raw);
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (raw === '' || /[\u0000-\u001f\\]/.test(raw))
		return { reason: `путь ${shown} с недопустимыми символами` };
	if (raw.startsWith('/') || /^[a-z]:/i.test(raw))
		return { reason: `абсолютный путь ${shown}: нужны пути внутри папки статей` };
	const path = trimSlashes(raw);
	const segments = path.split('/');
	if (segments.some((segment) => segment === '..' || segment === '.' || segment === ''))
		return { reason: `путь ${shown} с «..», «.» или «//»` };
	const posts = trimSlashes(folders.posts);
	const media = trimSlashes(folders.media);
	const outside = { reason: `путь ${shown} вне папок ${posts}/ и ${media}/` };
	switch (use) {
		case 'read':
		case 'list':
			return isWithin(path, posts) || isWithin(path, media) ? { path } : outside;
		case 'write-entry': {
			if (!isWithin(path, posts) || isWithin(path, media)) return outside;
			if (path.slice(posts.length + 1).includes('/'))
				return { reason: `статья ${shown} не прямо в папке ${posts}/` };
			return ENTRY_FILE.test(path) ? { path } : { reason: `статья ${shown} не файл .md` };
		}
		case 'write-media':
			if (!isWithin(path, media) || path === media) return outside;
			return MEDIA_FILE.test(path)
				? { path }
				: { reason: `файл ${shown} не картинка (.jpg, .png, .webp, .avif, .gif)` };
		case 'delete':
			if (isWithin(path, media) && path !== media && MEDIA_FILE.test(path)) return { path };
			if (isWithin(path, posts) && ENTRY_FILE.test(path)) return { path };
			return { reason: `удалять можно только статьи .md и картинки, не ${shown}` };
	}
}

/**
 * Checks every path of a call. Returns the checked paths with their uses, or the first
 * refusal: one bad path refuses the whole call, so nothing of it is read or written.
 */
export function checkRequest(body: unknown, folders: CmsFolders): PathRequest[] | Refusal {
	const requests = requestedPaths(body);
	if (!Array.isArray(requests)) return requests;
	const checked: PathRequest[] = [];
	for (const request of requests) {
		const result = checkPath(request, folders);
		if ('reason' in result) return result;
		checked.push({ path: result.path, use: request.use });
	}
	return checked;
}

/** The terminal line for a refused call (Russian: the editor runs the dev server). */
export const refusalMessage = (from: string, reason: string): string =>
	`Редактор (/admin/): запрос с адреса ${from} отклонён (403): ${reason}.`;

/** The terminal line for a call from another device on the network. */
export const notLoopbackReason =
	'редактор отвечает только этому компьютеру, а не другим устройствам в сети';
