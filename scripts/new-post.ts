/**
 * Creates a draft post: `npm run new -- "Заголовок статьи"`. Writes <content folder>/<slug>.md
 * with complete frontmatter and a body skeleton, prints its path, never overwrites a post.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath, readPostFiles } from '../src/plumbing/content-check-fs.ts';
import { getContentDir, slugFromFileName } from '../src/lib/content/content-dir.ts';
import { createNewPost, NewPostError } from '../src/lib/content/new-post.ts';

const title = process.argv.slice(2).join(' ');
let post: ReturnType<typeof createNewPost>;
try {
	post = createNewPost(title, new Date());
} catch (error) {
	if (!(error instanceof NewPostError)) throw error;
	console.error(error.message);
	process.exit(2);
}

const dir = resolve(getContentDir(process.env));
const existing = (await readPostFiles(dir)).find(
	(file) => slugFromFileName(file.file) === post.slug,
);
if (existing) {
	console.error(
		`Статья с адресом ${post.slug} уже есть: ${existing.file}. Новый файл не создан, существующий не изменён.\n` +
			'Откройте существующую статью или выберите другой заголовок.',
	);
	process.exit(1);
}

const target = join(dir, post.fileName);
mkdirSync(dir, { recursive: true });
try {
	writeFileSync(target, post.source, { flag: 'wx' });
} catch (error) {
	if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	console.error(`Файл ${displayPath(target)} уже существует: он не перезаписан.`);
	process.exit(1);
}

const shown = displayPath(target);
console.log(shown);
console.error(
	[
		`Создан черновик: ${shown}`,
		'Дальше:',
		'  1. Замените в файле все заготовки «Замените этот текст…».',
		'  2. Посмотрите статью: npm run dev (черновик отмечен «Черновик»).',
		'  3. Проверьте её: npm run check:content',
		'  4. Чтобы опубликовать, поставьте draft: false и отправьте изменения в main.',
	].join('\n'),
);
