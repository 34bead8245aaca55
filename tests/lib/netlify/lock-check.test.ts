import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findMissingOptionals, type PackageLock } from '../../../src/lib/netlify/lock-check.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** A lock with esbuild and two of its platform binaries. */
const lockWith = (extra: PackageLock['packages'] = {}): PackageLock => ({
	lockfileVersion: 3,
	packages: {
		'': { version: '1.0.0' },
		'node_modules/esbuild': {
			version: '0.25.0',
			optionalDependencies: { '@esbuild/linux-x64': '0.25.0', '@esbuild/darwin-arm64': '0.25.0' },
		},
		'node_modules/@esbuild/linux-x64': { version: '0.25.0' },
		...extra,
	},
});

describe('findMissingOptionals', () => {
	test('names the platform package the lock lacks', () => {
		expect(findMissingOptionals(lockWith())).toEqual([
			{ dependent: 'node_modules/esbuild', name: '@esbuild/darwin-arm64', range: '0.25.0' },
		]);
	});

	test('a complete lock has no gaps', () => {
		const lock = lockWith({ 'node_modules/@esbuild/darwin-arm64': { version: '0.25.0' } });
		expect(findMissingOptionals(lock)).toEqual([]);
	});

	test('a hoisted copy of another version does not count', () => {
		const lock = lockWith({ 'node_modules/@esbuild/darwin-arm64': { version: '0.24.0' } });
		expect(findMissingOptionals(lock)).toHaveLength(1);
	});

	test('a nested package is resolved from its own node_modules first', () => {
		const lock: PackageLock = {
			packages: {
				'node_modules/a/node_modules/bin': {
					version: '2.0.0',
					optionalDependencies: { 'bin-mac': '2.0.0' },
				},
				'node_modules/bin-mac': { version: '1.0.0' },
				'node_modules/a/node_modules/bin-mac': { version: '2.0.0' },
			},
		};
		expect(findMissingOptionals(lock)).toEqual([]);
	});

	test('the committed package-lock.json is complete', () => {
		const lock = JSON.parse(
			readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'),
		) as PackageLock;
		expect(lock.lockfileVersion).toBeGreaterThanOrEqual(2);
		expect(findMissingOptionals(lock)).toEqual([]);
	});

	test('the committed lock with one platform package removed fails', () => {
		const lock = JSON.parse(
			readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8'),
		) as PackageLock;
		const all = Object.entries(lock.packages ?? {});
		const packages = Object.fromEntries(
			all.filter(([key]) => !key.endsWith('/@bruits/satteri-darwin-arm64')),
		);
		expect(Object.keys(packages)).toHaveLength(all.length - 1);
		expect(findMissingOptionals({ ...lock, packages })).toEqual([
			{
				dependent: 'node_modules/satteri',
				name: '@bruits/satteri-darwin-arm64',
				range: expect.any(String),
			},
		]);
	});
});
