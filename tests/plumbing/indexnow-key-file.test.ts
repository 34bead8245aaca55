import type { AstroIntegrationLogger } from 'astro';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { indexNowKeyFile } from '../../src/integrations/indexnow.ts';
import { INVALID_KEY_MESSAGE } from '../../src/lib/netlify/indexnow.ts';

/* The integration that writes IndexNow's key file, its hooks called as Astro calls them. */

let dir: string;
beforeEach(async () => {
	dir = await mkdtemp(join(tmpdir(), 'indexnow-key-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const logger = { info: vi.fn() } as unknown as AstroIntegrationLogger;

/** Runs the integration's hooks for a build into `dir`. */
async function build(env: Record<string, string | undefined>): Promise<void> {
	const { hooks } = indexNowKeyFile(env);
	// The hooks use none of the arguments they are not given here.
	const call = (hook: unknown, args: object) => (hook as (args: object) => unknown)(args);
	await call(hooks['astro:config:setup'], {});
	await call(hooks['astro:build:done'], { dir: pathToFileURL(`${dir}/`), logger });
}

test('with INDEXNOW_KEY the build writes <key>.txt holding the key, and nothing else', async () => {
	await build({ INDEXNOW_KEY: 'a1B2-c3D4-e5F6' });
	expect(await readdir(dir)).toEqual(['a1B2-c3D4-e5F6.txt']);
	expect(await readFile(join(dir, 'a1B2-c3D4-e5F6.txt'), 'utf8')).toBe('a1B2-c3D4-e5F6');
});

test.each([{}, { INDEXNOW_KEY: '' }])('with %j there is no key file', async (env) => {
	await build(env);
	expect(await readdir(dir)).toEqual([]);
});

test('a malformed key stops the build before anything is built, with the Russian/English message', async () => {
	await expect(build({ INDEXNOW_KEY: 'bad_key!' })).rejects.toThrow(INVALID_KEY_MESSAGE);
	expect(await readdir(dir)).toEqual([]);
});
