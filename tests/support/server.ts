import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { DIST } from './build.ts';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.json': 'application/json',
	'.yml': 'text/yaml; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.jpg': 'image/jpeg',
};

/**
 * Types sent compressed to a client that accepts gzip, as Netlify compresses text and JSON
 * responses (HTML, CSS, scripts, feeds, the search index): bytes on the wire match production.
 */
const COMPRESSED = new Set([
	'.html',
	'.css',
	'.js',
	'.mjs',
	'.json',
	'.yml',
	'.xml',
	'.txt',
	'.svg',
]);

/** Whether a request's Accept-Encoding allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
	const value = Array.isArray(header) ? header.join(',') : (header ?? '');
	return value.split(',').some((part) => {
		const [coding = '', ...params] = part.split(';').map((item) => item.trim().toLowerCase());
		if (coding !== 'gzip' && coding !== '*') return false;
		const q = params.find((param) => param.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

/** Headers to add to a response, decided per path (e.g. from netlify.toml rules). */
export type HeaderRules = (path: string) => Record<string, string>;

/**
 * A static server for a built site on 127.0.0.1, as Netlify serves it (404.html for misses, text
 * and JSON gzipped for clients that accept it).
 */
export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** Answers some requests itself (an API next to the files); returns false to leave it to the files. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** Serves `root` on a free loopback port. */
export async function serveDist(
	root: string = DIST,
	headers: HeaderRules = () => ({}),
	handle: RequestHandler = () => false,
): Promise<StaticServer> {
	const server: Server = createServer(async (req, res) => {
		if (handle(req, res)) return;
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
		let file = normalize(join(root, path));
		let status = 200;
		if (!file.startsWith(root)) file = join(root, '404.html');
		try {
			if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
			await stat(file);
		} catch {
			file = join(root, '404.html');
			status = 404;
		}
		const gzip = COMPRESSED.has(extname(file)) && acceptsGzip(req.headers['accept-encoding']);
		res.writeHead(status, {
			'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
			...(COMPRESSED.has(extname(file)) ? { vary: 'Accept-Encoding' } : {}),
			...(gzip ? { 'content-encoding': 'gzip' } : {}),
			...headers(path),
		});
		const body = createReadStream(file);
		if (gzip) body.pipe(createGzip()).pipe(res);
		else body.pipe(res);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
