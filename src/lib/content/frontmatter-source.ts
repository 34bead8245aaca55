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

/** A YAML error as the `yaml` package throws it (YAMLParseError), or anything else thrown. */
interface ParseError {
	code?: string;
	message?: string;
	/** Where the error is: 1-based line and column of the text parsed. */
	linePos?: readonly { line: number; col: number }[];
}

const MESSAGES = {
	colon:
		'двоеточие с пробелом внутри значения: возьмите значение в кавычки, например title: "Сервис: как мы работаем"',
	indent:
		'неверный отступ: поля верхнего уровня пишутся с начала строки, вложенные — с одинаковым отступом из пробелов',
	bracket: 'не закрыта скобка или пропущена запятая в значении {…} или […]',
	start:
		'строка не похожа на поле «имя: значение» (возможно, значение начинается с @, ` или %: возьмите его в кавычки)',
	tab: 'отступ сделан табуляцией (клавишей Tab), а в YAML отступы пишутся только пробелами: замените табуляцию в начале строки пробелами (вложенные поля — с одинаковым отступом, например два пробела)',
	alias:
		'ссылка *имя на значение, которого нет выше (&имя): проверьте имя, или возьмите значение со звёздочкой в кавычки',
	generic: 'ошибка синтаксиса YAML: проверьте кавычки, двоеточия и отступы',
} as const;

/** Russian explanations of the `yaml` package's error codes (and words of its message). */
const REASONS: readonly [code: string, message: RegExp, explanation: string][] = [
	['BAD_INDENT', /^Flow /, MESSAGES.bracket],
	['UNEXPECTED_TOKEN', /flow-(?:seq|map)-end/, MESSAGES.bracket],
	['MISSING_CHAR', /^Implicit map keys/, MESSAGES.start],
	['BAD_INDENT', /./, MESSAGES.indent],
	['BAD_SCALAR_START', /./, MESSAGES.start],
	['BLOCK_AS_IMPLICIT_KEY', /./, MESSAGES.colon],
];

/** A `key: value` line, its value after the colon. */
const VALUE = /^\s*(?:-\s+)?[^\s#'"][^:]*:\s+(.*)$/;

/**
 * What is wrong with the line the parser stopped at, where its reason is too general: `yaml`
 * reports a second `: ` in a value and an indented line after a value alike, as a nested
 * mapping in a compact one, on the line of the field before.
 */
function explainByLine(lines: readonly string[], line: number): YamlProblem | undefined {
	const value = VALUE.exec(lines[line - 2] ?? '')?.[1];
	if (value === undefined) return undefined;
	if (/^[@`%]/.test(value)) return { line, message: MESSAGES.start };
	if (/^[^'"{[]/.test(value) && /:\s/.test(value)) return { line, message: MESSAGES.colon };
	const own = indentOf(lines[line - 2] ?? '');
	// The field's plain value runs on over more indented lines; the first of them with a key is
	// a field indented by mistake.
	for (let index = line - 1; index < lines.length; index++) {
		const text = lines[index] ?? '';
		if (isBlank(text)) continue;
		if (indentOf(text) <= own) break;
		if (VALUE.test(text) || /:$/.test(text)) return { line: index + 2, message: MESSAGES.indent };
	}
	return undefined;
}

/** Explains a YAML error (from `parseFrontmatterLines`) for the frontmatter `lines`, in Russian. */
export function explainYamlError(lines: readonly string[], error: unknown): YamlProblem {
	const { code = '', message: reason = String(error), linePos } = error as ParseError;
	// gray-matter hands the parser the text after `---` including its line break, so the parser's
	// 1-based line is the file's line; clamp it to the frontmatter.
	const line = Math.min(Math.max(linePos?.[0]?.line ?? 2, 2), lines.length + 1);
	if (code === 'DUPLICATE_KEY') {
		// The parser points at the second occurrence of the key, in block or inline YAML.
		const at = (lines[line - 2] ?? '').slice((linePos?.[0]?.col ?? 1) - 1);
		const key = /^(['"]?)([^\s:'"#,{}[\]][^:,{}]*?)\1\s*:/.exec(at)?.[2];
		return { line, message: `поле${key ? ` «${key}»` : ''} указано дважды: оставьте одно` };
	}
	if (code === 'TAB_AS_INDENT') {
		const index = lines.findIndex((text) => /^[ \t]*\t/.test(text));
		return { line: index >= 0 ? index + 2 : line, message: MESSAGES.tab };
	}
	if (/^Unresolved alias/.test(reason)) {
		const index = lines.findIndex((text) => /(?:^|[\s:,[{-])\*[^\s,\]}]+/.test(text));
		return { line: index >= 0 ? index + 2 : line, message: MESSAGES.alias };
	}
	const quotes = findQuoteProblem(lines);
	if (quotes && quotes.line <= line) return { line: quotes.line, message: quotes.message };
	const byLine = explainByLine(lines, line);
	if (byLine) return byLine;
	const known = REASONS.find(([name, pattern]) => name === code && pattern.test(reason))?.[2];
	// The parser's own reason is English: editors get the Russian explanation only.
	return { line, message: known ?? MESSAGES.generic };
}
