import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findMissingOptionals, type PackageLock } from '../src/lib/netlify/lock-check.ts';

/*
 * `npm run check:lock [path]`: fails when package-lock.json lacks an optional per-platform
 * package that one of its packages declares, so `npm ci` would refuse it on that platform.
 */
const path = resolve(process.argv[2] ?? 'package-lock.json');
const lock = JSON.parse(readFileSync(path, 'utf8')) as PackageLock;
if ((lock.lockfileVersion ?? 0) < 2) {
	console.error(
		`${path}: lockfileVersion ${lock.lockfileVersion ?? '?'}; npm 7 or newer writes 2 or 3.`,
	);
	process.exit(1);
}
const missing = findMissingOptionals(lock);
if (missing.length > 0) {
	console.error(`${path} lacks ${missing.length} optional per-platform package(s):`);
	for (const { dependent, name, range } of missing)
		console.error(`  ${name}@${range} (declared by ${dependent})`);
	console.error('Regenerate it: npm install --package-lock-only, then commit package-lock.json.');
	process.exit(1);
}
console.log(`${path}: every optional per-platform package is locked.`);
