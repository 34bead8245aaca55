import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { createLocalBackend } from '../plumbing/cms-local-backend.ts';
import {
	ADMIN_PATH,
	CMS_FOLDERS,
	isCmsBundleFile,
	LOCAL_BACKEND_PATH,
} from '../lib/cms/cms-paths.ts';

/** node_modules/decap-cms/dist: the CMS's prebuilt bundle (React and its locales included). */
const bundleDir = (): string =>
	dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));

/**
 * The browser editor at /admin/ (its page and config.yml are routes in src/pages/admin/). The
 * CMS's own bundle comes from npm, never from a CDN: `astro build` copies it into dist/admin/,
 * `astro dev` serves it from node_modules and answers the local back end's API (decap-server)
 * on the dev server, for this machine only and for the posts' and media folders only.
 */
export function decapCms(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'butlerspb:decap-cms',
		hooks: {
			'astro:config:setup': ({ config }) => {
				root = fileURLToPath(config.root);
			},
			'astro:server:setup': async ({ server, logger }) => {
				const backend = await createLocalBackend({
					root,
					folders: CMS_FOLDERS,
					log: (line) => logger.warn(line),
				});
				const dir = bundleDir();
				server.middlewares.use((req, res, next) => {
					const path = (req.url ?? '/').split('?')[0] ?? '/';
					if (path === LOCAL_BACKEND_PATH) {
						req.url = '/api/v1';
						backend(req as never, res as never, next);
						return;
					}
					const name = path.startsWith(ADMIN_PATH) ? path.slice(ADMIN_PATH.length) : '';
					if (!isCmsBundleFile(name)) {
						next();
						return;
					}
					res.setHeader('content-type', 'text/javascript; charset=utf-8');
					createReadStream(join(dir, name)).on('error', next).pipe(res);
				});
			},
			'astro:build:done': async ({ dir, logger }) => {
				const from = bundleDir();
				const to = join(fileURLToPath(dir), ADMIN_PATH);
				await mkdir(to, { recursive: true });
				const files = (await readdir(from)).filter(isCmsBundleFile);
				await Promise.all(files.map((file) => copyFile(join(from, file), join(to, file))));
				logger.info(`${files.length} files of the CMS bundle copied to ${ADMIN_PATH}`);
			},
		},
	};
}
