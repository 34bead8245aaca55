// First: its worker loads the content check while the rest of the config loads.
import { contentCheck } from './src/integrations/content-check.ts';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import type { AstroUserConfig } from 'astro';
import { cachedPages } from './src/integrations/cached-pages.ts';
import { indexNowKeyFile } from './src/integrations/indexnow.ts';
import { markdownWorkers } from './src/integrations/markdown-workers.ts';
import { decapCms } from './src/integrations/decap-cms.ts';
import { devNetworkGuard } from './src/integrations/dev-network.ts';
import { netlifyHeadersFile } from './src/integrations/netlify-headers-file.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { previewMode } from './src/integrations/preview-mode.ts';
import { withPagesInSitemapOrder } from './src/integrations/sitemap-order.ts';
import { keepScriptsExternal } from './src/lib/netlify/security-headers.ts';
import { getSitemapConfig } from './src/lib/seo/sitemap.ts';
import { SYNTAX_HIGHLIGHT, markdownProcessor } from './src/markdown/processor.ts';
import { SITE } from './src/site.ts';

/*
 * Astro loads the content config in its own Vite environment ("astro"), where Astro's packages are
 * never externalized, so `astro/loaders` would be transformed module by module: ~50 modules and
 * 0.3-0.4 s before a build reads its first post. Loaded by Node, it is the copy Astro itself runs.
 */
const ASTRO_ENVIRONMENT = { resolve: { external: ['astro/loaders', 'astro/content/config'] } };

/** The content check reads every post once; the sitemap takes its lastmod dates from that read. */
const content = contentCheck();

/*
 * A typed object rather than `defineConfig()`: that helper returns its argument, and its module
 * (astro/config) loads SVGO, CSS minifiers, font providers and session drivers the build never
 * uses, 0.2-0.3 s of every build.
 */
const config = {
	site: SITE.url,
	// Fixture and benchmark builds use their own cache so they never disturb the main one.
	...(process.env['ASTRO_CACHE_DIR'] ? { cacheDir: process.env['ASTRO_CACHE_DIR'] } : {}),
	trailingSlash: 'always',
	// Four pages at a time: rendering overlaps the file writes and cache copies (a 10,000-post
	// build 108 s instead of 127, its rebuild 18 s instead of 22, the same peak memory).
	build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
	// Scripts stay files in /_astro/ too: the CSP (script-src 'self') allows no inline script.
	vite: {
		build: { assetsInlineLimit: keepScriptsExternal },
		environments: { astro: ASTRO_ENVIRONMENT },
	},
	markdown: { processor: markdownProcessor, syntaxHighlight: SYNTAX_HIGHLIGHT },
	// Pages whose getStaticPaths() cacheKey and templates are unchanged are copied from the cache.
	experimental: { incrementalBuild: true },
	integrations: [
		// `astro dev --host`: other devices on the network see pages, never the project's files.
		devNetworkGuard(),
		previewMode(),
		content,
		mdx(),
		// The articles' Markdown rendered ahead of their pages in worker threads.
		markdownWorkers(),
		withPagesInSitemapOrder(sitemap(getSitemapConfig(content.lastmod))),
		// Before the search index, which reads the generated pages.
		cachedPages(),
		searchIndex(),
		// IndexNow's key file, when INDEXNOW_KEY is set (README, "IndexNow").
		indexNowKeyFile(),
		// The browser editor at /admin/: its bundle from npm, its local back end in `astro dev`.
		decapCms(),
		// Last: dist/_headers covers every file the integrations above wrote.
		netlifyHeadersFile(),
	],
} satisfies AstroUserConfig;

export default config;
