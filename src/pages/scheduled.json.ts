import type { APIRoute } from 'astro';
import { getBlog } from '../data/posts.ts';
import { buildScheduleList } from '../lib/content/scheduled-publishing.ts';

/**
 * The publication times of the posts this build left out as scheduled, and the build's own time:
 * what the hourly scheduled function reads to know when a new build would publish something.
 */
export const GET: APIRoute = async () => {
	const { scheduledTimes, now } = await getBlog();
	return new Response(JSON.stringify(buildScheduleList(scheduledTimes, now)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
