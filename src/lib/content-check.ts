import { parseFrontmatter, type ParsedPost } from './frontmatter.ts';
import { fieldPath } from './content-issues.ts';
import { slugFromFileName } from './content-dir.ts';
import { isScriptUrl } from './links.ts';
import { postSchema, type PostFrontmatter } from './post-schema.ts';
import { isSlug } from './slug.ts';
import { postPath, slugFromPostUrl } from './urls.ts';
import { SITE } from '../site.ts';

/*
 * The editors' content check: reads every post as text and reports every problem at once, in
 * Russian, with the file, the line where it can, and the field. Used by `npm run check:content`
 * and by the build (src/integrations/content-check.ts).
 */

/** How bad a finding is: errors stop the build, warnings are printed. */
export type Severity = 'error' | 'warning';

/** One problem in one post. */
export interface Finding {
	severity: Severity;
	/** Machine-readable kind, stable for scripts (`--json`). */
	code:
		| 'yaml'
		| 'frontmatter-missing'
		| 'schema'
		| 'file-name'
		| 'duplicate-slug'
		| 'script-url'
		| 'script-tag'
		| 'event-handler'
		| 'related-missing'
		| 'link-missing'
		| 'schema-name'
		| 'schema-url'
		| 'rating-no-reviews'
		| 'hero-not-https'
		| 'reference-undefined';
	/** File path as the editor knows it (relative to the project). */
	file: string;
	/** 1-based line in the file, where known. */
	line?: number;
	/** Frontmatter field, where the problem is in one. */
	field?: string;
	message: string;
}

/** A post file to check. */
export interface SourceFile {
	/** Path shown to editors. */
	file: string;
	source: string;
}

/** A post the check could read. */
export interface CheckedPost {
	file: string;
	slug: string;
	/** Validated frontmatter; absent when the frontmatter has errors. */
	data?: PostFrontmatter;
}

/** The result of checking a set of posts. */
export interface CheckResult {
	findings: Finding[];
	posts: CheckedPost[];
}

/** Line of a top-level frontmatter key (frontmatter starts on line 2). */
function keyLine(source: string, key: string | undefined): number | undefined {
	if (!key) return undefined;
	const lines = source.split('\n');
	const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	const pattern = new RegExp(`^['"]?${escaped}['"]?\\s*:`);
	for (let i = 1; i < lines.length; i++) {
		if (/^---\s*$/.test(lines[i] ?? '')) break;
		if (pattern.test(lines[i] ?? '')) return i + 1;
	}
	return undefined;
}

