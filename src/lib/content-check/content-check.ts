import { parseFrontmatterLines } from '../content/frontmatter.ts';
import type { FileFinding, Finding, FindingCode, Severity } from './content-check-types.ts';
import { fieldPath } from './content-issues.ts';
import { describeSkippedFile, slugFromFileName } from '../content/content-dir.ts';
import {
	explainYamlError,
	fieldLine,
	findQuoteProblem,
	splitPost,
} from '../content/frontmatter-source.ts';
import { RELATED_TITLE, isRelatedTitle } from '../text/article-markup.ts';
import { checkBodyRules } from './content-body-rules.ts';
import { checkDataRules } from './content-data-rules.ts';
import { isScriptUrl } from '../text/links.ts';
import { lineAt, withoutCode } from './markdown-text.ts';
import { PLACEHOLDER } from '../content/new-post.ts';
import {
	fieldsAt,
	postSchema,
	unknownKeyHint,
	type PostFrontmatter,
} from '../content/post-schema.ts';
import { pageCount } from '../site/pagination.ts';
import { unpublishedReason } from '../content/publishing.ts';
import { suggestSitePath } from './site-paths.ts';
import { isSlug, slugify } from '../content/slug.ts';
import { tagSlugs } from '../site/tags.ts';
import { postPath, slugFromPostUrl } from '../site/urls.ts';
import type { EncodingProblem } from '../content/text-encoding.ts';
import { SITE } from '../../site.ts';
import { locales } from 'zod';

/*
 * The editors' content check: reads every post as text and reports every problem at once, in
 * Russian, with the file, the line where it can, and the field. Used by `npm run check:content`
 * and by the build (src/integrations/content-check.ts).
 */

export type { FileFinding, Finding, FindingCode, Severity } from './content-check-types.ts';

/** A post file to check. */
export interface SourceFile {
	/** Path shown to editors. */
	file: string;
	source: string;
	/**
	 * Digest of the path and the file's bytes, when the file was read from disk
	 * (content-check-fs.ts): the build's cache looks results up by it without decoding the text.
	 */
	digest?: string;
	/**
	 * Set when the file's bytes are not UTF-8 text (text-encoding.ts): `source` is then garbled
	 * and the check reports the encoding instead of what the garbled text would show.
	 */
	notUtf8?: EncodingProblem | undefined;
}

/** What the check may ask about the world outside the posts. */
export interface CheckOptions {
	/**
	 * Whether a path written in `file` (a local image, an MDX import), relative to its folder,
	 * exists; unchecked when absent.
	 */
	imageExists?: (file: string, imagePath: string) => boolean;
	/** The build's "now": posts dated later are not published yet. Default: the clock. */
	now?: Date;
}

/**
 * zod's own messages in Russian, for any check the schema does not word itself: editors never
 * see zod's English. Per parse, so Astro's own use of zod is left as it is.
 */
const RUSSIAN_ERRORS = locales.ru().localeError;

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

