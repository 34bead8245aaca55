import { SITE } from '../../site.ts';
import { parseEditorDate, toIsoWithOffset } from '../content/dates.ts';
import { splitKeywords } from '../content/keywords.ts';

/*
 * What the editor's own widgets (src/client/cms-widgets.ts) decide: how a stored value is shown
 * and what is written back. Pure, so the rules are unit-tested without a browser.
 */

/**
 * The keywords as the editor shows them, one input each. A comma string (what `npm run new` and
 * most posts write) is split as the schema splits it; a YAML list is kept item by item, commas
 * inside an item included, since the schema does not split list items either.
 */
export function keywordItems(value: unknown): string[] {
	if (typeof value === 'string') return splitKeywords(value);
	if (Array.isArray(value))
		return value.map((item) => (typeof item === 'string' ? item : String(item)));
	return [];
}

/** Shape of a `datetime-local` input's value: 2025-09-01T10:00. */
const INPUT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/;

/**
 * A stored date (an ISO string in any zone, a date alone, or the Date a YAML timestamp becomes)
 * as the calendar shows it: Moscow wall-clock time, `YYYY-MM-DDTHH:mm`; '' when there is none.
 */
export function moscowInputValue(value: unknown): string {
	if (!(typeof value === 'string' || value instanceof Date)) return '';
	if (typeof value === 'string' && !value.trim()) return '';
	const date = parseEditorDate(value);
	return date ? toIsoWithOffset(date).slice(0, 16) : '';
}

/**
 * What the calendar writes: the Moscow time picked, with its offset, in the format the posts and
 * `npm run new` use (`2025-09-01T10:00:00+03:00`), whatever the browser's own time zone.
 */
export function dateFromMoscowInput(input: string): string {
	const text = input.trim();
	if (!INPUT_PATTERN.test(text)) return '';
	const seconds = text.length === 16 ? ':00' : '';
	return `${text}${seconds}${SITE.utcOffset}`;
}

/** Now, as the calendar shows it (Moscow time, to the minute). */
export const moscowNowInput = (now: Date): string => toIsoWithOffset(now).slice(0, 16);
