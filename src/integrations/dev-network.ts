import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isLoopbackAddress } from '../lib/cms/cms-guard.ts';
import { mayServeToNetwork, networkRefusalMessage } from '../lib/cms/dev-exposure.ts';

/** Whether `path` (decoded, from the URL) names a file inside `dir`. */
function isFileIn(dir: string, path: string): boolean {
	const absolute = resolve(dir, `.${path}`);
	if (absolute !== dir && !absolute.startsWith(`${dir}${sep}`)) return false;
	try {
		return statSync(absolute).isFile();
	} catch {
		return false;
	}
}

/**
 * `astro dev --host` for other devices on the network: they see the blog's pages and what the
 * pages load, never the project's files (drafts, comments, package.json), which Vite's dev
 * server would otherwise send to anyone who asks (`src/lib/cms/dev-exposure.ts` decides). Requests
 * from this machine are untouched. Dev only: the built site is static files.
 */
export function devNetworkGuard(): AstroIntegration {
	let root = process.cwd();
	return {
		name: 'butlerspb:dev-network-guard',
		hooks: {
			'astro:config:setup': ({ config }) => {
				root = fileURLToPath(config.root).replace(/[\\/]+$/, '');
			},
			'astro:server:setup': ({ server, logger }) => {
				const publicDir = join(root, 'public');
				server.middlewares.use((req, res, next) => {
					const from = req.socket.remoteAddress;
					if (isLoopbackAddress(from)) {
						next();
						return;
					}
					const url = new URL(req.url ?? '/', 'http://dev.invalid');
					let decoded: string;
					try {
						decoded = decodeURIComponent(url.pathname);
					} catch {
						decoded = '';
					}
					const allowed =
						decoded !== '' &&
						mayServeToNetwork({
							pathname: url.pathname,
							search: url.search,
							root: root.split(sep).join('/'),
							isPublicFile: isFileIn(publicDir, decoded),
							isProjectFile: (relative) => isFileIn(root, `/${relative}`),
						});
					if (allowed) {
						next();
						return;
					}
					logger.warn(networkRefusalMessage(from ?? '?', url.pathname));
					res.statusCode = 403;
					res.setHeader('content-type', 'text/plain; charset=utf-8');
					res.end('403: другим устройствам в сети видны страницы блога, но не файлы проекта.\n');
				});
			},
		},
	};
}
