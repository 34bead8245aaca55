import { SITE } from '../site.ts';

/** URL schemes that run code when followed; never allowed in a post. */
export const SCRIPT_SCHEMES = /^\s*(?:javascript|vbscript|data\s*:\s*text\/html)/i;

/** Elements a post's raw HTML may not carry: removed from the page, reported by the check. */
export const BLOCKED_ELEMENTS: ReadonlySet<string> = new Set([
	'script',
	'style',
	'meta',
	'base',
	'object',
	'embed',
]);

/** Whether an href would run script (`javascript:`, `vbscript:`, `data:text/html`). */
export function isScriptUrl(href: string): boolean {
	// Browsers ignore control characters and whitespace inside the scheme.
	// eslint-disable-next-line no-control-regex -- matching control characters is the point here
	const compact = href.replace(/[\u0000-\u001f\u007f\s]+/g, '');
	return SCRIPT_SCHEMES.test(compact) || /^(?:javascript|vbscript):/i.test(compact);
}

/** Whether a link leaves the site (absolute http(s) on another host). */
export function isExternalUrl(href: string, siteUrl: string = SITE.url): boolean {
	if (!/^(?:https?:)?\/\//i.test(href.trim())) return false;
	try {
		return new URL(href.trim(), siteUrl).host !== new URL(siteUrl).host;
	} catch {
		return false;
	}
}

/** rel tokens for an external link: the editor's tokens (nofollow…) kept, noopener added. */
export function externalRel(existing: string | readonly string[] | undefined): string[] {
	const tokens = (typeof existing === 'string' ? existing.split(/\s+/) : [...(existing ?? [])])
		.map((token) => token.trim().toLowerCase())
		.filter(Boolean);
	if (!tokens.includes('noopener')) tokens.push('noopener');
	return [...new Set(tokens)];
}
