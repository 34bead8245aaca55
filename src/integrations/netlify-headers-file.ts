import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import {
	buildSiteHeaderRules,
	renderHeadersFile,
	type TopLevelEntry,
} from '../lib/netlify/netlify-headers.ts';

/** Whether a folder of the output holds an HTML page at any depth. */
async function holdsPages(dir: string): Promise<boolean> {
	const names = await readdir(dir, { recursive: true });
	return names.some((name) => name.endsWith('.html'));
}

/**
 * Writes `dist/_headers` (Netlify reads it with netlify.toml) from what the build wrote: the
 * site's CSP on every top-level file and folder but the editor's page, and revalidation on
 * pages and feeds (`buildSiteHeaderRules`). Listed last in astro.config.ts, after every
 * integration that writes into the output, whose `astro:build:done` hooks run before it.
 */
export function netlifyHeadersFile(): AstroIntegration {
	return {
		name: 'butlerspb:netlify-headers-file',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const out = fileURLToPath(dir);
				const dirents = await readdir(out, { withFileTypes: true });
				const entries: TopLevelEntry[] = await Promise.all(
					dirents.map(async (entry) => ({
						name: entry.name,
						isFolder: entry.isDirectory(),
						hasPages: entry.isDirectory() && (await holdsPages(join(out, entry.name))),
					})),
				);
				const admin = dirents.some((entry) => entry.name === 'admin' && entry.isDirectory())
					? await readdir(join(out, 'admin'))
					: [];
				const rules = buildSiteHeaderRules(entries, undefined, admin);
				await writeFile(join(out, '_headers'), renderHeadersFile(rules));
				logger.info(`_headers written: ${rules.length} rules`);
			},
		},
	};
}
