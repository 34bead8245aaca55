import { describe, expect, test } from 'vitest';
import { checkBodyRules } from '../../../src/lib/content-check/content-body-rules.ts';
import {
	checkPosts,
	type CheckOptions,
	type SourceFile,
} from '../../../src/lib/content-check/content-check.ts';

const DESCRIPTION = 'Описание статьи для проверки: о чём она и чем полезна читателю.';

/** A valid post with this body (file line 7 is the body's first line) and extra fields. */
const post = (file: string, body: string, extra = ''): SourceFile => ({
	file,
	source: `---\ntitle: "Статья"\ndescription: "${DESCRIPTION}"\npubDate: "2025-07-20"\n${extra}---\n\n${body}\n`,
});

const NOW = new Date('2025-08-01T00:00:00Z');

/** Codes, severities and lines of what the check finds in `files`. */
function found(files: SourceFile[], options: CheckOptions = {}) {
	return checkPosts(files, { now: NOW, ...options }).findings.map(
		({ code, severity, line, file }) => ({ code, severity, line, file }),
	);
}

describe('images in the body', () => {
	// [case, body, file exists, expected code or undefined]
	test.each([
		['a missing local image', '![x](./images/nety.png)', false, 'image-missing'],
		['a local image that exists', '![x](./images/est.png)', true, undefined],
		['a missing image in HTML', '<img src="images/nety.png" alt="">', false, 'image-missing'],
		[
			'an image from a host the CSP blocks',
			'![x](https://cdn.example.com/a.png)',
			true,
			'image-blocked',
		],
		[
			'an HTML image the CSP blocks',
			"<img src='//cdn.example.com/a.png' alt=''>",
			true,
			'image-blocked',
		],
		['an image from an allowed host', '![x](https://images.unsplash.com/photo-1)', true, undefined],
		['an image of the site', '![x](/logo.png)', true, undefined],
		['an image in code', '`![x](./images/nety.png)`', false, undefined],
	])('%s', (_, body, exists, code) => {
		const findings = found([post('blog/a.md', `Текст.\n\n${body}`)], { imageExists: () => exists });
		expect(findings).toEqual(code ? [{ code, severity: 'error', line: 9, file: 'blog/a.md' }] : []);
	});

	test.each([
		['no alt text', '![](https://images.unsplash.com/photo-1)'],
		['blank alt text', '![  ](./images/est.png "Подпись")'],
	])('an image with %s is a warning naming the image', (_, body) => {
		const file = post('blog/a.md', `Текст.\n\n${body}`);
		expect(found([file], { imageExists: () => true })).toEqual([
			{ code: 'image-alt-missing', severity: 'warning', line: 9, file: 'blog/a.md' },
		]);
		const [finding] = checkPosts([file], { imageExists: () => true }).findings;
		expect(finding?.message).toMatch(/^у картинки в тексте «(?:https|\.\/images)\S+» нет описания/);
	});

	test('the missing image is looked for next to the post, decoded', () => {
		const asked: string[] = [];
		found([post('blog/a.md', '![x](./images/my%20photo.png?v=1)')], {
			imageExists: (file, path) => (asked.push(`${file} ${path}`), false),
		});
		expect(asked).toEqual(['blog/a.md ./images/my photo.png']);
	});

	test('the CSP message names the host and the setting to change', () => {
		const [finding] = checkPosts([post('a.md', '![x](https://cdn.example.com/a.png)')]).findings;
		expect(finding?.message).toContain('https://cdn.example.com');
		expect(finding?.message).toContain('imageOrigins в src/site.ts');
	});
});

