import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { hash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCheckCache } from '../lib/content-check-cache.ts';
import { openContentCheckGate } from '../lib/content-check-gate.ts';
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

/** Checks every post, prints every finding; returns the number of errors and the lastmod index. */
async function runCheck(
	root: string,
	cacheDir: string,
	logger: AstroIntegrationLogger,
): Promise<{ errors: number; lastmod: Map<string, Date> }> {
	const dir = resolve(root, getContentDir());
	// Posts unchanged since the last build are not checked again (see content-check-cache.ts).
	const cache = await openCheckCache(
		join(cacheDir, 'content-check.bin'),
		await checkCodeVersion(root),
	);
	const { findings, posts } = await checkContentDir(dir, undefined, cache.checker);
	await cache.save();
	for (const finding of findings) {
		const line = formatFinding(finding);
		if (finding.severity === 'error') logger.error(line);
		else logger.warn(line);
	}
	return {
		errors: findings.filter((finding) => finding.severity === 'error').length,
		lastmod: buildLastmodIndex(posts, buildNow()),
	};
}

/**
 * Runs the editors' content check on every build and dev start: prints every warning and error
 * at once and stops the build on errors, before Astro reports only the first of them. It starts
 * with the config and runs while Astro loads the content config; the posts loader waits for it
 * (src/lib/content-check-gate.ts). The same read of the posts gives the sitemap its lastmod
 * dates, so posts are read only once.
 */
export function contentCheck(): ContentCheckIntegration {
	let lastmod = new Map<string, Date>();
	let running: Promise<void> | undefined;
	return {
		name: 'butlerspb:content-check',
		lastmod: (url) => lastmod.get(url),
		hooks: {
			'astro:config:setup': ({ config, logger, command }) => {
				if (command === 'preview' || command === 'sync') return;
				running = runCheck(fileURLToPath(config.root), fileURLToPath(config.cacheDir), logger).then(
					(result) => {
						lastmod = result.lastmod;
						if (result.errors > 0 && command === 'build') {
							throw new Error(
								`Проверка статей: ошибок — ${result.errors}. Исправьте их (список выше) и запустите сборку снова.`,
							);
						}
					},
				);
				openContentCheckGate(running);
			},
			// The loader has waited for the check already; this covers a build that loads no posts.
			'astro:build:start': async () => {
				await running;
			},
		},
	};
}
