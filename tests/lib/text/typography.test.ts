import { describe, expect, test } from 'vitest';
import { noBreakSpaces, russianQuotes, typeset } from '../../../src/lib/text/typography.ts';

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
		// Particles stick to the word before them, not to the next one.
		['Работаете ли вы', 'Работаете␣ли вы'],
		['так же хорошо', 'так␣же хорошо'],
		['Если бы знать', 'Если␣бы знать'],
		['Он ль это', 'Он␣ль это'],
		['«Готово» же', '«Готово»␣же'],
		['Работаете\nли', 'Работаете␣ли'],
		['ли в начале', 'ли в␣начале'],
		['лишь жена бывает', 'лишь жена бывает'],
		['кто-же', 'кто-же'],
		// Numbers keep their thousands groups and the word or sign after them.
		['3 500 ₽', '3␣500␣₽'],
		['1 250 000 рублей', '1␣250␣000␣рублей'],
		['за 15 мин', 'за␣15␣мин'],
		['скидка 40 %', 'скидка 40␣%'],
		['2 дня и 3 часа', '2␣дня и␣3␣часа'],
		['№ 5', '№␣5'],
		['в 2024 году', 'в␣2024␣году'],
		['годы 2023 2024', 'годы 2023 2024'],
		['12 345 678', '12␣345␣678'],
		['1 23', '1 23'],
		['1 2345', '1 2345'],
		['3,5 500', '3,5 500'],
	])('%s → %s', (input, expected) => expect(show(noBreakSpaces(input))).toBe(expected));
});

test('typeset applies quotes and spaces together', () => {
	expect(show(typeset('Мы в "ButlerSPB" — за сервис'))).toBe('Мы␣в␣«ButlerSPB»␣— за␣сервис');
});
