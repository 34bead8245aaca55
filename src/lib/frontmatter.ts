import matter from 'gray-matter';
import { DEFAULT_SCHEMA, Type, load } from 'js-yaml';
import { splitPost } from './frontmatter-source.ts';

/** A post split into its frontmatter data and Markdown body. */
export interface ParsedPost {
	data: Record<string, unknown>;
	content: string;
}

/*
 * One YAML reading of a post's frontmatter for the build (src/loaders/posts.ts) and every script
 * and check: js-yaml 4, the parser and version Astro's content layer uses, so a post the check
 * reads is a post the build reads. gray-matter alone would bring js-yaml 3, which accepts tabs
 * in indentation that js-yaml 4 rejects.
 *
 * The schema is js-yaml's default one with its timestamp type replaced by one that keeps the text:
 * js-yaml would turn an unquoted `2025-02-30` into 2 March and read an unquoted
 * `2024-12-31T23:30:00` as UTC. A date stays the text the editor wrote, quoted or not, and the
 * post schema reads it (Moscow time when no zone is given, an error for a date that does not
 * exist). A type with the timestamp's tag takes the place of js-yaml's own.
 */
const TIMESTAMP =
	/^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;
const timestampAsText = new Type('tag:yaml.org,2002:timestamp', {
	kind: 'scalar',
	resolve: (data: unknown) => typeof data === 'string' && TIMESTAMP.test(data),
	construct: (data: string) => data,
});

/** js-yaml 4's default schema, dates kept as written. */
export const POST_YAML_SCHEMA = DEFAULT_SCHEMA.extend({ implicit: [timestampAsText] });

/** Parses frontmatter YAML as the build does; anything but a mapping reads as no fields. */
export function loadPostYaml(text: string): Record<string, unknown> {
	const data = load(text, { schema: POST_YAML_SCHEMA });
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
