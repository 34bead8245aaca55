import type { AstroIntegration } from 'astro';
import { PREVIEW_ENV } from '../lib/content/publishing.ts';

/**
 * Tells src/data/posts.ts whether drafts and scheduled posts may be shown: yes under
 * `astro dev`, never in `astro build`, whatever the environment says.
 */
export function previewMode(): AstroIntegration {
	return {
		name: 'butlerspb:preview-mode',
		hooks: {
			'astro:config:setup': ({ command }) => {
				process.env[PREVIEW_ENV] = String(command === 'dev');
			},
		},
	};
}
