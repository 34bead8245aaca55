import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/lib/content-check/content-check.ts';
import { ROOT } from '../support/build.ts';
import { runScript } from '../support/cli.ts';

const BAD = 'tests/fixtures/bad-posts';
const GOOD = 'tests/fixtures/drafts';

/** Every post file of the bad corpus, as the check names them. */
async function badFiles(): Promise<string[]> {
	const names = await readdir(join(ROOT, BAD), { recursive: true, encoding: 'utf8' });
	return names.filter((name) => name.endsWith('.md')).map((name) => `${BAD}/${name}`);
}

describe('npm run check:content', () => {
	test('reports every bad post of the corpus in one run and exits 1', async () => {
		const { code, stdout } = await runScript('check-content.ts', [BAD]);
		expect(code).toBe(1);
		const named = new Set(
			stdout
				.split('\n')
				.map((line) => /^(?:ошибка|предупреждение) ([^:,]+\.md)/.exec(line)?.[1])
				.filter(Boolean),
		);
		const expected = (await badFiles()).filter(
			(file) => !file.endsWith('/horoshaya-statya.md') && !file.endsWith(`${BAD}/a.md`),
		);
		expect([...named].sort()).toEqual(expected.sort());
		expect(stdout).toMatch(
			/Проверено статей: 25 \(tests\/fixtures\/bad-posts\)\. Ошибок: \d+, предупреждений: \d+\./,
		);
	});

	test('names file, line and field in each message', async () => {
		const { stdout } = await runScript('check-content.ts', [BAD]);
		expect(stdout).toContain(
			`ошибка ${BAD}/opechatka-v-pole.md:4, поле «pubdate»: такого поля нет: возможно, имелось в виду «pubDate».`,
		);
		expect(stdout).toContain(
			`предупреждение ${BAD}/ocenka-bez-otzyvov.md:11, поле «schema.aggregateRating.reviewCount»: оценка без отзывов (reviewCount: 0)`,
		);
		expect(stdout).toContain(`ошибка ${BAD}/slomannyy-yaml.md:2: поля статьи не читаются как YAML`);
	});

	test('--json prints machine-readable findings', async () => {
		const { code, stdout } = await runScript('check-content.ts', [BAD, '--json']);
		expect(code).toBe(1);
		const report = JSON.parse(stdout) as {
			dir: string;
			posts: number;
			errors: number;
			warnings: number;
			findings: Finding[];
		};
		expect(report).toMatchObject({ dir: BAD, posts: 25 });
		expect(report.errors + report.warnings).toBe(report.findings.length);
		expect(report.findings).toContainEqual({
			severity: 'warning',
			code: 'hero-not-https',
			file: `${BAD}/kartinka-http.md`,
			line: 5,
			field: 'heroImage',
			message: expect.stringContaining('http://images.unsplash.com/photo.jpg'),
		});
		expect(report.findings.filter((finding) => finding.severity === 'error').length).toBe(
			report.errors,
		);
	});

	test('a clean folder exits 0', async () => {
		const { code, stdout } = await runScript('check-content.ts', [GOOD]);
		expect(code).toBe(0);
		expect(stdout).toContain('Ошибок: 0, предупреждений: 0.');
	});

	describe('warnings only', () => {
		const folder = 'tests/fixtures/warnings-only';

		test('exit 0 and list the warnings', async () => {
			const { code, stdout } = await runScript('check-content.ts', [folder]);
			expect(code).toBe(0);
			expect(stdout).toContain(`предупреждение ${folder}/kartinka-http.md:5, поле «heroImage»`);
			expect(stdout).toContain('Ошибок: 0, предупреждений: 2.');
		});

		test('--strict turns them into errors and exits 1', async () => {
			const { code, stdout } = await runScript('check-content.ts', [folder, '--strict']);
			expect(code).toBe(1);
			expect(stdout).toContain(`ошибка ${folder}/kartinka-http.md:5, поле «heroImage»`);
			expect(stdout).toContain('Ошибок: 2, предупреждений: 0.');
		});

		test('--strict --json marks them as errors', async () => {
			const { code, stdout } = await runScript('check-content.ts', [folder, '--strict', '--json']);
			expect(code).toBe(1);
			const report = JSON.parse(stdout) as { errors: number; findings: Finding[] };
			expect(report.errors).toBe(2);
			expect(report.findings.map((finding) => finding.severity)).toEqual(['error', 'error']);
		});
	});

	test('reads BLOG_CONTENT_DIR when no folder is given', async () => {
		const { code, stdout } = await runScript('check-content.ts', ['--json'], {
			BLOG_CONTENT_DIR: BAD,
		});
		expect(code).toBe(1);
		expect((JSON.parse(stdout) as { dir: string }).dir).toBe(BAD);
	});

	test.each([
		['an unknown option', ['--fast'], 'Ошибка в параметрах'],
		['a missing folder', ['tests/fixtures/no-such-folder'], 'Папка со статьями не найдена'],
		['two folders', [BAD, GOOD], 'Укажите одну папку'],
	])('exits 2 on %s', async (_, args, message) => {
		const { code, stderr } = await runScript('check-content.ts', args);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
	});
});
