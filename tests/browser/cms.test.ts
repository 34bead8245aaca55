import { parseFrontmatter } from '../../src/lib/content/frontmatter.ts';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { createLocalBackend } from '../../src/plumbing/cms-local-backend.ts';
import { checkContentDir } from '../../src/plumbing/content-check-fs.ts';
import { untranslatedPhrases, type Phrases } from '../../src/lib/cms/cms-locale-ru.ts';
import { CMS_FOLDERS, LOCAL_BACKEND_PATH } from '../../src/lib/cms/cms-paths.ts';
import { countFindings } from '../../src/lib/content-check/content-check.ts';
import { createNewPost } from '../../src/lib/content/new-post.ts';
import { postSchema } from '../../src/lib/content/post-schema.ts';
import { adminSecurityHeaders } from '../../src/lib/netlify/security-headers.ts';
import { SITE } from '../../src/site.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildFixtureSite, ROOT } from '../support/build.ts';
import { netlifyHeaderRules } from '../support/netlify.ts';
import { SCREENSHOT_DIR, type AxeViolation } from '../support/page.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/*
 * The editor at /admin/ in Chromium, as an editor uses it with `npm run dev`: the built admin
 * page (with the headers netlify.toml gives it) and the local back end (decap-server) on one
 * loopback server, working on a temporary copy of the posts, never on src/content/blog.
 * Screenshots of the list, the form and the preview go to test-results/screenshots/, and to
 * docs/screenshots/ with UPDATE_DOCS_SCREENSHOTS=1. The browser runs in Vladivostok time
 * (UTC+10), so a date the editor writes in Moscow time is shown not to depend on the browser.
 */

const PIXEL = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);

let repo: string;
let posts: string;
let server: StaticServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const cspMessages: string[] = [];
const outsideRequests: string[] = [];
let refusedSaves = 0;

/** How long the CMS may take to show something on a busy machine. */
const UI = { timeout: 20_000 };

/** Writes a screenshot for the test report, and for docs/editors.md when asked to. */
async function screenshot(name: string, shoot: (path: string) => Promise<unknown>): Promise<void> {
	await mkdir(SCREENSHOT_DIR, { recursive: true });
	const path = join(SCREENSHOT_DIR, name);
	await shoot(path);
	if (process.env['UPDATE_DOCS_SCREENSHOTS'] === '1') {
		await copyFile(path, join(ROOT, 'docs/screenshots', name));
	}
}

/**
 * axe-core's violations, with axe loaded through the DevTools protocol: the editor's CSP (rightly)
 * refuses the inline <script> that `page.addScriptTag` would add.
 */
