/*
 * The content check's findings: the types the check (content-check.ts) and its rule files
 * (content-body-rules.ts, content-data-rules.ts) share, in a module that imports nothing, so the
 * rules need not import the check that calls them.
 */

/** How bad a finding is: errors stop the build, warnings are printed. */
export type Severity = 'error' | 'warning';

/** Machine-readable kinds of findings, stable for scripts (`--json`). */
export type FindingCode =
	| 'yaml'
	| 'frontmatter-missing'
	| 'frontmatter-unclosed'
	| 'schema'
	| 'file-name'
	| 'duplicate-slug'
	| 'script-url'
	| 'script-tag'
	| 'event-handler'
	| 'inline-style'
	| 'related-missing'
	| 'link-missing'
	| 'schema-name'
	| 'schema-url'
	| 'rating-no-reviews'
	| 'hero-not-https'
	| 'reference-undefined'
	| 'placeholder'
	| 'image-missing'
	| 'body-h1'
	| 'body-related'
	| 'file-skipped'
	| 'image-blocked'
	| 'frame-blocked'
	| 'blocked-tag'
	| 'hero-root-path'
	| 'hero-alt-missing'
	| 'image-alt-missing'
	| 'title-length'
	| 'description-length'
	| 'keyword-collision'
	| 'keyword-empty'
	| 'mdx-import-missing'
	| 'mdx-expression'
	| 'mdx-component'
	| 'mdx-comment'
	| 'mdx-autolink'
	| 'anchor-missing'
	| 'link-no-slash'
	| 'link-unpublished'
	| 'link-tag-missing'
	| 'link-page-missing'
	| 'link-page-unknown'
	| 'link-post-file'
	| 'footnote-duplicate'
	| 'encoding';

/** One problem in one post. */
export interface Finding {
	severity: Severity;
	code: FindingCode;
	/** File path as the editor knows it (relative to the project). */
	file: string;
	/** 1-based line in the file, where known. */
	line?: number;
	/** Frontmatter field (`schema.aggregateRating.reviewCount`, `related[1]`), if the problem is in one. */
	field?: string;
	/** What was found and what is expected, in Russian. */
	message: string;
}

/**
 * A finding that one file alone decides, or that holds only unless a post with this slug
 * exists (a link or «Читайте также» entry) or unless this image exists next to the post.
 */
export interface FileFinding {
	finding: Finding;
	unlessPost?: string;
	unlessImage?: string;
	/** Holds unless one of these paths (relative to the post's folder) exists. */
	unlessFile?: readonly string[];
	/** Holds when this slug is a post that is not published (a draft or scheduled), and this one is. */
	ifUnpublished?: string;
	/** Holds unless the published posts give this tag at least `page` pages. */
	unlessTag?: { slug: string; page: number };
	/** Holds unless the main listing has this many pages. */
	unlessListingPage?: number;
	/** A link to this path, which no page has: checkPosts adds the closest existing address. */
	missingPage?: string;
}
