import { SITE } from '../../site.ts';

const longDate = new Intl.DateTimeFormat(SITE.locale, {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: SITE.timeZone,
});

/**
 * Formats a date the Russian way in Moscow time: «25 июля 2025». Intl adds « г.» after the year;
 * the site's typography drops it, as Russian editorial style does in running dates.
 */
export function formatDate(date: Date): string {
	return longDate.format(date).replace(/\s?г\.$/, '');
}

/** ISO 8601 with the Moscow offset, for `<time datetime>`, JSON-LD and Open Graph. */
export function toIsoWithOffset(date: Date, offset: string = SITE.utcOffset): string {
	const sign = offset.startsWith('-') ? -1 : 1;
	const [hours = 0, minutes = 0] = offset.slice(1).split(':').map(Number);
	const shifted = new Date(date.getTime() + sign * (hours * 60 + minutes) * 60_000);
	return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

/** ISO date (YYYY-MM-DD) or date-time with an optional zone, as editors write it. */
export const ISO_DATE_PATTERN =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Parses an editor's date. A date or date-time without a zone is read as Moscow time (a date
 * alone is 00:00 Moscow time, not midnight UTC), so that the result does not depend on the build
 * machine's zone. Returns `undefined` for anything that is not a real ISO 8601 date (including
 * 2025-02-30).
 */
export function parseEditorDate(value: string | Date): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	const text = value.trim();
	const match = ISO_DATE_PATTERN.exec(text);
	if (!match) return undefined;
	const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
	const check = new Date(Date.UTC(year, month - 1, day));
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined;
	if (check.getUTCDate() !== day) return undefined;
	const local = text.length > 10 ? text.replace(' ', 'T') : `${text}T00:00`;
	const iso = match[1] ? local : `${local}${SITE.utcOffset}`;
	const date = new Date(iso);
	return Number.isNaN(date.getTime()) ? undefined : date;
}
