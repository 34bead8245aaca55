import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import {
	headingAnchors,
	russianTypography,
	safeLinks,
	stripScripts,
} from './src/markdown/plugins.ts';
import { SITE } from './src/site.ts';

export default defineConfig({
	site: SITE.url,
	// Fixture and benchmark builds use their own cache so they never disturb the main one.
	...(process.env['ASTRO_CACHE_DIR'] ? { cacheDir: process.env['ASTRO_CACHE_DIR'] } : {}),
	trailingSlash: 'always',
	build: { format: 'directory', inlineStylesheets: 'never' },
	vite: {
		// Client scripts always ship as files in /_astro/, never inlined into the page, so the
		// Content-Security-Policy can allow scripts from 'self' only.
		build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
	},
	markdown: {
		processor: satteri({
			// Raw HTML in posts becomes real elements, so links in it get rel="noopener" too.
			features: { rawHtml: true, smartPunctuation: { quotes: false } },
			hastPlugins: [stripScripts, safeLinks, headingAnchors, russianTypography],
		}),
	},
	integrations: [
		contentCheck(),
		mdx(),
		sitemap({ filter: (page) => !page.includes('/404') }),
		pagefindIndex(),
	],
});
