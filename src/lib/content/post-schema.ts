import { z } from 'zod';
import { SITE } from '../../site.ts';
import {
	describeInvisible,
	showInvisible,
	withoutInvisible,
} from '../content-check/content-issues.ts';
import { formatDate, parseEditorDate } from './dates.ts';
import { editDistance } from '../text/edit-distance.ts';
import { normaliseImageUrl } from './images.ts';
import { normaliseKeywords, splitKeywords } from './keywords.ts';
import { isSlug } from './slug.ts';
import { slugFromPostUrl } from '../site/urls.ts';

/*
 * The frontmatter schema of a blog post, written once and used by the content collection
 * (src/content.config.ts) and by every editor script. Messages are in Russian because editors
 * read them; each names what was expected.
 */

const received = (input: unknown): string =>
	input === undefined ? 'поле отсутствует' : `получено ${JSON.stringify(input)}`;

/** A required, trimmed, non-empty line of text. */
const text = (what: string) =>
	z
		.string({ error: (iss) => `ожидается ${what} (строка), ${received(iss.input)}` })
		.trim()
		.min(1, { error: `ожидается ${what}, а поле пустое` });

/** An absolute http(s) URL. Plain http is accepted here and reported by the content check. */
const webUrl = (what: string) =>
	z.url({
		protocol: /^https?$/,
		hostname: z.regexes.domain,
		error: (iss) => `ожидается ${what}: абсолютный адрес https://…, ${received(iss.input)}`,
	});

/** pubDate / updatedDate: ISO 8601 date or date-time, string or YAML date. */
const DATE_EXPECTED = 'ожидается дата ISO 8601, например 2025-07-25 или 2025-07-25T12:00:00+03:00';
const dateField = z
	.union([z.string(), z.date()], {
		error: (iss) => `${DATE_EXPECTED}, ${received(iss.input)}`,
	})
	.transform((value, ctx) => {
		const date = parseEditorDate(value);
		if (date) return date;
		ctx.issues.push({
			code: 'custom',
			input: value,
			message: `${DATE_EXPECTED}, ${received(value instanceof Date ? 'недопустимая дата' : value)}`,
		});
		return z.NEVER;
	});

/**
 * A rating number as editors write it: 4.8, "4.8" or "4,8". A string stays a string, trimmed and
 * with a decimal point (schema.org wants "4.8"; the page shows «4,8» in Russian).
 */
const RATING_EXPECTED = 'ожидается число, например 4.8 или "4.8"';
const ratingValue = z.union(
	[
		z.number(),
		z
			.string()
			.regex(/^\s*\d+(?:[.,]\d+)?\s*$/, {
				error: (iss) => `${RATING_EXPECTED}, ${received(iss.input)}`,
			})
			.transform((value) => value.trim().replace(',', '.')),
	],
	{ error: (iss) => `${RATING_EXPECTED}, ${received(iss.input)}` },
);

/** Numeric value of a rating field written as a number or a string. */
export const ratingNumber = (value: number | string): number =>
	typeof value === 'number' ? value : Number(value.trim().replace(',', '.'));

/**
 * A block of the `schema` field that allows only its own keys: a typo (`bestrating`) or a key the
 * site does not use (`step`, `foo`) is reported with a «did you mean» hint, as top-level fields are.
 */
const strictBlock = <Shape extends z.core.$ZodLooseShape>(what: string, shape: Shape) =>
	z.strictObject(shape, {
		error: (iss) =>
			iss.code === 'unrecognized_keys'
				? unknownKeyMessage(iss.keys, Object.keys(shape))
				: `ожидается ${what}: блок полей «имя: значение», ${received(iss.input)}`,
	});

const imageObjectShape = {
	'@type': z.literal('ImageObject', { error: 'ожидается "@type": ImageObject' }).optional(),
	url: webUrl('адрес картинки'),
};
const imageObject = strictBlock('картинка (ImageObject)', imageObjectShape);

const aggregateRatingShape = {
	'@type': z.literal('AggregateRating', { error: 'ожидается "@type": AggregateRating' }),
	ratingValue,
	reviewCount: z
		.number({ error: (iss) => `ожидается целое число отзывов, ${received(iss.input)}` })
		.int({ error: 'ожидается целое число отзывов' })
		.nonnegative({ error: 'число отзывов не может быть отрицательным' }),
	bestRating: ratingValue.default('5'),
	worstRating: ratingValue.default('1'),
};

