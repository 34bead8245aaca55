/** The fields that decide whether a post is visible. */
export interface PublishState {
	draft: boolean;
	pubDate: Date;
}

/** Why a post is not public yet, or `undefined` when it is. */
export type Unpublished = 'draft' | 'scheduled';

/** Whether a post is a draft or scheduled for later than `now`. */
export function unpublishedReason(post: PublishState, now: Date): Unpublished | undefined {
	if (post.draft) return 'draft';
	if (post.pubDate.getTime() > now.getTime()) return 'scheduled';
	return undefined;
}

/**
 * Production shows only public posts; `astro dev` shows drafts and scheduled posts too, marked,
 * so editors can preview them.
 */
export const isVisible = (post: PublishState, now: Date, preview: boolean): boolean =>
	preview || unpublishedReason(post, now) === undefined;

/** Environment variable set to 'true' under `astro dev` only (src/integrations/preview-mode.ts). */
export const PREVIEW_ENV = 'BLOG_PREVIEW';

/**
 * Whether drafts and scheduled posts are shown: only under `astro dev`. Not Vite's
 * `import.meta.env.DEV`, which is true in any build run with NODE_ENV other than production.
 */
export const isPreview = (env: Readonly<Record<string, string | undefined>>): boolean =>
	env[PREVIEW_ENV] === 'true';

/**
 * The build's notion of "now". `BLOG_NOW` (an ISO date) fixes it, so tests can build the site as
 * of a given day; otherwise it is the clock, which only decides whether scheduled posts are due.
 */
export function buildNow(env: Readonly<Record<string, string | undefined>>): Date {
	const fixed = env['BLOG_NOW'];
	if (!fixed) return new Date();
	const date = new Date(fixed);
	if (Number.isNaN(date.getTime())) throw new Error(`BLOG_NOW is not a date: ${fixed}`);
	return date;
}