/** Replaces fenced and inline code with blanks of the same shape, so lines stay where they are. */
function withoutCode(body: string): string {
	return body
		.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
		.replace(/`[^`\n]+`/g, (code) => ' '.repeat(code.length));
}

/** 1-based line of a character offset. */
const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

const MD_LINK = /\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const HTML_HREF = /\b(?:href|src|action|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const SCRIPT_TAG = /<script\b/gi;
const EVENT_HANDLER = /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi;
const REF_DEFINITION = /^[ ]{0,3}\[([^\]]+)\]:\s*\S+/gm;
const REF_USE = /(!?)\[([^\]\n]+)\](?:\[([^\]\n]*)\])?(?![(:[])/g;

const normaliseLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** Problems in a post's body: script URLs, script tags, event handlers, broken links. */
function checkBody(
	file: string,
	body: string,
	bodyLine: number,
	exists: (slug: string) => boolean,
): Finding[] {
	const findings: Finding[] = [];
	const text = withoutCode(body);
	const at = (offset: number): number => bodyLine + lineAt(text, offset) - 1;
	const urls: { url: string; offset: number }[] = [];
	for (const match of text.matchAll(MD_LINK))
		urls.push({ url: match[1] ?? '', offset: match.index });
	for (const match of text.matchAll(HTML_HREF)) {
		urls.push({ url: match[1] ?? match[2] ?? match[3] ?? '', offset: match.index });
	}
	for (const { url, offset } of urls) {
		if (isScriptUrl(url)) {
			findings.push({
				severity: 'error',
				code: 'script-url',
				file,
				line: at(offset),
				message: `ссылка со скриптом «${url.slice(0, 40)}»: в статьях допустимы только адреса http(s), mailto, tel и ссылки на разделы`,
			});
			continue;
		}
		const slug = slugFromPostUrl(url.startsWith(SITE.url) ? url.slice(SITE.url.length) : url);
		if (
			slug &&
			url.match(/^(?:\/|https?:\/\/butlerspb-blog\.netlify\.app\/)blog\//) &&
			!exists(slug)
		) {
			findings.push({
				severity: 'warning',
				code: 'link-missing',
				file,
				line: at(offset),
				message: `ссылка на ${postPath(slug)}: такой статьи нет, читатель попадёт на страницу 404`,
			});
		}
	}
	for (const match of text.matchAll(SCRIPT_TAG)) {
		findings.push({
			severity: 'error',
			code: 'script-tag',
			file,
			line: at(match.index),
			message: 'тег <script> в тексте статьи запрещён: скрипты на страницах блога не выполняются',
		});
	}
	for (const match of text.matchAll(EVENT_HANDLER)) {
		findings.push({
			severity: 'error',
			code: 'event-handler',
			file,
			line: at(match.index),
			message: `атрибут ${match[1]}= в HTML статьи запрещён: обработчики событий не допускаются`,
		});
	}
	const defined = new Set(
		[...text.matchAll(REF_DEFINITION)].map((m) => normaliseLabel(m[1] ?? '')),
	);
	for (const match of text.matchAll(REF_USE)) {
		const label = normaliseLabel(match[3] || match[2] || '');
		if (match[1] === '!' && !match[3]) continue;
		if (/^[ xX]$/.test(match[2] ?? '') || /^\^/.test(label) || defined.has(label)) continue;
		findings.push({
			severity: 'warning',
			code: 'reference-undefined',
			file,
			line: at(match.index),
			message: `«[${match[2]}]» выглядит как ссылка, но адрес для неё не задан: на странице будут видны квадратные скобки. Добавьте адрес: [${match[2]}](https://…)`,
		});
	}
	return findings;
}

/** Warnings about a valid post's frontmatter. */
function checkData(file: string, source: string, slug: string, data: PostFrontmatter): Finding[] {
	const findings: Finding[] = [];
	const warn = (code: Finding['code'], field: string, message: string): void => {
		const line = keyLine(source, field.split('.')[0]);
		findings.push({ severity: 'warning', code, file, field, ...(line ? { line } : {}), message });
	};
	const schema = data.schema;
	if (schema?.name && schema.name !== data.title) {
		warn(
			'schema-name',
			'schema.name',
			`название в schema.name («${schema.name}») отличается от title («${data.title}»); обычно они совпадают`,
		);
	}
	const pageId = schema?.mainEntityOfPage?.['@id'];
	if (pageId && slugFromPostUrl(pageId) !== slug) {
		warn(
			'schema-url',
			'schema.mainEntityOfPage.@id',
			`адрес ${pageId} не совпадает с адресом статьи ${postPath(slug)} (адрес задаёт имя файла)`,
		);
	}
	if (schema?.aggregateRating && schema.aggregateRating.reviewCount === 0) {
		warn(
			'rating-no-reviews',
			'schema.aggregateRating.reviewCount',
			'оценка без отзывов (reviewCount: 0): поисковики не покажут такой рейтинг',
		);
	}
	if (typeof data.heroImage === 'string' && /^http:/i.test(data.heroImage)) {
		warn(
			'hero-not-https',
			'heroImage',
			`картинка по адресу http:// («${data.heroImage}»): нужен https://, иначе браузер её заблокирует`,
		);
	}
	return findings;
}

/**
 * Checks posts and reports every problem at once. `exists` tells whether a slug has a post
 * (defaults to the posts given), so related links can be checked against the whole blog.
 */
