import { SITE } from '../../site.ts';
import { slugFromFileName } from '../content/content-dir.ts';
import { postPath } from '../site/urls.ts';

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

/** A relative link to a post file: its folder (optional), name, extension, then `?…`/`#…`. */
const POST_FILE_LINK =
	/^(?![a-z][a-z\d+.-]*:|\/|#|\?)(?:[^?#]*\/)?([^/?#]+\.(?:md|mdx|markdown))([?#].*)?$/i;

/**
 * A link to another post by its file (`servisnyy-podhod.md`, `./x.md`, `../blog/x.md#razdel`),
 * as editors write it in their text editor: the post's slug and its URL on the site, with the
 * fragment kept. Posts are published by file name whatever folder they are in.
 */
export function postFileLink(
	href: string,
): { slug: string; file: string; url: string } | undefined {
	const match = POST_FILE_LINK.exec(href.trim());
	if (!match?.[1]) return undefined;
	let file = match[1];
	try {
		file = decodeURIComponent(file);
	} catch {
		// A malformed %-escape: the name as written.
	}
	const slug = slugFromFileName(file);
	return { slug, file, url: `${postPath(slug)}${match[2] ?? ''}` };
}
