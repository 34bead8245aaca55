import type { PathHeaders } from './netlify-path.ts';
import { SCHEDULE_PATH } from './scheduled-publishing.ts';
import { adminSecurityHeaders, securityHeaders } from './security-headers.ts';

/** One `[[headers]]` table of netlify.toml, with the reason it exists. */
export interface HeaderRule extends PathHeaders {
	/** Written above the rule in netlify.toml as a comment. */
	why?: string;
}

/** Content-hashed files: a new build gives them new names, so they never change. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/** Files whose URL stays the same across deploys: the browser asks again every time (304s). */
export const CACHE_REVALIDATE = 'public, max-age=0, must-revalidate';

/** `for` patterns of every HTML page the site builds (a dist test checks each page is covered). */
export const HTML_PATTERNS = ['/', '/404.html', '/blog/*', '/tags/*', '/page/:page', '/search/'];

/** Feeds and crawler files: fixed URLs whose content changes with every new post. */
export const FEED_PATTERNS = ['/rss.xml', '/sitemap*.xml', '/robots.txt'];

/** The scheduled posts' times (src/lib/scheduled-publishing.ts): a fixed URL, new with every build. */
export const SCHEDULE_PATTERNS = [SCHEDULE_PATH];

/**
 * The search index (src/lib/search-engine.ts): its chunks (`t/<content hash>.json`) and the
 * folder of its article files (`d-<hash>/`, renamed whenever any article's file changes) are
 * named after their content.
 */
export const SEARCH_INDEX_HASHED_PATTERNS = ['/search-index/t/*', '/search-index/d-*'];

/** The search index's entry point: a fixed name that points at the current hashed files. */
export const SEARCH_INDEX_FIXED_PATTERNS = ['/search-index/manifest.json'];

/** The editor's page (Decap CMS): the only document with its own Content-Security-Policy. */
export const ADMIN_DOCUMENT = '/admin/';

/** The editor's other files (bundle, config.yml): never indexed, always revalidated. */
export const ADMIN_PATTERNS = ['/admin/*'];

/**
 * Where the site's CSP applies: every path but the editor's page. A header from two rules may
 * reach the browser as both values joined (two policies, both enforced), so the site's CSP cannot
 * sit on `/*` under an override for /admin/. These patterns cover the site's top-level folders
 * and files (a dist test fails for a new one that none covers) and every path two or more
 * segments deep; a 404 for an unknown top-level path such as /foo/ gets the other security
 * headers but no CSP (the 404 page has no script).
 */
export const SITE_CSP_PATTERNS = [
	'/',
	'/:section/:page/*',
	'/404.html',
	'/search/',
	'/tags/',
	'/rss.xml',
	// robots.txt and IndexNow's key file (/<key>.txt, README "IndexNow").
	'/*.txt',
	'/search-words.json',
	...SCHEDULE_PATTERNS,
	'/sitemap*.xml',
	'/favicon*',
	'/logo.png',
	'/og-default.png',
];

const CSP = 'Content-Security-Policy';

const cacheRules = (patterns: readonly string[], value: string, why: string): HeaderRule[] =>
	patterns.map((pattern, index) => ({
		for: pattern,
		values: { 'Cache-Control': value },
		...(index === 0 ? { why } : {}),
	}));

/**
 * Every header rule of the site, in the order netlify.toml lists them. Cache-Control is set by
 * path, never on `/*`: a path that two rules match could get both values (see
 * `overlappingHeaders`), and Netlify's own default for the rest is already to revalidate.
 */
