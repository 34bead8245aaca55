/*
 * Line-level knowledge of a post's source text: where the frontmatter ends, on which line a field
 * is written, and what a YAML parse error most likely means. The content check uses it so every
 * message can point editors at a line, not just a file.
 */

/** A post split into its frontmatter and body, with line numbers (1-based). */
export interface PostSource {
	/** Frontmatter lines, without the `---` delimiters; `lines[0]` is file line 2. */
	lines: string[];
	/** The text after the closing `---`. */
	body: string;
	/** File line on which `body` starts. */
	bodyLine: number;
}

/** Why a file could not be split into frontmatter and body. */
export type SplitProblem = 'missing' | 'unclosed';

/** The `---` line that opens and closes the frontmatter. */
const DELIMITER = /^---[ \t]*$/;

/** Splits a post (with `\n` line ends) into frontmatter lines and body. */
export function splitPost(source: string): PostSource | SplitProblem {
	const lines = source.split('\n');
	if (!DELIMITER.test(lines[0] ?? '')) return 'missing';
	const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
	if (close < 0) return 'unclosed';
	return {
		lines: lines.slice(1, close),
		body: lines.slice(close + 1).join('\n'),
		bodyLine: close + 2,
	};
}

const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;
const isBlank = (line: string): boolean => /^\s*(?:#.*)?$/.test(line);
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A non-blank frontmatter line with any list dash turned into indentation. */
interface Row {
	/** Column where the line's content starts, after a `- ` if there is one. */
	indent: number;
	/** Column of the list dash, for list items. */
	dash?: number;
	text: string;
}

function toRows(lines: readonly string[]): (Row | undefined)[] {
	return lines.map((line) => {
		if (isBlank(line)) return undefined;
		const item = /^( *)-(?: +|$)/.exec(line);
		const indent = item ? item[0].length : indentOf(line);
		return item
			? { indent, dash: item[1]?.length ?? 0, text: line.slice(indent) }
			: { indent, text: line.slice(indent) };
	});
}

/**
 * File line (1-based) where a frontmatter field is written: `['schema', 'aggregateRating',
 * 'reviewCount']` or `['related', 1]` in block YAML. When the path goes inside inline JSON or a
 * value the YAML does not spell out, returns the line of the deepest part found.
 */
export function fieldLine(
	lines: readonly string[],
	path: readonly PropertyKey[],
): number | undefined {
	const rows = toRows(lines);
	const inRange = (from: number, to: number): number[] =>
		rows.flatMap((row, index) => (row && index >= from && index < to ? [index] : []));
	let start = 0;
	let end = rows.length;
	let found: number | undefined;
	for (const key of path) {
		const range = inRange(start, end);
		if (typeof key === 'number') {
			const dashes = range.flatMap((i) => (rows[i]?.dash === undefined ? [] : [rows[i]!.dash!]));
			const dash = Math.min(...dashes);
			const items = range.filter((i) => rows[i]?.dash === dash);
			const index = items[key];
			if (index === undefined) break;
			found = index;
			const next = range.find(
				(i) => i > index && (rows[i]!.dash === dash || rows[i]!.indent <= dash),
			);
			start = index;
			end = next ?? end;
			continue;
		}
		const indent = Math.min(...range.map((i) => rows[i]!.indent));
		const pattern = new RegExp(`^(['"]?)${escapeRegExp(String(key))}\\1\\s*:`);
		const index = range.find((i) => rows[i]!.indent === indent && pattern.test(rows[i]!.text));
		if (index === undefined) break;
		found = index;
		const own = rows[index]!.indent;
		start = index + 1;
		end = range.find((i) => i > index && rows[i]!.indent <= own) ?? end;
	}
	return found === undefined ? undefined : found + 2;
}

/** A YAML error explained for editors. */
export interface YamlProblem {
	/** File line (1-based). */
	line: number;
	/** What is wrong and what to do, in Russian. */
	message: string;
}

/**
 * A quoted value whose quotes are broken, the commonest YAML mistake in posts. YAML may still
 * read such lines (a quoted value can run over several lines), into fields nobody wrote.
 */
export function findQuoteProblem(
	lines: readonly string[],
): (YamlProblem & { unclosed: boolean }) | undefined {
	for (const [index, line] of lines.entries()) {
		const match = /^\s*(?:-\s+)?(?:[^\s#'"{[-][^:]*:\s+)?(["'])(.*)$/.exec(line);
		if (!match) continue;
		const [, quote, rest = ''] = match;
		const closing = quote === '"' ? /^(?:[^"\\]|\\.)*"/.exec(rest) : /^(?:[^']|'')*'/.exec(rest);
		const after = closing ? rest.slice(closing[0].length) : undefined;
		if (after === undefined) {
			return {
				line: index + 2,
				unclosed: true,
				message: `кавычка ${quote} в начале значения не закрыта: добавьте ${quote} в конце строки`,
			};
		}
		if (!/^\s*(?:#.*)?$/.test(after)) {
			return {
				line: index + 2,
				unclosed: false,
				message: `после закрывающей кавычки ${quote} идёт ещё текст («${after.trim().slice(0, 30)}»): кавычки внутри значения пишите «ёлочками» или возьмите всё значение в другие кавычки (${quote === '"' ? "'" : '"'})`,
			};
		}
	}
	return undefined;
}

/** Russian explanations of js-yaml's reasons, most specific first. */
const REASONS: readonly [RegExp, string][] = [
	[/duplicated mapping key/, 'поле указано дважды: оставьте одно'],
	[
		/incomplete explicit mapping pair|mapping values are not allowed/,
		'двоеточие с пробелом внутри значения: возьмите значение в кавычки, например title: "Сервис: как мы работаем"',
	],
	[
		/bad indentation/,
		'неверный отступ: поля верхнего уровня пишутся с начала строки, вложенные — с одинаковым отступом из пробелов',
	],
	[
		/flow collection|missed comma/,
		'не закрыта скобка или пропущена запятая в значении {…} или […]',
	],
	[
		/end of the stream or a document separator/,
		'строка не похожа на поле «имя: значение» (возможно, значение начинается с @, ` или %: возьмите его в кавычки)',
	],
];

/**
 * What is wrong with the line js-yaml stopped at, where its reason is too general: js-yaml 4
 * says "bad indentation" both for a second `: ` in a value and for a value starting with `@`.
 */
function explainByLine(text: string): string | undefined {
	const value = /^\s*(?:-\s+)?[^\s#'"][^:]*:\s+(.*)$/.exec(text)?.[1];
	if (value === undefined) return undefined;
	if (/^[@`%]/.test(value)) return REASONS.at(-1)?.[1];
	if (/^[^'"{[]/.test(value) && /:\s/.test(value)) return REASONS[1]?.[1];
	return undefined;
}

/** Explains a js-yaml error (from `parseFrontmatterLines`) for the frontmatter `lines`, in Russian. */
export function explainYamlError(lines: readonly string[], error: unknown): YamlProblem {
	const reason = (error as { reason?: string }).reason ?? String(error);
	const markLine = (error as { mark?: { line?: number } }).mark?.line;
	// gray-matter hands js-yaml the text after `---` including its line break, so the mark's
	// 0-based line is the file's 1-based line minus one; clamp it to the frontmatter.
	const line = Math.min(Math.max((markLine ?? 0) + 1, 2), lines.length + 1);
	if (/duplicated mapping key/.test(reason)) {
		const seen = new Set<string>();
		for (const [index, text] of lines.entries()) {
			const key = /^(['"]?)([^\s:'"#][^:]*?)\1\s*:/.exec(text)?.[2];
			if (!key) continue;
			if (seen.has(key)) {
				return { line: index + 2, message: `поле «${key}» указано дважды: оставьте одно` };
			}
			seen.add(key);
		}
	}
	if (/tab characters/.test(reason)) {
		const index = lines.findIndex((text) => /^[ \t]*\t/.test(text));
		return {
			line: index >= 0 ? index + 2 : line,
			message:
				'отступ сделан табуляцией (клавишей Tab), а в YAML отступы пишутся только пробелами: замените табуляцию в начале строки пробелами (вложенные поля — с одинаковым отступом, например два пробела)',
		};
	}
	const quotes = findQuoteProblem(lines);
	if (quotes && quotes.line <= line) return { line: quotes.line, message: quotes.message };
	const known =
		explainByLine(lines[line - 2] ?? '') ?? REASONS.find(([pattern]) => pattern.test(reason))?.[1];
	return {
		line,
		// js-yaml's own reason is English: editors get the Russian explanation only.
		message: known ?? 'ошибка синтаксиса YAML: проверьте кавычки, двоеточия и отступы',
	};
}
