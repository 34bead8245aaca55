import { lstat, readdir, realpath } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';
import decapServer from 'decap-server/dist/middlewares.js';
import {
	checkRequest,
	isLoopbackAddress,
	notLoopbackReason,
	refusalMessage,
	type CmsFolders,
	type PathRequest,
} from '../lib/cms/cms-guard.ts';

/*
 * The CMS's local back end: decap-server's file-system proxy (the API Decap's `local_backend`
 * talks to), mounted on the dev server itself, so it needs no second process, port or CORS.
 * decap-server is handed the project root and would read and write any file under it, so a
 * guard runs first: only calls from this machine's loopback (whatever `astro dev --host` says),
 * only paths inside the CMS's posts and media folders (`src/lib/cms/cms-guard.ts`), and no path
 * whose symbolic links lead out of them. A refused call gets 403, is logged, and reaches
 * nothing on disk. git stays the editor's own business.
 */

/** What the back end needs: the project root, the editor's folders, the terminal's log. */
export interface LocalBackendOptions {
	root: string;
	folders: CmsFolders;
	/** Prints one refused call (the dev server's logger). */
	log: (line: string) => void;
}

/** The real path of `path`'s nearest existing ancestor (itself when it exists). */
async function realExisting(path: string): Promise<string> {
	let current = path;
	for (;;) {
		try {
			await lstat(current);
			return await realpath(current);
		} catch (error) {
			const parent = dirname(current);
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
			current = parent;
		}
	}
}

const isInside = (path: string, folder: string): boolean =>
	path === folder || path.startsWith(`${folder}${sep}`);

/** Symbolic links under `dir` (depth-first, bounded) whose targets are outside every `roots`. */
async function linkLeadingOut(dir: string, roots: string[], depth = 8): Promise<string | null> {
	if (depth === 0) return null;
	const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
	for (const entry of entries) {
		const path = join(dir, entry.name);
		if (entry.isSymbolicLink()) {
			const target = await realpath(path).catch(() => null);
			if (target === null || !roots.some((root) => isInside(target, root))) return path;
		} else if (entry.isDirectory()) {
			const found = await linkLeadingOut(path, roots, depth - 1);
			if (found) return found;
		}
	}
	return null;
}

/**
 * The first path of a checked call that leads out of the editor's folders on disk (through a
 * symbolic link, its own or a parent folder's), as a refusal reason; null when none does.
 */
async function escapeOnDisk(
	root: string,
	folders: CmsFolders,
	requests: PathRequest[],
): Promise<string | null> {
	const roots = await Promise.all(
		[folders.posts, folders.media].map((folder) => realExisting(join(root, folder))),
	);
	const realRoot = await realpath(root);
	// A folder that does not exist yet resolves to an ancestor: it grants nothing above itself.
	const allowed = roots.filter((folder) => folder !== realRoot);
	for (const { path, use } of requests) {
		const absolute = join(root, path);
		const real = await realExisting(absolute);
		if (!allowed.some((folder) => isInside(real, folder)))
			return `путь ${JSON.stringify(path)} ведёт по символической ссылке за пределы папки статей`;
		if (use === 'list') {
			const link = await linkLeadingOut(real, allowed);
			if (link)
				return `в папке ${JSON.stringify(path)} символическая ссылка ${JSON.stringify(relative(root, link))} ведёт за её пределы`;
		}
	}
	return null;
}

/** An Express app that answers Decap's POST /api/v1 for the editor's folders only. */
export async function createLocalBackend({
	root,
	folders,
	log,
}: LocalBackendOptions): Promise<Express> {
	const app = express();
	const refuse = (req: Request, res: Response, reason: string): void => {
		log(refusalMessage(req.socket.remoteAddress ?? '?', reason));
		res.status(403).json({ error: `Отклонено: ${reason}` });
	};
	// First, before the body is read: another device on the network gets nothing.
	app.use((req: Request, res: Response, next: NextFunction) => {
		if (isLoopbackAddress(req.socket.remoteAddress)) next();
		else refuse(req, res, notLoopbackReason);
	});
	// decap-server's own JSON parser (registered below) skips a body that is already parsed.
	app.use(express.json({ limit: '50mb' }));
	app.post('/api/v1', (req: Request, res: Response, next: NextFunction) => {
		const checked = checkRequest(req.body as unknown, folders);
		if (!Array.isArray(checked)) {
			refuse(req, res, checked.reason);
			return;
		}
		escapeOnDisk(root, folders, checked).then(
			(reason) => (reason ? refuse(req, res, reason) : next()),
			next,
		);
	});
	// decap-server reads its folder from the environment while it registers its routes.
	const previous = process.env['GIT_REPO_DIRECTORY'];
	process.env['GIT_REPO_DIRECTORY'] = root;
	try {
		await decapServer.registerLocalFs(app, { logLevel: 'warn' });
	} finally {
		if (previous === undefined) delete process.env['GIT_REPO_DIRECTORY'];
		else process.env['GIT_REPO_DIRECTORY'] = previous;
	}
	return app;
}
