// @ts-check
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
	{ ignores: ['dist/', '.astro/', 'node_modules/', 'bench-results/', 'test-results/'] },
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
		},
	},
	{
		files: ['tests/**/*.ts'],
		rules: {
			// Tests assert a value exists first; a failed `!` then fails the test, which is the point.
			'@typescript-eslint/no-non-null-assertion': 'off',
		},
	},
	{
		files: ['src/**/*.astro', 'src/**/*.ts'],
		languageOptions: { globals: { ...globals.browser } },
	},
);
