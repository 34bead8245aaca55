import { parseFrontmatter } from './frontmatter.ts';
import { titleSlug } from './slug.ts';
import { slugFromPostUrl } from '../site/urls.ts';

/** What the import did to one legacy post. */
export interface ImportResult {
	/** URL slug, which becomes the file name. */
	slug: string;
	/** The file to write: original frontmatter text kept as written, new fields appended. */
	output: string;
	/** Headline moved out of the body's leading `# H1`, if any. */
	headlineMoved?: string;
	/** Slugs moved out of the trailing «Читайте также» list. */
	relatedMoved: string[];
	/** Notes for the editor about what was left as it was. */
	notes: string[];
}

/** Why a legacy file could not be imported. */
export class ImportError extends Error {
	override name = 'ImportError';
}

const FRONTMATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const H1 = /^#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const RELATED_HEADING = /^##[ \t]+Читайте также[ \t]*:?[ \t]*$/i;
const THEMATIC_BREAK = /^(?:\*[ \t]*){3,}$|^(?:-[ \t]*){3,}$|^(?:_[ \t]*){3,}$/;
const LINK_ITEM = /^[ \t]*[*+-][ \t]+\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)[ \t]*$/;

/** Slug of a legacy post: from schema.mainEntityOfPage['@id'], else the transliterated title. */
export function legacySlug(data: Record<string, unknown>): string {
	const schema = data['schema'] as { mainEntityOfPage?: { '@id'?: unknown } } | undefined;
	const id = schema?.mainEntityOfPage?.['@id'];
	const fromId = typeof id === 'string' ? slugFromPostUrl(id) : undefined;
	if (fromId) return fromId;
	const title = data['title'];
	if (typeof title === 'string' && titleSlug(title)) return titleSlug(title);
	throw new ImportError(
		'не удалось определить адрес статьи: нет schema.mainEntityOfPage["@id"] и нет заголовка title',
	);
}

/** Removes the body's leading `# H1` and returns its text. */
function takeLeadingH1(lines: string[]): string | undefined {
	const first = lines.findIndex((line) => line.trim() !== '');
	const match = first >= 0 ? H1.exec(lines[first] ?? '') : null;
	if (!match?.[1]) return undefined;
	lines.splice(0, first + 1);
	return match[1].trim();
}

/** Removes a trailing «## Читайте также» list of /blog/<slug>/ links and returns the slugs. */
function takeRelatedList(lines: string[]): string[] | undefined {
	const heading = lines.findLastIndex((line) => RELATED_HEADING.test(line));
	if (heading < 0) return undefined;
	const slugs: string[] = [];
	for (const line of lines.slice(heading + 1)) {
		if (line.trim() === '') continue;
		const url = LINK_ITEM.exec(line)?.[1];
		const slug = url ? slugFromPostUrl(url) : undefined;
		if (!slug) return undefined; // Something else lives in the section: leave it alone.
		if (!slugs.includes(slug)) slugs.push(slug);
	}
	let start = heading;
	while (start > 0 && (lines[start - 1] ?? '').trim() === '') start--;
	if (start > 0 && THEMATIC_BREAK.test((lines[start - 1] ?? '').trim())) start--;
	lines.splice(start);
	return slugs;
}

/** YAML for a new scalar field: JSON strings are valid YAML and never need escaping rules. */
const yamlString = (value: string): string => JSON.stringify(value);

/**
 * Converts one legacy post to the collection's format. Pure and idempotent: its own output
 * converts to the same bytes.
 */
export function importLegacyPost(source: string): ImportResult {
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const block = FRONTMATTER.exec(text);
	if (!block) throw new ImportError('нет блока frontmatter между строками ---');
	const rawFrontmatter = block[1] ?? '';
	let data: Record<string, unknown>;
	try {
		data = parseFrontmatter(text).data;
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new ImportError(`frontmatter не является корректным YAML: ${reason}`);
	}
	const slug = legacySlug(data);
	const lines = text.slice(block[0].length).split('\n');
	const notes: string[] = [];
	const added: string[] = [];

	let headlineMoved: string | undefined;
	const h1 = takeLeadingH1(lines);
	if (h1 !== undefined) {
		if (data['headline'] !== undefined) {
			notes.push('поле headline уже задано: заголовок # из текста удалён, headline не изменён');
		} else if (h1 !== data['title']) {
			headlineMoved = h1;
			added.push(`headline: ${yamlString(h1)}`);
		}
	}

	let relatedMoved: string[] = [];
	if (data['related'] === undefined) {
		relatedMoved = takeRelatedList(lines) ?? [];
		if (relatedMoved.length > 0)
			added.push('related:', ...relatedMoved.map((item) => `  - ${item}`));
	} else if (lines.some((line) => RELATED_HEADING.test(line))) {
		notes.push('поле related уже задано: список «Читайте также» оставлен в тексте');
	}

	const body = lines.join('\n').trim();
	const frontmatter = [rawFrontmatter.trimEnd(), ...added].join('\n');
	const output = `---\n${frontmatter}\n---\n\n${body}\n`;
	return {
		slug,
		output,
		...(headlineMoved === undefined ? {} : { headlineMoved }),
		relatedMoved,
		notes,
	};
}
