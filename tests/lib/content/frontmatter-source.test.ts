import { describe, expect, test } from 'vitest';
import {
	explainYamlError,
	fieldLine,
	splitPost,
} from '../../../src/lib/content/frontmatter-source.ts';
import { parseFrontmatterLines } from '../../../src/lib/content/frontmatter.ts';

describe('splitPost', () => {
	test('splits frontmatter lines and body with the body line', () => {
		expect(splitPost('---\ntitle: x\nb: 1\n---\n\nТекст\n')).toEqual({
			lines: ['title: x', 'b: 1'],
			body: '\nТекст\n',
			bodyLine: 5,
		});
	});

	test.each([
		['no opening line', 'title: x\n---\n', 'missing'],
		['an opening line with text', '--- title\n---\n', 'missing'],
		['no closing line', '---\ntitle: x\n\nТекст\n', 'unclosed'],
	])('reports %s', (_, source, problem) => expect(splitPost(source)).toBe(problem));
});

const YAML = `title: "Статья"
keywords:
  - один
  - два
related:
- a
- b
schema:
  "@type": HowTo
  aggregateRating:
    ratingValue: "4.8"
    # comment
    reviewCount: 0
  steps:
    - name: Первый
      text: x
    - name: Второй
      text: y
inline: {"a": {"b": 1}}
`.split('\n');

describe('fieldLine', () => {
	test.each([
		[['title'], 2],
		[['keywords', 1], 5],
		[['related', 0], 7],
		[['related', 1], 8],
		[['schema', '@type'], 10],
		[['schema', 'aggregateRating', 'reviewCount'], 14],
		[['schema', 'steps', 1, 'text'], 19],
		[['schema', 'steps', 0, 'name'], 16],
		[['inline', 'a', 'b'], 20],
		[['schema', 'nope'], 9],
		[['related', 5], 6],
		[['missing'], undefined],
	])('%j is on line %s', (path, line) => expect(fieldLine(YAML, path)).toBe(line));

	test('does not mistake a nested key for a top-level one', () => {
		expect(fieldLine(['schema:', '  title: x', 'title: y'], ['title'])).toBe(4);
	});
});

/** The YAML error the check's parse throws for a frontmatter block. */
function yamlError(lines: string[]): unknown {
	try {
		parseFrontmatterLines(lines);
	} catch (error) {
		return error;
	}
	throw new Error('expected a YAML error');
}

describe('explainYamlError', () => {
	test.each([
		[
			'an unclosed double quote',
			['title: "Незакрытая', 'description: "y"', 'pubDate: "2025-07-20"'],
			2,
			'кавычка " в начале значения не закрыта',
		],
		[
			'an unclosed single quote',
			["title: 'Незакрытая", 'description: y'],
			2,
			"кавычка ' в начале значения не закрыта",
		],
		[
			'quotes inside a quoted value',
			['description: y', 'title: "Он сказал "привет""'],
			3,
			'после закрывающей кавычки " идёт ещё текст',
		],
		[
			'a colon inside a value',
			['title: Сервис: философия', 'description: y'],
			2,
			'двоеточие с пробелом внутри значения',
		],
		[
			'a field written twice',
			['title: x', 'description: y', 'title: z'],
			4,
			'поле «title» указано дважды',
		],
		['bad indentation', ['title: x', '  description: y'], 3, 'неверный отступ'],
		['an unclosed brace', ['schema: {"a": 1', 'title: x'], 3, 'не закрыта скобка'],
		['a value starting with @', ['title: @handle'], 2, 'значение начинается с @'],
		[
			'a tab in indentation',
			['title: x', 'schema:', '\t"@type": HowTo'],
			4,
			'отступ сделан табуляцией',
		],
		['a tab before a list item', ['title: x', 'keywords:', '\t- a'], 4, 'табуляцией'],
		['a value starting with `', ['title: x', 'description: `код`'], 3, 'начинается с @, `'],
		['a line that is not a field', ['title: x', 'description y'], 3, 'не похожа на поле'],
		['an extra closing bracket', ['title: x', 'keywords: [a, b]]'], 3, 'не закрыта скобка'],
		[
			'a misaligned list item field',
			['title: x', 'schema:', '  name: a', ' text: b'],
			5,
			'неверный отступ',
		],
		['an alias with no anchor', ['title: &t x', 'headline: *h'], 3, 'ссылка *имя'],
		['a key twice inside a block', ['schema:', '  name: a', '  name: b'], 4, 'поле «name»'],
		['a key twice in inline JSON', ['title: x', 'schema: {"a": 1, "b": 2, "a": 3}'], 3, 'поле «a»'],
	])('explains %s', (_, lines, line, message) => {
		const problem = explainYamlError(lines, yamlError(lines));
		expect(problem.line).toBe(line);
		expect(problem.message).toContain(message);
	});

	test('never repeats the parser reason, which is English', () => {
		const problem = explainYamlError(['a: 1'], {
			code: 'IMPOSSIBLE',
			message: 'Something odd at line 2',
			linePos: [{ line: 2, col: 1 }],
		});
		expect(problem).toEqual({
			line: 2,
			message: 'ошибка синтаксиса YAML: проверьте кавычки, двоеточия и отступы',
		});
	});
});
