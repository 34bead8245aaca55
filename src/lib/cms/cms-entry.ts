import type { z } from 'zod';
import { SITE } from '../../site.ts';
import { DEFAULT_CONTENT_DIR } from '../content/content-dir.ts';
import { isOptionalField, objectShape } from './cms-config.ts';
import { postSchema, ratingNumber } from '../content/post-schema.ts';
import { titleSlug } from '../content/slug.ts';
import { MARKDOWN_IMAGE } from '../content/markdown-source.ts';

/*
 * What the CMS does to a post just before it saves it (src/client/cms-admin.ts applies the
 * result to Decap's entry). Decap leaves an emptied optional field as "" and has no way to make
 * a file name from a Cyrillic title, so both are fixed here, with the same rules as the editor
 * scripts.
 */

/** A change to the entry's data: set a value at a path, or remove the key at a path. */
export type EntryEdit =
	| { op: 'set'; path: readonly string[]; value: unknown }
	| { op: 'remove'; path: readonly string[] };

const isBlank = (value: unknown): boolean =>
	value === undefined ||
	value === null ||
	(typeof value === 'string' && value.trim() === '') ||
	(typeof value === 'object' &&
		!Array.isArray(value) &&
		Object.values(value as Record<string, unknown>).every(isBlank));

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A path relative to the post without its leading `./` (no scheme, not `/`, `./` or `../`). */
const RELATIVE_WITHOUT_DOT_SLASH = /^(?![a-z][a-z\d+.-]*:|\.{0,2}\/|#)/i;

/** A Markdown image whose path is relative without `./`: `![alt](images/x.png)`. */
const BODY_IMAGE_WITHOUT_DOT_SLASH = /(!\[[^\]]*\]\()(?![a-z][a-z\d+.-]*:|\.{0,2}\/|#|<|\))/gi;

/**
 * A picture the CMS picked from its media library, as the posts write it: Decap writes
 * `images/x.png` (it joins public_folder `./images` with the name), the posts `./images/x.png`.
 */
const withDotSlash = (path: string): string =>
	RELATIVE_WITHOUT_DOT_SLASH.test(path.trim()) ? `./${path.trim()}` : path;

/**
 * Edits that make a post's data what the schema expects: optional fields left blank ("" or an
 * empty HowTo block) are removed, unless the schema accepts "" for them (an empty `heroAlt`
 * means a decorative image); a HowTo block gets its `@context`/`@type` constants; keyword inputs
 * left empty are dropped; a picture from the media library gets the `./` the posts write. Other
 * values are never touched, so saving an existing post changes only what the editor changed.
 */
export function entryEdits(data: Readonly<Record<string, unknown>>): EntryEdit[] {
	const shape = objectShape(postSchema);
	const edits: EntryEdit[] = [];
	for (const [key, value] of Object.entries(data)) {
		const field = shape[key] as z.ZodType | undefined;
		if (!field || key === 'body') continue;
		const blank = typeof value === 'string' && value.trim() === '';
		if (blank && isOptionalField(field) && !field.safeParse(value).success) {
			edits.push({ op: 'remove', path: [key] });
		}
	}
	const hero = data['heroImage'];
	if (typeof hero === 'string' && hero.trim() && hero !== withDotSlash(hero)) {
		edits.push({ op: 'set', path: ['heroImage'], value: withDotSlash(hero) });
	}
	const body = data['body'];
	if (typeof body === 'string') {
		const fixed = body.replace(BODY_IMAGE_WITHOUT_DOT_SLASH, '$1./');
		if (fixed !== body) edits.push({ op: 'set', path: ['body'], value: fixed });
	}
	const keywords = data['keywords'];
	if (Array.isArray(keywords) && keywords.some(isBlank)) {
		// An input added and left empty; the others are kept exactly as typed.
		edits.push({ op: 'set', path: ['keywords'], value: keywords.filter((item) => !isBlank(item)) });
	}
	const schema = data['schema'];
	if (schema !== undefined && isBlank(schema)) {
		edits.push({ op: 'remove', path: ['schema'] });
	} else if (isRecord(schema)) {
		if (schema['@context'] === undefined) {
			edits.push({ op: 'set', path: ['schema', '@context'], value: 'https://schema.org' });
		}
		if (schema['@type'] === undefined) {
			edits.push({ op: 'set', path: ['schema', '@type'], value: 'HowTo' });
		}
		for (const key of ['name', 'description']) {
			if (key in schema && isBlank(schema[key]))
				edits.push({ op: 'remove', path: ['schema', key] });
		}
		const rating = schema['aggregateRating'];
		if (rating !== undefined && isBlank(rating)) {
			edits.push({ op: 'remove', path: ['schema', 'aggregateRating'] });
		} else if (isRecord(rating)) {
			if (rating['@type'] === undefined) {
				edits.push({
					op: 'set',
					path: ['schema', 'aggregateRating', '@type'],
					value: 'AggregateRating',
				});
			}
			for (const key of ['bestRating', 'worstRating']) {
				if (key in rating && isBlank(rating[key])) {
					edits.push({ op: 'remove', path: ['schema', 'aggregateRating', key] });
				}
			}
		}
	}
	return edits;
}

/**
 * File of a new post: the slug `npm run new` gives its title (transliterated, cut at a word
 * boundary at 80 characters), in the posts folder.
 */
export function newPostFile(
	title: string,
	folder: string = DEFAULT_CONTENT_DIR,
): { slug: string; path: string } {
	const slug = titleSlug(title);
	return { slug, path: `${folder}/${slug}.md` };
}

/** The rating fields of the HowTo block as the editor holds them. */
export interface RatingInput {
	ratingValue?: unknown;
	bestRating?: unknown;
	worstRating?: unknown;
}

const RATING_TEXT = /^\s*\d+(?:[.,]\d+)?\s*$/;

/** A rating field's number, the schema's default when left blank, or undefined if not a number. */
function ratingField(value: unknown, fallback: number): number | undefined {
	if (value === undefined || value === null || (typeof value === 'string' && !value.trim())) {
		return fallback;
	}
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	return typeof value === 'string' && RATING_TEXT.test(value) ? ratingNumber(value) : undefined;
}

const decimal = new Intl.NumberFormat(SITE.locale, { maximumFractionDigits: 2 });

/**
 * Why the rating cannot be saved: a value outside worstRating..bestRating (defaults 1 and 5, as
 * in the schema). A value that is not a number is left to the field's pattern.
 */
export function ratingRangeError(rating: RatingInput): string | undefined {
	const value = ratingField(rating.ratingValue, Number.NaN);
	const best = ratingField(rating.bestRating, 5);
	const worst = ratingField(rating.worstRating, 1);
	if (value === undefined || Number.isNaN(value) || best === undefined || worst === undefined) {
		return undefined;
	}
	const [v, b, w] = [value, best, worst].map((n) => decimal.format(n));
	if (worst > best) {
		return `Худшая оценка (${w}) больше лучшей (${b}): проверьте поля «Худшая оценка» и «Лучшая оценка»`;
	}
	if (value > best || value < worst) {
		return `Оценка ${v} вне шкалы: ожидается число от ${w} до ${b} (шкалу задают поля «Худшая оценка» и «Лучшая оценка»)`;
	}
	return undefined;
}

/** The hero image and its alt text as the editor holds them. */
export interface HeroInput {
	heroImage?: unknown;
	heroAlt?: unknown;
	/** The post's file as it was when the editor opened it ('' for a new post). */
	storedFile: string;
}

const filled = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * Why the hero cannot be saved without alt text: a hero picked or changed in this edit needs a
 * description. A post that already had its hero is left to the content check's warning, so an
 * unrelated edit of an older post is never refused.
 */
export function heroAltError(hero: HeroInput): string | undefined {
	if (!filled(hero.heroImage) || filled(hero.heroAlt)) return undefined;
	if (hero.storedFile.includes((hero.heroImage as string).trim())) return undefined;
	return 'Опишите главную картинку: что на ней изображено (для незрячих читателей и поисковиков)';
}

/**
 * Why the body cannot be saved: an image added in this edit has no alt text. Decap's image block
 * asks for it («Описание картинки (alt)») but saves without it; images the stored file already
 * had are left to the content check, so an unrelated edit of an older post is never refused.
 */
export function bodyImageAltError(body: unknown, storedFile: string): string | undefined {
	if (typeof body !== 'string') return undefined;
	const missing = [...body.matchAll(MARKDOWN_IMAGE)]
		.filter(([image, alt]) => !filled(alt) && !storedFile.includes(image))
		.map(([, , url]) => url);
	if (missing.length === 0) return undefined;
	const [which, on] = missing.length === 1 ? ['картинку', 'ней'] : ['картинки', 'них'];
	return `Опишите ${which} в тексте (${missing.join(', ')}): что на ${on} изображено, в поле «Описание картинки (alt)»`;
}

const record = (value: unknown): Readonly<Record<string, unknown>> =>
	isRecord(value) ? value : {};

/**
 * Why a post cannot be saved as the editor left it, in Russian, or undefined. These rules span
 * several fields, which Decap's per-field validation cannot see together: the rating against its
 * scale, the alt text of a new hero and of new images in the body. `storedFile` is the post's
 * text when it was opened.
 */
export function saveRefusal(
	data: Readonly<Record<string, unknown>>,
	storedFile: string,
): string | undefined {
	const problems = [
		ratingRangeError(record(record(data['schema'])['aggregateRating'])),
		heroAltError({ heroImage: data['heroImage'], heroAlt: data['heroAlt'], storedFile }),
		bodyImageAltError(data['body'], storedFile),
	].filter((problem) => problem !== undefined);
	return problems.length > 0 ? `${problems.join('. ')}.` : undefined;
}
