import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

/*
 * The README and the performance reference describe the system as it is: dated figures, no
 * history (commit hashes, numbered change lists, "before"/"now" rows). History is git log's.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const DOCS = ['README.md', 'docs/performance.md'];

test.each(DOCS)('%s holds no history', (path) => {
	const text = readFileSync(resolve(ROOT, path), 'utf8');
	expect(text).not.toMatch(/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{7,40}\b/);
	expect(text).not.toMatch(/\bchanges? \d+[–-]\d+\b/i);
	expect(text).not.toMatch(/\|\s*(before|now),/i);
	expect(text).not.toMatch(/\b(morning|evening)\b/i);
});

test.each(DOCS)('%s dates its performance figures', (path) => {
	const text = readFileSync(resolve(ROOT, path), 'utf8');
	expect(text).toMatch(/Measured (on )?\d{4}-\d{2}-\d{2}/);
	expect(text).toMatch(/npm run bench -- --posts 1000/);
});
