import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { postSchema } from '../../src/lib/content/post-schema.ts';
import { runScript } from '../support/cli.ts';

const TITLE = 'Как мы работаем с жалобами на качество уборки';
const SLUG = 'kak-my-rabotaem-s-zhalobami-na-kachestvo-uborki';

describe('npm run new', () => {
	let dir: string;
	beforeEach(async () => {
		dir = await mkdtemp(join(tmpdir(), 'new-post-'));
	});
	const run = (...args: string[]) => runScript('new-post.ts', args, { BLOG_CONTENT_DIR: dir });

	test('creates <slug>.md in the content folder and prints its path', async () => {
		const { code, stdout, stderr } = await run(TITLE);
		expect(code).toBe(0);
		expect(stdout.trim()).toBe(join(dir, `${SLUG}.md`));
		expect(stderr).toContain('Создан черновик');
		expect(await readdir(dir)).toEqual([`${SLUG}.md`]);
	});

	test('the new post is a valid draft dated now', async () => {
		const before = Date.now();
		await run(TITLE);
		const source = await readFile(join(dir, `${SLUG}.md`), 'utf8');
		const data = postSchema.parse(parseFrontmatter(source).data);
		expect(data).toMatchObject({ title: TITLE, draft: true });
		expect(data.pubDate.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(data.pubDate.getTime()).toBeLessThanOrEqual(Date.now());
		expect(source).toMatch(/^pubDate: "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00"$/m);
	});

	test('joins words given without quotes', async () => {
		const { code } = await run('Чат-поддержка', 'для', 'гостей');
		expect(code).toBe(0);
		expect(await readdir(dir)).toEqual(['chat-podderzhka-dlya-gostey.md']);
	});

	test('refuses to overwrite a post, and leaves it as it was', async () => {
		await writeFile(join(dir, `${SLUG}.md`), 'правка редактора');
		const { code, stderr } = await run(TITLE);
		expect(code).toBe(1);
		expect(stderr).toContain(`Статья с адресом ${SLUG} уже есть`);
		expect(await readFile(join(dir, `${SLUG}.md`), 'utf8')).toBe('правка редактора');
	});

	test('refuses a slug a post in a subfolder already has', async () => {
		await mkdir(join(dir, '2024'));
		await writeFile(join(dir, '2024', 'chat-podderzhka.md'), 'старая статья');
		const { code, stderr } = await run('Чат-поддержка');
		expect(code).toBe(1);
		expect(stderr).toContain('2024/chat-podderzhka.md');
		expect(await readdir(dir)).toEqual(['2024']);
	});

	test('a 300-character title makes a file whose name is cut at a word boundary', async () => {
		const title = `${'Очень длинный заголовок статьи про консьерж-сервис '.repeat(6)}`.slice(
			0,
			300,
		);
		const { code, stdout } = await run(title);
		expect(code).toBe(0);
		const [name] = await readdir(dir);
		expect(stdout.trim()).toBe(join(dir, name ?? ''));
		const slug = (name ?? '').replace(/\.md$/, '');
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug.length).toBeGreaterThan(60);
		expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		const data = postSchema.parse(
			parseFrontmatter(await readFile(join(dir, name ?? ''), 'utf8')).data,
		);
		expect(data.title).toBe(title.trim());
	});

	test('creates the content folder if it is missing', async () => {
		const nested = join(dir, 'blog');
		const { code } = await runScript('new-post.ts', ['Новая статья'], { BLOG_CONTENT_DIR: nested });
		expect(code).toBe(0);
		expect(await readdir(nested)).toEqual(['novaya-statya.md']);
	});

	test.each([
		['no title', [], 'Укажите заголовок статьи'],
		['a title with no letters', ['???'], 'не получается адрес статьи'],
	])('exits 2 with %s', async (_, args, message) => {
		const { code, stderr } = await run(...args);
		expect(code).toBe(2);
		expect(stderr).toContain(message);
		expect(await readdir(dir)).toEqual([]);
	});
});
