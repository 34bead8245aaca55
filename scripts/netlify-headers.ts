/*
 * Writes the [[headers]] tables of netlify.toml from src/lib/netlify/netlify-headers.ts. netlify.toml
 * stays a static, committed file that Netlify reads as it is; tests/lib/netlify/netlify-config.test.ts
 * fails when it drifts from the rules built in TypeScript.
 *
 *   npm run netlify:headers
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
	generatedHeadersBlock,
	replaceGeneratedBlock,
} from '../src/lib/netlify/netlify-headers.ts';

const file = resolve(import.meta.dirname, '../netlify.toml');
const before = await readFile(file, 'utf8');
const after = replaceGeneratedBlock(before, generatedHeadersBlock());
if (after === before) {
	console.log('netlify.toml: headers are up to date.');
} else {
	await writeFile(file, after);
	console.log('netlify.toml: headers rewritten from src/lib/netlify/netlify-headers.ts.');
}
