import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../support/build.ts';

const run = promisify(execFile);
const NODE = join(ROOT, 'node_modules/.bin/node');
const LEGACY = join(ROOT, 'tests/fixtures/legacy');

/** Runs `npm run import -- …args` with the collection in `outDir`; never throws. */
async function importPosts(outDir: string, ...args: string[]) {
	try {
		const { stdout } = await run(NODE, ['scripts/import.ts', ...args], {
			cwd: ROOT,
			env: { ...process.env, BLOG_CONTENT_DIR: outDir },
		});
		return { code: 0, stdout };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, stdout: failed.stdout + failed.stderr };
	}
}

describe('npm run import', () => {
	test('imports the legacy folder into the committed posts, then changes nothing', async () => {
		const out = await mkdtemp(join(tmpdir(), 'import-'));
		const first = await importPosts(out, LEGACY);
		expect(first.code).toBe(0);
		expect(first.stdout).toMatch(/Импортировано: 2, без изменений: 0, пропущено: 0/);
		expect(first.stdout).toMatch(/заголовок # перенесён в headline/);
		expect(first.stdout).toMatch(
			/«Читайте также» перенесено в related: mebel-dolgovechnaya, chat-podderzhka/,
		);
		const files = (await readdir(out)).sort();
		expect(files).toEqual([
			'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii.md',
			'servisnyy-podhod.md',
		]);
		for (const file of files) {
			expect(await readFile(join(out, file), 'utf8')).toBe(
				await readFile(join(ROOT, 'src/content/blog', file), 'utf8'),
			);
		}
		const again = await importPosts(out, LEGACY);
		expect(again.code).toBe(0);
		expect(again.stdout).toMatch(/Импортировано: 0, без изменений: 2, пропущено: 0/);
	});

	test('skips broken files with a reason and never overwrites an edited post', async () => {
		const src = await mkdtemp(join(tmpdir(), 'legacy-'));
		const out = await mkdtemp(join(tmpdir(), 'import-'));
		await cp(LEGACY, src, { recursive: true });
		await writeFile(join(src, 'broken.md'), '---\ntitle: "не закрыта\n---\nТекст\n');
		await importPosts(out, join(src, 'servisnyy-podhod.legacy.md'));
		const edited = join(out, 'servisnyy-podhod.md');
		await writeFile(edited, `${await readFile(edited, 'utf8')}\nПравка редактора.\n`);

		const result = await importPosts(out, src);
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/broken\.md: пропущен: frontmatter не является корректным YAML/);
		expect(result.stdout).toMatch(/servisnyy-podhod\.md уже существует и отличается/);
		expect(result.stdout).toMatch(/Импортировано: 1, без изменений: 0, пропущено: 2/);
		expect(await readFile(edited, 'utf8')).toMatch(/Правка редактора\.\n$/);
	});

	test('asks for input when given nothing', async () => {
		const result = await importPosts(await mkdtemp(join(tmpdir(), 'import-')));
		expect(result.code).toBe(2);
		expect(result.stdout).toMatch(/Укажите файлы или папки/);
	});
});
