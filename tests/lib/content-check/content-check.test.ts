import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import {
	checkContentDir,
	displayPath,
	readPostFiles,
} from '../../../src/plumbing/content-check-fs.ts';
import {
	checkFile,
	checkPosts,
	countFindings,
	formatFinding,
	strictFindings,
	type Finding,
	type SourceFile,
} from '../../../src/lib/content-check/content-check.ts';
import { createNewPost } from '../../../src/lib/content/new-post.ts';

const ROOT = join(import.meta.dirname, '../../..');
const BAD = 'tests/fixtures/bad-posts';

/** A description of a length search engines show in full (50–160 characters). */
const DESCRIPTION = 'Описание статьи для проверки: о чём она и чем полезна читателю.';

/** A post with valid frontmatter and the given body and extra fields. */
const post = (file: string, body = 'Текст.', extra = ''): SourceFile => ({
	file,
	source: `---\ntitle: "Статья"\ndescription: "${DESCRIPTION}"\npubDate: "2025-07-20"\n${extra}---\n\n${body}\n`,
});

const codes = (findings: readonly Finding[]) =>
	findings.map(({ code, severity, line, field }) => ({ code, severity, line, field }));

describe('the bad-posts corpus', async () => {
	const { findings, posts } = await checkContentDir(join(ROOT, BAD), ROOT);
	const of = (name: string) => findings.filter((finding) => finding.file === `${BAD}/${name}`);

	test('every post is read, the good one has no findings', () => {
		expect(posts).toHaveLength(25);
		expect(of('horoshaya-statya.md')).toEqual([]);
	});

	// [file, severity, code, field, line]: one post per problem the issue lists.
	test.each([
		['slomannyy-yaml.md', 'error', 'yaml', undefined, 2],
		['bez-poley.md', 'error', 'frontmatter-missing', undefined, 1],
		['nezakrytye-polya.md', 'error', 'frontmatter-unclosed', undefined, 1],
		['pustoy-zagolovok.md', 'error', 'schema', 'title', 2],
		['net-opisaniya.md', 'error', 'schema', 'description', undefined],
		['opechatka-v-pole.md', 'error', 'schema', 'pubdate', 4],
		['nevernaya-data.md', 'error', 'schema', 'pubDate', 4],
		['chernovik-ne-da-net.md', 'error', 'schema', 'draft', 5],
		['ocenka-vne-shkaly.md', 'error', 'schema', 'schema.aggregateRating.ratingValue', 10],
		['plohaya-kartinka.md', 'error', 'schema', 'heroImage', 5],
		['net-fayla-kartinki.md', 'error', 'image-missing', 'heroImage', 5],
		['Plohoe_Imya.md', 'error', 'file-name', undefined, undefined],
		['sub/a.md', 'error', 'duplicate-slug', undefined, undefined],
		['ssylka-javascript.md', 'error', 'script-url', undefined, 9],
		['obrabotchik-onclick.md', 'error', 'event-handler', undefined, 9],
		['teg-script.md', 'error', 'script-tag', undefined, 9],
		['net-svyazannoy-stati.md', 'warning', 'related-missing', 'related[1]', 7],
		['ssylka-v-nikuda.md', 'warning', 'link-missing', undefined, 9],
		['imya-v-schema.md', 'warning', 'schema-name', 'schema.name', 7],
		[
			'ocenka-bez-otzyvov.md',
			'warning',
			'rating-no-reviews',
			'schema.aggregateRating.reviewCount',
			11,
		],
		['kartinka-http.md', 'warning', 'hero-not-https', 'heroImage', 5],
		['ssylka-bez-adresa.md', 'warning', 'reference-undefined', undefined, 9],
		// Not a draft: template text left in it stops the build.
		['zagotovka.md', 'error', 'placeholder', 'description', 3],
	] as const)('%s: %s %s, field %s, line %s', (name, severity, code, field, line) => {
		const found = of(name).find((finding) => finding.code === code && finding.field === field);
		expect(found).toMatchObject({ severity, file: `${BAD}/${name}` });
		expect(found?.field).toBe(field);
		expect(found?.line).toBe(line);
		expect(formatFinding(found!)).toContain(`${BAD}/${name}${line ? `:${line}` : ''}`);
		if (field) expect(formatFinding(found!)).toContain(`поле «${field}»`);
	});

	test('a typo in a field name suggests the right one, and the missing field is reported too', () => {
		expect(of('opechatka-v-pole.md').map((finding) => finding.message)).toEqual([
			'ожидается дата ISO 8601, например 2025-07-25 или 2025-07-25T12:00:00+03:00, поле отсутствует',
			expect.stringContaining('возможно, имелось в виду «pubDate»'),
		]);
	});

	test('a post whose YAML is broken still has its body checked', () => {
		expect(of('slomannyy-yaml.md').map((finding) => finding.code)).toEqual(['yaml', 'script-tag']);
	});

	test('the duplicate names the other file', () => {
		expect(of('sub/a.md')[0]?.message).toContain(`${BAD}/a.md`);
		expect(of('a.md')).toEqual([]);
	});

	test('messages say what was found', () => {
		expect(of('nevernaya-data.md')[0]?.message).toContain('получено "2025-02-30"');
		expect(of('ssylka-javascript.md')[0]?.message).toContain('javascript:alert(document.cookie)');
		expect(of('obrabotchik-onclick.md')[0]?.message).toContain('onclick');
		expect(of('net-svyazannoy-stati.md')[0]?.message).toContain('takoy-stati-net');
		expect(of('ssylka-v-nikuda.md')[0]?.message).toContain('/blog/takoy-stati-tozhe-net/');
		expect(of('kartinka-http.md')[0]?.message).toContain('http://images.unsplash.com/photo.jpg');
		expect(of('ssylka-bez-adresa.md')[0]?.message).toContain('[нашем прайс-листе][прайс]');
		expect(of('Plohoe_Imya.md')[0]?.message).toContain('plohoe-imya.md');
	});
});

