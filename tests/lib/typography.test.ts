import { describe, expect, test } from 'vitest';
import { noBreakSpaces, russianQuotes, typeset } from '../../src/lib/typography.ts';

const NBSP = '\u00a0';
/** Shows no-break spaces as ␣ so expectations are readable. */
const show = (text: string) => text.replaceAll(NBSP, '␣');

describe('russianQuotes', () => {
	test.each([
		['"Привет"', '«Привет»'],
		['Он сказал "да" и ушёл', 'Он сказал «да» и ушёл'],
		['"Компания "Дворецкий" работает"', '«Компания „Дворецкий“ работает»'],
		['("в скобках")', '(«в скобках»)'],
		['без кавычек', 'без кавычек'],
		['«уже ёлочки»', '«уже ёлочки»'],
	])('%s → %s', (input, expected) => expect(russianQuotes(input)).toBe(expected));
});

describe('noBreakSpaces', () => {
	test.each([
		['в доме', 'в␣доме'],
		['Мы работаем и в выходные', 'Мы␣работаем и␣в␣выходные'],
		['Сервис — это забота', 'Сервис␣— это забота'],
		['на (полях)', 'на␣(полях)'],
		['слово в', 'слово в'],
		['дом и сад', 'дом и␣сад'],
	])('%s → %s', (input, expected) => expect(show(noBreakSpaces(input))).toBe(expected));
});

test('typeset applies quotes and spaces together', () => {
	expect(show(typeset('Мы в "ButlerSPB" — за сервис'))).toBe('Мы␣в␣«ButlerSPB»␣— за␣сервис');
});
