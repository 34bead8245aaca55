import { createRequire } from 'node:module';
import { expectAstro } from '../lib/pipeline/astro-internals.ts';

/*
 * astro.config.ts marks `astro/loaders` and `astro/content/config` external in Vite's "astro"
 * environment, the one Astro loads the content config in, so Node loads them once instead of
 * Vite transforming ~50 modules of them on every build. The environment's name is not Astro's
 * API: if Astro renamed it, the setting would be ignored and every build slower, unseen. The
 * content config checks that what it imported is the copy Node loaded.
 */

const require = createRequire(import.meta.url);

/**
 * Fails unless `value` is the export `name` of `specifier` as Node loads it: the module was not
 * transformed by Vite (whose own copy would hold other functions).
 */
export function expectLoadedByNode(specifier: string, name: string, value: unknown): void {
	const fromNode: unknown = (require(specifier) as Record<string, unknown>)[name];
	expectAstro(
		fromNode === value,
		`${specifier} загружен через Vite, а не Node: окружение Vite «astro» в astro.config.ts больше не то, в котором Astro читает src/content.config.ts`,
		`${specifier} was loaded through Vite, not by Node: Vite's "astro" environment in astro.config.ts is no longer the one Astro loads src/content.config.ts in`,
	);
}
