import { defineConfig } from 'vitest/config';

/*
 * Four projects: `unit` tests the pure modules of src/lib; `plumbing` the files, workers, loaders
 * and scripts; `dist` reads the built site in dist/
 * (run `npm run build` first); `browser` drives the built site in Chromium.
 */
export default defineConfig({
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: ['tests/lib/**/*.test.ts'],
					// lib/ is pure: its test files share one module graph per worker instead of each
					// loading its own (the unit tests took 23 s instead of 48 s, 2026-12-08).
					isolate: false,
				},
			},
			{
				test: {
					name: 'plumbing',
					// Files, workers, scripts and Astro's loader: each test file isolated, as they
					// stub the environment, mock modules and start processes.
					include: [
						'tests/plumbing/**/*.test.ts',
						'tests/scripts/**/*.test.ts',
						'tests/loaders/**/*.test.ts',
						'tests/support/**/*.test.ts',
					],
					// CLI tests spawn Node processes, which take seconds on a busy two-core machine.
					testTimeout: 30_000,
				},
			},
			{
				test: {
					name: 'dist',
					include: ['tests/dist/**/*.test.ts'],
					globalSetup: ['tests/support/remove-fixture-builds.ts'],
					// One file at a time: `npm test` runs the code lane beside this one, and two files
					// at a time made the whole run slower (388 s against 359 s, 2026-12-07), though
					// each process builds its fixtures in a project copy of its own.
					fileParallelism: false,
					hookTimeout: 180_000,
				},
			},
			{
				test: {
					name: 'browser',
					// The first search loads the index's manifest, a chunk and the results' files:
					// seconds, not the poll's default second, on a busy machine.
					expect: { poll: { timeout: 15_000 } },
					include: ['tests/browser/**/*.test.ts'],
					// Builds the generated fixture blog (pagination, tags, search) once for all files.
					globalSetup: ['tests/browser/global-setup.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false,
				},
			},
		],
	},
});