describe('checkPosts', () => {
	test.each([
		['a markdown script link', '[x](javascript:alert(1))', 'script-url'],
		[
			'a script link with a tab in the scheme',
			'<a href="java\tscript:alert(1)">x</a>',
			'script-url',
		],
		['a vbscript link', '[x](vbscript:msgbox)', 'script-url'],
		['a data:text/html link', '[x](data:text/html;base64,AAAA)', 'script-url'],
		['an autolink', '<javascript:alert(1)>', 'script-url'],
		['a reference definition', '[a]: javascript:alert(1)', 'script-url'],
		['an HTML href', '<a href="javascript:alert(1)">x</a>', 'script-url'],
		['an entity-encoded HTML href', '<a href="&#106;avascript:alert(1)">x</a>', 'script-url'],
		['a hex-encoded HTML href', '<a href="&#x6A;avascript:alert(1)">x</a>', 'script-url'],
		['a named-entity colon', '<a href="javascript&colon;alert(1)">x</a>', 'script-url'],
		['an unquoted iframe src', '<iframe src=javascript:alert(1)></iframe>', 'script-url'],
		['a script tag in capitals', '<SCRIPT>alert(1)</SCRIPT>', 'script-tag'],
		['an onload handler', '<img src="x.png" alt="" onload="alert(1)">', 'event-handler'],
		['an inline style', '<p style="color: red">Красный текст</p>', 'inline-style'],
		['an inline style in capitals', '<span STYLE="font-weight:bold">x</span>', 'inline-style'],
		['a link to a missing post', '[x](/blog/net-takoy/)', 'link-missing'],
		[
			'an absolute link to a missing post',
			'[x](https://butlerspb-blog.netlify.app/blog/net/)',
			'link-missing',
		],
		['an HTML link to a missing post', '<a href="/blog/net-takoy/">x</a>', 'link-missing'],
		['a shortcut reference with no definition', 'Смотрите [прайс].', 'reference-undefined'],
		['a full reference with no definition', 'Смотрите [прайс][p].', 'reference-undefined'],
		['a placeholder left in the body', 'Замените этот текст: вступление.', 'placeholder'],
	])('finds %s', (_, body, code) => {
		const { findings } = checkPosts([post('a.md', `Вступление.\n\n${body}`)]);
		expect(findings.map((finding) => finding.code)).toEqual([code]);
		expect(findings[0]?.line).toBe(9);
	});

	test.each([
		['links to existing posts', '[x](/blog/b/) [y](https://butlerspb-blog.netlify.app/blog/b/#h)'],
		['links on other sites under /blog/', '[x](https://example.com/blog/net/)'],
		['safe links', '[x](https://example.com) [m](mailto:a@b.ru) [t](tel:+7812) [h](#content)'],
		['defined references', '[x][a] and [a][] and [a]\n\n[a]: https://example.com'],
		['footnotes and task boxes', 'Текст[^1].\n\n[^1]: Сноска.\n\n- [x] готово\n- [ ] нет'],
		['code spans', 'Код `<script>` и `[x](javascript:1)` и `[y]`'],
		['code blocks', '```html\n<script>alert(1)</script>\n<a onclick="x" style="y">[y]</a>\n```'],
		['the word "style" in text', '<p class="style">style=1 и стиль</p>'],
		['images', '![картинка](https://images.unsplash.com/a.png) ![alt]'],
		['the word "on" in text', '<p class="x">on=1 и onclick без тега</p>'],
		['an out-of-range character reference', '<a href="&#99999999;https://example.com">x</a>'],
	])('accepts %s', (_, body) => {
		expect(checkPosts([post('a.md', body), post('b.md')]).findings).toEqual([]);
	});

	test.each([
		['./images/a.jpg', true, []],
		['./images/a.jpg', false, ['image-missing']],
		['images/a.jpg', false, ['image-missing']],
		['@/assets/a.jpg', false, []],
		['https://images.unsplash.com/a.jpg', false, []],
	])('a local hero image %s that exists: %s → %j', (image, exists, expected) => {
		const asked: string[][] = [];
		const imageExists = (file: string, path: string) => (asked.push([file, path]), exists);
		const extra = `heroImage: "${image}"\nheroAlt: "Квартира"\n`;
		const { findings } = checkPosts([post('x/a.md', 'ok', extra)], {
			imageExists,
		});
		expect(findings.map((finding) => finding.code)).toEqual(expected);
		if (expected.length > 0) expect(findings[0]?.message).toContain(image);
	});

	test('reports every problem of every post in one run, in file and line order', () => {
		const { findings } = checkPosts([
			post('b.md', '<script></script>\n\n[x](javascript:1)'),
			{ file: 'a.md', source: '---\ntitle: [\n---\n' },
			post(
				'c.md',
				'ok',
				'heroImage: "http://images.unsplash.com/a.jpg"\nrelated: [nope]\nheroAlt: ""\n',
			),
		]);
		expect(codes(findings)).toMatchInlineSnapshot(`
			[
			  {
			    "code": "script-tag",
			    "field": undefined,
			    "line": 7,
			    "severity": "error",
			  },
			  {
			    "code": "script-url",
			    "field": undefined,
			    "line": 9,
			    "severity": "error",
			  },
			  {
			    "code": "yaml",
			    "field": undefined,
			    "line": 2,
			    "severity": "error",
			  },
			  {
			    "code": "hero-not-https",
			    "field": "heroImage",
			    "line": 5,
			    "severity": "warning",
			  },
			  {
			    "code": "related-missing",
			    "field": "related[0]",
			    "line": 6,
			    "severity": "warning",
			  },
			]
		`);
	});

	test('CRLF line ends and a byte-order mark change nothing', () => {
		const { source } = post('a.md', '<script></script>');
		const crlf = `\uFEFF${source.replace(/\n/g, '\r\n')}`;
		expect(codes(checkPosts([{ file: 'a.md', source: crlf }]).findings)).toEqual(
			codes(checkPosts([{ file: 'a.md', source }]).findings),
		);
	});

	test('reports several schema problems of one post at once', () => {
		const { findings } = checkPosts([
			{
				file: 'a.md',
				source: '---\ntitle: ""\npubDate: "вчера"\ndraft: "нет"\nautor: "Я"\n---\n',
			},
		]);
		expect(findings.map(({ field, line }) => [field, line])).toEqual([
			['description', undefined],
			['title', 2],
			['pubDate', 3],
			['draft', 4],
			['autor', 5],
		]);
	});

	test('the posts list carries validated data for valid posts only', () => {
		const { posts } = checkPosts([post('a.md'), { file: 'b.md', source: 'текст' }]);
		expect(posts.map((p) => [p.slug, p.data?.title])).toEqual([
			['a', 'Статья'],
			['b', undefined],
		]);
	});

	test('a new post from `npm run new` is valid, with placeholder warnings only', () => {
		const { source, fileName } = createNewPost('Новая статья', new Date('2025-07-20T09:00:00Z'));
		const { findings } = checkPosts([{ file: fileName, source }]);
		expect(countFindings(findings)).toEqual({ errors: 0, warnings: findings.length });
		expect(new Set(findings.map((finding) => finding.code))).toEqual(new Set(['placeholder']));
		expect(findings.map((finding) => finding.field).filter(Boolean)).toEqual([
			'description',
			'keywords',
			'heroAlt',
		]);
	});
});