async function axeReport(target: Page): Promise<AxeViolation[]> {
	await target.evaluate(await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
	return target.evaluate(async () => {
		interface Results {
			violations: { id: string; help: string; nodes: { target: string[] }[] }[];
		}
		const { axe } = window as unknown as { axe: { run(): Promise<Results> } };
		const results = await axe.run();
		return results.violations.map((violation) => ({
			id: violation.id,
			help: violation.help,
			nodes: violation.nodes.map((node) => node.target.join(' ')),
		}));
	});
}

/** Publishes the open entry: «Опубликовать» → «Опубликовать сейчас». */
async function publish(): Promise<void> {
	await page.getByRole('button', { name: 'Опубликовать', exact: true }).click();
	await page.getByRole('menuitem', { name: 'Опубликовать сейчас' }).click();
}

/** Waits until a file exists and (optionally) contains `text`, then returns it. */
async function fileWhen(path: string, text = ''): Promise<string> {
	await expect
		.poll(async () => (existsSync(path) ? (await readFile(path, 'utf8')).includes(text) : false), {
			timeout: 15_000,
		})
		.toBe(true);
	return readFile(path, 'utf8');
}

/** Opens an editor URL (a hash route of the CMS). */
async function openEditor(hash: string): Promise<void> {
	await page.goto('about:blank');
	await page.goto(`${server.url}/admin/#${hash}`);
	const login = page.getByRole('button', { name: 'Войти' });
	await Promise.race([login.waitFor(), page.getByLabel('Заголовок (SEO)').first().waitFor()]);
	if (await login.isVisible()) await login.click();
	await page.getByLabel('Заголовок (SEO)').first().waitFor();
}

/** Starts a new post with the required fields; the body gets one sentence. */
async function newPost(title: string, description: string): Promise<void> {
	await openEditor('/collections/blog/new');
	await page.getByLabel('Заголовок (SEO)').first().fill(title);
	await page.getByLabel('Описание', { exact: true }).first().fill(description);
	await page.getByLabel('Дата публикации').fill('2025-08-05T09:30');
	await page.locator('[data-slate-editor="true"]').first().click();
	await page.keyboard.type('Текст статьи.');
}

/** Adds keywords one by one, typed key by key as an editor types them. */
async function addKeywords(keywords: readonly string[]): Promise<void> {
	for (const keyword of keywords) {
		await page.getByRole('button', { name: 'Добавить ключевое слово' }).click();
		await page.getByLabel('Ключевое слово', { exact: true }).last().pressSequentially(keyword);
	}
}

/** The parsed frontmatter of a post file once it contains `text`. */
async function frontmatterWhen(file: string, text = ''): Promise<Record<string, unknown>> {
	return parseFrontmatter(await fileWhen(file, text)).data;
}

/**
 * Publishes and expects the CMS to refuse, showing `message`; the file stays as it was. A refusal
 * of the save hook is logged by Decap as console errors: exactly that message, nothing else.
 */
async function expectRefused(message: RegExp, file?: string): Promise<void> {
	const before = file ? await readFile(file, 'utf8') : undefined;
	const errorsBefore = consoleErrors.length;
	await publish();
	await expect.poll(() => page.getByText(message).count(), UI).toBeGreaterThan(0);
	if (file) expect(await readFile(file, 'utf8')).toBe(before);
	for (const error of consoleErrors.splice(errorsBefore)) {
		expect(error).toMatch(new RegExp(`${message.source}|^uncaught: Object $`));
	}
}

beforeAll(async () => {
	repo = await mkdtemp(join(tmpdir(), 'blog-cms-'));
	posts = join(repo, 'src/content/blog');
	await cp(join(ROOT, 'src/content/blog'), posts, { recursive: true });
	const backend = await createLocalBackend({
		root: repo,
		folders: CMS_FOLDERS,
		log: (line) => console.warn(line),
	});
	server = await serveDist(
		inject('fixtureDist'),
		await netlifyHeaderRules(inject('fixtureDist')),
		(req, res) => {
			if (!req.url?.startsWith(LOCAL_BACKEND_PATH)) return false;
			req.url = '/api/v1';
			backend(req as never, res as never);
			return true;
		},
	);
	browser = await launchBrowser();
	const context = await browser.newContext({
		viewport: { width: 1280, height: 900 },
		locale: 'ru-RU',
		timezoneId: 'Asia/Vladivostok',
	});
	await context.route(
		(url) => url.origin !== new URL(server.url).origin,
		(route) => {
			const url = route.request().url();
			if ((SITE.imageOrigins as readonly string[]).includes(new URL(url).origin)) {
				return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
			}
			outsideRequests.push(url);
			return route.abort('blockedbyclient');
		},
	);
	page = await context.newPage();
	page.on('console', (message) => {
		const text = `${message.text()} (${message.location().url})`;
		if (/Content Security Policy|Refused to/i.test(message.text())) cspMessages.push(text);
		else if (message.type() === 'error') consoleErrors.push(text);
	});
	page.on('pageerror', (error) => {
		// Decap refuses an invalid save by rejecting its save promise with no reason at all.
		if (String(error) === 'undefined' && !error.stack) refusedSaves += 1;
		else consoleErrors.push(`uncaught: ${String(error)} ${error.stack ?? ''}`);
	});
	const response = await page.goto(`${server.url}/admin/`);
	expect(response?.status()).toBe(200);
	expect((await response?.allHeaders())?.['content-security-policy']).toBe(
		adminSecurityHeaders()['Content-Security-Policy'],
	);
	await page.getByRole('button', { name: 'Войти' }).click();
}, 60_000);

afterAll(async () => {
	await browser?.close();
	await server?.close();
	if (repo) await rm(repo, { recursive: true, force: true });
});

describe('the editor at /admin/ with the local back end', () => {
	test('logs in and lists the posts, in Russian; noindex', async () => {
		await expect
			.poll(() => page.getByText('Сервисный подход: философия успеха ButlerSPB').count(), UI)
			.toBe(1);
		expect(await page.getByText('Коллекции').count()).toBeGreaterThan(0);
		expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
		await screenshot('cms-list.png', (path) => page.screenshot({ path }));
		// The CMS's own UI is not ours to fix: report what axe finds, do not fail on it.
		const violations = await axeReport(page);
		console.log(
			`axe on /admin/ (Decap CMS's own UI): ${violations.length} rules violated` +
				violations.map((v) => `\n  ${v.id}: ${v.help} (${v.nodes.length})`).join(''),
		);
	});

	test('creates «Проверка редактора»: the file the content check passes, then the built page', async () => {
		await openEditor('/collections/blog/new');
		await page.getByLabel('Заголовок (SEO)').first().fill('Проверка редактора');
		await page
			.getByLabel('Описание', { exact: true })
			.first()
			.fill('Проверяем, что редактор в браузере сохраняет статью так же, как файл из терминала.');
		// The calendar's value is Moscow time, whatever the browser's zone (here UTC+10).
		await page.getByLabel('Дата публикации').fill('2025-08-01T10:00');
		await page.locator('[data-slate-editor="true"]').first().click();
		await page.keyboard.type('Редактор в браузере сохраняет статью коммитом в репозиторий.');
		const preview = page.locator('iframe').first().contentFrame();
		await expect
			.poll(() => preview.locator('h1.article__title').textContent(), UI)
			.toBe('Проверка редактора');
		expect(await preview.locator('.meta time').textContent()).toBe('1 августа 2025');
		await page.getByLabel('Заголовок (SEO)').first().scrollIntoViewIfNeeded();
		await screenshot('cms-editor.png', (path) => page.screenshot({ path }));
		await publish();

		const file = join(posts, 'proverka-redaktora.md');
		const source = await fileWhen(file);
		const { data } = parseFrontmatter(source);
		expect(data).toMatchObject({ title: 'Проверка редактора', draft: true });
		// Written as `npm run new` writes dates: Moscow time with its offset.
		expect(source).toMatch(/^pubDate: ['"]?2025-08-01T10:00:00\+03:00['"]?$/m);
		const check = await checkContentDir(posts, repo);
		const mine = check.findings.filter((finding) => finding.file.endsWith('proverka-redaktora.md'));
		expect(countFindings(mine).errors, JSON.stringify(mine)).toBe(0);

		// Publish it: untick «Черновик» on the saved post and save again, once Decap has finished
		// the first save (it opens the saved entry), so that the click is not lost in its redraw.
		await page.waitForURL(/#\/collections\/blog\/entries\/proverka-redaktora$/);
		const draft = page.getByLabel('Черновик');
		await draft.click();
		await expect.poll(() => draft.isChecked(), UI).toBe(false);
		await publish();
		expect(parseFrontmatter(await fileWhen(file, 'draft: false')).data['draft']).toBe(false);
		const { outDir } = await buildFixtureSite(posts);
		const html = await readFile(join(outDir, 'blog/proverka-redaktora/index.html'), 'utf8');
		expect(html).toContain('<h1 class="article__title">Проверка редактора</h1>');
		await rm(join(outDir, '..'), { recursive: true, force: true });
	}, 180_000);

	// One seed post keeps its HowTo block as inline JSON, the other as block YAML.
	test.each(['servisnyy-podhod', 'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii'])(
		'editing one field of %s changes only that field',
		async (slug) => {
			const file = join(posts, `${slug}.md`);
			const before = parseFrontmatter(await readFile(file, 'utf8'));
			await openEditor(`/collections/blog/entries/${slug}`);
			const description = `Новое описание статьи ${slug} в одной фразе.`;
			await page.getByLabel('Описание', { exact: true }).first().fill(description);
			// The stored instant (…Z) is shown on the calendar in Moscow time.
			const pubDate = postSchema.parse(before.data).pubDate;
			expect(await page.getByLabel('Дата публикации').inputValue()).toBe(
				new Date(pubDate.getTime() + 3 * 3_600_000).toISOString().slice(0, 16),
			);
			if (slug !== 'servisnyy-podhod') {
				// The preview of a post with a rating and a hero image, for the editors' guide.
				await screenshot('cms-preview.png', (path) =>
					page.locator('iframe').first().screenshot({ path }),
				);
			}
			await publish();
			// Long values are folded over several lines: compare the parsed value.
			await expect
				.poll(async () => parseFrontmatter(await readFile(file, 'utf8')).data['description'], UI)
				.toBe(description);
			const after = parseFrontmatter(await readFile(file, 'utf8'));
			expect(after.content).toBe(before.content);
			expect(postSchema.parse(after.data)).toEqual(
				postSchema.parse({ ...before.data, description }),
			);
		},
	);

	test('keywords typed with commas and spaces are saved as typed: a new post', async () => {
		const keywords = ['посуточная аренда', 'Санкт-Петербург, Васильевский остров', 'новый тег'];
		await newPost('Ключевые слова в редакторе', 'Каждое ключевое слово в своём поле.');
		await addKeywords(keywords);
		await publish();
		const data = await frontmatterWhen(join(posts, 'klyuchevye-slova-v-redaktore.md'));
		expect(data['keywords']).toEqual(keywords);
		expect(postSchema.parse(data).keywords).toEqual(keywords);
	});

	test('keywords typed into an existing post: the others stay as they were', async () => {
		const file = join(posts, 'servisnyy-podhod.md');
		const before = postSchema.parse(parseFrontmatter(await readFile(file, 'utf8')).data).keywords;
		expect(before).toHaveLength(7);
		await openEditor('/collections/blog/entries/servisnyy-podhod');
		// The comma string is shown one keyword per input.
		const inputs = page.getByLabel('Ключевое слово', { exact: true });
		expect(
			await inputs.evaluateAll((nodes) => nodes.map((node) => (node as HTMLInputElement).value)),
		).toEqual(before);
		await addKeywords(['посуточная аренда', 'новый тег']);
		await publish();
		const data = await frontmatterWhen(file, 'новый тег');
		const after = [...before, 'посуточная аренда', 'новый тег'];
		expect(data['keywords']).toEqual(after);
		expect(postSchema.parse(data).keywords).toEqual(after);
	});

	test('a long title gives the file name of npm run new, and the «already exists» check sees it', async () => {
		const title =
			'Как мы организуем посуточную аренду квартир в Санкт-Петербурге для гостей из других городов и стран';
		const { fileName } = createNewPost(title, new Date());
		expect(fileName.length).toBeLessThanOrEqual(80 + '.md'.length);
		await newPost(title, 'Длинный заголовок, короткий адрес.');
		await publish();
		const file = join(posts, fileName);
		expect((await frontmatterWhen(file))['title']).toBe(title);
		await newPost(title, 'Та же статья ещё раз.');
		const slug = fileName.replace(/\.md$/, '');
		await expectRefused(new RegExp(`Статья с адресом ${slug} уже есть`), file);
	});

	test('refuses a rating outside worstRating..bestRating before saving, in Russian', async () => {
		const file = join(posts, 'servisnyy-podhod.md');
		await openEditor('/collections/blog/entries/servisnyy-podhod');
		// The HowTo block starts collapsed; it is the last block that can be expanded.
		await page.getByRole('button', { name: 'Развернуть' }).last().click();
		await page.getByLabel(/^Оценка/).fill('7');
		await expectRefused(/Оценка 7 вне шкалы: ожидается число от 1 до 5/, file);
		// Within the scale it saves.
		// Decap puts the caret back after each render: erase the 7 as a person would.
		await page.getByLabel(/^Оценка/).press('End');
		await page.getByLabel(/^Оценка/).press('Backspace');
		await page.keyboard.type('4,9');
		await publish();
		const data = await frontmatterWhen(file, '4,9');
		expect(postSchema.parse(data).schema?.aggregateRating?.ratingValue).toBe('4.9');
	});

	test('the hero is picked from uploads and needs alt text; so does a new image in the body', async () => {
		await newPost('Картинка из загруженных', 'Главная картинка выбрана из загруженных файлов.');
		await page.getByRole('button', { name: 'Выберите изображение' }).click();
		await page.locator('input[type="file"]').setInputFiles({
			name: 'gostinaya.png',
			mimeType: 'image/png',
			buffer: PIXEL,
		});
		await page.getByRole('button', { name: 'Выбрать помеченные' }).click();
		await expect
			.poll(() => page.getByRole('button', { name: 'Выберите другое изображение' }).count(), UI)
			.toBe(1);
		// An image in the body: its block asks for the alt text by name, in Russian.
		await page.locator('[data-slate-editor="true"]').first().click();
		await page.locator('button[title="Добавить компонент"]').click();
		await page.getByRole('menuitem', { name: 'Картинка' }).click();
		const bodyAlt = page.getByLabel('Описание картинки (alt)', { exact: true });
		await bodyAlt.waitFor();
		page.once(
			'dialog',
			(dialog) => void dialog.accept('https://images.unsplash.com/photo-1?w=800'),
		);
		await page
			.locator('[data-slate-editor="true"]')
			.getByRole('button', { name: 'Вставить из URL' })
			.click();
		// Saved without its alt, the body image is refused by its URL, as the hero is.
		await expectRefused(
			/Опишите картинку в тексте \(https:\/\/images\.unsplash\.com\/photo-1\?w=800\)/,
		);
		await bodyAlt.fill('Кухня после уборки');

		await expectRefused(/Опишите главную картинку/);
		await page
			.getByLabel('Описание картинки (alt)', { exact: false })
			.first()
			.fill('Светлая гостиная');
		await publish();
		const file = join(posts, 'kartinka-iz-zagruzhennyh.md');
		const source = await fileWhen(file, 'gostinaya');
		const { data, content } = parseFrontmatter(source);
		expect(data).toMatchObject({
			heroImage: './images/gostinaya.png',
			heroAlt: 'Светлая гостиная',
		});
		expect(content).toContain('![Кухня после уборки](https://images.unsplash.com/photo-1?w=800)');
		// The upload may be written after the post.
		await expect.poll(() => existsSync(join(posts, 'images/gostinaya.png')), UI).toBe(true);
		expect((await readFile(join(posts, 'images/gostinaya.png'))).equals(PIXEL)).toBe(true);
		const check = await checkContentDir(posts, repo);
		const mine = check.findings.filter((finding) =>
			finding.file.endsWith('kartinka-iz-zagruzhennyh.md'),
		);
		expect(countFindings(mine).errors, JSON.stringify(mine)).toBe(0);
	});

	test('the hero of an existing post is replaced by a URL; the new hero needs alt text', async () => {
		const slug = 'kak-my-stroim-doveritelnye-otnosheniya-na-rasstoyanii';
		const file = join(posts, `${slug}.md`);
		await openEditor(`/collections/blog/entries/${slug}`);
		const url = 'https://images.unsplash.com/photo-2?w=1200';
		page.once('dialog', (dialog) => void dialog.accept(url));
		await page.getByRole('button', { name: 'Заменить на URL' }).first().click();
		await expectRefused(/Опишите главную картинку/, file);
		await page
			.getByLabel('Описание картинки (alt)', { exact: false })
			.first()
			.fill('Ключи на столе');
		await publish();
		expect(await frontmatterWhen(file, 'photo-2')).toMatchObject({
			heroImage: url,
			heroAlt: 'Ключи на столе',
		});
	});

	test('the editor speaks Russian: no English phrase, no typo', async () => {
		await openEditor('/collections/blog/new');
		// Open what shows more of the UI: the heading list, the components, a body image, the HowTo block.
		await page.locator('[data-slate-editor="true"]').first().click();
		await page.locator('button[title="Заголовки"]').click();
		const seen: string[] = [];
		const collect = async (): Promise<void> => {
			seen.push(
				await page.evaluate(() =>
					[
						document.body.innerText,
						...[...document.querySelectorAll('[aria-label], [title], [placeholder]')].flatMap(
							(node) =>
								['aria-label', 'title', 'placeholder'].map((name) => node.getAttribute(name) ?? ''),
						),
					].join('\n'),
				),
			);
		};
		await collect();
		await page.keyboard.press('Escape');
		await page.locator('button[title="Добавить компонент"]').click();
		await collect();
		await page.getByRole('menuitem', { name: 'Картинка' }).click();
		await page.getByLabel('Описание картинки (alt)', { exact: true }).waitFor();
		await page.getByRole('button', { name: 'Развернуть' }).first().click();
		await collect();
		const text = seen.join('\n');
		const english =
			/\b(?:Code Block|Image|IMAGE|Strikethrough|Expand|Collapse|Alt Text|Title|Heading \d|Toggle|Bold|Italic|Quote|Choose|Insert|Add)\b/g;
		expect(text.match(english) ?? []).toEqual([]);
		expect(text).not.toContain('Полужиный');
		expect(text).toContain('Полужирный');
		// Every phrase Decap has in English has a Russian one.
		const locales = await page.evaluate(() => {
			const { CMS } = window as unknown as { CMS: { getLocale(name: string): unknown } };
			return { en: CMS.getLocale('en'), ru: CMS.getLocale('ru') };
		});
		expect(untranslatedPhrases(locales.en as Phrases, locales.ru as Phrases)).toEqual([]);
	});

	test('refuses to save a post without a title, in Russian', async () => {
		await openEditor('/collections/blog/new');
		await page.getByLabel('Описание', { exact: true }).first().fill('Статья без заголовка.');
		await page.getByLabel('Дата публикации').fill('2025-08-02T12:00');
		const files = (await readdir(posts)).sort();
		await publish();
		await expect
			.poll(() => page.getByText(/вы пропустили обязательное поле/i).count(), UI)
			.toBeGreaterThan(0);
		expect(
			await page.getByText('Необходимо указать значение поля Заголовок (SEO).').count(),
		).toBeGreaterThan(0);
		expect((await readdir(posts)).sort()).toEqual(files);
	});

	test('refuses a new post whose file name is taken, and leaves that post alone', async () => {
		const file = join(posts, 'servisnyy-podhod.md');
		const before = await readFile(file, 'utf8');
		const errorsBefore = consoleErrors.length;
		await openEditor('/collections/blog/new');
		await page.getByLabel('Заголовок (SEO)').first().fill('Сервисный подход');
		await page.getByLabel('Описание', { exact: true }).first().fill('Та же тема, другой текст.');
		await page.getByLabel('Дата публикации').fill('2025-08-03T12:00');
		await page.locator('[data-slate-editor="true"]').first().click();
		await page.keyboard.type('Текст.');
		await publish();
		await expect
			.poll(() => page.getByText(/Статья с адресом servisnyy-podhod уже есть/).count(), UI)
			.toBeGreaterThan(0);
		expect(await readFile(file, 'utf8')).toBe(before);
		// Decap logs the refused save as an error and rejects its promise: exactly that, nothing else.
		const errors = consoleErrors.splice(errorsBefore);
		expect(errors.length).toBeGreaterThan(0);
		for (const error of errors) {
			expect(error).toMatch(/уже есть|^uncaught: Object $/);
		}
	});

	test('no console error, no CSP violation, no request off the site', () => {
		// Decap's own refusal (the post without a title); the save hook's are checked where they happen.
		expect(refusedSaves).toBe(1);
		expect(consoleErrors).toEqual([]);
		expect(cspMessages).toEqual([]);
		expect(outsideRequests).toEqual([]);
	});
});
