/*
 * The build's speed-ups that can be turned off one by one, so the benchmark can measure what each
 * one saves (`npm run bench -- --ablate`). Turned off, a mechanism gives way to the plain way of
 * doing the same work; the site built is byte for byte the same (tests/dist/mechanisms-off.test.ts).
 */

/** The mechanisms, by the name `BLOG_MECHANISMS_OFF` lists them with, and what "off" means. */
export const MECHANISMS = {
	/** Article Markdown rendered ahead in worker threads; off: each page renders its own post. */
	'markdown-pool': 'the Markdown worker pool',
	/** The posts loader stores word counts, not bodies; off: bodies and HTML, as glob() does. */
	'lean-loader': 'the lean posts loader',
	/** Cached pages hard-linked into the output; off: Astro copies them itself. */
	'page-links': 'cached-page hard links',
	/** The content check in a worker thread with its cache; off: on the main thread, no cache. */
	'check-worker': 'the content-check worker and cache',
	/** The search index built in a worker thread; off: on the main thread at the build's end. */
	'search-worker': 'the search-index worker',
} as const;

/** A mechanism's name. */
export type Mechanism = keyof typeof MECHANISMS;

/** Every mechanism, in the order the benchmark's table lists them. */
export const MECHANISM_NAMES = Object.keys(MECHANISMS) as Mechanism[];

/** The environment variable that lists the mechanisms to turn off, separated by commas. */
export const MECHANISMS_OFF_ENV = 'BLOG_MECHANISMS_OFF';

const isMechanism = (name: string): name is Mechanism => Object.hasOwn(MECHANISMS, name);

/**
 * The mechanisms a `BLOG_MECHANISMS_OFF` value turns off (none when unset or empty). Names are
 * separated by commas, with or without spaces; an unknown name throws, in Russian and English.
 */
export function parseMechanismsOff(value: string | undefined): ReadonlySet<Mechanism> {
	const names = (value ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter((name) => name !== '');
	const unknown = names.filter((name) => !isMechanism(name));
	if (unknown.length > 0) {
		const list = unknown.map((name) => `«${name}»`).join(', ');
		const known = MECHANISM_NAMES.join(', ');
		throw new Error(
			`${MECHANISMS_OFF_ENV}: неизвестный механизм сборки ${list}; допустимые имена: ${known}.\n` +
				`${MECHANISMS_OFF_ENV}: unknown build mechanism ${list}; known names: ${known}.`,
		);
	}
	return new Set(names.filter(isMechanism));
}

/** Whether `mechanism` is on in an environment (callers pass the process environment). */
export const mechanismOn = (
	env: Readonly<Record<string, string | undefined>>,
	mechanism: Mechanism,
): boolean => !parseMechanismsOff(env[MECHANISMS_OFF_ENV]).has(mechanism);
