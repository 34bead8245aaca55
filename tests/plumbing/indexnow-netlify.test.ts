import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { beforeAll, expect, test } from 'vitest';
import { INDEXNOW_BATCH_SIZE, INDEXNOW_STATE_FILE } from '../../src/lib/netlify/indexnow.ts';
import { ROOT } from '../support/build.ts';
import { loadNetlifyConfig, type NetlifyConfig } from '../support/netlify.ts';

/*
 * The IndexNow plugin as Netlify finds it: declared in netlify.toml (read by @netlify/config),
 * resolved like a local plugin (a package starting with `/` is a path from the build folder),
 * its manifest.yml valid by Netlify's rules (parsed with `yaml`, as Netlify does), and its main
 * file loadable by plain Node 24, the version the plugin runs on.
 */
const PACKAGE = '/netlify/plugins/indexnow';
let config: NetlifyConfig;
let pluginPath: string;

beforeAll(async () => {
	config = await loadNetlifyConfig();
	pluginPath = createRequire(join(ROOT, 'package.json')).resolve(`.${PACKAGE}`);
});

test('netlify.toml declares the local plugin once, with no inputs overridden', () =>
	expect(config.plugins.filter((plugin) => plugin.package === PACKAGE)).toEqual([
		{ package: PACKAGE, inputs: {} },
	]));

test('the plugin resolves to a JavaScript file (a .ts main would go through ts-node)', () => {
	expect(pluginPath).toBe(join(ROOT, 'netlify/plugins/indexnow/index.js'));
});

test('manifest.yml is valid by Netlify rules and its defaults are the code defaults', async () => {
	const manifestPath = join(dirname(pluginPath), 'manifest.yml');
	expect(existsSync(manifestPath)).toBe(true);
	const manifest = parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
	expect(Object.keys(manifest).filter((key) => key !== 'name' && key !== 'inputs')).toEqual([]);
	expect(manifest['name']).toBe('indexnow');
	const inputs = manifest['inputs'] as Record<string, unknown>[];
	for (const input of inputs) {
		expect(typeof input['name']).toBe('string');
		expect(
			Object.keys(input).filter(
				(key) => !['name', 'description', 'required', 'default'].includes(key),
			),
		).toEqual([]);
	}
	expect(Object.fromEntries(inputs.map((input) => [input['name'], input['default']]))).toEqual({
		batchSize: INDEXNOW_BATCH_SIZE,
		stateFile: INDEXNOW_STATE_FILE,
	});
});

test('Node 24 loads the plugin file and finds the onSuccess handler', async () => {
	const { stdout } = await promisify(execFile)(join(ROOT, 'node_modules/.bin/node'), [
		'--input-type=module',
		'-e',
		`const plugin = await import(${JSON.stringify(pathToFileURL(pluginPath).href)});` +
			`console.log(Object.keys(plugin).join(), typeof plugin.onSuccess);`,
	]);
	expect(stdout.trim()).toBe('onSuccess function');
});
