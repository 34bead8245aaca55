import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

/*
 * src/lib holds pure logic: input in, value out, grouped by domain in folders of its own. The
 * build's machinery (files, workers, caches, servers) lives in src/plumbing. This test fails
 * when a lib module reaches for the file system, threads, child processes or the process's own
 * state, or imports anything outside src/lib but src/site.ts and packages.
 */
const LIB = resolve(import.meta.dirname, '../../src/lib');
const SITE = resolve(import.meta.dirname, '../../src/site.ts');
const FORBIDDEN = [
	/from ['"]node:(fs|fs\/promises|worker_threads|child_process)['"]/,
	/\bprocess\.(env|cwd|exit|argv|stdout|stderr|on)\b/,
];

const modules = readdirSync(LIB, { recursive: true, encoding: 'utf8' }).filter((name) =>
	name.endsWith('.ts'),
);

test('src/lib has modules to check, each in a domain folder', () => {
	expect(modules.length).toBeGreaterThan(20);
	expect(modules.filter((name) => !name.includes('/'))).toEqual([]);
});

test.each(modules)('src/lib/%s is pure', (name) => {
	const source = readFileSync(resolve(LIB, name), 'utf8');
	for (const pattern of FORBIDDEN)
		expect(source, `${name} matches ${pattern}`).not.toMatch(pattern);
});

/** What a lib module may import: other lib modules, src/site.ts, packages and Node's pure APIs. */
const importsOf = (source: string): string[] =>
	[...source.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map(
		(match) => match[1]!,
	);

test.each(modules)('src/lib/%s imports only lib modules, site.ts and packages', (name) => {
	const source = readFileSync(resolve(LIB, name), 'utf8');
	for (const specifier of importsOf(source)) {
		let allowed = !specifier.startsWith('.') && !specifier.startsWith('astro:');
		if (specifier.startsWith('.')) {
			const target = join(dirname(resolve(LIB, name)), specifier);
			allowed = target === SITE || !relative(LIB, target).startsWith('..');
		}
		expect(allowed, `${name} imports ${specifier}`).toBe(true);
	}
});
