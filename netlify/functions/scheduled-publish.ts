/*
 * Hourly Netlify scheduled function: publishes scheduled posts on time. It reads the list of
 * scheduled times the deployed build published (/scheduled.json) and, when one of them has come
 * since that build, POSTs to the build hook in BUILD_HOOK_URL so Netlify builds and deploys the
 * site again. README.md, "Scheduled publishing", says how to set it up.
 */
import {
	BUILD_HOOK_ENV,
	SCHEDULE_PATH,
	dueTimes,
	hookRequestUrl,
	parseScheduleList,
} from '../../src/lib/content/scheduled-publishing.ts';
import { SITE } from '../../src/site.ts';

/** Netlify reads the schedule from this export (cron in UTC; `@hourly` is minute 0 of each hour). */
export const config = { schedule: '@hourly' };

/** The part of Netlify's Context this function reads. */
interface ScheduleContext {
	site?: { url?: string | undefined } | undefined;
}

/** Each request must finish well within a scheduled function's 30 seconds. */
const REQUEST_TIMEOUT_MS = 10_000;

/** An error's message and its cause's, without the URL (a build hook's URL is a secret). */
function describeError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
	return `${error.name}: ${error.message}${cause}`;
}

/** Logs a failure and answers with it; the next hourly run tries again. */
function fail(status: number, message: string): Response {
	console.error(`scheduled-publish: ${message}`);
	return new Response(message, { status });
}

/** Reads the deployed list of scheduled times. */
async function fetchScheduleList(siteUrl: string) {
	const url = new URL(SCHEDULE_PATH, siteUrl);
	const response = await fetch(url, {
		cache: 'no-store',
		signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
	});
	if (!response.ok) throw new Error(`${url.href} answered ${response.status}`);
	return parseScheduleList(await response.json());
}

/** The scheduled run: one build hook request when a scheduled post is due, none otherwise. */
export default async function scheduledPublish(
	_request?: Request,
	context?: ScheduleContext,
): Promise<Response> {
	const hook = process.env[BUILD_HOOK_ENV]?.trim();
	if (!hook)
		return fail(
			500,
			`${BUILD_HOOK_ENV} is not set: create a build hook in Netlify (Project configuration → Build & deploy → Build hooks) and set its URL as the environment variable ${BUILD_HOOK_ENV} with the Functions scope.`,
		);
	if (!URL.canParse(hook)) return fail(500, `${BUILD_HOOK_ENV} is not a URL.`);

	const siteUrl = context?.site?.url || SITE.url;
	let list;
	try {
		list = await fetchScheduleList(siteUrl);
	} catch (error) {
		return fail(502, `could not read ${SCHEDULE_PATH}: ${describeError(error)}`);
	}

	const now = new Date();
	const due = dueTimes(list.scheduled, list.builtAt, now);
	if (due.length === 0) {
		console.log(
			`scheduled-publish: nothing due (deployed build of ${list.builtAt.toISOString()}, ${list.scheduled.length} scheduled)`,
		);
		return new Response('nothing due', { status: 200 });
	}

	const times = due.map((time) => time.toISOString()).join(', ');
	try {
		const response = await fetch(hookRequestUrl(hook, due), {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: '{}',
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
		if (!response.ok)
			return fail(502, `the build hook answered ${response.status} (due: ${times})`);
	} catch (error) {
		return fail(502, `the build hook request failed: ${describeError(error)} (due: ${times})`);
	}
	console.log(`scheduled-publish: build triggered for ${times}`);
	return new Response(`build triggered for ${times}`, { status: 202 });
}
