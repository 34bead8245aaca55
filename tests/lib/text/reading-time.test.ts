import { expect, test } from 'vitest';
import {
	WORDS_PER_MINUTE,
	countWords,
	formatReadingTime,
	readingMinutes,
} from '../../../src/lib/text/reading-time.ts';

test.each([
	['', 0],
	['Сервисный подход — это философия.', 4],
	['**Клиентоориентированность:** это *реакция*', 3],
	['B2B-сегменте, 2-3 альтернативы и 80% клиентов', 6],
	['[услуг](https://butlerspb.ru/) и ещё', 6],
])('countWords(%j) → %d', (text, words) => {
	expect(countWords(text)).toBe(words);
});

test.each([
	[0, '1 минута чтения'],
	[WORDS_PER_MINUTE * 2, '2 минуты чтения'],
	[WORDS_PER_MINUTE * 5, '5 минут чтения'],
	[WORDS_PER_MINUTE * 7, '7 минут чтения'],
	[WORDS_PER_MINUTE * 21, '21 минута чтения'],
])('formatReadingTime(%d words) → %s', (words, text) => {
	expect(formatReadingTime(words)).toBe(text.replace(' ', '\u00a0'));
});

test('readingMinutes rounds to the nearest minute, at least one', () => {
	expect(readingMinutes(1)).toBe(1);
	expect(readingMinutes(WORDS_PER_MINUTE * 2.4)).toBe(2);
	expect(readingMinutes(WORDS_PER_MINUTE * 2.6)).toBe(3);
});
