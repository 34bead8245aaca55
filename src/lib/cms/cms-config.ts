import type { z } from 'zod';
import { SITE } from '../../site.ts';
import { CMS_FOLDERS } from './cms-paths.ts';
import { ISO_DATE_PATTERN } from '../content/dates.ts';
import { howToSchema, POST_FIELDS, postSchema } from '../content/post-schema.ts';

/*
 * The Decap CMS configuration (/admin/config.yml), built from the post schema: the field list,
 * their order, which are required and their defaults come from src/lib/content/post-schema.ts; this file
 * adds only what a schema cannot say (Russian labels and hints, the widget for each kind of
 * value). tests/lib/cms/cms-config.test.ts fails when the two drift apart.
 */

/** A post field name. */
export type PostField = (typeof POST_FIELDS)[number];

/** One Decap CMS field (the subset this site uses). */
export interface CmsField {
	name: string;
	label: string;
	widget: string;
	required?: boolean;
	hint?: string;
	default?: unknown;
	pattern?: [string, string];
	fields?: CmsField[];
	field?: CmsField;
	[option: string]: unknown;
}

/** What the schema cannot say about a field: its label, hint, widget and widget options. */
export interface FieldUi {
	label: string;
	widget: string;
	hint?: string;
	default?: unknown;
	pattern?: [string, string];
	[option: string]: unknown;
}

/** The parts of the Decap configuration the site generates. */
export interface CmsConfig {
	backend: Record<string, unknown>;
	locale: string;
	site_url: string;
	display_url: string;
	publish_mode: 'simple';
	media_folder: string;
	public_folder: string;
	collections: Array<Record<string, unknown> & { fields: CmsField[] }>;
}

/** Name of the posts collection in the CMS (its URLs: /admin/#/collections/blog/…). */
export const CMS_COLLECTION = 'blog';

/**
 * Widgets the admin page registers before the CMS starts (src/client/cms-widgets.ts): Decap's own
 * list and datetime widgets lose commas in keywords and work in the browser's time zone.
 */
export const CMS_WIDGETS = {
	/** One input per keyword; a comma string is shown split and kept until edited. */
	keywords: 'keywords',
	/** Calendar and time in Moscow time, written as 2025-09-01T10:00:00+03:00. */
	dateTime: 'moscow-datetime',
} as const;

/** Error shown under a field whose value does not match its pattern. */
const DATE_HINT =
	'Календарь и время по Москве; в файл пишется как 2025-09-01T10:00:00+03:00, в любом часовом поясе браузера.';
const DATE_ERROR = 'Ожидается дата ISO 8601, например 2025-07-25 или 2025-07-25T12:00:00+03:00';
const RATING_ERROR = 'Ожидается число, например 4.8 или 4,8';

/** Labels, hints and widgets of the top-level fields; the schema decides everything else. */
const POST_FIELD_UI: Readonly<Record<PostField, FieldUi>> = {
	title: {
		label: 'Заголовок (SEO)',
		widget: 'string',
		hint: 'Заголовок для поисковиков, вкладки браузера и RSS. Из него получается адрес статьи (латиницей).',
	},
	description: {
		label: 'Описание',
		widget: 'text',
		hint: 'Мета-описание и текст карточки: 120–160 знаков.',
	},
	keywords: {
		label: 'Ключевые слова',
		label_singular: 'Ключевое слово',
		widget: CMS_WIDGETS.keywords,
		hint: 'Темы статьи, по одной в поле: каждая станет тегом. «Добавить ключевое слово» — ещё одна тема.',
		field: { name: 'keyword', label: 'Ключевое слово', widget: 'string' },
		collapsed: false,
	},
	pubDate: {
		label: 'Дата публикации',
		widget: CMS_WIDGETS.dateTime,
		hint: DATE_HINT,
		pattern: [ISO_DATE_PATTERN.source, DATE_ERROR],
	},
	updatedDate: {
		label: 'Дата обновления',
		widget: CMS_WIDGETS.dateTime,
		hint: `Необязательно. ${DATE_HINT}`,
		pattern: [ISO_DATE_PATTERN.source, DATE_ERROR],
	},
	author: { label: 'Автор', widget: 'string', hint: `По умолчанию «${SITE.defaultAuthor}».` },
	heroImage: {
		label: 'Главная картинка',
		widget: 'image',
		hint: 'Загрузите картинку или выберите из загруженных («Выберите изображение»), либо вставьте адрес https://… (например, с Unsplash) кнопкой «Вставить из URL».',
		choose_url: true,
		media_library: { allow_multiple: false },
	},
	heroAlt: {
		label: 'Описание картинки (alt)',
		widget: 'string',
		hint: 'Что изображено на главной картинке, для незрячих читателей и поисковиков. Для новой картинки обязательно.',
	},
	headline: {
		label: 'Заголовок на странице (H1)',
		widget: 'string',
		hint: 'Необязательно: по умолчанию совпадает с заголовком (SEO).',
	},
	draft: {
		label: 'Черновик',
		widget: 'boolean',
		hint: 'Черновик не публикуется. Снимите флажок, когда статья готова.',
		// New posts start as drafts; the schema's default (false) is for posts without the field.
		default: true,
	},
	related: {
		label: 'Читайте также',
		widget: 'relation',
		hint: 'Статьи для блока «Читайте также», показываются первыми.',
		collection: CMS_COLLECTION,
		value_field: '{{slug}}',
		search_fields: ['title'],
		display_fields: ['title'],
		multiple: true,
	},
	schema: {
		label: 'Разметка HowTo (рейтинг)',
		widget: 'object',
		hint: 'Необязательно: блок schema.org HowTo с рейтингом статьи.',
		collapsed: true,
	},
};