/** A rating field's number when it was read as one (a field with its own error is skipped). */
const readRating = (value: unknown): number | undefined => {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	const number = ratingNumber(value);
	return Number.isFinite(number) ? number : undefined;
};

/**
 * Every problem of a rating is reported at once: the scale and the value are checked apart, and
 * also when another field of the block has its own error (a missing reviewCount must not hide a
 * ratingValue out of range), from whatever fields were read.
 */
const aggregateRating = strictBlock('оценка (AggregateRating)', aggregateRatingShape).superRefine(
	(rating, ctx) => {
		const [v, best, worst] = [rating.ratingValue, rating.bestRating, rating.worstRating].map(
			readRating,
		);
		const issue = (path: string, message: string): void =>
			ctx.addIssue({ code: 'custom', input: rating, path: [path], message });
		if (best === undefined || worst === undefined) return;
		if (worst > best) {
			issue('worstRating', `worstRating (${worst}) должен быть не больше bestRating (${best})`);
		}
		if (v !== undefined && (v > best || v < worst)) {
			issue('ratingValue', `ожидается оценка от ${worst} до ${best}, получено ${v}`);
		}
	},
	{
		when: ({ value }) => value !== null && typeof value === 'object' && !Array.isArray(value),
	},
);

const publisherShape = {
	'@type': z.literal('Organization', { error: 'ожидается "@type": Organization' }).optional(),
	name: text('название организации'),
	url: webUrl('адрес сайта организации').optional(),
	logo: imageObject.optional(),
};

const pageShape = {
	'@type': z.literal('WebPage', { error: 'ожидается "@type": WebPage' }).optional(),
	'@id': webUrl('адрес страницы статьи'),
};

const howToShape = {
	/** Always https://schema.org. */
	'@context': z
		.literal('https://schema.org', { error: 'ожидается "@context": https://schema.org' })
		.optional(),
	/** Always HowTo. */
	'@type': z.literal('HowTo', { error: 'ожидается "@type": HowTo' }),
	/** Name of the how-to; defaults to the post title. */
	name: text('название').optional(),
	/** Description; defaults to the post description. */
	description: text('описание').optional(),
	/** Image: a URL or an ImageObject; defaults to the hero image. */
	image: z
		.union([webUrl('адрес картинки'), imageObject], {
			error: (iss) =>
				`ожидается адрес картинки https://… или блок ImageObject с полем url, ${received(iss.input)}`,
		})
		.optional(),
	/** How long the task takes, ISO 8601 duration: PT30M, PT2H. */
	totalTime: z
		.string()
		.regex(/^P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+S)?)?$/, {
			error: (iss) =>
				`ожидается длительность ISO 8601, например PT30M или PT2H, ${received(iss.input)}`,
		})
		.optional(),
	/** The rating readers gave the article. */
	aggregateRating: aggregateRating.optional(),
	/** The publishing organisation. */
	publisher: strictBlock('издатель (Organization)', publisherShape).optional(),
	/** The article page this how-to describes; its @id carries the post's URL. */
	mainEntityOfPage: strictBlock('страница статьи (WebPage)', pageShape).optional(),
};

/** The schema.org HowTo block the existing posts carry, inline JSON or block YAML alike. */
export const howToSchema = strictBlock('блок schema.org (HowTo)', howToShape);

/** The keys each block of `schema` allows, by its field path (`schema.aggregateRating`). */
const BLOCK_FIELDS: Readonly<Record<string, readonly string[]>> = {
	schema: Object.keys(howToShape),
	'schema.image': Object.keys(imageObjectShape),
	'schema.aggregateRating': Object.keys(aggregateRatingShape),
	'schema.publisher': Object.keys(publisherShape),
	'schema.publisher.logo': Object.keys(imageObjectShape),
	'schema.mainEntityOfPage': Object.keys(pageShape),
};

/**
 * Keywords: a comma-separated string or a YAML list in, a trimmed list out with one keyword per
 * tag URL (src/lib/content/keywords.ts), so tag pages, article:tag and JSON-LD all get the same list.
 */
const keywords = z
	.union([z.string(), z.array(z.string())], {
		error: (iss) =>
			`ожидаются ключевые слова через запятую или списком YAML, ${received(iss.input)}`,
	})
	.transform((value) => normaliseKeywords(splitKeywords(value)).keywords);

