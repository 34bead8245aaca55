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
	const close = source.startsWith('---') && source[3] !== '-' ? source.indexOf('\n---', 3) : -1;
	if (close === -1) {
		const { data, content } = matter(source, { language: 'yaml' });
		return { data, content };
	}
	// gray-matter copies its whole input into a Buffer, which for a 20 KB post cost more than
	// parsing the YAML: give it the frontmatter block only and cut the body as it would.
	const end = close + '\n---'.length;
	const { data } = matter(source.slice(0, end), { language: 'yaml' });
	const content = source.slice(end).replace(/^\r?\n?/, '');
	return { data, content };
}