describe('old-format body parts', () => {
	test('a leading # H1 is a warning on its line that says to move it into headline or import', () => {
		const { findings } = checkPosts([post('a.md', '# Старый заголовок\n\nТекст.')]);
		expect(codes(findings)).toEqual([
			{ code: 'body-h1', severity: 'warning', line: 7, field: undefined },
		]);
		expect(findings[0]?.message).toMatch(/headline: "Старый заголовок"/);
		expect(findings[0]?.message).toMatch(/npm run import/);
	});

	test('an # H1 further down is a warning that says to write ##', () => {
		const { findings } = checkPosts([post('a.md', 'Вступление.\n\n# Раздел\n\nТекст.')]);
		expect(codes(findings)).toEqual([
			{ code: 'body-h1', severity: 'warning', line: 9, field: undefined },
		]);
		expect(findings[0]?.message).toMatch(/Напишите ## вместо #/);
	});

	test.each([
		['## Читайте также', 11],
		['### Читайте также:', 11],
		['## читайте   также ##', 11],
	])(
		'a body «%s» section is a warning on its line that says to move it into related',
		(heading, line) => {
			const body = `Вступление.\n\n---\n\n${heading}\n\n- [Статья](/blog/a/)`;
			const { findings } = checkPosts([post('a.md', body)]);
			expect(codes(findings)).toEqual([
				{ code: 'body-related', severity: 'warning', line, field: undefined },
			]);
			expect(findings[0]?.message).toMatch(/поле related/);
			expect(findings[0]?.message).toMatch(/npm run import/);
		},
	);

	test('both at once, as a copied legacy post has them', () => {
		const body =
			'# Заголовок\n\nТекст.\n\n## Раздел\n\nЕщё.\n\n## Читайте также\n\n- [A](/blog/a/)';
		const { findings } = checkPosts([post('a.md', body), post('a/a.md')]);
		expect(findings.filter((f) => f.file === 'a.md').map((f) => [f.code, f.line])).toEqual([
			['body-h1', 7],
			['body-related', 15],
		]);
	});

	test.each([
		['a ## heading', '## Раздел\n\nТекст.'],
		['a # line in a code block', '```sh\n# комментарий\n```'],
		['a hashtag with no space', '#петербург'],
		['«Читайте также» in a sentence', 'Читайте также наш прошлый текст.'],
	])('%s is not reported', (_, body) => {
		expect(checkPosts([post('a.md', body)]).findings).toEqual([]);
	});
});

describe('reporting', () => {
	const warning: Finding = {
		severity: 'warning',
		code: 'hero-not-https',
		file: 'src/content/blog/a.md',
		line: 6,
		field: 'heroImage',
		message: 'нужен https',
	};

	test.each([
		[warning, 'предупреждение src/content/blog/a.md:6, поле «heroImage»: нужен https'],
		[
			{
				severity: 'error',
				code: 'script-tag',
				file: 'src/content/blog/a.md',
				message: 'нужен https',
			},
			'ошибка src/content/blog/a.md: нужен https',
		],
	] satisfies [Finding, string][])('formatFinding(%o)', (finding, text) =>
		expect(formatFinding(finding)).toBe(text),
	);

	test('strict mode makes warnings errors', () => {
		const strict = strictFindings([warning, { ...warning, severity: 'error' }]);
		expect(countFindings([warning])).toEqual({ errors: 0, warnings: 1 });
		expect(countFindings(strict)).toEqual({ errors: 2, warnings: 0 });
		expect(warning.severity).toBe('warning');
	});
});

describe('reading a folder', () => {
	test('reads .md and .mdx files recursively, sorted, skipping _partials', async () => {
		const files = await readPostFiles(join(ROOT, BAD), ROOT);
		expect(files.map((file) => file.file)).toContain(`${BAD}/sub/a.md`);
		expect(files.map((file) => file.file)).toEqual(files.map((file) => file.file).sort());
	});

	test('a missing folder has no posts', async () => {
		expect(await readPostFiles(join(ROOT, 'tests/fixtures/no-such-folder'))).toEqual([]);
	});

	test.each([
		['/work/blog/src/content/blog/a.md', '/work/blog', 'src/content/blog/a.md'],
		['/tmp/posts/a.md', '/work/blog', '/tmp/posts/a.md'],
		['/work/blog', '/work/blog', '.'],
	])('displayPath(%s) from %s → %s', (path, cwd, shown) =>
		expect(displayPath(path, cwd)).toBe(shown),
	);
});

describe('dates and blocks as the build reads them', () => {
	const post = (fields: string): string =>
		`---\ntitle: Заголовок\ndescription: Описание статьи\n${fields}\n---\n\nТекст.\n`;

	test('an unquoted date that does not exist is an error, as a quoted one', () => {
		for (const date of ['2025-02-30', '"2025-02-30"']) {
			const { data, findings } = checkFile({ file: 'a.md', source: post(`pubDate: ${date}`) });
			expect(data).toBeUndefined();
			expect(findings.map(({ finding }) => finding.field)).toEqual(['pubDate']);
		}
	});

	test('an unquoted date-time without a zone is Moscow time, as a quoted one', () => {
		for (const date of ['2024-12-31T23:30:00', '"2024-12-31T23:30:00"']) {
			const { data } = checkFile({ file: 'a.md', source: post(`pubDate: ${date}`) });
			expect(data?.pubDate.toISOString()).toBe('2024-12-31T20:30:00.000Z');
		}
	});

	test('a tab in indentation is an error on its line, in Russian', () => {
		const { findings } = checkFile({
			file: 'a.md',
			source: post('pubDate: 2025-01-01\nschema:\n\t"@type": HowTo'),
		});
		expect(findings.map(({ finding }) => [finding.line, finding.code])).toEqual([[6, 'yaml']]);
		expect(findings[0]?.finding.message).toContain('отступ сделан табуляцией');
	});

	test('schema given as text gets a Russian error, not zod’s English', () => {
		const { findings } = checkFile({
			file: 'a.md',
			source: post('pubDate: 2025-01-01\nschema: "HowTo"'),
		});
		expect(findings.map(({ finding }) => finding.message)).toEqual([
			'ожидается блок schema.org (HowTo): блок полей «имя: значение», получено "HowTo"',
		]);
	});
});

test('an unclosed quote that YAML reads over several lines is reported as the quote', () => {
	const { findings } = checkFile({
		file: 'a.md',
		source:
			'---\ntitle: "Незакрытая\ndescription: "Описание: с двоеточием"\npubDate: 2025-01-01\n---\n',
	});
	expect(findings.map(({ finding }) => [finding.line, finding.message])).toEqual([
		[
			2,
			'поля статьи не читаются как YAML: кавычка " в начале значения не закрыта: добавьте " в конце строки',
		],
	]);
});

describe('what a post brought from elsewhere carries', () => {
	const messages = (source: SourceFile) =>
		checkFile(source).findings.map(({ finding }) => formatFinding(finding));

	test('a file not in UTF-8 is refused with its likely encoding, nothing else', async () => {
		const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
		const { tmpdir } = await import('node:os');
		const dir = await mkdtemp(join(tmpdir(), 'blog-encoding-'));
		const text = post('x.md', 'Текст статьи.', 'keywords: "консьерж, аренда"\n').source;
		const cp1251 = Buffer.from(
			[...text].map((char) => {
				const code = char.codePointAt(0)!;
				return code >= 0x410 && code <= 0x44f ? code - 0x410 + 0xc0 : code;
			}),
		);
		await writeFile(join(dir, 'v-1251.md'), cp1251);
		await writeFile(join(dir, 'v-utf-16.md'), Buffer.from(`\ufeff${text}`, 'utf16le'));
		await writeFile(join(dir, 'v-utf-8.md'), text);
		try {
			const { findings } = await checkContentDir(dir, dir);
			expect(findings.map(formatFinding)).toEqual([
				expect.stringMatching(
					/^ошибка v-1251\.md:2: файл сохранён не в кодировке UTF-8, а, похоже, в Windows-1251: .*сохраните его в кодировке UTF-8/,
				),
				expect.stringMatching(/^ошибка v-utf-16\.md:1: .*похоже, в UTF-16 \(LE\)/),
			]);
		} finally {
			await rm(dir, { recursive: true, force: true });
		}
	});

	test('a value after # is explained as a YAML comment', () => {
		expect(messages(post('x.md', 'Текст.', 'keywords: #консьерж\n'))).toEqual([
			'ошибка x.md:5, поле «keywords»: ожидаются ключевые слова через запятую или списком YAML, получено null: в YAML знак # после пробела начинает комментарий, и «#консьерж» не читается как значение. Возьмите значение в кавычки: keywords: "#консьерж"',
		]);
	});

	test.each([
		[
			'date: "2025-07-20"\n',
			'поле «date»: такого поля нет: так это поле называют другие движки блогов (Jekyll, Hugo, WordPress), здесь оно называется «pubDate»',
		],
		[
			'tags: [a]\n',
			'поле «tags»: такого поля нет: так это поле называют другие движки блогов (Jekyll, Hugo, WordPress), здесь оно называется «keywords»',
		],
		['categories: a\n', 'здесь оно называется «keywords»'],
		['image: "https://images.unsplash.com/x"\n', 'здесь оно называется «heroImage»'],
		[
			'heroAlt\u200b: "Фото"\n',
			'поле «heroAlt⟨U+200B⟩»: такого поля нет: в имени «heroAlt⟨U+200B⟩» невидимый символ ⟨U+200B⟩ (пробел нулевой ширины), без него это поле «heroAlt»',
		],
		['author\u00a0: "Иван"\n', '«author⟨U+00A0⟩» невидимый символ ⟨U+00A0⟩ (неразрывный пробел)'],
	])('the key in %j is explained', (extra, text) => {
		expect(messages(post('x.md', 'Текст.', extra)).join('\n')).toContain(text);
	});

	test('a missing reviewCount and a ratingValue out of range are both reported', () => {
		const extra =
			'schema:\n  "@type": HowTo\n  aggregateRating:\n    "@type": AggregateRating\n    ratingValue: 5.5\n';
		expect(messages(post('x.md', 'Текст.', extra))).toEqual([
			expect.stringContaining(
				'x.md:7, поле «schema.aggregateRating.reviewCount»: ожидается целое число отзывов',
			),
			expect.stringContaining(
				'x.md:9, поле «schema.aggregateRating.ratingValue»: ожидается оценка от 1 до 5, получено 5.5',
			),
		]);
	});
});
