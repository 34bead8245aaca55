import type { FileFinding, FindingCode, Severity } from './content-check-types.ts';
import { FOOTNOTES_LABEL_ID } from '../text/footnotes.ts';
import { PAGE_IDS, createHeadingIds } from '../text/heading-ids.ts';
import { isScriptUrl, postFileLink } from '../text/links.ts';
import { lineAt, markdownHeadings, withoutCode } from './markdown-text.ts';
import {
	buildCspDirectives,
	effectiveDirective,
	isFrameAllowed,
	isImageAllowed,
	urlOrigin,
} from '../netlify/security-headers.ts';
import { slugify } from '../content/slug.ts';
import { MARKDOWN_IMAGE } from '../content/markdown-source.ts';
import { internalPath, withTrailingSlash } from '../text/trailing-slash.ts';
import { FIXED_PAGE_PATHS, postPath } from '../site/urls.ts';
import { SITE } from '../../site.ts';

/*
 * Rules of the content check for a post's body that decide whether the build and the live site
 * will accept it: local images and MDX imports that must exist, MDX expressions that must be
 * defined, images and frames the Content-Security-Policy must allow, markup the page drops, and
 * internal links that must lead somewhere. Findings that depend on other files or posts carry
 * the condition under which they hold (see FileFinding); checkPosts settles them.
 */

/** A post body to check. */
export interface BodyInput {
	file: string;
	/** The body with `\n` line ends. */
	body: string;
	/** File line on which the body starts. */
	bodyLine: number;
	/** Whether the post is MDX (braces are code, components must be imported). */
	mdx: boolean;
	/** The body with code blanked out (withoutCode), when the caller has it already. */
	text?: string;
}