/** A related post: its slug, or its /blog/<slug>/ URL (stored as the slug). */
const relatedSlug = z.string().transform((value, ctx) => {
	const slug = slugFromPostUrl(value) ?? value.trim();
	if (isSlug(slug)) return slug;
	ctx.issues.push({
		code: 'custom',
		input: value,
		message: `ожидается адрес статьи (slug) латиницей через дефис, например servisnyy-podhod, получено ${JSON.stringify(value)}`,
	});
	return z.NEVER;
});

/** Every top-level field a post may have; anything else is a typo. */
export const POST_FIELDS = [
	'title',
	'description',
	'keywords',
	'pubDate',
	'updatedDate',
	'author',
	'heroImage',
	'heroAlt',
	'headline',
	'draft',
	'related',
	'schema',
] as const;

/** The keys allowed in the block at `path` (top-level fields for the empty path). */
export const fieldsAt = (path: readonly PropertyKey[]): readonly string[] =>
	path.length === 0 ? POST_FIELDS : (BLOCK_FIELDS[path.map(String).join('.')] ?? []);

/**
 * What other blog engines (Jekyll, Hugo, Eleventy, WordPress exports, Ghost) call the blog's own
 * fields, in lower case without `-`/`_`: a post brought from one of them is told the field's name
 * here, not only that its key is unknown.
 */
const OTHER_ENGINE_FIELDS: Readonly<Record<string, (typeof POST_FIELDS)[number]>> = {
	date: 'pubDate',
	published: 'pubDate',
	publishdate: 'pubDate',
	publishedat: 'pubDate',
	publishedon: 'pubDate',
	created: 'pubDate',
	lastmod: 'updatedDate',
	updated: 'updatedDate',
	modified: 'updatedDate',
	updatedat: 'updatedDate',
	tags: 'keywords',
	tag: 'keywords',
	categories: 'keywords',
	category: 'keywords',
	image: 'heroImage',
	cover: 'heroImage',
	coverimage: 'heroImage',
	featuredimage: 'heroImage',
	featureimage: 'heroImage',
	thumbnail: 'heroImage',
	imagealt: 'heroAlt',
	coveralt: 'heroAlt',
	summary: 'description',
	excerpt: 'description',
	authors: 'author',
	related_posts: 'related',
	relatedposts: 'related',
};

/** The blog's own field for another engine's key (`date` → `pubDate`), at the top level only. */
export function otherEngineField(
	key: string,
	fields: readonly string[] = POST_FIELDS,
): string | undefined {
	if (fields !== POST_FIELDS) return undefined;
	return OTHER_ENGINE_FIELDS[withoutInvisible(key).toLowerCase().replace(/[_-]/g, '')];
}

/**
 * Closest known field name to a misspelt one, for "did you mean" hints: the same name with an
 * invisible character, in another letter case or with `-`/`_`, else another engine's name for it
 * (`tags`), else one at most two typos away (`descripton`, `bestRatng`).
 */
export function suggestField(
	key: string,
	fields: readonly string[] = POST_FIELDS,
): string | undefined {
	const simple = (name: string): string =>
		withoutInvisible(name).toLowerCase().replace(/[_-]/g, '');
	const exact = fields.find((field) => simple(field) === simple(key));
	if (exact) return exact;
	const other = otherEngineField(key, fields);
	if (other) return other;
	const scored = fields
		.map((field) => ({ field, distance: editDistance(simple(key), simple(field)) }))
		.filter(({ field, distance }) => distance <= Math.min(2, Math.floor(field.length / 3)))
		.sort((a, b) => a.distance - b.distance);
	return scored[0]?.field;
}

/**
 * What an editor is told about an unknown key, after «такого поля нет»: an invisible character in
 * it, shown and named; the blog's name for another engine's field; or the closest field name.
 */
export function unknownKeyHint(key: string, fields: readonly string[] = POST_FIELDS): string {
	const hint = suggestField(key, fields);
	const invisible = describeInvisible(key);
	if (invisible.length > 0) {
		const named = invisible.join(', ');
		return `: в имени «${showInvisible(key)}» ${invisible.length > 1 ? 'невидимые символы' : 'невидимый символ'} ${named}${hint ? `, без ${invisible.length > 1 ? 'них' : 'него'} это поле «${hint}»` : ''}. Сотрите имя поля целиком и наберите его заново`;
	}
	const other = otherEngineField(key, fields);
	if (other) {
		return `: так это поле называют другие движки блогов (Jekyll, Hugo, WordPress), здесь оно называется «${other}». Переименуйте «${key}» в «${other}»`;
	}
	return hint ? `: возможно, имелось в виду «${hint}»` : '';
}

