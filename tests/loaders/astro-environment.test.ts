import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectLoadedByNode } from '../../src/loaders/astro-environment.ts';

/*
 * What the content config sees when Vite's "astro" environment keeps Astro's packages external
 * (Astro 7.4, astro.config.ts), and what it would see if Astro loaded it in an environment of
 * another name: Vite's own transformed copy of the package, simulated with a Vite server that
 * externalizes nothing.
 */

let vite: ViteDevServer;
beforeAll(async () => {
	vite = await createServer({
		configFile: false,
		logLevel: 'silent',
		server: { middlewareMode: true, ws: false },
		ssr: { noExternal: ['astro'] },
	});
});
afterAll(() => vite.close());

test('imported by Node, as the astro environment does: the build goes on', () => {
	expect(() =>
		expectLoadedByNode('astro/content/config', 'defineCollection', defineCollection),
	).not.toThrow();
	expect(() => expectLoadedByNode('astro/loaders', 'glob', glob)).not.toThrow();
});

test("transformed by Vite (the environment's name changed): the build stops, in both languages", async () => {
	const copy = (await vite.ssrLoadModule(
		'astro/content/config',
	)) as typeof import('astro/content/config');
	const check = () =>
		expectLoadedByNode('astro/content/config', 'defineCollection', copy.defineCollection);
	expect(check).toThrow(/astro\/content\/config загружен через Vite, а не Node/);
	expect(check).toThrow(/was loaded through Vite, not by Node/);
});