/** Labels and hints of the HowTo block's fields; `@context`/`@type` are set on save. */
const HOWTO_FIELD_UI: Readonly<Record<string, FieldUi>> = {
	name: { label: 'Название', widget: 'string', hint: 'По умолчанию — заголовок статьи.' },
	description: { label: 'Описание', widget: 'text', hint: 'По умолчанию — описание статьи.' },
	aggregateRating: { label: 'Рейтинг', widget: 'object' },
};

const RATING_FIELD_UI: Readonly<Record<string, FieldUi>> = {
	ratingValue: {
		label: 'Оценка',
		widget: 'string',
		hint: 'Например 4.8; от худшей до лучшей оценки (по умолчанию от 1 до 5).',
	},
	reviewCount: {
		label: 'Число отзывов',
		widget: 'number',
		value_type: 'int',
		min: 0,
		step: 1,
	},
	bestRating: { label: 'Лучшая оценка', widget: 'string', hint: 'По умолчанию 5' },
	worstRating: { label: 'Худшая оценка', widget: 'string', hint: 'По умолчанию 1' },
};

/** The zod type under optional()/default() wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
	let current = schema;
	for (;;) {
		const def = current.def as { type: string; innerType?: z.ZodType; in?: z.ZodType };
		if ((def.type === 'optional' || def.type === 'default') && def.innerType) {
			current = def.innerType;
		} else if (def.type === 'pipe' && def.in) {
			// A transform (`"4,8"` → `"4.8"`) checks its input: the pattern is the input's.
			current = def.in;
		} else {
			return current;
		}
	}
}

/** Whether a field may be left out: its schema accepts `undefined` (optional or defaulted). */
export const isOptionalField = (schema: z.ZodType): boolean => schema.safeParse(undefined).success;

/** The schema's default for a field, when it has one. */
function schemaDefault(schema: z.ZodType): unknown {
	const def = schema.def as { type: string; defaultValue?: unknown };
	return def.type === 'default' ? def.defaultValue : undefined;
}

/** The object shape behind a (possibly transformed or wrapped) object schema. */
export function objectShape(schema: z.ZodType): Record<string, z.ZodType> {
	let current = unwrap(schema);
	const def = current.def as { type: string; in?: z.ZodType };
	if (def.type === 'pipe' && def.in) current = unwrap(def.in);
	const shape = (current.def as { shape?: Record<string, z.ZodType> }).shape;
	if (!shape) throw new Error('objectShape: not an object schema');
	return shape;
}

/** The regex a string schema (or a member of a union) checks, read from its zod 4 checks. */
function stringPattern(schema: z.ZodType): RegExp | undefined {
	const def = unwrap(schema).def as {
		type: string;
		options?: z.ZodType[];
		checks?: Array<{ _zod: { def: { pattern?: RegExp } } }>;
	};
	if (def.type === 'union' && def.options) {
		return def.options.map(stringPattern).find((pattern) => pattern !== undefined);
	}
	return def.checks?.map((check) => check._zod.def.pattern).find((pattern) => pattern);
}

