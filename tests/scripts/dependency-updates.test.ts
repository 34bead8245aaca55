import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join, matchesGlob } from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { expect, test } from 'vitest';
import { ROOT } from '../support/build.ts';

/*
 * Upgrades stay cheap: Renovate (renovate.json) updates Astro and its integrations in one PR and
 * keeps every version exact, and `npm run outdated` asks npm under the project's Node, not the
 * machine's.
 */

interface PackageRule {
	groupName?: string;
	matchPackageNames?: string[];
	matchUpdateTypes?: string[];
	enabled?: boolean;
}

const renovate = JSON.parse(readFileSync(join(ROOT, 'renovate.json'), 'utf8')) as {
	rangeStrategy?: string;
	packageRules?: PackageRule[];
};
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	dependencies: Record<string, string>;
	devDependencies: Record<string, string>;
};
const allDependencies = { ...pkg.dependencies, ...pkg.devDependencies };

/** Whether a Renovate name pattern (exact, minimatch glob or /regex/) matches a package name. */
function matchesPattern(name: string, pattern: string): boolean {
	const regex = /^\/(.*)\/(i?)$/.exec(pattern);
	if (regex) return new RegExp(regex[1] ?? '', regex[2]).test(name);
	return name === pattern || matchesGlob(name, pattern);
}

/** The group a package's updates go into: the last matching rule's, as Renovate applies them. */
function groupOf(name: string): string | undefined {
	let group: string | undefined;
	for (const rule of renovate.packageRules ?? []) {
		if (rule.matchUpdateTypes) continue;
		if (rule.matchPackageNames?.some((pattern) => matchesPattern(name, pattern))) {
			group = rule.groupName ?? group;
		}
	}
	return group;
}

test.each([
	['astro', 'astro', true],
	['@astrojs/mdx', '@astrojs/*', true],
	['@astrojs-x/mdx', '@astrojs/*', false],
	['@astrojs/a/b', '@astrojs/*', false],
	['@astrojs/mdx', '/^@astrojs\\//', true],
	['astro-icon', 'astro', false],
])('the test matcher: %s against %s is %s', (name, pattern, expected) => {
	expect(matchesPattern(name, pattern)).toBe(expected);
});

test('one Renovate group holds astro and every @astrojs package of package.json, and nothing else', () => {
	const astro = Object.keys(allDependencies).filter(
		(name) => name === 'astro' || name.startsWith('@astrojs/'),
	);
	expect(astro.length).toBeGreaterThan(1);
	const groups = new Set(astro.map(groupOf));
	expect([...groups], `groups of ${astro.join(', ')}`).toHaveLength(1);
	expect([...groups][0]).toBeDefined();
	const others = Object.keys(allDependencies).filter(
		(name) => !astro.includes(name) && groupOf(name) === [...groups][0],
	);
	expect(others).toEqual([]);
});

test('Renovate pins exact versions, and every version in package.json is exact', () => {
	expect(renovate.rangeStrategy).toBe('pin');
	const ranges = Object.entries(allDependencies).filter(
		([, version]) => semver.valid(version) === null,
	);
	expect(ranges).toEqual([]);
});

test('npm run outdated runs npm under the project’s Node, whatever Node starts npm', async () => {
	const bin = join(ROOT, 'node_modules/.bin');
	// The machine's PATH, without the project's bin folder npx or npm may have put first.
	const path = (process.env['PATH'] ?? '')
		.split(delimiter)
		.filter((dir) => dir !== bin)
		.join(delimiter);
	const project = JSON.parse(
		readFileSync(join(ROOT, 'node_modules/node/package.json'), 'utf8'),
	) as { version: string };
	// --offline keeps the registry out of it: only npm's own report of its Node counts here.
	const { stderr } = await promisify(execFile)(
		'npm',
		['run', '--silent', 'outdated', '--', '--loglevel=verbose', '--offline', '--json'],
		{ cwd: ROOT, env: { ...process.env, PATH: path } },
	).catch((error: { stderr?: string }) => ({ stderr: error.stderr ?? '' }));
	expect(stderr).toContain(`npm verbose node v${project.version}`);
}, 60_000);