const unknownKeyMessage = (
	keys: readonly string[],
	fields: readonly string[] = POST_FIELDS,
): string =>
	keys
		.map(
			(key) =>
				`неизвестное поле «${showInvisible(key)}»${unknownKeyHint(key, fields)}; допустимые поля: ${fields.join(', ')}`,
		)
		.join('; ');

/**
 * Builds the post frontmatter schema. `image` is Astro's `image()` helper in the collection and a
 * plain path validator in scripts and tests, so the schema runs with or without Astro.
 */
export function createPostSchema<TImage extends z.ZodType>(image: () => TImage) {
	return z
		.strictObject(
			{
				/** SEO title: the <title>, og:title and feed title. */
				title: text('заголовок'),
				/** Meta description and card text (about 120–160 characters). */
				description: text('описание'),
				/** Keywords and tags: "a, b, c" or a YAML list. */
				keywords: keywords.default([]),
				/** Publication date: 2025-07-25 or 2025-07-25T12:00:00+03:00 (Moscow time if no zone). */
				pubDate: dateField,
				/** Date of the last significant update, same format as pubDate. */
				updatedDate: dateField.optional(),
				/** Author's name. */
				author: text('имя автора').default(SITE.defaultAuthor),
				/** Hero image: an https URL (e.g. Unsplash) or a path to a local image file. */
				heroImage: z
					.union([webUrl('адрес картинки'), image()], {
						error: (iss) =>
							`ожидается https-адрес картинки или путь к файлу картинки в проекте, ${received(iss.input)}`,
					})
					// A URL is used decoded and on https (`&amp;` pasted from a page, http://).
					.transform((hero) =>
						typeof hero === 'string' && /^https?:/i.test(hero) ? normaliseImageUrl(hero) : hero,
					)
					.optional(),
				/** Alternative text of the hero image; empty means decorative. */
				heroAlt: z.string().trim().optional(),
				/** On-page headline (the article's h1); defaults to the title. */
				headline: text('заголовок статьи').optional(),
				/** A draft is never published; `astro dev` shows it marked «Черновик». */
				draft: z
					.boolean({ error: (iss) => `ожидается true или false, ${received(iss.input)}` })
					.default(false),
				/** Slugs of posts for the «Читайте также» block, shown first. */
				related: z
					.array(relatedSlug, {
						error: (iss) => `ожидается список адресов статей (slug), ${received(iss.input)}`,
					})
					.default([]),
				/** The schema.org HowTo block with its AggregateRating. */
				schema: howToSchema.optional(),
			},
			{
				error: (iss) =>
					iss.code === 'unrecognized_keys'
						? unknownKeyMessage(iss.keys)
						: `ожидается блок полей YAML, ${received(iss.input)}`,
			},
		)
		.check((ctx) => {
			const { pubDate, updatedDate } = ctx.value;
			if (updatedDate && updatedDate.getTime() < pubDate.getTime()) {
				ctx.issues.push({
					code: 'custom',
					input: ctx.value,
					path: ['updatedDate'],
					message: `дата обновления (${formatDate(updatedDate)}) раньше даты публикации pubDate (${formatDate(pubDate)}): поисковики получат обновление в прошлом. Исправьте дату или удалите updatedDate`,
				});
			}
		})
		.transform((data) => ({ ...data, headline: data.headline ?? data.title }));
}

/** Image validator for use outside Astro: a relative path to an image file. */
export const localImagePath = () =>
	z.string().regex(/^\.{0,2}\/?[^:]+\.(?:avif|gif|jpe?g|png|svg|webp)$/i, {
		error: 'ожидается путь к файлу картинки (.jpg, .png, .webp, .avif, .gif, .svg)',
	});

/** The schema as scripts and tests use it (local images stay paths). */
export const postSchema = createPostSchema(localImagePath);

/** Frontmatter as editors write it. */
export type PostFrontmatterInput = z.input<typeof postSchema>;
/** Validated, normalised frontmatter (scripts' view: local images are paths). */
export type PostFrontmatter = z.output<typeof postSchema>;
/** The HowTo block after validation. */
export type HowToFrontmatter = z.output<typeof howToSchema>;
