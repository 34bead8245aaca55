import matter from 'gray-matter';
import { parseDocument } from 'yaml';
import { splitPost } from './frontmatter-source.ts';

/** A post split into its frontmatter data and Markdown body. */
export interface ParsedPost {
	data: Record<string, unknown>;
	content: string;
}

/*
 * One YAML reading of a post's frontmatter for the build (src/loaders/posts.ts), the content
 * check and the editor scripts: the `yaml` package (YAML 1.2, core schema, `<<` merge keys) with
 * the options Astro 7.4 gives it when it reads frontmatter itself (`parseFrontmatter` of
 * `astro/markdown`, used by the glob() loader and by @astrojs/mdx when it compiles a post), and
 * the same copy of the package, so a post the check reads is a post every part of the build reads:
 * `yes` and `on` are text, `0o12` is 10, `~` is null, a key written twice is an error, anchors and
 * aliases work, and an unknown tag (`!x`) leaves its text.
 *
 * One difference, on purpose: Astro adds YAML 1.1's timestamp type, which turns an unquoted
 * `2025-02-30` into 2 March and reads an unquoted `2024-12-31T23:30:00` as UTC. Here a date stays
 * the text the editor wrote, quoted or not, and the post schema reads it (Moscow time when no zone
 * is given, an error for a date that does not exist). tests/lib/content/frontmatter.test.ts compares
 * the two readings.
 */
const YAML_OPTIONS = { schema: 'core', merge: true } as const;

/** Parses frontmatter YAML as the build does; a scalar or an empty document reads as no fields. */
export function loadPostYaml(text: string): Record<string, unknown> {
	const document = parseDocument(text, YAML_OPTIONS);
	// Like Astro, the first error throws (a YAMLParseError with `code` and `linePos`); warnings
	// such as an unknown tag do not.
	if (document.errors[0]) throw document.errors[0];
	const data: unknown = document.toJS();
	return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** gray-matter options that parse YAML with `loadPostYaml`. */
const MATTER_OPTIONS = { language: 'yaml', engines: { yaml: loadPostYaml } } as const;

/**
 * Parses frontmatter lines (without the `---` delimiters) with `loadPostYaml`. Options are
 * always passed because gray-matter caches results without them: a broken file would throw only
 * the first time and parse as empty afterwards, and the cache would hold every post in memory.
 * Only the frontmatter block is handed over: gray-matter copies its whole input into a Buffer,
 * which for a 20 KB post costs more than parsing the YAML.
 */
export const parseFrontmatterLines = (lines: readonly string[]): Record<string, unknown> =>
	matter(`---\n${lines.join('\n')}\n---\n`, MATTER_OPTIONS).data;

/** Parses a post into its frontmatter data and body, as gray-matter does with `loadPostYaml`. */
export function parseFrontmatter(source: string): ParsedPost {
	const split = source.includes('\r') ? 'crlf' : splitPost(source);
	if (typeof split === 'string') {
		// No frontmatter, an unclosed one or CRLF line ends: rare, so gray-matter takes it whole.
		const { data, content } = matter(source, MATTER_OPTIONS);
		return { data, content };
	}
	return { data: parseFrontmatterLines(split.lines), content: split.body };
}
