import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
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
				const dir = resolve(new URL('.', config.root).pathname, getContentDir());
				const { findings, posts } = await checkContentDir(dir);
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
