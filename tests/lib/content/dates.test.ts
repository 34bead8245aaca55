import { expect, test } from 'vitest';
import { formatDate, parseEditorDate, toIsoWithOffset } from '../../../src/lib/content/dates.ts';

test.each([
	['2025-07-22T11:31:14.723Z', '22 июля 2025'],
	// 21:00 UTC is already the next day in Moscow.
	['2025-07-25T21:00:32.473Z', '26 июля 2025'],
	['2025-03-04T22:30:00Z', '5 марта 2025'],
	['2025-01-01T00:00:00+03:00', '1 января 2025'],
	['2024-12-31T20:59:59Z', '31 декабря 2024'],
])('formatDate(%s) → %s in Moscow time', (iso, expected) => {
	expect(formatDate(new Date(iso))).toBe(expected);
});

test.each([
	['2025-07-25T21:00:32.473Z', '2025-07-26T00:00:32+03:00'],
	['2025-07-22T11:31:14.723Z', '2025-07-22T14:31:14+03:00'],
])('toIsoWithOffset(%s) → %s', (iso, expected) => {
	expect(toIsoWithOffset(new Date(iso))).toBe(expected);
	expect(new Date(expected).getTime()).toBe(Math.floor(new Date(iso).getTime() / 1000) * 1000);
});

test.each([
	// A date alone is 00:00 Moscow time, like a date-time without a zone.
	['2025-07-25', '2025-07-24T21:00:00.000Z'],
	['2025-08-01', '2025-07-31T21:00:00.000Z'],
	['2025-07-25T10:00', '2025-07-25T07:00:00.000Z'],
	['2025-07-25 10:00:00', '2025-07-25T07:00:00.000Z'],
	['2025-07-25T10:00:00+05:00', '2025-07-25T05:00:00.000Z'],
	['2025-07-25T10:00:00Z', '2025-07-25T10:00:00.000Z'],
])('parseEditorDate(%s) → %s', (input, iso) => {
	expect(parseEditorDate(input)?.toISOString()).toBe(iso);
});

test.each(['25.07.2025', '2025-13-01', '2025-02-29', '2025-07-25T25:00', 'вчера', ''])(
	'parseEditorDate(%j) is undefined',
	(input) => {
		expect(parseEditorDate(input)).toBeUndefined();
	},
);

test('parseEditorDate rejects an invalid Date object', () => {
	expect(parseEditorDate(new Date('nope'))).toBeUndefined();
});
