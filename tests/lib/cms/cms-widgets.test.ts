import { describe, expect, test } from 'vitest';
import {
	dateFromMoscowInput,
	keywordItems,
	moscowInputValue,
	moscowNowInput,
} from '../../../src/lib/cms/cms-widgets.ts';
import { parseEditorDate } from '../../../src/lib/content/dates.ts';
import { postSchema } from '../../../src/lib/content/post-schema.ts';

const post = { title: 'Т', description: 'О', pubDate: '2025-07-25' };

describe('keywordItems', () => {
	test.each([
		['посуточная аренда, новый тег', ['посуточная аренда', 'новый тег']],
		[' a ,, b ', ['a', 'b']],
		[
			['Москва, центр', 'новый тег'],
			['Москва, центр', 'новый тег'],
		],
		[undefined, []],
		[42, []],
	])('%j → %j', (value, items) => expect(keywordItems(value)).toEqual(items));

	test.each([
		'сервисный подход, ButlerSPB, клиентоориентированность, бизнес-модель',
		' посуточная  аренда , новый тег ',
	])('a comma string shown as items means the same keywords: %j', (value) => {
		const asString = postSchema.parse({ ...post, keywords: value }).keywords;
		const asItems = postSchema.parse({ ...post, keywords: keywordItems(value) }).keywords;
		expect(asItems).toEqual(asString);
	});
});

describe('the Moscow-time calendar', () => {
	test.each([
		['2025-07-25T21:00:32.473Z', '2025-07-26T00:00'],
		['2025-09-01T10:00:00+03:00', '2025-09-01T10:00'],
		['2025-09-01T10:00:00+10:00', '2025-09-01T03:00'],
		['2025-09-01T10:00', '2025-09-01T10:00'],
		[new Date('2025-07-22T11:31:14.723Z'), '2025-07-22T14:31'],
		['', ''],
		['25.07.2025', ''],
		[undefined, ''],
	])('shows %j as %j', (value, input) => expect(moscowInputValue(value)).toBe(input));

	test.each([
		['2025-09-01T10:00', '2025-09-01T10:00:00+03:00'],
		['2025-09-01T10:00:30', '2025-09-01T10:00:30+03:00'],
		['', ''],
		['2025-09-01', ''],
	])('writes %j as %j', (input, value) => expect(dateFromMoscowInput(input)).toBe(value));

	test('what it writes is the instant it showed, and the schema reads it so', () => {
		const written = dateFromMoscowInput('2025-09-01T10:00');
		expect(parseEditorDate(written)?.toISOString()).toBe('2025-09-01T07:00:00.000Z');
		expect(moscowInputValue(written)).toBe('2025-09-01T10:00');
		expect(postSchema.parse({ ...post, pubDate: written }).pubDate.toISOString()).toBe(
			'2025-09-01T07:00:00.000Z',
		);
	});

	test('now is Moscow time', () => {
		expect(moscowNowInput(new Date('2026-12-07T21:30:00Z'))).toBe('2026-12-08T00:30');
	});
});
