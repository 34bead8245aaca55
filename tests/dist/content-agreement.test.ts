import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkContentDir } from '../../src/plumbing/content-check-fs.ts';
import { countFindings, formatFinding } from '../../src/lib/content-check/content-check.ts';
import {
	assembleContent,
	findEnglish,
	groupForBuilds,
	loadCases,
	plainText,
	type AgreementCase,
} from '../support/agreement.ts';
import { ROOT, buildFixtureSite } from '../support/build.ts';

/*
 * The content check is the editors' gate, so it must agree with the build on every post. Each
 * folder of tests/fixtures/agreement/ is a case (see tests/support/agreement.ts): its files go
 * through `npm run check:content`'s check and a real production build, with the site's own
 * posts beside them. The check's verdict and the build's outcome must be the ones expect.json
 * names, a failing build must name the case's file, and nothing either prints may be English
 * error text or a stack trace. Cases are built in groups (see `groupForBuilds`): a build is ~10 s
 * of start-up on a busy machine, one per case would not scale.
 */

const cases = await loadCases();

/** What the check and the build said about one content folder. */
interface Run {
	content: string;
	/** The check's findings, as `npm run check:content` prints them, with their files. */
	findings: { file: string; severity: 'error' | 'warning'; line: string }[];
	checkSummary: string;
	build: { ok: boolean; output: string; outDir?: string };
}

/** Each case's run, started when its first test asks (so builds run one at a time). */
const runs = new Map<AgreementCase, () => Promise<Run>>();
const folders: string[] = [];

async function run(group: readonly AgreementCase[]): Promise<Run> {
	const content = await assembleContent(group);
	folders.push(content);
	const result = await checkContentDir(content, ROOT);
	const { errors, warnings } = countFindings(result.findings);
	const findings = result.findings.map((finding) => ({
		file: finding.file,
		severity: finding.severity,
		line: formatFinding(finding),
	}));
	const checkSummary = `Проверено статей: ${result.posts.length}. Ошибок: ${errors}, предупреждений: ${warnings}.`;
	try {
		const built = await buildFixtureSite(content);
		folders.push(join(built.outDir, '..'));
		return {
			content,
			findings,
			checkSummary,
			build: { ok: true, output: `${built.stdout}\n${built.stderr}`, outDir: built.outDir },
		};
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		return {
			content,
			findings,
			checkSummary,
			build: { ok: false, output: `${stdout}\n${stderr}` },
		};
	}
}

for (const group of groupForBuilds(cases)) {
	let shared: Promise<Run> | undefined;
	const lazy = (): Promise<Run> => (shared ??= run(group));
	for (const c of group) runs.set(c, lazy);
}

afterAll(async () => {
	await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
	test(`${c.expect.note}: check «${c.expect.check}», build «${c.expect.build}»`, async () => {
		const result = await runs.get(c)!();
		const own = result.findings.filter((finding) => finding.file.includes(`/${c.name}/`));
		const verdict = own.some((finding) => finding.severity === 'error')
			? 'error'
			: own.length > 0
				? 'warning'
				: 'fine';
		const checkOutput = [...own.map((finding) => finding.line), result.checkSummary].join('\n');
		expect(verdict, checkOutput).toBe(c.expect.check);
		for (const text of c.expect.checkSays ?? []) expect(checkOutput).toContain(text);
		expect(result.build.ok ? 'builds' : 'fails', plainText(result.build.output)).toBe(
			c.expect.build,
		);
		if (!result.build.ok) {
			const named = plainText(result.build.output)
				.split('\n')
				.filter((line) => line.includes(`/${c.name}/`) && /ошибка/.test(line));
			expect(named, `the failed build names no file of ${c.name} in an error`).not.toEqual([]);
		}
		expect(findEnglish(checkOutput), 'English or a stack trace in the check').toBeUndefined();
		expect(
			findEnglish(result.build.output),
			'English or a stack trace in the build',
		).toBeUndefined();
		for (const [page, texts] of Object.entries(c.expect.pages ?? {})) {
			const file = join(result.build.outDir ?? '', page);
			expect(existsSync(file), `${page} is built`).toBe(true);
			const html = readFileSync(file, 'utf8');
			for (const text of texts) expect(html, page).toContain(text);
		}
	}, 120_000);
});

test('every case folder is picked up, with its post files', () => {
	expect(cases.length).toBeGreaterThan(0);
	for (const c of cases) expect(c.files.length, c.name).toBeGreaterThan(0);
});

test.each([
	['Invalid input: expected object, received string', true],
	['unexpected end of the stream within a double quoted scalar', true],
	['tab characters must not be used in indentation (3:1)', true],
	['Tabs are not allowed as indentation at line 4, column 1:', true],
	['Map keys must be unique at line 4, column 1:', true],
	['Missing closing "quote at line 2, column 19:', true],
	['Nested mappings are not allowed in compact mappings at line 2, column 8:', true],
	['Implicit map keys need to be followed by map values at line 4, column 1:', true],
	['Unresolved alias (the anchor must be set before the alias): b', true],
	['  Stack trace:', true],
	['    at generateError (file:///project/node_modules/js-yaml/dist/js-yaml.mjs:1140:12)', true],
	['ReferenceError: скидка is not defined', true],
	[
		'[ERROR] [butlerspb:content-check] ошибка /tmp/x/a.md:2: поля статьи не читаются как YAML',
		false,
	],
	['02:57:12 [build] Complete!', false],
	['\u001b[32m[content]\u001b[39m Syncing content', false],
])('the English detector on %j: %s', (line, english) => {
	expect(findEnglish(line) !== undefined).toBe(english);
});
