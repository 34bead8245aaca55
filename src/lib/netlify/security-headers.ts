import { SITE } from '../../site.ts';

/** CSP directives in the order they are written; an empty list is a bare directive. */
export type CspDirectives = ReadonlyArray<readonly [name: string, sources: readonly string[]]>;

/**
 * What the site loads, and nothing more. Pages are static HTML with one external stylesheet
 * (inlineStylesheets: 'never'), so styles need no 'unsafe-inline'; the only <script> in the HTML
 * is JSON-LD, a data block that browsers never execute. Scripts are bundled modules in /_astro/;
 * the search page's script fetches the search index's JSON files from the site (connect-src).
 * Images are the site's own, data: URIs, and the remote hosts in SITE.imageOrigins.
 */
export function buildCspDirectives(
	imageOrigins: readonly string[] = SITE.imageOrigins,
): CspDirectives {
	return [
		['default-src', ["'self'"]],
		['img-src', ["'self'", ...imageOrigins, 'data:']],
		['script-src', ["'self'"]],
		['style-src', ["'self'"]],
		['connect-src', ["'self'"]],
		['font-src', ["'self'"]],
		['frame-ancestors', ["'none'"]],
		['base-uri', ["'self'"]],
		['form-action', ["'self'"]],
		['object-src', ["'none'"]],
		['upgrade-insecure-requests', []],
	];
}

/**
 * The editor at /admin/ (Decap CMS) and nothing more: its bundle is a file of the site, but it
 * validates its configuration with Ajv, which compiles validators with `new Function`
 * ('unsafe-eval'); its React components style themselves with <style> elements ('unsafe-inline'
 * styles); it talks to GitHub's API (connect-src), reads back pictures uploaded in the editor
 * (blob: in connect-src) and shows the user's GitHub avatar, the
 * posts' hero images and the files an editor picks (blob:, data:). The Netlify OAuth login runs
 * in a popup window, which CSP does not govern. Tested in the browser while editing
 * (tests/browser/cms.test.ts).
 */
export function buildAdminCspDirectives(
	imageOrigins: readonly string[] = SITE.imageOrigins,
): CspDirectives {
	return [
		['default-src', ["'self'"]],
		[
			'img-src',
			["'self'", ...imageOrigins, 'https://avatars.githubusercontent.com', 'data:', 'blob:'],
		],
		['script-src', ["'self'", "'unsafe-eval'"]],
		['style-src', ["'self'", "'unsafe-inline'"]],
		// blob:: the CMS reads back a picture uploaded in the editor to keep it in the local draft.
		['connect-src', ["'self'", 'https://api.github.com', 'blob:']],
		['font-src', ["'self'"]],
		['frame-ancestors', ["'none'"]],
		['base-uri', ["'self'"]],
		['form-action', ["'self'"]],
		['object-src', ["'none'"]],
	];
}

/**
 * Whether the CSP's img-src lets a page show an image URL: site paths and data: URIs always, a
 * remote URL when its origin is listed (http:// counts as https://, as the site upgrades it).
 */
