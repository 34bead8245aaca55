import matter from 'gray-matter';
import { splitPost } from './frontmatter-source.ts';

/** A post split into its frontmatter data and Markdown body. */
export interface ParsedPost {
	data: Record<string, unknown>;
	content: string;
}

/**
 * Parses frontmatter lines (without the `---` delimiters) as YAML with gray-matter. Options are
 * always passed because gray-matter caches results without them: a broken file would throw only
 * the first time and parse as empty afterwards, and the cache would hold every post in memory.
 * Only the frontmatter block is handed over: gray-matter copies its whole input into a Buffer,
 * which for a 20 KB post costs more than parsing the YAML.
 */
export const parseFrontmatterLines = (lines: readonly string[]): Record<string, unknown> =>
	matter(`---\n${lines.join('\n')}\n---\n`, { language: 'yaml' }).data;

/** Parses a post into its frontmatter data and body, exactly as gray-matter would. */
export function parseFrontmatter(source: string): ParsedPost {
	const split = source.includes('\r') ? 'crlf' : splitPost(source);
	if (typeof split === 'string') {
		// No frontmatter, an unclosed one or CRLF line ends: rare, so gray-matter takes it whole.
		const { data, content } = matter(source, { language: 'yaml' });
		return { data, content };
	}
	return { data: parseFrontmatterLines(split.lines), content: split.body };
}