/** Named references that can hide a URL scheme (`javascript&colon;`). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = { colon: ':', tab: '\t', newline: '\n' };

/** Decodes the character references browsers decode inside an href before following it. */
const decodeEntities = (value: string): string =>
	value
		.replace(/&#(x[0-9a-f]+|\d+);?/gi, (_, code: string) => {
			const point = /^x/i.test(code) ? parseInt(code.slice(1), 16) : Number(code);
			return point <= 0x10ffff ? String.fromCodePoint(point) : '';
		})
		.replace(
			/&(colon|tab|newline);/gi,
			(_, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? '',
		);

const MD_LINK = /\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\s*\)/g;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;
const HTML_URL = /\b(?:href|src|action|formaction)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
const SCRIPT_TAG = /<script\b/gi;
const EVENT_HANDLER = /<[a-z][^>]*?\s(on[a-z]+)\s*=/gi;
const INLINE_STYLE = /<[a-z][^>]*?\sstyle\s*=/gi;
const REF_DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*<?([^\s>]+)>?/gm;
const REF_USE = /(!?)\[([^\]\n]+)\](?:\[([^\]\n]*)\])?(?![(:[])/g;

/** An ATX heading (`## Текст`): its level marks and its text. */
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

const normaliseLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** The slug of a link to one of the blog's own articles (`/blog/x/` or on the site's origin). */
function internalPostSlug(url: string): string | undefined {
	const path = url.startsWith(`${SITE.url}/`) ? url.slice(SITE.url.length) : url;
	return path.startsWith('/blog/') ? slugFromPostUrl(path) : undefined;
}

/**
 * Problems in a post's body: script URLs, script tags, event handlers, undefined references,
 * and links to articles, which are problems only when the article does not exist.
 */
function checkBody(
	file: string,
	body: string,
	bodyLine: number,
	text: string = withoutCode(body),
): FileFinding[] {
	const findings: FileFinding[] = [];
	const at = (offset: number): number => bodyLine + lineAt(text, offset) - 1;
	const add = (severity: Severity, code: FindingCode, offset: number, message: string): void => {
		findings.push({ finding: { severity, code, file, line: at(offset), message } });
	};
	const urls: { url: string; offset: number }[] = [];
	for (const match of text.matchAll(MD_LINK))
		urls.push({ url: match[1] ?? '', offset: match.index });
	for (const match of text.matchAll(AUTOLINK))
		urls.push({ url: match[1] ?? '', offset: match.index });
	for (const match of text.matchAll(REF_DEFINITION))
		urls.push({ url: match[2] ?? '', offset: match.index });
	for (const match of text.matchAll(HTML_URL)) {
		const url = match[1] ?? match[2] ?? match[3] ?? '';
		urls.push({ url: decodeEntities(url), offset: match.index });
	}
	for (const { url, offset } of urls) {
		if (isScriptUrl(url)) {
			add(
				'error',
				'script-url',
				offset,
				`в тексте ссылка со скриптом «${url.slice(0, 40)}»: допустимы только адреса https://…, mailto:, tel: и ссылки на разделы (#…). Замените адрес или удалите ссылку`,
			);
			continue;
		}
		const slug = internalPostSlug(url);
		if (slug) {
			findings.push({
				unlessPost: slug,
				finding: {
					severity: 'warning',
					code: 'link-missing',
					file,
					line: at(offset),
					message: `в тексте ссылка на ${postPath(slug)}, но статьи ${slug} нет: читатель попадёт на страницу 404. Проверьте адрес (он равен имени файла статьи без .md)`,
				},
			});
		}
	}
	for (const match of text.matchAll(SCRIPT_TAG)) {
		add(
			'error',
			'script-tag',
			match.index,
			'в тексте тег <script>: скрипты в статьях запрещены и на сайт не попадут. Удалите тег; для встраивания виджета обратитесь к разработчикам',
		);
	}
	for (const match of text.matchAll(EVENT_HANDLER)) {
		add(
			'error',
			'event-handler',
			match.index,
			`в HTML текста атрибут ${match[1]}=…: обработчики событий (onclick, onload и т. п.) в статьях запрещены. Удалите атрибут`,
		);
	}
	for (const match of text.matchAll(INLINE_STYLE)) {
		add(
			'warning',
			'inline-style',
			match.index,
			'в HTML текста атрибут style=…: встроенные стили на сайте не действуют (их запрещает политика безопасности сайта), атрибут будет удалён. Оформите текст средствами Markdown или попросите разработчиков добавить класс',
		);
	}
	const defined = new Set(
		[...text.matchAll(REF_DEFINITION)].map((match) => normaliseLabel(match[1] ?? '')),
	);
	for (const match of text.matchAll(REF_USE)) {
		const label = normaliseLabel(match[3] || match[2] || '');
		if (match[1] === '!' && !match[3]) continue;
		if (/^[ xX]$/.test(match[2] ?? '') || label.startsWith('^') || defined.has(label)) continue;
		add(
			'warning',
			'reference-undefined',
			match.index,
			`в тексте «${match[0].slice(match[1]?.length ?? 0)}» выглядит как ссылка, но адрес для метки «${match[3] || match[2]}» не задан: на странице будут видны квадратные скобки. Напишите ссылку как [${match[2]}](https://…) или добавьте строку [${match[3] || match[2]}]: https://…`,
		);
	}
	findings.push(...checkLegacyParts(file, text, bodyLine));
	for (const [index, line] of body.split('\n').entries()) {
		if (!line.includes(PLACEHOLDER)) continue;
		findings.push({
			finding: {
				severity: 'warning',
				code: 'placeholder',
				file,
				line: bodyLine + index,
				message: `в тексте осталась заготовка «${PLACEHOLDER}…»: напишите вместо неё свой текст`,
			},
		});
	}
	return findings;
}

/**
 * What old-format posts carry in their body: a `# H1` (the page has its own h1, `headline`, and
 * shows this one as a section heading) and a «Читайте также» section (the page builds that block
 * from `related` and leaves the body's one out). `text` is the body with code blanked out.
 */
function checkLegacyParts(file: string, text: string, bodyLine: number): FileFinding[] {
	const findings: FileFinding[] = [];
	const lines = text.split('\n');
	const first = lines.findIndex((line) => line.trim() !== '');
	for (const [index, line] of lines.entries()) {
		const heading = ATX_HEADING.exec(line);
		if (!heading) continue;
		const [, marks = '', title = ''] = heading;
		const at = { file, line: bodyLine + index };
		if (isRelatedTitle(title)) {
			findings.push({
				finding: {
					severity: 'warning',
					code: 'body-related',
					...at,
					message: `в тексте свой раздел «${RELATED_TITLE}»: на странице, в оглавлении и в RSS его нет — блок «${RELATED_TITLE}» сайт строит сам из поля related и общих тем. Перенесите адреса статей из списка в поле related (например, related: [servisnyy-podhod]) и удалите раздел из текста, или импортируйте исходный файл статьи командой npm run import -- <файл>: она сделает это сама`,
				},
			});
		} else if (marks === '#') {
			findings.push({
				finding: {
					severity: 'warning',
					code: 'body-h1',
					...at,
					message:
						index === first
							? `текст начинается с заголовка «# ${title}»: заголовок статьи (h1) задают поля headline и title, а этот будет показан как подзаголовок раздела. Перенесите его в поле headline (headline: "${title.replace(/"/g, '\\"')}") и удалите строку, или импортируйте исходный файл статьи командой npm run import -- <файл>: она сделает это сама`
							: `заголовок первого уровня «# ${title}» в тексте: у страницы один заголовок h1 (поле headline), этот будет показан как раздел. Напишите ## вместо #`,
				},
			});
		}
	}
	return findings;
}

/** Warnings about a valid post's frontmatter, and its local hero image to look for. */
function checkData(
	file: string,
	lines: readonly string[],
	slug: string,
	data: PostFrontmatter,
	/** heroImage as written, before the schema normalised it. */
	writtenHero: unknown,
): FileFinding[] {
	const findings: FileFinding[] = [];
	const warn = (code: FindingCode, path: readonly PropertyKey[], message: string): void => {
		const line = fieldLine(lines, path);
		const field = fieldPath(path);
		findings.push({
			finding: { severity: 'warning', code, file, ...(line ? { line } : {}), field, message },
		});
	};
	const schema = data.schema;
	if (schema?.name && schema.name !== data.title) {
		warn(
			'schema-name',
			['schema', 'name'],
			`название «${schema.name}» отличается от title «${data.title}»: поисковики покажут разные заголовки. Сделайте их одинаковыми или удалите schema.name (тогда возьмётся title)`,
		);
	}
	const pageId = schema?.mainEntityOfPage?.['@id'];
	if (pageId && slugFromPostUrl(pageId) !== slug) {
		warn(
			'schema-url',
			['schema', 'mainEntityOfPage', '@id'],
			`адрес ${pageId} не совпадает с адресом статьи ${postPath(slug)} (его задаёт имя файла): исправьте адрес или удалите mainEntityOfPage`,
		);
	}
	if (schema?.aggregateRating && schema.aggregateRating.reviewCount === 0) {
		warn(
			'rating-no-reviews',
			['schema', 'aggregateRating', 'reviewCount'],
			'оценка без отзывов (reviewCount: 0): поисковики не покажут такой рейтинг. Укажите число отзывов или удалите aggregateRating',
		);
	}
	const hero = data.heroImage;
	// Aliases (@/…, ~/…) and root paths are resolved by Astro's own rules; only relative paths here.
	if (typeof hero === 'string' && !/^(?:https?:|[@~/])/i.test(hero)) {
		const line = fieldLine(lines, ['heroImage']);
		findings.push({
			unlessImage: hero,
			finding: {
				severity: 'error',
				code: 'image-missing',
				file,
				...(line ? { line } : {}),
				field: 'heroImage',
				message: `файл картинки «${hero}» не найден: путь считается от папки статьи (например, ./images/photo.jpg — папка images рядом с файлом статьи). Проверьте имя файла и путь`,
			},
		});
	}
	// The schema upgrades the URL (images.ts, normaliseImageUrl); the editor's text says http.
	if (typeof writtenHero === 'string' && /^\s*http:/i.test(writtenHero)) {
		warn(
			'hero-not-https',
			['heroImage'],
			`картинка по адресу http:// («${writtenHero.trim()}»): на сайте адрес заменён на https://…, иначе браузер не покажет картинку на https-странице. Проверьте, что картинка открывается по адресу ${typeof hero === 'string' ? hero : 'https://…'}, и напишите https:// в статье`,
		);
	}
	const placeholders: [keyof PostFrontmatter, string | string[] | undefined][] = [
		['description', data.description],
		['keywords', data.keywords],
		['heroAlt', data.heroAlt],
	];
	for (const [key, value] of placeholders) {
		const values = Array.isArray(value) ? value : [value ?? ''];
		if (!values.some((item) => item.includes(PLACEHOLDER))) continue;
		warn(
			'placeholder',
			[key],
			`осталась заготовка «${PLACEHOLDER}…» из npm run new: напишите своё значение`,
		);
	}
	return findings;
}

/** Whether a frontmatter line's value starts with `#` (`keywords: #консьерж`, `- #тег`). */
const startsComment = (line: string): boolean => /^\s*(?:-\s+|[^'"#]*?:\s+)#/.test(line);

/** Why a value written after `#` reads as nothing, and how to keep it. */
const YAML_COMMENT_HINT = (line: string): string => {
	const [, head = '', value = ''] = /^(\s*(?:-\s+|[^'"#]*?:\s+))(#.*?)\s*$/.exec(line) ?? [];
	return `: в YAML знак # после пробела начинает комментарий, и «${value}» не читается как значение. Возьмите значение в кавычки: ${head.trim()} "${value.replace(/"/g, '\\"')}"`;
};

/** Findings for the schema's issues, one per problem, each with its field and line. */
function schemaFindings(
	file: string,
	lines: readonly string[],
	issues: readonly { code: string; path: PropertyKey[]; message: string; keys?: string[] }[],
): Finding[] {
	return issues.flatMap((issue) => {
		if (issue.code === 'unrecognized_keys' && issue.keys) {
			return issue.keys.map((key): Finding => {
				const path = [...issue.path, key];
				const line = fieldLine(lines, path);
				const fields = fieldsAt(issue.path);
				return {
					severity: 'error',
					code: 'schema',
					file,
					...(line ? { line } : {}),
					field: fieldPath(path),
					message: `такого поля нет${unknownKeyHint(key, fields)}. Допустимые поля${issue.path.length > 0 ? ` в ${fieldPath(issue.path)}` : ''}: ${fields.join(', ')}`,
				};
			});
		}
		const line = fieldLine(lines, issue.path);
		const field = fieldPath(issue.path);
		// A value after ` #` is a YAML comment: the field reads as empty (null) and fails.
		const comment = line !== undefined && startsComment(lines[line - 2] ?? '');
		return [
			{
				severity: 'error',
				code: 'schema',
				file,
				...(line ? { line } : {}),
				...(field ? { field } : {}),
				message: comment
					? `${issue.message}${YAML_COMMENT_HINT(lines[line - 2] ?? '')}`
					: issue.message,
			},
		];
	});
}

/**
 * What the check learns from one file on its own. The same path and text always give the same
 * result, so the build keeps it between builds (src/lib/content-check-cache.ts) and checks
 * again only the posts that changed; `checkPosts` then adds what depends on the other posts.
 */
export interface FileCheck {
	slug: string;
	/** Validated frontmatter; absent when the frontmatter has errors. */
	data?: PostFrontmatter;
	findings: FileFinding[];
}

/** Checks one post file on its own. */
export function checkFile(input: SourceFile): FileCheck {
	const { file, source: raw } = input;
	const slug = slugFromFileName(file);
	const findings: FileFinding[] = [];
	const add = (finding: Finding): void => void findings.push({ finding });
	// Read after `source`: a file on disk knows its encoding once its text is decoded.
	const encoding = input.notUtf8;
	if (encoding) {
		add({
			severity: 'error',
			code: 'encoding',
			file,
			line: encoding.line,
			message: `файл сохранён не в кодировке UTF-8, а, похоже, в ${encoding.encoding}: на сайте вместо русских букв были бы знаки «�», поэтому статья не публикуется. Откройте файл в редакторе и сохраните его в кодировке UTF-8 (VS Code: кодировка в строке состояния внизу → «Сохранить с кодировкой» → UTF-8; Блокнот: «Сохранить как» → Кодировка: UTF-8)`,
		});
		return { slug, findings };
	}
	const source = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (!isSlug(slug)) {
		const better = slugify(slug);
		add({
			severity: 'error',
			code: 'file-name',
			file,
			message: `имя файла «${slug}» станет адресом статьи, а в адресе допустимы только строчные латинские буквы, цифры и дефисы${better ? `: переименуйте файл в ${better}.md` : ''} (npm run new подбирает имя сама)`,
		});
	}
	const split = splitPost(source);
	if (split === 'missing' || split === 'unclosed') {
		add({
			severity: 'error',
			code: split === 'missing' ? 'frontmatter-missing' : 'frontmatter-unclosed',
			file,
			line: 1,
			message:
				split === 'missing'
					? 'файл должен начинаться со строки --- и блока полей (title, description, pubDate…), закрытого второй строкой ---'
					: 'блок полей открыт строкой ---, но не закрыт: добавьте строку --- после последнего поля',
		});
		return { slug, findings };
	}
	const { lines, body, bodyLine } = split;
	let data: unknown;
	try {
		data = parseFrontmatterLines(lines);
	} catch (error) {
		const { line, message } = explainYamlError(lines, error);
		add({
			severity: 'error',
			code: 'yaml',
			file,
			line,
			message: `поля статьи не читаются как YAML: ${message}`,
		});
		return { slug, findings: [...findings, ...checkBody(file, body, bodyLine)] };
	}
	const text = withoutCode(body);
	const bodyInput = { file, body, bodyLine, mdx: /\.mdx$/i.test(file), text };
	const result = postSchema.safeParse(data, { error: RUSSIAN_ERRORS });
	if (!result.success) {
		// An unclosed quote can swallow the next lines into one value: the quote is the problem.
		const quote = findQuoteProblem(lines);
		if (quote?.unclosed) {
			add({
				severity: 'error',
				code: 'yaml',
				file,
				line: quote.line,
				message: `поля статьи не читаются как YAML: ${quote.message}`,
			});
		} else for (const finding of schemaFindings(file, lines, result.error.issues)) add(finding);
		return {
			slug,
			findings: [
				...findings,
				...checkBody(file, body, bodyLine, text),
				...checkBodyRules(bodyInput),
			],
		};
	}
	findings.push(
		...checkData(file, lines, slug, result.data, (data as { heroImage?: unknown }).heroImage),
	);
	findings.push(...checkDataRules({ file, lines, data: result.data, raw: data }));
	result.data.related.forEach((related, index) => {
		const line = fieldLine(lines, ['related', index]);
		findings.push({
			unlessPost: related,
			finding: {
				severity: 'warning',
				code: 'related-missing',
				file,
				...(line ? { line } : {}),
				field: `related[${index}]`,
				message: `в «Читайте также» указана статья ${related}, но такой статьи нет: ссылка не будет показана. Проверьте адрес (он равен имени файла статьи без .md) или удалите строку`,
			},
		});
	});
	const all = [...findings, ...checkBody(file, body, bodyLine, text), ...checkBodyRules(bodyInput)];
	return { slug, data: result.data, findings: result.data.draft ? all : publishable(all) };
}

/**
 * A post that is not a draft is published with the next build: template text left in it is an
 * error then, not a warning.
 */
const publishable = (findings: FileFinding[]): FileFinding[] =>
	findings.map((item) =>
		item.finding.code === 'placeholder'
			? {
					...item,
					finding: {
						...item.finding,
						severity: 'error',
						message: `${item.finding.message}. Статья не черновик (draft: false) и с заготовкой не публикуется; пока текст не готов, поставьте draft: true`,
					},
				}
			: item,
	);

/** What `checkPosts` may reuse: a file's own check, e.g. from the cache of an earlier build. */
export type FileChecker = (file: SourceFile) => FileCheck;

/** Checks posts and reports every problem at once; related slugs and links are checked against all of them. */
export function checkPosts(
	files: readonly SourceFile[],
	options: CheckOptions = {},
	checkOne: FileChecker = checkFile,
): CheckResult {
	const checks = files.map((file) => ({ file: file.file, check: checkOne(file) }));
	const slugs = new Set(checks.map(({ check }) => check.slug));
	const site = publishedSite(
		checks.map(({ check }) => check),
		options.now ?? new Date(),
	);
	const seen = new Map<string, string>();
	const findings: Finding[] = [];
	const posts: CheckedPost[] = [];
	for (const { file, check } of checks) {
		const { slug, data } = check;
		let own = check.findings;
		// The file-name finding has no line and comes first, as the duplicate one does.
		if (own[0]?.finding.code === 'file-name') {
			findings.push(own[0].finding);
			own = own.slice(1);
		}
		const other = seen.get(slug);
		if (other) {
			findings.push({
				severity: 'error',
				code: 'duplicate-slug',
				file,
				message: `адрес ${postPath(slug)} уже занят статьёй ${other}: у двух статей не может быть одного адреса. Переименуйте один из файлов`,
			});
		} else seen.set(slug, file);
		posts.push(data ? { file, slug, data } : { file, slug });
		const exists = (path: string): boolean =>
			!options.imageExists || options.imageExists(file, path);
		for (const item of own) {
			const { finding, unlessPost, unlessImage, unlessFile, ifUnpublished } = item;
			if (unlessPost !== undefined && slugs.has(unlessPost)) continue;
			if (unlessImage !== undefined && exists(unlessImage)) continue;
			if (unlessFile !== undefined && unlessFile.some(exists)) continue;
			if (
				ifUnpublished !== undefined &&
				(!site.published.has(slug) ||
					!slugs.has(ifUnpublished) ||
					site.published.has(ifUnpublished))
			)
				continue;
			if (item.unlessTag && (site.tagPages.get(item.unlessTag.slug) ?? 0) >= item.unlessTag.page)
				continue;
			if (item.unlessListingPage !== undefined && site.listingPages >= item.unlessListingPage)
				continue;
			if (item.missingPage !== undefined) {
				const better = suggestSitePath(item.missingPage, {
					posts: slugs,
					tags: site.tagPages.keys(),
				});
				const hint = better ? `возможно, имелось в виду ${better}` : 'исправьте адрес';
				findings.push({ ...finding, message: `${finding.message}; ${hint}` });
				continue;
			}
			findings.push(finding);
		}
	}
	const order = new Map(files.map((f, i) => [f.file, i]));
	findings.sort(
		(a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || (a.line ?? 0) - (b.line ?? 0),
	);
	return { findings, posts };
}

/** Findings for the files of the content folder the build does not publish (`_x.md`, `x.MDX`, notes). */
export const skippedFileFindings = (files: readonly string[]): Finding[] =>
	files.flatMap((file) => {
		const skipped = describeSkippedFile(file);
		return skipped ? [{ ...skipped, code: 'file-skipped', file } satisfies Finding] : [];
	});

/** What the live site will have: published posts, tag pages and listing pages. */
interface PublishedSite {
	published: Set<string>;
	/** Pages of each tag, by tag slug. */
	tagPages: Map<string, number>;
	listingPages: number;
}

function publishedSite(checks: readonly FileCheck[], now: Date): PublishedSite {
	const published = new Set<string>();
	const tagPosts = new Map<string, number>();
	for (const { slug, data } of checks) {
		if (!data || unpublishedReason(data, now) || published.has(slug)) continue;
		published.add(slug);
		for (const tag of tagSlugs(data.keywords)) tagPosts.set(tag, (tagPosts.get(tag) ?? 0) + 1);
	}
	return {
		published,
		tagPages: new Map(
			[...tagPosts].map(([tag, count]) => [tag, pageCount(count, SITE.postsPerPage)]),
		),
		listingPages: pageCount(published.size, SITE.postsPerPage),
	};
}

/** `--strict`: every warning becomes an error. */
export const strictFindings = (findings: readonly Finding[]): Finding[] =>
	findings.map((finding) => ({ ...finding, severity: 'error' }));

/** Counts of errors and warnings. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
	const errors = findings.filter((finding) => finding.severity === 'error').length;
	return { errors, warnings: findings.length - errors };
}

/** «ошибка src/content/blog/x.md:3, поле «title»: ожидается заголовок, а поле пустое» */
export function formatFinding(finding: Finding): string {
	const where = finding.line ? `${finding.file}:${finding.line}` : finding.file;
	const kind = finding.severity === 'error' ? 'ошибка' : 'предупреждение';
	const field = finding.field ? `, поле «${finding.field}»` : '';
	return `${kind} ${where}${field}: ${finding.message}`;
}
