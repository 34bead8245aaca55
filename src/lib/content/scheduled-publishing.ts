/*
 * Scheduled publishing. A production build leaves out posts dated after its "now" and publishes
 * their times at SCHEDULE_PATH; every hour a Netlify scheduled function
 * (netlify/functions/scheduled-publish.ts) reads the deployed list and triggers a build through a
 * build hook once one of those times has come. The list holds times only: no titles, no slugs.
 */

/** Where the build publishes the list, at the site's root. */
export const SCHEDULE_PATH = '/scheduled.json';

/** The environment variable that holds the build hook's URL (Netlify UI, scope Functions). */
export const BUILD_HOOK_ENV = 'BUILD_HOOK_URL';

/** What the build publishes at SCHEDULE_PATH. */
export interface ScheduleList {
	/** The build's "now" (ISO 8601, UTC): it decided which posts were out. */
	builtAt: string;
	/** Publication times of the posts the build left out as scheduled: ISO 8601 UTC, ascending. */
	scheduled: string[];
}

/** The list a build publishes: each distinct time once, ascending, only times after `builtAt`. */
export function buildScheduleList(times: readonly Date[], builtAt: Date): ScheduleList {
	const later = times.map((time) => time.getTime()).filter((time) => time > builtAt.getTime());
	return {
		builtAt: builtAt.toISOString(),
		scheduled: [...new Set(later)]
			.sort((a, b) => a - b)
			.map((time) => new Date(time).toISOString()),
	};
}

/** A date from an ISO text of the list, or undefined when it is not one. */
function isoDate(value: unknown): Date | undefined {
	if (typeof value !== 'string') return undefined;
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The list as dates, read from its parsed JSON. */
export interface ParsedScheduleList {
	builtAt: Date;
	scheduled: Date[];
}

/** Reads a fetched list; throws, naming what is wrong, on anything but the format above. */
export function parseScheduleList(value: unknown): ParsedScheduleList {
	if (typeof value !== 'object' || value === null || Array.isArray(value))
		throw new Error(`${SCHEDULE_PATH} is not a JSON object`);
	const { builtAt, scheduled } = value as Record<string, unknown>;
	const built = isoDate(builtAt);
	if (built === undefined) throw new Error(`${SCHEDULE_PATH}: builtAt is not an ISO date`);
	if (!Array.isArray(scheduled)) throw new Error(`${SCHEDULE_PATH}: scheduled is not a list`);
	const times = scheduled.map((item, index) => {
		const date = isoDate(item);
		if (date === undefined)
			throw new Error(`${SCHEDULE_PATH}: scheduled[${index}] is not an ISO date`);
		return date;
	});
	return { builtAt: built, scheduled: times };
}

/**
 * The scheduled times that have come since the last build: after `lastBuildTime` (that build
 * already had everything up to its own time) and no later than `now`.
 */
export const dueTimes = (scheduledTimes: readonly Date[], lastBuildTime: Date, now: Date): Date[] =>
	scheduledTimes.filter(
		(time) => time.getTime() > lastBuildTime.getTime() && time.getTime() <= now.getTime(),
	);

/** Whether a new build would publish a post the deployed one left out. */
export const isBuildDue = (
	scheduledTimes: readonly Date[],
	lastBuildTime: Date,
	now: Date,
): boolean => dueTimes(scheduledTimes, lastBuildTime, now).length > 0;

/** The build hook's URL with a deploy title that says why it was built (shown in Netlify's list). */
export function hookRequestUrl(hook: string, due: readonly Date[]): URL {
	const url = new URL(hook);
	const first = due[0]?.toISOString() ?? '';
	url.searchParams.set('trigger_title', `Scheduled publication: ${first}`.trim());
	return url;
}