export function buildHeaderRules(imageOrigins?: readonly string[]): HeaderRule[] {
	return [
		{
			for: '/*',
			values: Object.fromEntries(
				Object.entries(securityHeaders(imageOrigins)).filter(([name]) => name !== CSP),
			),
			why: 'Security headers on every response; the CSP comes from the rules below. See src/lib/security-headers.ts.',
		},
		...SITE_CSP_PATTERNS.map((pattern, index) => ({
			for: pattern,
			values: { [CSP]: securityHeaders(imageOrigins)[CSP] ?? '' },
			...(index === 0
				? {
						why: 'The CSP allows what the site uses and nothing else, on every path but the editor (/admin/), which has its own: see SITE_CSP_PATTERNS in src/lib/netlify-headers.ts.',
					}
				: {}),
		})),
		{
			for: ADMIN_DOCUMENT,
			values: {
				[CSP]: adminSecurityHeaders(imageOrigins)[CSP] ?? '',
				'X-Robots-Tag': 'noindex',
			},
			why: 'The editor (Decap CMS) needs more than the site: see buildAdminCspDirectives().',
		},
		...cacheRules(
			ADMIN_PATTERNS,
			CACHE_REVALIDATE,
			'The editor: its page, bundle and config.yml keep their URLs: always revalidate.',
		),
		...cacheRules(
			['/_astro/*'],
			CACHE_IMMUTABLE,
			'Astro names the CSS, JS and images it emits after their content: cache them for a year.',
		),
		...cacheRules(
			HTML_PATTERNS,
			CACHE_REVALIDATE,
			'HTML pages keep their URLs and point at the current hashed assets: always revalidate.',
		),
		...cacheRules(
			FEED_PATTERNS,
			CACHE_REVALIDATE,
			'Feeds, sitemaps and robots.txt change with every new post: always revalidate.',
		),
		...cacheRules(
			SCHEDULE_PATTERNS,
			CACHE_REVALIDATE,
			'The times of scheduled posts, read every hour by the scheduled function (netlify/functions/scheduled-publish.ts), change with every build: always revalidate.',
		),
		...cacheRules(
			SEARCH_INDEX_HASHED_PATTERNS,
			CACHE_IMMUTABLE,
			'The search index chunks (t/) and article files (d-<hash>/) are named by content hash: cache for a year.',
		),
		...cacheRules(
			SEARCH_INDEX_FIXED_PATTERNS,
			CACHE_REVALIDATE,
			[
				"The search index's manifest keeps its name and points at the current build's chunks and",
				'article files: always revalidate (one 304 per visit to the search page).',
			].join(' '),
		),
	];
}

/** A TOML basic string (JSON string escapes are valid TOML). */
const tomlString = (text: string): string => JSON.stringify(text);

/** Wraps a comment into `# ` lines no wider than `width`. */
export function tomlComment(text: string, width = 100): string[] {
	const lines: string[] = [];
	let line = '#';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line !== '#' && line.length + 1 + word.length > width) {
			lines.push(line);
			line = '#';
		}
		line += ` ${word}`;
	}
	if (line !== '#') lines.push(line);
	return lines;
}

/** Renders header rules as netlify.toml `[[headers]]` tables. */
export function renderHeadersToml(rules: readonly HeaderRule[]): string {
	return rules
		.map((rule) =>
			[
				...(rule.why ? tomlComment(rule.why) : []),
				'[[headers]]',
				`  for = ${tomlString(rule.for)}`,
				'  [headers.values]',
				...Object.entries(rule.values).map(([name, value]) => `    ${name} = ${tomlString(value)}`),
			].join('\n'),
		)
		.join('\n\n');
}

/** First line of the generated part of netlify.toml. */
export const GENERATED_BEGIN =
	'# BEGIN generated headers: edit src/lib/netlify-headers.ts, then run `npm run netlify:headers`.';

/** Last line of the generated part of netlify.toml. */
export const GENERATED_END = '# END generated headers';

/** The generated block, markers included. */
export const generatedHeadersBlock = (rules: readonly HeaderRule[] = buildHeaderRules()): string =>
	`${GENERATED_BEGIN}\n\n${renderHeadersToml(rules)}\n\n${GENERATED_END}`;

/** The generated block of a netlify.toml text, or `undefined` when its markers are missing. */
export function extractGeneratedBlock(toml: string): string | undefined {
	const begin = toml.indexOf(GENERATED_BEGIN);
	const end = toml.indexOf(GENERATED_END, begin);
	return begin === -1 || end === -1 ? undefined : toml.slice(begin, end + GENERATED_END.length);
}

/** netlify.toml with its generated block replaced (or appended when it has none). */
export function replaceGeneratedBlock(toml: string, block: string): string {
	const current = extractGeneratedBlock(toml);
	if (current !== undefined) return toml.replace(current, () => block);
	return `${toml.trimEnd()}\n\n${block}\n`;
}