export function checkPosts(files: readonly SourceFile[]): CheckResult {
	const findings: Finding[] = [];
	const posts: CheckedPost[] = [];
	const bodies: { file: string; body: string; bodyLine: number }[] = [];
	const seen = new Map<string, string>();

	for (const { file, source: raw } of files) {
		const source = raw.replace(/\r\n?/g, '\n');
		const slug = slugFromFileName(file);
		if (!isSlug(slug)) {
			findings.push({
				severity: 'error',
				code: 'file-name',
				file,
				message: `имя файла «${slug}» станет адресом статьи: нужны строчные латинские буквы, цифры и дефисы, например servisnyy-podhod.md (команда npm run new подберёт имя сама)`,
			});
		}
		const other = seen.get(slug);
		if (other) {
			findings.push({
				severity: 'error',
				code: 'duplicate-slug',
				file,
				message: `адрес ${postPath(slug)} уже занят статьёй ${other}: у двух статей не может быть одного адреса`,
			});
		} else seen.set(slug, file);

		if (!/^---[ \t]*\n/.test(source)) {
			findings.push({
				severity: 'error',
				code: 'frontmatter-missing',
				file,
				line: 1,
				message: 'файл должен начинаться с блока полей между строками ---',
			});
			posts.push({ file, slug });
			continue;
		}
		let parsed: ParsedPost;
		try {
			parsed = parseFrontmatter(source);
		} catch (error) {
			const mark = (error as { mark?: { line?: number } }).mark;
			const reason = (error as { reason?: string }).reason ?? String(error);
			findings.push({
				severity: 'error',
				code: 'yaml',
				file,
				...(mark?.line === undefined ? {} : { line: mark.line + 2 }),
				message: `поля статьи (frontmatter) не читаются как YAML: ${reason}. Проверьте кавычки, двоеточия и отступы`,
			});
			posts.push({ file, slug });
			continue;
		}
		const bodyLine = source.slice(0, source.length - parsed.content.length).split('\n').length;
		bodies.push({ file, body: parsed.content, bodyLine });
		const result = postSchema.safeParse(parsed.data);
		if (!result.success) {
			for (const issue of result.error.issues) {
				const field = fieldPath(issue.path) || undefined;
				const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
				const line = keyLine(source, (issue.path[0] as string | undefined) ?? keys[0]);
				findings.push({
					severity: 'error',
					code: 'schema',
					file,
					...(line ? { line } : {}),
					...(field ? { field } : keys[0] ? { field: keys[0] } : {}),
					message: field ? `поле «${field}»: ${issue.message}` : issue.message,
				});
			}
			posts.push({ file, slug });
			continue;
		}
		posts.push({ file, slug, data: result.data });
		findings.push(...checkData(file, source, slug, result.data));
	}

	const slugs = new Set(posts.map((post) => post.slug));
	const exists = (slug: string): boolean => slugs.has(slug);
	for (const post of posts) {
		post.data?.related.forEach((slug, index) => {
			if (exists(slug)) return;
			const source = files.find((f) => f.file === post.file)?.source ?? '';
			const line = keyLine(source.replace(/\r\n?/g, '\n'), 'related');
			findings.push({
				severity: 'warning',
				code: 'related-missing',
				file: post.file,
				field: `related[${index}]`,
				...(line ? { line } : {}),
				message: `в «Читайте также» указана статья ${slug}, но её нет: ссылка не будет показана, пока статья не появится`,
			});
		});
	}
	for (const { file, body, bodyLine } of bodies)
		findings.push(...checkBody(file, body, bodyLine, exists));

	const order = new Map(files.map((f, i) => [f.file, i]));
	findings.sort(
		(a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0),
	);
	return { findings, posts };
}

/** «ошибка src/content/blog/x.md:3 [title]: …» */
export function formatFinding(finding: Finding): string {
	const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
	const kind = finding.severity === 'error' ? 'ошибка' : 'предупреждение';
	return `${kind} ${where}: ${finding.message}`;
}
