import type { AstroIntegration } from 'astro';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { close, createIndex } from 'pagefind';
import { SEARCH_INDEX_DIR } from '../lib/search.ts';
import { SITE } from '../site.ts';

/**
 * Builds the Pagefind search index over the finished site at the end of every `astro build`,
 * into dist/pagefind/. Only elements marked `data-pagefind-body` (article bodies) are indexed;
 * the language is forced to the site's, so Russian stemming applies to every page
 * («доверие» finds «доверия»).
 */
export function pagefindIndex(): AstroIntegration {
	return {
		name: 'butlerspb:pagefind',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				try {
					const { index, errors } = await createIndex({ forceLanguage: SITE.lang });
					if (!index) throw new Error(errors.join('\n'));
					const added = await index.addDirectory({ path: site });
					const written = await index.writeFiles({ outputPath: join(site, SEARCH_INDEX_DIR) });
					const problems = [...added.errors, ...written.errors];
					if (problems.length > 0) throw new Error(problems.join('\n'));
					logger.info(`Поисковый индекс: страниц — ${added.page_count}`);
				} finally {
					await close();
				}
			},
		},
	};
}
