import type { AstroIntegration } from 'astro';
import { hash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCheckCache } from '../lib/content-check-cache.ts';
import { checkContentDir } from '../lib/content-check-fs.ts';
import { formatFinding } from '../lib/content-check.ts';
import { getContentDir } from '../lib/content-dir.ts';
import { buildNow } from '../lib/publishing.ts';
import { buildLastmodIndex } from '../lib/sitemap.ts';

/** The content check, plus what it learnt about the posts for other integrations. */
export interface ContentCheckIntegration extends AstroIntegration {
	/** lastmod of a published article by its absolute URL (filled when the config is set up). */
	lastmod: (url: string) => Date | undefined;
}

/**
 * Digest of everything the check's answer for one file can depend on besides the file: the
 * project's own modules (the check, the schema, the site settings) and the locked dependency
 * versions (zod, yaml). Any change there makes the build check every post again.
 */
async function checkCodeVersion(root: string): Promise<string> {
	const lib = join(root, 'src/lib');
	const files = [
		...(await readdir(lib)).filter((name) => name.endsWith('.ts')).map((name) => join(lib, name)),
		join(root, 'src/site.ts'),
		join(root, 'package-lock.json'),
	].sort();
	const parts = await Promise.all(
		files.map(async (file) => `${file}\0${await readFile(file, 'utf8').catch(() => '')}`),
	);
	return hash('sha256', parts.join('\0'), 'base64url');
}

/**
 * Runs the editors' content check before every build and dev start: prints every warning and
 * error at once and stops the build on errors, before Astro reports only the first of them.
 * The same read of the posts gives the sitemap its lastmod dates, so posts are read only once.
 */
export function contentCheck(): ContentCheckIntegration {
	let lastmod = new Map<string, Date>();
	return {
		name: 'butlerspb:content-check',
		lastmod: (url) => lastmod.get(url),
		hooks: {
			'astro:config:setup': async ({ config, logger, command }) => {
				if (command === 'preview' || command === 'sync') return;
				const root = fileURLToPath(config.root);
				const dir = resolve(root, getContentDir());
				// Posts unchanged since the last build are not checked again (see content-check-cache.ts).
				const cache = await openCheckCache(
					join(fileURLToPath(config.cacheDir), 'content-check.bin'),
					await checkCodeVersion(root),
				);
				const { findings, posts } = await checkContentDir(dir, undefined, cache.checker);
				await cache.save();
				lastmod = buildLastmodIndex(posts, buildNow());
				const errors = findings.filter((finding) => finding.severity === 'error');
				for (const finding of findings) {
					const line = formatFinding(finding);
					if (finding.severity === 'error') logger.error(line);
					else logger.warn(line);
				}
				if (errors.length > 0 && command === 'build') {
					throw new Error(
						`Проверка статей: ошибок — ${errors.length}. Исправьте их (список выше) и запустите сборку снова.`,
					);
				}
			},
		},
	};
}
