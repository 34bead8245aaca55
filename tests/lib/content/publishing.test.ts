import { describe, expect, test } from 'vitest';
import { buildNow, isVisible, unpublishedReason } from '../../../src/lib/content/publishing.ts';

const NOW = new Date('2025-08-01T12:00:00+03:00');
const at = (iso: string) => new Date(iso);

describe('unpublishedReason', () => {
	test.each([
		['a published post', false, '2025-07-01', undefined],
		['a post dated exactly now', false, '2025-08-01T12:00:00+03:00', undefined],
		['a post one second later', false, '2025-08-01T12:00:01+03:00', 'scheduled'],
		['a post next year', false, '2026-01-01', 'scheduled'],
		['a draft', true, '2025-07-01', 'draft'],
		['a draft dated in the future', true, '2026-01-01', 'draft'],
	])('%s → %s', (_, draft, date, reason) =>
		expect(unpublishedReason({ draft, pubDate: at(date) }, NOW)).toBe(reason),
	);
});

describe('isVisible', () => {
	test.each([
		['published, production', false, '2025-07-01', false, true],
		['draft, production', true, '2025-07-01', false, false],
		['scheduled, production', false, '2026-01-01', false, false],
		['draft, astro dev', true, '2025-07-01', true, true],
		['scheduled, astro dev', false, '2026-01-01', true, true],
	])('%s → %s', (_, draft, date, preview, visible) =>
		expect(isVisible({ draft, pubDate: at(date) }, NOW, preview)).toBe(visible),
	);
});

describe('buildNow', () => {
	test('BLOG_NOW fixes the build date', () => {
		expect(buildNow({ BLOG_NOW: '2025-08-01T12:00:00+03:00' }).toISOString()).toBe(
			'2025-08-01T09:00:00.000Z',
		);
	});

	test('without BLOG_NOW it is the clock', () => {
		const before = Date.now();
		const now = buildNow({}).getTime();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
	});

	test('a BLOG_NOW that is not a date stops the build', () => {
		expect(() => buildNow({ BLOG_NOW: 'завтра' })).toThrow('BLOG_NOW is not a date: завтра');
	});
});
