import { SITE } from '../../site.ts';
import { slugify } from './slug.ts';

/*
 * One normalisation of a post's keywords for every consumer: the tag links and tag pages, the
 * `article:tag` meta tags and the JSON-LD keywords all read the list the schema keeps, and the
 * content check explains to the editor what was dropped and why.
 */

/** Two keywords that lead to one tag page; the first spelling is kept. */
export interface KeywordCollision {
	kept: string;
	dropped: string;
	/** The tag slug both give. */
	slug: string;
}

/** A post's keywords after normalisation, with what was dropped. */
export interface NormalisedKeywords {
	/** Trimmed, spaces collapsed, one per tag slug, in the editor's order. */
	keywords: string[];
	/** Keywords dropped because an earlier one gives the same tag URL with another spelling. */
	collisions: KeywordCollision[];
	/** Keywords with no letter or digit (a tag needs one for its URL). */
	empty: string[];
}

/** Splits a comma string or takes a list, trims each keyword and collapses its spaces. */
export const splitKeywords = (value: string | readonly string[]): string[] =>
	(typeof value === 'string' ? value.split(',') : [...value])
		.map((item) => item.trim().replace(/\s+/g, ' '))
		.filter(Boolean);

/**
 * Keeps one keyword per tag slug (the first) and drops keywords that transliterate to nothing.
 * Keywords that differ only in letter case are the same keyword and are not reported.
 */
export function normaliseKeywords(items: readonly string[]): NormalisedKeywords {
	const bySlug = new Map<string, string>();
	const collisions: KeywordCollision[] = [];
	const empty: string[] = [];
	for (const item of items) {
		const slug = slugify(item);
		if (!slug) {
			empty.push(item);
			continue;
		}
		const kept = bySlug.get(slug);
		if (kept === undefined) bySlug.set(slug, item);
		else if (kept.toLocaleLowerCase(SITE.locale) !== item.toLocaleLowerCase(SITE.locale)) {
			collisions.push({ kept, dropped: item, slug });
		}
	}
	return { keywords: [...bySlug.values()], collisions, empty };
}
