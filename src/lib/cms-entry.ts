import type { z } from 'zod';
import { DEFAULT_CONTENT_DIR } from './content-dir.ts';
import { isOptionalField, objectShape } from './cms-config.ts';
import { postSchema } from './post-schema.ts';
import { slugify } from './slug.ts';

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

/**
 * Edits that make a post's data what the schema expects: optional fields left blank ("" or an
 * empty HowTo block) are removed, unless the schema accepts "" for them (an empty `heroAlt`
 * means a decorative image); a HowTo block gets its `@context`/`@type` constants. Fields with
 * a value are never touched, so saving an existing post changes only what the editor changed.
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

/** File of a new post: the slug `npm run new` would give its title, in the posts folder. */
export function newPostFile(
	title: string,
	folder: string = DEFAULT_CONTENT_DIR,
): { slug: string; path: string } {
	const slug = slugify(title);
	return { slug, path: `${folder}/${slug}.md` };
}
