/**
 * Times the content check on a generated corpus: `npm run bench:content -- --posts 1000`.
 * Posts are copies of the real ones in src/content/blog (same frontmatter shape and body size),
 * each with its own slug and related links to other generated posts. Target: ~1 s for 1,000.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { checkContentDir } from '../src/plumbing/content-check-fs.ts';
import { DEFAULT_CONTENT_DIR, slugFromFileName } from '../src/lib/content/content-dir.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
	options: {
		posts: { type: 'string', default: '1000' },
		runs: { type: 'string', default: '5' },
	},
});
const count = Number(values.posts);
const runs = Number(values.runs);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
	console.error('Usage: npm run bench:content -- [--posts 1000] [--runs 5]');
	process.exit(2);
}

const seedDir = join(ROOT, DEFAULT_CONTENT_DIR);
const seeds = readdirSync(seedDir)
	.filter((name) => name.endsWith('.md'))
	.sort()
	.map((name) => ({
		slug: slugFromFileName(name),
		source: readFileSync(join(seedDir, name), 'utf8'),
	}));
if (seeds.length === 0) throw new Error(`No posts in ${seedDir} to copy`);

const dir = mkdtempSync(join(tmpdir(), 'bench-content-'));
const slugOf = (i: number): string => `${seeds[i % seeds.length]!.slug}-${i}`;
for (let i = 0; i < count; i++) {
	const seed = seeds[i % seeds.length]!;
	const related = [1, 2, 3].map((step) => `  - ${slugOf((i + step) % count)}`).join('\n');
	const source = seed.source
		.replaceAll(seed.slug, slugOf(i))
		.replace(/^related:\n(?:\s+-.*\n)*/m, `related:\n${related}\n`);
	writeFileSync(join(dir, `${slugOf(i)}.md`), source);
}

/* Wall time suffers when other processes share the CPU; CPU time shows the check's own cost. */
const times: { wall: number; cpu: number }[] = [];
let findings = 0;
for (let run = 0; run < runs; run++) {
	const start = performance.now();
	const cpu = process.cpuUsage();
	const result = await checkContentDir(dir);
	const used = process.cpuUsage(cpu);
	times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
	findings = result.findings.length;
}
const median = (key: 'wall' | 'cpu'): number =>
	times.map((time) => time[key]).sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

const cliStart = performance.now();
execFileSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), dir], { stdio: 'ignore' });
const cli = performance.now() - cliStart;
rmSync(dir, { recursive: true, force: true });

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(`Content check, ${count} posts (${findings} findings):`);
const first = times[0]!;
console.log(
	`  in process, first run: ${seconds(first.wall)} wall, ${seconds(first.cpu)} CPU; ` +
		`median of ${runs}: ${seconds(median('wall'))} wall, ${seconds(median('cpu'))} CPU`,
);
console.log(`  npm run check:content (new Node process, end to end): ${seconds(cli)}`);
