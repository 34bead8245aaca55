// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/**', '**/.astro/', 'node_modules/', 'bench-results/', 'test-results/'] },
	js.configs.recommended,
	...tseslint.configs.strict,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			// Unused names starting with _ are deliberate (e.g. a counted loop variable).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
			],
			// noUncheckedIndexedAccess types every index read as optional; after a bounds check a `!`
			// says more than a fallback value that can never be used.
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		files: ['src/**/*.astro', 'src/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		// Frontmatter has one reading, the build's (src/lib/content/frontmatter.ts); gray-matter's own YAML
		// engine (js-yaml 3, YAML 1.1) reads posts differently. Netlify's manifest is not a post.
		ignores: [
			'src/lib/content/frontmatter.ts',
			'tests/lib/content/frontmatter.test.ts',
			'tests/plumbing/indexnow-netlify.test.ts',
		],
		rules: {
			'no-restricted-imports': [
				'error',
				...['gray-matter', 'js-yaml', 'yaml'].map((name) => ({
					name,
					message: 'Read post frontmatter with src/lib/content/frontmatter.ts, as the build does.',
				})),
			],
		},
	},
);
