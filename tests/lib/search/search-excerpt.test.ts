import { describe, expect, test } from 'vitest';
import {
	EXCERPT_WORDS,
	excerptOf,
	highlightOf,
	marksOf,
	type ExcerptPart,
} from '../../../src/lib/search/search-excerpt.ts';
import { queryWords, stemOf, type TermMatch } from '../../../src/lib/search/search-engine.ts';

/**
 * The marks of a query as runSearch gives them: each word's own stem, and for `completed` words
 * the stems given.
 */
function marks(query: string, completed: Record<string, string[]> = {}) {
	const words = queryWords(query);
	const terms: TermMatch[] = [...new Map(words.map((word) => [word.term, word])).values()].map(
		(word) => ({
			term: word.term,
			stems: [stemOf(word.term), ...(completed[word.term] ?? [])],
			stop: word.stop,
			open: false,
		}),
	);
	return marksOf({ terms, words });
}

const marked = (parts: readonly ExcerptPart[]): string[] =>
	parts.filter((part) => part.mark).map((part) => part.text);
const joined = (parts: readonly ExcerptPart[]): string => parts.map((part) => part.text).join('');

describe('excerpts', () => {
	const text =
		'Мы начинаем с разговора. Доверие строится годами, а теряется за минуту: поэтому мы ' +
		'отчитываемся о каждом шаге и показываем доверителю все расходы. Ключи хранятся в сейфе.';
	const parts = excerptOf(text, marks('доверие ключи'));

	test('marks the matched words, whole, and only them («доверителю» has another stem)', () =>
		expect(marked(parts)).toEqual(['Доверие', 'Ключи']));

	test('the text reads as the article: nothing added but the ellipses', () =>
		expect(joined(parts).replace(/…/g, '')).toBe(text.split(' ').slice(0, 24).join(' ')));

	test('a match far into the text is shown with its context, with an ellipsis before', () => {
		const long = `${'слово '.repeat(100)}здесь доверие и ключи ${'конец '.repeat(50)}`;
		const found = excerptOf(long, marks('доверие'));
		expect(found[0]?.text.startsWith('…')).toBe(true);
		expect(marked(found)).toEqual(['доверие']);
		expect(found.at(-1)?.text.endsWith('…')).toBe(true);
		expect(joined(found).split(' ')).toHaveLength(EXCERPT_WORDS);
	});

	test('no match: the start of the text', () =>
		expect(excerptOf('Один два три', marks('велосипед'))).toEqual([
			{ text: 'Один два три', mark: false },
		]));

	test('a word glued to a preposition by a no-break space is marked alone, and the space kept', () =>
		expect(excerptOf('Строится в\u00a0доверии и\u00a0заботе', marks('доверие'))).toEqual([
			{ text: 'Строится в\u00a0', mark: false },
			{ text: 'доверии', mark: true },
			{ text: ' и\u00a0заботе', mark: false },
		]));

	test('marks leave out the punctuation around a word', () =>
		expect(excerptOf('Передаём ключи, «ключами» (ключей).', marks('ключ'))).toEqual([
			{ text: 'Передаём ', mark: false },
			{ text: 'ключи', mark: true },
			{ text: ', «', mark: false },
			{ text: 'ключами', mark: true },
			{ text: '» (', mark: false },
			{ text: 'ключей', mark: true },
			{ text: ').', mark: false },
		]));

	test('a hyphenated query word is marked as the whole word, never its parts alone', () => {
		const found = excerptOf(
			'Чек-лист приёмки: сверяем с чеками и листами. Наш чек-листе нет.',
			marks('чек-лист'),
		);
		expect(marked(found)).toEqual(['Чек-лист', 'чек-листе']);
	});

	test('a query word marks its part of a hyphenated text word', () =>
		expect(marked(excerptOf('Консьерж-сервиса и сервис.', marks('сервис')))).toEqual([
			'сервиса',
			'сервис',
		]));

	test('a stop word is marked only inside a phrase of the query', () => {
		const found = excerptOf(
			'Ремонт под ключ: держим под контролем передачу ключей. Ремонт кухни.',
			marks('ремонт под ключ'),
		);
		expect(marked(found)).toEqual(['Ремонт под ключ', 'ключей', 'Ремонт']);
	});

	test('a completed word marks the stems it was completed to', () =>
		expect(
			marked(
				excerptOf(
					'Доверительное управление и доверие.',
					marks('довер', { довер: ['доверительн'] }),
				),
			),
		).toEqual(['Доверительное', 'доверие']));

	test('a heading stays apart from the text after it', () => {
		const found = excerptOf(
			'Конец раздела. Итоги: сервисный подход\nЛюбой арендатор ценит сервис. Вопрос?\nОтвет.',
			marks('сервис'),
		);
		expect(joined(found)).toBe(
			'Конец раздела. Итоги: сервисный подход — Любой арендатор ценит сервис. Вопрос? Ответ.',
		);
		expect(marked(found)).toEqual(['сервис']);
	});
});

describe('titles', () => {
	test('a title-only match is marked in the title', () =>
		expect(highlightOf('Чек-лист: уборка квартиры', marks('чек-лист квартира'))).toEqual([
			{ text: 'Чек-лист', mark: true },
			{ text: ': уборка ', mark: false },
			{ text: 'квартиры', mark: true },
		]));

	test('a title without the query words is one plain part', () =>
		expect(highlightOf('Сервисный подход', marks('ключи'))).toEqual([
			{ text: 'Сервисный подход', mark: false },
		]));
});