const ATTR = String.raw`\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`;
const MD_LINK = /(?<!!)\[[^\]\n]*\]\(\s*<?([^()\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const REF_DEFINITION = /^ {0,3}\[[^\]^][^\]]*\]:[ \t]*<?([^\s>]+)>?/gm;
const HTML_IMG = new RegExp(String.raw`<img\b[^>]*?\ssrc${ATTR}`, 'gi');
const HTML_FRAME = new RegExp(String.raw`<(?:iframe|frame)\b[^>]*?\ssrc${ATTR}`, 'gi');
const HTML_HREF = new RegExp(String.raw`<a\b[^>]*?\shref${ATTR}`, 'gi');
const HTML_ID = new RegExp(String.raw`<[a-z][^>]*?\s(?:id|name)${ATTR}`, 'gi');
const BLOCKED_TAG = /<(style|meta|base|object|embed)\b[^>]*>?/gi;
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:/gm;

const attrValue = (match: RegExpMatchArray): string => match[1] ?? match[2] ?? match[3] ?? '';

/** Whether a URL is a path relative to the post's folder (`./a.png`, `images/a.png`). */
const isRelativePath = (url: string): boolean =>
	url !== '' && !/^(?:[a-z][a-z\d+.-]*:|\/|#|\?)/i.test(url);

/** Decodes %-escapes in a path when they are well formed. */
function decodePath(path: string): string {
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/** What the editor is told about each blocked element. */
const BLOCKED_TAGS: Readonly<Record<string, [Severity, string]>> = {
	style: [
		'warning',
		'в тексте тег <style>: он будет удалён, стили в статьях не действуют (их запрещает политика безопасности сайта). Оформите текст средствами Markdown или попросите разработчиков добавить класс',
	],
	meta: [
		'error',
		'в тексте тег <meta> (например, http-equiv="refresh"): он будет удалён, статья не может менять заголовки страницы или перенаправлять читателя. Удалите тег; для перенаправления обратитесь к разработчикам',
	],
	base: [
		'error',
		'в тексте тег <base>: он будет удалён, он меняет адреса всех ссылок страницы. Удалите тег и пишите полные адреса ссылок',
	],
	object: [
		'error',
		"в тексте тег <object>: он будет удалён, встроенные объекты запрещены политикой безопасности сайта (object-src 'none'). Удалите тег и поставьте ссылку на материал",
	],
	embed: [
		'error',
		"в тексте тег <embed>: он будет удалён, встроенные объекты запрещены политикой безопасности сайта (object-src 'none'). Удалите тег и поставьте ссылку на материал",
	],
};

/** The sources the policy allows for images, as editors read them. */
const imageSources = (): string =>
	['сам сайт', ...SITE.imageOrigins].map((source) => `«${source}»`).join(', ');

/** What the policy allows for frames, as editors read it. */
function frameSources(): string {
	const { name, sources } = effectiveDirective('frame-src', buildCspDirectives());
	const list = sources.map((source) => (source === "'self'" ? 'страницы самого сайта' : source));
	const rule = `${name} ${sources.join(' ')}`;
	return `${list.length > 0 ? list.join(', ') : 'ничего'} (${rule}${name === 'frame-src' ? '' : ', отдельного frame-src в политике нет'})`;
}

/** Names an MDX file defines: its imports and exported constants and functions. */
function mdxDefinedNames(text: string): Set<string> {
	const names = new Set<string>();
	for (const match of text.matchAll(/^import\s+([^'"]+?)\s+from\s+['"][^'"]+['"]/gm)) {
		for (const part of (match[1] ?? '').replace(/[{}]/g, ',').split(',')) {
			const name = part
				.trim()
				.split(/\s+as\s+/)
				.pop()
				?.replace(/^\*\s*/, '')
				.trim();
			if (name) names.add(name);
		}
	}
	for (const match of text.matchAll(
		/^export\s+(?:const|let|var|function|async\s+function|class)\s+([\p{L}_$][\p{L}\p{N}_$]*)/gmu,
	)) {
		if (match[1]) names.add(match[1]);
	}
	return names;
}

/** Names an MDX expression may use without defining them. */
const MDX_GLOBALS = new Set([
	'props',
	'frontmatter',
	'true',
	'false',
	'null',
	'undefined',
	'new',
	'typeof',
	'void',
	'Math',
	'Date',
	'JSON',
	'Number',
	'String',
	'Array',
	'Object',
	'Intl',
]);

/** Extensions an import without one may resolve to, in the order a bundler tries them. */
const IMPORT_EXTENSIONS = ['.astro', '.tsx', '.jsx', '.ts', '.js', '.mdx', '.md'];

/** The files an MDX import may name, relative to the post's folder; none for packages. */
function importCandidates(file: string, spec: string): string[] | undefined {
	let path: string;
	if (spec.startsWith('./') || spec.startsWith('../')) path = spec;
	else if (spec.startsWith('@/') && !file.startsWith('/')) {
		// The project's `@/` alias is src/; the post's path is relative to the project.
		const depth = file.split('/').length - 1;
		path = `${'../'.repeat(depth)}src/${spec.slice(2)}`;
	} else return undefined;
	if (/\.[a-z\d]+$/i.test(path)) return [path];
	return [
		...IMPORT_EXTENSIONS.map((ext) => `${path}${ext}`),
		...IMPORT_EXTENSIONS.map((ext) => `${path}/index${ext}`),
	];
}

/** The `{…}` expressions of MDX text, with their offsets; escaped braces are text. */
function mdxExpressions(text: string): { offset: number; code: string }[] {
	const found: { offset: number; code: string }[] = [];
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== '{' || text[i - 1] === '\\') continue;
		let depth = 0;
		let end = -1;
		for (let j = i; j < text.length && j < i + 2000; j++) {
			if (text[j] === '{') depth++;
			else if (text[j] === '}' && --depth === 0) {
				end = j;
				break;
			}
		}
		if (end < 0) {
			found.push({ offset: i, code: text.slice(i + 1, i + 40) });
			continue;
		}
		found.push({ offset: i, code: text.slice(i + 1, end) });
		i = end;
	}
	return found;
}

/** Whether an MDX expression is safe to evaluate: a comment, a literal or a defined name. */
function isDefinedExpression(code: string, defined: ReadonlySet<string>): boolean {
	const trimmed = code.trim();
	if (trimmed === '' || /^\/\*[\s\S]*\*\/$/.test(trimmed)) return true;
	if (/^(?:"[^"\n]*"|'[^'\n]*'|`[^`]*`|-?\d+(?:\.\d+)?)$/.test(trimmed)) return true;
	// An object, array or parenthesised value (`data={{ a: 1 }}`) is taken as written.
	if (/^[{[(]/.test(trimmed)) return true;
	const root = /^(?:\.\.\.)?([\p{L}_$][\p{L}\p{N}_$]*)/u.exec(trimmed)?.[1];
	return root !== undefined && (defined.has(root) || MDX_GLOBALS.has(root));
}

/** The anchors a reader can jump to on the post's page. */
function pageAnchors(text: string, body: string): Set<string> {
	const ids = createHeadingIds();
	const anchors = new Set<string>([...PAGE_IDS, FOOTNOTES_LABEL_ID]);
	for (const heading of markdownHeadings(text, body)) anchors.add(ids.next(heading));
	for (const match of text.matchAll(HTML_ID)) anchors.add(attrValue(match));
	return anchors;
}

/** Checks a post's body against the build, the site's CSP and its URLs. */
export function checkBodyRules(input: BodyInput): FileFinding[] {
	const { file, body, bodyLine, mdx } = input;
	const findings: FileFinding[] = [];
	const text = input.text ?? withoutCode(body);
	const at = (offset: number): number => bodyLine + lineAt(text, offset) - 1;
	const add = (
		severity: Severity,
		code: FindingCode,
		offset: number,
		message: string,
		condition: Omit<FileFinding, 'finding'> = {},
	): void => {
		findings.push({
			finding: { severity, code, file, line: at(offset), message },
			...condition,
		});
	};

	// Local images must exist (the build stops on a missing one); remote ones must be allowed.
	const markdownImages = [...text.matchAll(MARKDOWN_IMAGE)];
	const images = [
		...markdownImages.map((match) => ({ url: match[2] ?? '', offset: match.index })),
		...[...text.matchAll(HTML_IMG)].map((match) => ({
			url: attrValue(match),
			offset: match.index,
		})),
	];
	// A Markdown image without alt text: like the hero's, a warning (older posts still build).
	for (const match of markdownImages) {
		if ((match[1] ?? '').trim() !== '') continue;
		add(
			'warning',
			'image-alt-missing',
			match.index,
			`у картинки в тексте «${match[2] ?? ''}» нет описания: незрячие читатели и поисковики не узнают, что на ней. Впишите его в квадратные скобки: ![что изображено](${match[2] ?? ''})`,
		);
	}
	for (const { url, offset } of images) {
		if (isRelativePath(url)) {
			const path = decodePath(url.replace(/[?#].*$/, ''));
			add(
				'error',
				'image-missing',
				offset,
				`в тексте картинка «${url}», но файла нет: путь считается от папки статьи (например, ./images/photo.jpg — папка images рядом с файлом статьи). Проверьте имя файла и путь или загрузите картинку`,
				{ unlessFile: [path] },
			);
		} else if (!isImageAllowed(url)) {
			add(
				'error',
				'image-blocked',
				offset,
				`в тексте картинка с адреса ${urlOrigin(url) ?? url}: она не покажется на сайте: политика безопасности (CSP) разрешает картинки только с адресов ${imageSources()}. Загрузите картинку рядом со статьёй (./images/…) или попросите разработчиков добавить ${urlOrigin(url) ?? 'этот адрес'} в imageOrigins в src/site.ts`,
			);
		}
	}

	for (const match of text.matchAll(HTML_FRAME)) {
		const url = attrValue(match);
		// A script URL is reported as such (checkBody in content-check.ts).
		if (isFrameAllowed(url) || isScriptUrl(url)) continue;
		add(
			'error',
			'frame-blocked',
			match.index,
			`в тексте фрейм (iframe) с адреса ${urlOrigin(url) ?? url}: браузер его не покажет, политика безопасности сайта (CSP) разрешает встраивать только ${frameSources()}. Замените фрейм ссылкой на страницу или видео; чтобы встраивать этот сайт, разработчикам нужно добавить его в frame-src в src/lib/netlify/security-headers.ts`,
		);
	}

	for (const match of text.matchAll(BLOCKED_TAG)) {
		const tag = (match[1] ?? '').toLowerCase();
		const [severity, message] = BLOCKED_TAGS[tag] ?? [
			'error',
			`в тексте тег <${tag}>: он будет удалён`,
		];
		add(severity, 'blocked-tag', match.index, message);
	}

	// Links to the site's own pages.
	// Worked out only for posts that link to their own sections.
	let anchors: Set<string> | undefined;
	const links = [
		...[...text.matchAll(MD_LINK)].map((match) => ({ url: match[1] ?? '', offset: match.index })),
		...[...text.matchAll(REF_DEFINITION)].map((match) => ({
			url: match[1] ?? '',
			offset: match.index,
		})),
		...[...text.matchAll(HTML_HREF)].map((match) => ({
			url: attrValue(match),
			offset: match.index,
		})),
	];
	for (const { url, offset } of links) {
		const postFile = postFileLink(url);
		if (postFile) {
			// Published as the post's URL (src/markdown/plugins.ts): the post must exist and be out.
			add(
				'error',
				'link-post-file',
				offset,
				`в тексте ссылка на файл статьи «${url}», но статьи ${postFile.slug} (файла ${postFile.file}) нет: читатель попал бы на страницу 404. Проверьте имя файла: ссылка на статью — это имя её файла (servisnyy-podhod.md) или её адрес на сайте (${postPath(postFile.slug)})`,
				{ unlessPost: postFile.slug },
			);
			add(
				'warning',
				'link-unpublished',
				offset,
				`в тексте ссылка на файл статьи «${url}» (на сайте ${postPath(postFile.slug)}), но статья ${postFile.slug} на сайте не опубликована (черновик или дата публикации ещё не наступила): читатель попадёт на страницу 404. Уберите ссылку или опубликуйте ту статью раньше этой`,
				{ ifUnpublished: postFile.slug },
			);
			continue;
		}
		if (url.startsWith('#')) {
			const anchor = decodePath(url.slice(1));
			anchors ??= pageAnchors(text, body);
			if (anchor === '' || anchors.has(anchor) || anchor.startsWith('user-content-')) continue;
			const better = slugify(anchor);
			add(
				'warning',
				'anchor-missing',
				offset,
				`в тексте ссылка ${url} ведёт на раздел, которого в статье нет: ни у одного заголовка нет такого адреса${anchors.has(better) ? `. Возможно, имелось в виду #${better}` : ''}. Адрес раздела — латиница из текста заголовка; его видно при наведении на знак # рядом с заголовком`,
			);
			continue;
		}
		const path = internalPath(url, SITE.url);
		if (path === undefined) continue;
		const fixed = withTrailingSlash(url, SITE.url);
		if (fixed !== url) {
			add(
				'warning',
				'link-no-slash',
				offset,
				`в тексте ссылка ${url} без косой черты в конце: на сайте она исправлена на ${fixed}, но лучше написать так и в тексте`,
			);
		}
		const pathname = (/^[^?#]*/.exec(withTrailingSlash(path, SITE.url))?.[0] ?? '').replace(
			/\/+$/,
			'/',
		);
		const tag = /^\/tags\/([^/]+)\/(?:(?:page\/)?(\d+)\/)?$/.exec(pathname);
		const firstPage = /^\/(?:tags\/[^/]+\/|page\/)(?:0*[01])\/$/.exec(pathname);
		if (firstPage) {
			add(
				'warning',
				'link-page-missing',
				offset,
				`в тексте ссылка на ${pathname}, но такой страницы нет: первая страница списка — ${pathname.replace(/(?:page\/)?\d+\/$/, '')}. Исправьте адрес`,
			);
			continue;
		}
		if (tag?.[1]) {
			const page = Number(tag[2] ?? 1);
			add(
				'warning',
				'link-tag-missing',
				offset,
				`в тексте ссылка на ${pathname}, но такой страницы тега не будет: ${page > 1 ? `у тега меньше ${page} страниц` : 'ни у одной опубликованной статьи нет такого ключевого слова'}. Адрес тега — латиница из ключевого слова (например, /tags/servisnyy-podhod/); проверьте его на странице /tags/`,
				{ unlessTag: { slug: decodePath(tag[1]), page } },
			);
			continue;
		}
		const listing = /^\/page\/(\d+)\/$/.exec(pathname);
		if (listing?.[1]) {
			const page = Number(listing[1]);
			add(
				'warning',
				'link-page-missing',
				offset,
				`в тексте ссылка на ${pathname}, но такой страницы списка статей нет: страницы начинаются со второй (/page/2/) и их столько, сколько нужно для всех опубликованных статей. Исправьте номер или сошлитесь на главную /`,
				{ unlessListingPage: page },
			);
			continue;
		}
		const post = /^\/blog\/([^/]+)\/$/.exec(pathname)?.[1];
		if (!post && pathname.endsWith('/') && !FIXED_PAGE_PATHS.includes(pathname)) {
			// checkPosts adds the closest existing address, which depends on the other posts.
			add(
				'error',
				'link-page-unknown',
				offset,
				`в тексте ссылка на ${pathname}, но такой страницы на сайте нет: читатель попал бы на страницу 404. Адрес статьи — /blog/<имя файла без .md>/, тега — /tags/<тег>/`,
				{ missingPage: pathname },
			);
			continue;
		}
		if (post) {
			const slug = decodePath(post);
			add(
				'warning',
				'link-unpublished',
				offset,
				`в тексте ссылка на ${pathname}, но статья ${slug} на сайте не опубликована (черновик или дата публикации ещё не наступила): читатель попадёт на страницу 404. Уберите ссылку или опубликуйте ту статью раньше этой`,
				{ ifUnpublished: slug },
			);
		}
	}

	// A footnote defined twice: the page keeps the first definition and drops the others.
	const footnotes = new Map<string, number>();
	for (const match of text.matchAll(FOOTNOTE_DEFINITION)) {
		const label = (match[1] ?? '').toLowerCase();
		const first = footnotes.get(label);
		if (first === undefined) {
			footnotes.set(label, at(match.index));
			continue;
		}
		add(
			'warning',
			'footnote-duplicate',
			match.index,
			`сноска [^${match[1]}] определена второй раз (первый раз — в строке ${first}): на странице останется только первое определение, это пропадёт. Дайте этой сноске свою метку (например, [^${match[1]}-2]) и поставьте её в тексте там, где нужна сноска, или удалите лишнее определение`,
		);
	}

	if (mdx) findings.push(...checkMdx(file, text, at));
	return findings;
}

/** MDX only: imports must exist, expressions and components must be defined, no HTML comments. */
function checkMdx(file: string, text: string, at: (offset: number) => number): FileFinding[] {
	const findings: FileFinding[] = [];
	const error = (code: FindingCode, offset: number, message: string): Finding => ({
		severity: 'error',
		code,
		file,
		line: at(offset),
		message,
	});
	for (const match of text.matchAll(/^import\s+([^'"]+?)\s+from\s+['"]([^'"]+)['"]/gm)) {
		const spec = match[2] ?? '';
		const candidates = importCandidates(file, spec);
		if (!candidates) continue;
		findings.push({
			finding: error(
				'mdx-import-missing',
				match.index,
				`в тексте импорт «${spec}» (${(match[1] ?? '').trim()}), но такого файла нет. Путь считается от папки статьи (./…) или от папки src (@/…); проверьте имя файла или удалите импорт и все места, где компонент используется`,
			),
			unlessFile: candidates,
		});
	}
	const defined = mdxDefinedNames(text);
	// Import and export lines are code; everything else is text with expressions in braces.
	const prose = text.replace(/^(?:import|export)\s[^\n]*$/gm, (line) => ' '.repeat(line.length));
	for (const { offset, code } of mdxExpressions(prose)) {
		if (isDefinedExpression(code, defined)) continue;
		const shown = code.trim().slice(0, 40);
		findings.push({
			finding: error(
				'mdx-expression',
				offset,
				`в тексте фигурные скобки {${shown}}: в MDX это код, а «${shown}» в статье не определено: сборка остановится с ошибкой. Если скобки нужны как текст, поставьте перед каждой обратную косую черту: \\{${shown}\\}; если это опечатка, удалите скобки`,
			),
		});
	}
	for (const match of prose.matchAll(/<([A-Z][\w.]*)[\s/>]/g)) {
		const name = match[1] ?? '';
		if (defined.has(name.split('.')[0] ?? name)) continue;
		findings.push({
			finding: error(
				'mdx-component',
				match.index,
				`в тексте компонент <${name}>, но он не импортирован: сборка остановится с ошибкой. Добавьте в начало статьи строку import ${name} from '…' или удалите компонент`,
			),
		});
	}
	for (const match of prose.matchAll(/<(?:https?|mailto):[^\s>]*>/gi)) {
		findings.push({
			finding: error(
				'mdx-autolink',
				match.index,
				`в тексте адрес в угловых скобках ${match[0]}: в MDX так писать нельзя, сборка остановится с ошибкой. Пишите ссылку как [текст](${match[0].slice(1, -1)})`,
			),
		});
	}
	for (const match of prose.matchAll(/<!--/g)) {
		findings.push({
			finding: error(
				'mdx-comment',
				match.index,
				'в тексте HTML-комментарий <!-- … -->: в MDX он не допускается, сборка остановится с ошибкой. Пишите комментарий так: {/* … */}',
			),
		});
	}
	return findings;
}

type Finding = FileFinding['finding'];
