import express from 'express';
import type { Express } from 'express';
import decapServer from 'decap-server/dist/middlewares.js';

/*
 * The CMS's local back end: decap-server's file-system proxy (the API Decap's `local_backend`
 * talks to), mounted on the dev server itself, so it listens where the dev server listens
 * (localhost) and needs no second process, port or CORS. It reads and writes the files under
 * `repoPath`; git stays the editor's own business.
 */

/** An Express app that answers Decap's POST /api/v1 for the files under `repoPath`. */
export async function createLocalBackend(repoPath: string): Promise<Express> {
	const app = express();
	// decap-server reads its folder from the environment while it registers its routes.
	const previous = process.env['GIT_REPO_DIRECTORY'];
	process.env['GIT_REPO_DIRECTORY'] = repoPath;
	try {
		await decapServer.registerLocalFs(app, { logLevel: 'warn' });
	} finally {
		if (previous === undefined) delete process.env['GIT_REPO_DIRECTORY'];
		else process.env['GIT_REPO_DIRECTORY'] = previous;
	}
	return app;
}
