import { z } from 'zod';
import { SITE } from '../site.ts';
import { parseEditorDate } from './dates.ts';
import { isSlug } from './slug.ts';
import { slugFromPostUrl } from './urls.ts';

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

/** A rating number as editors write it: 4.8 or "4.8" (kept exactly as written). */
const RATING_EXPECTED = 'ожидается число, например 4.8 или "4.8"';
const ratingValue = z.union(
	[
		z.number(),
		z.string().regex(/^\s*\d+(?:[.,]\d+)?\s*$/, {
			error: (iss) => `${RATING_EXPECTED}, ${received(iss.input)}`,
		}),
	],
	{ error: (iss) => `${RATING_EXPECTED}, ${received(iss.input)}` },
);

/** Numeric value of a rating field written as a number or a string. */
export const ratingNumber = (value: number | string): number =>
	typeof value === 'number' ? value : Number(value.trim().replace(',', '.'));

/** The error of a block of fields given as something else (`schema: "HowTo"`). */
const blockError =
	(what: string, example: string) =>
	(iss: { input?: unknown }): string =>
		`ожидается ${what}: вложенные поля с отступом (${example}), ${received(iss.input)}`;

const imageObject = z.looseObject(
	{
		'@type': z.literal('ImageObject').optional(),
		url: webUrl('адрес картинки'),
	},
	{ error: blockError('блок картинки', 'url: https://…') },
);

const aggregateRating = z
	.looseObject(
		{
			'@type': z.literal('AggregateRating', { error: 'ожидается "@type": AggregateRating' }),
			ratingValue,
			reviewCount: z
				.number({ error: (iss) => `ожидается целое число отзывов, ${received(iss.input)}` })
				.int({ error: 'ожидается целое число отзывов' })
				.nonnegative({ error: 'число отзывов не может быть отрицательным' }),
			bestRating: ratingValue.default('5'),
			worstRating: ratingValue.default('1'),
		},
		{
			error: blockError(
				'блок оценки',
				'"@type": AggregateRating, ratingValue: 4.8, reviewCount: 12',
			),
		},
	)
	.check((ctx) => {
		const { ratingValue: value, bestRating, worstRating } = ctx.value;
		const [v, best, worst] = [value, bestRating, worstRating].map(ratingNumber) as [
			number,
			number,
			number,
		];
		if (worst > best) {
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				path: ['worstRating'],
				message: `worstRating (${worst}) должен быть не больше bestRating (${best})`,
			});
		} else if (v < worst || v > best) {
			ctx.issues.push({
				code: 'custom',
				input: ctx.value,
				path: ['ratingValue'],
				message: `ожидается оценка от ${worst} до ${best}, получено ${v}`,
			});
		}
	});

/** The schema.org HowTo block the existing posts carry, inline JSON or block YAML alike. */
export const howToSchema = z.looseObject(
	{
		/** Always https://schema.org. */
		'@context': z.literal('https://schema.org').optional(),
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
					`ожидается адрес картинки https://… или блок с полем url: https://…, ${received(iss.input)}`,
			})
			.optional(),
		/** The rating readers gave the article. */
		aggregateRating: aggregateRating.optional(),
		/** The publishing organisation. */
		publisher: z
			.looseObject(
				{
					'@type': z.literal('Organization').optional(),
					name: text('название организации'),
					logo: imageObject.optional(),
				},
				{ error: blockError('блок организации', 'name: ButlerSPB') },
			)
			.optional(),
		/** The article page this how-to describes; its @id carries the post's URL. */
		mainEntityOfPage: z
			.looseObject(
				{
					'@type': z.literal('WebPage').optional(),
					'@id': webUrl('адрес страницы статьи'),
				},
				{ error: blockError('блок страницы', '"@id": https://…') },
			)
			.optional(),
	},
	{ error: blockError('блок schema', '"@type": HowTo, aggregateRating: …') },
);

/** Keywords: a comma-separated string or a YAML list in, a trimmed de-duplicated list out. */
const keywords = z
	.union([z.string(), z.array(z.string())], {
		error: (iss) =>
			`ожидаются ключевые слова через запятую или списком YAML, ${received(iss.input)}`,
	})
	.transform((value) => {
		const items = (Array.isArray(value) ? value : value.split(','))
			.map((item) => item.trim().replace(/\s+/g, ' '))
			.filter(Boolean);
		const seen = new Set<string>();
		return items.filter((item) => {
			const key = item.toLocaleLowerCase(SITE.locale);
			if (seen.has(key)) return false;
			seen.add(key);
			return true;
		});
	});

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

/** Closest known field name to a misspelt one, for "did you mean" hints. */
export function suggestField(key: string): string | undefined {
	const lower = key.toLowerCase().replace(/[_-]/g, '');
	return POST_FIELDS.find((field) => field.toLowerCase() === lower);
}

const unknownKeyMessage = (keys: readonly string[]): string =>
	keys
		.map((key) => {
			const hint = suggestField(key);
			return `неизвестное поле «${key}»${hint ? `: возможно, имелось в виду «${hint}»` : ''}; допустимые поля: ${POST_FIELDS.join(', ')}`;
		})
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