/** Builds CMS fields from an object shape, in the schema's order, skipping `skip`. */
function fieldsFromShape(
	shape: Record<string, z.ZodType>,
	ui: Readonly<Record<string, FieldUi>>,
	/*
	 * Inside an optional block (the HowTo), a field the schema requires is required only when
	 * the block is there; Decap cannot say that, so there the build's content check is the gate.
	 */
	inOptionalBlock = false,
): CmsField[] {
	return Object.entries(shape)
		.filter(([name]) => ui[name])
		.map(([name, schema]) => {
			const required = !inOptionalBlock && !isOptionalField(schema);
			const field: CmsField = { name, ...ui[name]!, required };
			const fallback = schemaDefault(schema);
			// A default inside an optional block would make the block appear in every new post.
			const useDefault = !inOptionalBlock && field.default === undefined;
			if (useDefault && fallback !== undefined && !Array.isArray(fallback)) {
				field.default = fallback;
			}
			if (field.widget === CMS_WIDGETS.keywords) field.default = [];
			return field;
		});
}

/** The HowTo block: its name and description, and the rating as an object. */
function howToFields(): CmsField[] {
	const shape = objectShape(howToSchema);
	const fields = fieldsFromShape(shape, HOWTO_FIELD_UI, true);
	const ratingShape = objectShape(shape['aggregateRating'] as z.ZodType);
	const ratingPattern = stringPattern(ratingShape['ratingValue'] as z.ZodType);
	const ratingFields = fieldsFromShape(ratingShape, RATING_FIELD_UI, true).map((field) =>
		field.widget === 'string' && ratingPattern
			? { ...field, pattern: [ratingPattern.source, RATING_ERROR] as [string, string] }
			: field,
	);
	return fields.map((field) =>
		field.name === 'aggregateRating' ? { ...field, fields: ratingFields } : field,
	);
}

/** Every post field as the CMS edits it, followed by the Markdown body. */
export function buildPostFields(schema: z.ZodType = postSchema): CmsField[] {
	const fields = fieldsFromShape(objectShape(schema), POST_FIELD_UI).map((field) =>
		field.name === 'schema' ? { ...field, fields: howToFields() } : field,
	);
	return [
		...fields,
		{
			name: 'body',
			label: 'Текст статьи',
			widget: 'markdown',
			hint: 'Разделы начинаются с «## Заголовок раздела».',
			modes: ['rich_text', 'raw'],
			required: true,
		},
	];
}

/** Options of the configuration that depend on where the site is deployed. */
export interface CmsConfigOptions {
	/** GitHub repository, owner/name. */
	repo: string;
	/** Branch editors commit to. */
	branch?: string;
}

/** The GitHub repository (owner/name) from Netlify's REPOSITORY_URL, or undefined. */
export function repoFromUrl(url: string | undefined): string | undefined {
	const match = /github\.com[/:]([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url?.trim() ?? '');
	return match ? `${match[1]}/${match[2]}` : undefined;
}

/**
 * The whole Decap CMS configuration: the GitHub back end with Netlify's OAuth provider in
 * production (the admin page adds the dev server's local back end), Russian UI, one folder
 * collection of posts whose file names are set on save (see src/client/cms-admin.ts).
 */
export function buildCmsConfig({ repo, branch = 'main' }: CmsConfigOptions): CmsConfig {
	return {
		backend: {
			name: 'github',
			repo,
			branch,
			base_url: 'https://api.netlify.com',
			auth_endpoint: 'auth',
			commit_messages: {
				create: 'Блог: новая статья {{slug}}',
				update: 'Блог: статья {{slug}}',
				delete: 'Блог: удалена статья {{slug}}',
				uploadMedia: 'Блог: картинка {{path}}',
				deleteMedia: 'Блог: удалена картинка {{path}}',
			},
		},
		locale: 'ru',
		site_url: SITE.url,
		display_url: SITE.url,
		publish_mode: 'simple',
		media_folder: CMS_FOLDERS.media,
		public_folder: './images',
		collections: [
			{
				name: CMS_COLLECTION,
				label: 'Статьи',
				label_singular: 'статью',
				folder: CMS_FOLDERS.posts,
				extension: 'md',
				format: 'frontmatter',
				create: true,
				identifier_field: 'title',
				// Decap cannot transliterate Cyrillic: the file name is set on save from titleSlug().
				slug: '{{slug}}',
				summary: '{{title}}',
				sortable_fields: ['pubDate', 'title'],
				preview_path: 'blog/{{slug}}/',
				fields: buildPostFields(),
			},
		],
	};
}

/** The configuration as config.yml text (JSON is valid YAML, and needs no YAML writer). */
export const serializeCmsConfig = (config: CmsConfig): string =>
	`${JSON.stringify(config, null, '\t')}\n`;
