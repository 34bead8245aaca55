import type { AstroIntegration } from 'astro';
import { resolve } from 'node:path';
import { checkContentDir } from '../lib/content-check-fs.ts';
import { formatFinding } from '../lib/content-check.ts';
import { getContentDir } from '../lib/content-dir.ts';

/**
 * Runs the editors' content check before every build and dev start: prints every warning and
 * error at once and stops the build on errors, before Astro reports only the first of them.
 */
export function contentCheck(): AstroIntegration {
	return {
		name: 'butlerspb:content-check',
		hooks: {
			'astro:config:setup': async ({ config, logger, command }) => {
				if (command === 'preview' || command === 'sync') return;
				const dir = resolve(new URL('.', config.root).pathname, getContentDir());
				const { findings } = await checkContentDir(dir);
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
