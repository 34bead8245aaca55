import type { PathHeaders } from './netlify-path.ts';
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

/**
 * The search index (src/lib/search/search-engine.ts): its chunks (`t/<content hash>.json`) and the
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

const CSP = 'Content-Security-Policy';

const cacheRules = (patterns: readonly string[], value: string, why: string): HeaderRule[] =>
	patterns.map((pattern, index) => ({
		for: pattern,
		values: { 'Cache-Control': value },
		...(index === 0 ? { why } : {}),
	}));

/** An entry at the top of the built site: a file (`rss.xml`) or a folder (`blog`). */
export interface TopLevelEntry {
	name: string;
	isFolder: boolean;
	/** Whether the folder holds HTML pages (a folder of pages rather than of assets). */
	hasPages?: boolean;
}

/** Folders whose files keep their own rules in netlify.toml: only the CSP is generated. */
const ASSET_FOLDERS = new Set(['_astro', 'search-index']);
/**
 * Files whose URL stays while their content changes with every build: pages, feeds, crawler
 * files, and data at the root (the scheduled posts' times, the search's word list).
 */
const DOCUMENT_FILE = /\.(?:html|xml|txt|json)$/;

/**
 * The rules of `dist/_headers`, made by the build from what it wrote (a Netlify `_headers` file,
 * read with netlify.toml): the site's CSP on every top-level file and folder but the editor's
 * page (`/admin/`, which has its own), and revalidation on every page, feed and crawler file.
 * Made from the output, so a new page or public file is covered without a list to edit. A
 * header set by two matching rules may reach the browser as both values joined (for the CSP,
 * two policies, both enforced), which is why the CSP cannot sit on `/*` under an override for
 * the editor; each path gets the CSP from one rule here.
 */
export function buildSiteHeaderRules(
	entries: readonly TopLevelEntry[],
	imageOrigins?: readonly string[],
	/** The editor's files besides its page (`admin/<file>`), each covered by name. */
	adminFiles: readonly string[] = [],
): HeaderRule[] {
	const csp = { [CSP]: securityHeaders(imageOrigins)[CSP] ?? '' };
	const rules: HeaderRule[] = [{ for: '/', values: { ...csp, 'Cache-Control': CACHE_REVALIDATE } }];
	const sorted = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
	for (const { name, isFolder, hasPages } of sorted) {
		if (name === 'index.html' || name === '_headers' || name === '_redirects') continue;
		if (isFolder && name === ADMIN_DOCUMENT.replaceAll('/', '')) {
			for (const file of [...adminFiles].sort()) {
				if (file !== 'index.html') rules.push({ for: `${ADMIN_DOCUMENT}${file}`, values: csp });
			}
			continue;
		}
		const revalidate = isFolder
			? hasPages === true && !ASSET_FOLDERS.has(name)
			: DOCUMENT_FILE.test(name);
		const values = revalidate ? { ...csp, 'Cache-Control': CACHE_REVALIDATE } : csp;
		// `/name/*` would also match `/name-other/…` (Netlify makes the slash before `*`
		// optional): a folder gets its index and everything one segment or more below it.
		const patterns = isFolder ? [`/${name}/`, `/${name}/:path/*`] : [`/${name}`];
		for (const pattern of patterns) rules.push({ for: pattern, values });
	}
	return rules;
}

/** Renders header rules as a Netlify `_headers` file. */
export const renderHeadersFile = (rules: readonly HeaderRule[]): string =>
	`${rules
		.map((rule) =>
			[rule.for, ...Object.entries(rule.values).map(([name, value]) => `  ${name}: ${value}`)].join(
				'\n',
			),
		)
		.join('\n')}\n`;

/**
 * Every header rule of netlify.toml, in the order it lists them. Cache-Control is set by
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
			why: 'Security headers on every response. The CSP and the revalidation of pages and feeds come from dist/_headers, which the build writes for every file it makes (src/lib/netlify/netlify-headers.ts, buildSiteHeaderRules).',
		},
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
	'# BEGIN generated headers: edit src/lib/netlify/netlify-headers.ts, then run `npm run netlify:headers`.';

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
