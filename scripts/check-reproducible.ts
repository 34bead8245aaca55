/*
 * Two clean builds of the same content must give byte-identical output. Each build gets a fresh
 * out dir and a fresh Astro cache (as tests/support/build.ts does). BLOG_NOW pins the build's
 * "now" (which decides whether scheduled posts are due) to the same moment for both, and the
 * second build runs with the process clock a year and a month ahead: any date that leaks from the
 * clock into the output shows up as a difference. Prints every difference and exits 1 if any.
 *
 *   npm run check:reproducible
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { diffTrees, formatDifference } from '../src/lib/pipeline/tree-diff.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const SHIFT_CLOCK = join(ROOT, 'scripts/support/shift-clock.ts');
/** 400 days: crosses a year boundary and changes every part of a date. */
const CLOCK_SHIFT_MS = 400 * 24 * 60 * 60 * 1000;
/** At most this many differences are printed in full. */
const SHOWN = 20;

/** Runs `astro build` into `outDir` with its own cache; rejects with the build's output. */
function build(work: string, name: string, env: Record<string, string>): Promise<string> {
	const outDir = join(work, name);
	return new Promise((resolvePromise, reject) => {
		const child = spawn(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
			cwd: ROOT,
			env: {
				...process.env,
				ASTRO_CACHE_DIR: join(work, `${name}-cache`),
				ASTRO_TELEMETRY_DISABLED: '1',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0
				? resolvePromise(outDir)
				: reject(new Error(`build "${name}" failed (exit ${code}):\n${output}`)),
		);
	});
}

/** Every file under `dir`, relative path → bytes. */
async function readTree(dir: string): Promise<Map<string, Uint8Array>> {
	const entries = await readdir(dir, { recursive: true, withFileTypes: true });
	const files = entries.filter((entry) => entry.isFile());
	return new Map(
		await Promise.all(
			files.map(async (entry) => {
				const path = join(entry.parentPath, entry.name);
				return [path.slice(dir.length + 1), await readFile(path)] as const;
			}),
		),
	);
}

const work = await mkdtemp(join(tmpdir(), 'blog-reproducible-'));
try {
	const now = process.env['BLOG_NOW'] ?? new Date().toISOString();
	console.log(`Two clean builds (BLOG_NOW=${now}; the second one's clock is 400 days ahead)…`);
	const first = await build(work, 'first', { BLOG_NOW: now });
	const second = await build(work, 'second', {
		BLOG_NOW: now,
		CLOCK_SHIFT_MS: String(CLOCK_SHIFT_MS),
		NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${SHIFT_CLOCK}`.trim(),
	});
	const [a, b] = await Promise.all([readTree(first), readTree(second)]);
	const differences = diffTrees(a, b);
	if (differences.length === 0) {
		console.log(`Reproducible: ${a.size} files, byte for byte identical.`);
	} else {
		console.error(`Not reproducible: ${differences.length} of ${a.size} files differ.`);
		for (const difference of differences.slice(0, SHOWN))
			console.error(formatDifference(difference));
		if (differences.length > SHOWN) console.error(`…and ${differences.length - SHOWN} more.`);
		process.exitCode = 1;
	}
} finally {
	await rm(work, { recursive: true, force: true });
}
