import { expect, test } from 'vitest';
import {
	TABLE_FALLBACK_LABEL,
	alignClass,
	isRelatedTitle,
	printsUrl,
	tableLabel,
} from '../../../src/lib/text/article-markup.ts';

test.each([
	['Читайте также', true],
	['Читайте также:', true],
	['  читайте\u00a0ТАКЖЕ ', true],
	['Читайте также о ремонте', false],
	['Смотрите также', false],
])('isRelatedTitle(%j) → %s', (text, expected) => {
	expect(isRelatedTitle(text)).toBe(expected);
});

test.each([
	['text-align: right', 'align-right'],
	['text-align:center;', 'align-center'],
	['color: red; TEXT-ALIGN: Left', 'align-left'],
	['text-align: inherit', undefined],
	['color: red', undefined],
	['x-text-align: right', undefined],
])('alignClass(%j) → %s', (style, expected) => {
	expect(alignClass(style)).toBe(expected);
});

test.each([
	['Цены 2025', 'Стоимость', 'Цены 2025'],
	[undefined, '  Стоимость\n услуг ', 'Стоимость услуг'],
	['  ', undefined, TABLE_FALLBACK_LABEL],
	[undefined, undefined, TABLE_FALLBACK_LABEL],
])('tableLabel(%j, %j) → %j', (caption, heading, expected) => {
	expect(tableLabel(caption, heading)).toBe(expected);
});

test.each([
	['https://example.com/prices', 'прайс-лист', true],
	['https://example.com/prices', 'https://example.com/prices', false],
	['https://www.example.com/', 'example.com', false],
	['http://example.com/a/', 'EXAMPLE.com/a', false],
	['https://example.com/a', 'example.com/b', true],
])('printsUrl(%j, %j) → %s', (href, text, expected) => {
	expect(printsUrl(href, text)).toBe(expected);
});