describe('frames', () => {
	test.each([
		['a YouTube embed', '<iframe src="https://www.youtube.com/embed/x"></iframe>', 'frame-blocked'],
		[
			'a protocol-relative frame',
			'<iframe src=//player.vimeo.com/video/1></iframe>',
			'frame-blocked',
		],
		['a frame of the site', '<iframe src="/search/"></iframe>', undefined],
	])('%s', (_, body, code) => {
		const findings = found([post('a.md', body)]);
		expect(findings.map((finding) => finding.code)).toEqual(code ? [code] : []);
	});

	test('the message says what the policy allows and where to change it', () => {
		const [finding] = checkPosts([
			post('a.md', '<iframe src="https://www.youtube.com/embed/x"></iframe>'),
		]).findings;
		expect(finding?.message).toContain("default-src 'self'");
		expect(finding?.message).toContain('frame-src');
		expect(finding?.message).toContain('https://www.youtube.com');
	});
});

describe('markup the page drops', () => {
	test.each([
		['<style>p { color: red }</style>', 'warning'],
		['<meta http-equiv="refresh" content="0; url=https://example.com">', 'error'],
		['<base href="https://example.com/">', 'error'],
		['<object data="x.swf"></object>', 'error'],
		['<EMBED src="x.swf">', 'error'],
	])('%s: %s', (body, severity) => {
		expect(found([post('a.md', `Текст.\n\n${body}`)])).toEqual([
			{ code: 'blocked-tag', severity, line: 9, file: 'a.md' },
		]);
	});
});

describe('links to the site', () => {
	const draft = post('chernovik.md', 'Текст.', 'draft: true\n');
	const scheduled = post('pozzhe.md', 'Текст.').source.replace('2025-07-20', '2025-12-01');
	const later = { file: 'pozzhe.md', source: scheduled };
	const tagged = post('s-tegom.md', 'Текст.', 'keywords: "Сервис, Уборка"\n');
	// Eleven published posts: the main listing has two pages.
	const many = Array.from({ length: 10 }, (_, i) => post(`post-${i}.md`, 'Текст.'));

	// [case, body, expected codes]
	test.each([
		['a link to a draft', '[x](/blog/chernovik/)', ['link-unpublished']],
		['a link to a scheduled post', '[x](/blog/pozzhe/)', ['link-unpublished']],
		[
			'an absolute link to a draft, without the slash',
			'[x](https://butlerspb-blog.netlify.app/blog/chernovik)',
			['link-no-slash', 'link-unpublished'],
		],
		['a link to a published post', '[x](/blog/s-tegom/)', []],
		['a link without the trailing slash', '[x](/blog/s-tegom)', ['link-no-slash']],
		['an HTML link without the slash', '<a href="/blog/s-tegom#a">x</a>', ['link-no-slash']],
		['a file link', '[RSS](/rss.xml)', []],
		['a tag that exists', '[x](/tags/servis/)', []],
		['a tag no published post has', '[x](/tags/remont/)', ['link-tag-missing']],
		['a second page of a small tag', '[x](/tags/servis/2/)', ['link-tag-missing']],
		['the first listing page by number', '[x](/page/1/)', ['link-page-missing']],
		['the first tag page by number', '[x](/tags/servis/1/)', ['link-page-missing']],
		['a listing page that exists', '[x](/page/2/)', []],
		['a listing page past the end', '[x](/page/3/)', ['link-page-missing']],
		['an anchor of a heading', '## Раздел о сервисе\n\n[x](#razdel-o-servise)', []],
		['an anchor no heading has', '## Раздел\n\n[x](#net-takogo)', ['anchor-missing']],
		['an anchor written in Cyrillic', '## Раздел\n\n[x](#Раздел)', ['anchor-missing']],
		['an anchor of a page id', '[наверх](#content)', []],
		['an anchor of an HTML id', '<span id="tut"></span>\n\n[x](#tut)', []],
		['an anchor of a repeated heading', '## Итоги\n\n## Итоги\n\n[x](#itogi-1)', []],
		['an anchor of a setext heading', 'Раздел\n------\n\n[x](#razdel)', []],
		[
			'an anchor of a heading with code',
			'## Команда `npm run new`\n\n[x](#komanda-npm-run-new)',
			[],
		],
		[
			'a heading line in a code block',
			'```\n## Не заголовок\n```\n\n[x](#ne-zagolovok)',
			['anchor-missing'],
		],
		[
			'an anchor of a heading with markup',
			'## **Важно**: snake_case\n\n[x](#vazhno-snake-case)',
			[],
		],
		['a footnote', 'Текст[^1].\n\n[^1]: Сноска.', []],
	])('%s', (_, body, codes) => {
		const files = [post('a.md', body), draft, later, tagged, ...many];
		const findings = found(files).filter((finding) => finding.file === 'a.md');
		expect(findings.map((finding) => finding.code)).toEqual(codes);
	});

	test('a draft may link to another draft: only published posts are warned', () => {
		const other = post('vtoroy.md', '[x](/blog/chernovik/)', 'draft: true\n');
		expect(found([draft, other])).toEqual([]);
	});

	test('the warning names the post, the line and the target', () => {
		const [finding] = checkPosts([post('a.md', 'Текст.\n\n[x](/blog/chernovik/)'), draft], {
			now: NOW,
		}).findings;
		expect(finding).toMatchObject({ file: 'a.md', line: 9, severity: 'warning' });
		expect(finding?.message).toContain('/blog/chernovik/');
		expect(finding?.message).toContain('не опубликована');
	});

	test('the trailing-slash warning says what the page links to instead', () => {
		const [finding] = checkPosts([post('a.md', '[x](/tags/servis)'), tagged]).findings;
		expect(finding?.message).toContain('/tags/servis/');
	});

	test('an anchor close to a heading id suggests it', () => {
		const [finding] = checkPosts([post('a.md', '## Раздел\n\n[x](#Раздел)')]).findings;
		expect(finding?.message).toContain('#razdel');
	});
});