export function isImageAllowed(
	url: string,
	imageOrigins: readonly string[] = SITE.imageOrigins,
): boolean {
	const trimmed = url.trim();
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
	if (scheme === 'data') return true;
	if (scheme === undefined && !trimmed.startsWith('//')) return true;
	if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') return false;
	const { origin } = new URL(trimmed.replace(/^(?:https?:)?\/\//i, 'https://'));
	return imageOrigins.includes(origin);
}

/** The origin of an absolute or protocol-relative http(s) URL, else undefined. */
export function urlOrigin(url: string): string | undefined {
	const trimmed = url.trim();
	if (!/^(?:https?:)?\/\//i.test(trimmed)) return undefined;
	try {
		return new URL(trimmed.replace(/^(?:https?:)?\/\//i, 'https://')).origin;
	} catch {
		return undefined;
	}
}

/** The sources a directive falls back to when the policy does not set it (CSP Level 3). */
const FALLBACKS: Readonly<Record<string, readonly string[]>> = {
	'frame-src': ['frame-src', 'child-src', 'default-src'],
};

/** The directive that decides `name` (itself or its fallback) and its sources. */
export function effectiveDirective(
	name: string,
	directives: CspDirectives = buildCspDirectives(),
): { name: string; sources: readonly string[] } {
	for (const candidate of FALLBACKS[name] ?? [name, 'default-src']) {
		const found = directives.find(([directive]) => directive === candidate);
		if (found) return { name: found[0], sources: found[1] };
	}
	return { name, sources: [] };
}

/**
 * Whether the CSP lets a page embed a frame from `url`: the site's own pages when the policy
 * allows 'self', another origin only when frame-src (or what it falls back to) lists it.
 */
export function isFrameAllowed(
	url: string,
	directives: CspDirectives = buildCspDirectives(),
	siteUrl: string = SITE.url,
): boolean {
	const { sources } = effectiveDirective('frame-src', directives);
	const trimmed = url.trim();
	const scheme = /^([a-z][a-z\d+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
	const origin = urlOrigin(trimmed);
	if (origin === undefined) {
		return scheme === undefined && sources.includes("'self'");
	}
	if (origin === new URL(siteUrl).origin && sources.includes("'self'")) return true;
	return sources.includes(origin) || sources.includes('https:');
}

/**
 * Vite's `build.assetsInlineLimit` for the site: never inline a script. Astro inlines small
 * scripts that import nothing into the page, where script-src 'self' would block them; other
 * assets keep Vite's default limit.
 */
export const keepScriptsExternal = (filePath: string): false | undefined =>
	/\.[cm]?[jt]sx?$/.test(filePath) ? false : undefined;

/** Writes directives as a Content-Security-Policy header value. */
export const serializeCsp = (directives: CspDirectives): string =>
	directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/** Parses a Content-Security-Policy value back into directives (for tests and checks). */
export const parseCsp = (value: string): CspDirectives =>
	value
		.split(';')
		.map((part) => part.trim().split(/\s+/))
		.flatMap(([name, ...sources]) => (name ? [[name, sources] as const] : []));

/**
 * Browser features the site never uses, all denied to the page and to anything it embeds.
 * clipboard-write and web-share stay allowed for the share links.
 */
export const DENIED_FEATURES = [
	'accelerometer',
	'autoplay',
	'browsing-topics',
	'camera',
	'display-capture',
	'encrypted-media',
	'geolocation',
	'gyroscope',
	'hid',
	'interest-cohort',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking',
] as const;

/** The Permissions-Policy value that denies every feature in DENIED_FEATURES. */
export const permissionsPolicy = (features: readonly string[] = DENIED_FEATURES): string =>
	features.map((feature) => `${feature}=()`).join(', ');

/** HSTS max-age: two years (the preload list asks for at least one). */
export const HSTS_MAX_AGE = 63_072_000;

/** The security headers of the editor's page, /admin/: the same, with the editor's CSP. */
export const adminSecurityHeaders = (
	imageOrigins: readonly string[] = SITE.imageOrigins,
): Record<string, string> => ({
	...securityHeaders(imageOrigins),
	'Content-Security-Policy': serializeCsp(buildAdminCspDirectives(imageOrigins)),
});

/** The security headers every response carries (the editor's page has its own CSP). */
export function securityHeaders(
	imageOrigins: readonly string[] = SITE.imageOrigins,
): Record<string, string> {
	return {
		'Content-Security-Policy': serializeCsp(buildCspDirectives(imageOrigins)),
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'Permissions-Policy': permissionsPolicy(),
		'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE}; includeSubDomains; preload`,
		// Browsers that predate CSP frame-ancestors still honour this one.
		'X-Frame-Options': 'DENY',
	};
}
