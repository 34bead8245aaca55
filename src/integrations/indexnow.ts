import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { keyFileName, readIndexNowKey } from '../lib/netlify/indexnow.ts';

/**
 * IndexNow's key file: with INDEXNOW_KEY set, the build writes `<key>.txt` holding the key at
 * the site's root, where search engines look for it; without it, nothing. A malformed key stops
 * the build at once with a clear message. The file is no page: it is in neither the sitemap
 * nor the search index.
 */
export function indexNowKeyFile(
	env: Readonly<Record<string, string | undefined>> = process.env,
): AstroIntegration {
	let key: string | undefined;
	return {
		name: 'butlerspb:indexnow-key',
		hooks: {
			'astro:config:setup': () => {
				key = readIndexNowKey(env);
			},
			'astro:build:done': async ({ dir, logger }) => {
				if (!key) return;
				await writeFile(new URL(keyFileName(key), dir), key);
				logger.info(`IndexNow key file written: /${keyFileName(key)}`);
			},
		},
	};
}