describe('MDX', () => {
	const mdx = (body: string): SourceFile => post('blog/a.mdx', body);

	// [case, body, existing files, expected [code, line]]
	test.each([
		[
			'an import of a missing component',
			"import Banner from './Banner.astro';\n\nТекст.\n\n<Banner />",
			[],
			[['mdx-import-missing', 7]],
		],
		[
			'an import of a component that exists',
			"import Banner from './Banner.astro';\n\n<Banner />",
			['./Banner.astro'],
			[],
		],
		[
			'an import without an extension that resolves',
			"import Banner from '../components/Banner';\n\n<Banner />",
			['../components/Banner.astro'],
			[],
		],
		['a package import', "import { Image } from 'astro:assets';\n\n<Image />", [], []],
		['an undefined expression', 'Цена со {скидка} сегодня.', [], [['mdx-expression', 7]]],
		['an expression that is not code', 'Скидка {10%} на всё.', [], [['mdx-expression', 7]]],
		['escaped braces', 'Скидка \\{10%\\} на всё.', [], []],
		['a defined expression', 'export const sale = 10;\n\nСкидка {sale}%.', [], []],
		['a comment', 'Текст {/* заметка */}.', [], []],
		['braces in code', 'Код `{скидка}`.', [], []],
		[
			'a component never imported',
			'Текст.\n\n<Callout>Важно</Callout>',
			[],
			[['mdx-component', 9]],
		],
		['an HTML comment', 'Текст.\n\n<!-- заметка -->', [], [['mdx-comment', 9]]],
		['an autolink', 'Текст.\n\n<https://butlerspb.ru/>', [], [['mdx-autolink', 9]]],
		[
			'an object in a prop',
			"import Banner from './Banner.astro';\n\n<Banner data={{ a: 1 }} />",
			['./Banner.astro'],
			[],
		],
	])('%s', (_, body, files, expected) => {
		const exists = (_file: string, path: string) => (files as string[]).includes(path);
		const findings = found([mdx(body)], { imageExists: exists });
		expect(findings.map(({ code, line }) => [code, line])).toEqual(expected);
	});

	test('braces are text in a Markdown post', () => {
		expect(found([post('a.md', 'Цена со {скидка} сегодня.')])).toEqual([]);
	});

	test('the import message names the import and the line it is on', () => {
		const findings = checkBodyRules({
			file: 'src/content/blog/a.mdx',
			body: "\nimport Nety from '@/components/Nety.astro';\n",
			bodyLine: 6,
			mdx: true,
		});
		expect(findings).toHaveLength(1);
		expect(findings[0]?.finding.line).toBe(7);
		expect(findings[0]?.finding.message).toContain('@/components/Nety.astro');
		expect(findings[0]?.unlessFile).toContain('../../../src/components/Nety.astro');
	});
});

