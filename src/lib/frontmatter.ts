import matter from 'gray-matter';

/** A post split into its frontmatter data and Markdown body. */
export interface ParsedPost {
	data: Record<string, unknown>;
	content: string;
}

/**
 * Parses a post's YAML frontmatter with gray-matter. Options are always passed because gray-matter
 * caches results without them: a broken file would throw only the first time and parse as empty
 * afterwards, and the cache would hold every post in memory for the life of the process.
 */
export function parseFrontmatter(source: string): ParsedPost {
	const { data, content } = matter(source, { language: 'yaml' });
	return { data, content };
}
