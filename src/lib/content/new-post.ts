import { SITE } from '../../site.ts';
import { toIsoWithOffset } from './dates.ts';
import { titleSlug } from './slug.ts';

/*
 * The file `npm run new -- "Заголовок"` writes: complete frontmatter that the schema accepts,
 * a draft, and a body skeleton. Text the editor must replace starts with PLACEHOLDER, which the
 * content check reports until it is gone.
 */

/** Marks every piece of template text; the content check warns while any is left. */
export const PLACEHOLDER = 'Замените этот текст';

/** The hero image the existing posts share, until the editor picks one. */
export const DEFAULT_HERO_IMAGE =
	'https://images.unsplash.com/photo-1560448204-e02f11c3d0e2?q=80&w=2070&auto=format&fit=crop';

/** A new post, ready to be written. */
export interface NewPost {
	slug: string;
	/** File name inside the content folder: `<slug>.md`. */
	fileName: string;
	source: string;
}

/** Why a new post cannot be made from the given title. */
export class NewPostError extends Error {
	override name = 'NewPostError';
}

/** YAML string scalar: JSON strings are valid YAML and need no escaping rules of their own. */
const yamlString = (value: string): string => JSON.stringify(value);

/** The body skeleton: headings to keep or rename, paragraphs to replace. */
const BODY = [
	`${PLACEHOLDER}: вступление — о чём статья и какую задачу читателя она решает.`,
	'## Первый раздел',
	`${PLACEHOLDER}: текст раздела.`,
	'## Второй раздел',
	`${PLACEHOLDER}: текст раздела.`,
	'## Итоги',
	`${PLACEHOLDER}: главный вывод в двух-трёх предложениях.`,
].join('\n\n');

/** Builds a new draft post for `title`, dated `now` in Moscow time. */
export function createNewPost(
	title: string,
	now: Date,
	author: string = SITE.defaultAuthor,
): NewPost {
	const cleanTitle = title.trim().replace(/\s+/g, ' ');
	if (!cleanTitle) throw new NewPostError('Укажите заголовок статьи: npm run new -- "Заголовок"');
	const slug = titleSlug(cleanTitle);
	if (!slug) {
		throw new NewPostError(
			`Из заголовка «${cleanTitle}» не получается адрес статьи: в нём нет ни букв, ни цифр`,
		);
	}
	const frontmatter = [
		`title: ${yamlString(cleanTitle)}`,
		'# Описание для поисковиков и карточки в ленте: одно-два предложения, 120–160 знаков.',
		`description: ${yamlString(`${PLACEHOLDER}: о чём статья и чем она полезна читателю.`)}`,
		'# Ключевые слова через запятую; из них получаются теги статьи.',
		`keywords: ${yamlString(`${PLACEHOLDER}, ${SITE.organization.name}`)}`,
		'# Дата публикации по Москве. С датой в будущем статья выйдет с первой сборкой после неё.',
		`pubDate: ${yamlString(toIsoWithOffset(now))}`,
		`author: ${yamlString(author)}`,
		'# Картинка: адрес https://… (например, с Unsplash) или путь к файлу рядом со статьёй.',
		`heroImage: ${yamlString(DEFAULT_HERO_IMAGE)}`,
		`heroAlt: ${yamlString(`${PLACEHOLDER}: что изображено на картинке.`)}`,
		'# Черновик виден только в npm run dev. Когда статья готова, поставьте false.',
		'draft: true',
	];
	return {
		slug,
		fileName: `${slug}.md`,
		source: `---\n${frontmatter.join('\n')}\n---\n\n${BODY}\n`,
	};
}