describe('links to posts by file, pages that do not exist, footnotes defined twice', () => {
	const site = [post('servisnyy-podhod.md', 'Текст.', 'keywords: "консьерж"\n')];
	const messages = (body: string) =>
		checkPosts([...site, post('a.md', body)], { now: NOW }).findings.map(
			({ code, severity, line, message }) => ({ code, severity, line, message }),
		);

	test.each(['servisnyy-podhod.md', './servisnyy-podhod.md', '../blog/servisnyy-podhod.md#x'])(
		'a link to an existing post file (%s) is fine',
		(href) => {
			expect(messages(`См. [статью](${href}).`)).toEqual([]);
		},
	);

	test('a link to a post file that does not exist is an error naming the file', () => {
		expect(messages('См. [статью](./net-takoy.md).')).toEqual([
			expect.objectContaining({
				code: 'link-post-file',
				severity: 'error',
				line: 7,
				message: expect.stringContaining(
					'ссылка на файл статьи «./net-takoy.md», но статьи net-takoy (файла net-takoy.md) нет',
				),
			}),
		]);
	});

	test('a link to a draft by its file is a warning, as by its URL', () => {
		const draft = post('chernovik.md', 'Текст.', 'draft: true\n');
		const result = checkPosts([...site, draft, post('a.md', '[черновик](chernovik.md)')], {
			now: NOW,
		});
		expect(result.findings.map(({ code, severity }) => ({ code, severity }))).toEqual([
			{ code: 'link-unpublished', severity: 'warning' },
		]);
	});

	test.each([
		['/servisnyy-podhod/', 'возможно, имелось в виду /blog/servisnyy-podhod/'],
		['/servisnyy-podhod', 'возможно, имелось в виду /blog/servisnyy-podhod/'],
		['/konserzh/', 'возможно, имелось в виду /tags/konserzh/'],
		['/abrakadabra/#x', 'исправьте адрес'],
	])('a link to %s, which no page has, is an error: %s', (href, hint) => {
		const found = messages(`См. [страницу](${href}).`).filter(
			({ code }) => code === 'link-page-unknown',
		);
		expect(found).toEqual([
			expect.objectContaining({
				severity: 'error',
				line: 7,
				message: expect.stringContaining(hint),
			}),
		]);
		expect(found[0]?.message).toMatch(/такой страницы на сайте нет/);
	});

	test.each(['/', '/search/', '/tags/', '/blog/servisnyy-podhod/', '/tags/konserzh/', '/rss.xml'])(
		'a link to %s is fine',
		(href) => {
			expect(messages(`См. [страницу](${href}).`)).toEqual([]);
		},
	);

	test('a link to a later page of a tag is a tag page, not an unknown one', () => {
		expect(messages('См. [тег](/tags/konserzh/page/2/).').map(({ code }) => code)).toEqual([
			'link-tag-missing',
		]);
	});

	test('a footnote defined twice is a warning at the second definition', () => {
		const body = 'Текст[^1] и ещё[^2].\n\n[^1]: Первая.\n[^2]: Вторая.\n[^1]: Повтор.';
		expect(messages(body)).toEqual([
			expect.objectContaining({
				code: 'footnote-duplicate',
				severity: 'warning',
				line: 11,
				message: expect.stringContaining(
					'сноска [^1] определена второй раз (первый раз — в строке 9)',
				),
			}),
		]);
	});
});
