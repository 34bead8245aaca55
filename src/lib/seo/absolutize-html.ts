/*
 * Feed readers show an article away from the site, so every URL in its HTML must be absolute:
 * `/blog/x/`, `../x/`, `#section` and `//host/x` all resolve against the article's own URL.
 * It reads start tags and their attributes with regular expressions, which is enough for the HTML
 * the Markdown renderer writes, and needs no DOM.
 */

/** Attributes that hold one URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'action', 'formaction']);

/** One attribute: its name, then its value in double, single or no quotes. */
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/gy;

/** A start tag: its name, its attributes (quoted values may contain `>`) and its end. */
const START_TAG =
	/<([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)(\s*\/?>)/gi;

/** Scheme at the start of a URL (https:, mailto:, tel:, data:…). */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	quot: '"',
	apos: "'",
	lt: '<',
	gt: '>',
	nbsp: '\u00a0',
};

/** Decodes the character references an attribute value may hold. */
export function decodeAttribute(value: string): string {
	return value.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (match, dec, hex, name) => {
		if (dec) return String.fromCodePoint(Number(dec));
		if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
		return NAMED_ENTITIES[String(name).toLowerCase()] ?? match;
	});
}

/** Escapes a value for a double-quoted attribute. */
export const escapeAttribute = (value: string): string =>
	value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One URL made absolute against `base`; URLs with a scheme and unparsable ones stay as they are. */
export function absolutizeUrl(url: string, base: string): string {
	const trimmed = url.trim();
	if (trimmed === '' || SCHEME.test(trimmed)) return url;
	try {
		return new URL(trimmed, base).href;
	} catch {
		return url;
	}
}

/** Each candidate of a srcset (`a.jpg 640w, b.jpg 2x`) made absolute. */
export function absolutizeSrcset(srcset: string, base: string): string {
	const candidates: string[] = [];
	let i = 0;
	while (i < srcset.length) {
		while (i < srcset.length && /[\s,]/.test(srcset.charAt(i))) i++;
		if (i >= srcset.length) break;
		// The URL runs to the next whitespace (it may contain commas, but not end with one).
		let end = i;
		while (end < srcset.length && !/\s/.test(srcset.charAt(end))) end++;
		let url = srcset.slice(i, end);
		let descriptor = '';
		if (/,$/.test(url)) url = url.replace(/,+$/, '');
		else {
			const comma = srcset.indexOf(',', end);
			const stop = comma === -1 ? srcset.length : comma;
			descriptor = srcset.slice(end, stop).trim();
			end = stop;
		}
		const absolute = absolutizeUrl(url, base);
		candidates.push(descriptor ? `${absolute} ${descriptor}` : absolute);
		i = end;
	}
	return candidates.join(', ');
}

/** The attributes of one start tag with their URLs made absolute. */
function absolutizeAttributes(attributes: string, base: string): string {
	let out = '';
	ATTRIBUTE.lastIndex = 0;
	for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
		const [source, rawName = '', dq, sq, bare] = match;
		const name = rawName.toLowerCase();
		const value = dq ?? sq ?? bare;
		if (value === undefined || (name !== 'srcset' && !URL_ATTRIBUTES.has(name))) {
			out += source;
			continue;
		}
		const raw = decodeAttribute(value);
		const absolute = name === 'srcset' ? absolutizeSrcset(raw, base) : absolutizeUrl(raw, base);
		out += absolute === raw ? source : ` ${rawName}="${escapeAttribute(absolute)}"`;
	}
	return out;
}

/** Rewrites every href, src and srcset (and poster, cite, action) URL in `html` against `base`. */
export const absolutizeHtml = (html: string, base: string): string =>
	html.replace(
		START_TAG,
		(_tag, name: string, attributes: string, close: string) =>
			`<${name}${absolutizeAttributes(attributes, base)}${close}`,
	);

/** Astro's marker for a Markdown image it optimises at render time: `__ASTRO_IMAGE_="{json}"`. */
const IMAGE_MARKER = /<img\b[^>]*?\s__ASTRO_IMAGE_="([^"]*)"[^>]*>/g;

/**
 * Replaces Astro's image markers in stored, not yet rendered HTML. A remote image becomes a plain
 * <img> with its URL and alt text; a local one is dropped, because its optimised file only exists
 * once Astro renders the page and a feed must not point at the source file.
 */
export function resolveImageMarkers(html: string): string {
	return html.replace(IMAGE_MARKER, (_tag, json: string) => {
		let image: { src?: unknown; alt?: unknown };
		try {
			image = JSON.parse(decodeAttribute(json)) as typeof image;
		} catch {
			return '';
		}
		if (typeof image.src !== 'string' || !/^https?:\/\//i.test(image.src)) return '';
		const alt = typeof image.alt === 'string' ? image.alt : '';
		return `<img src="${escapeAttribute(image.src)}" alt="${escapeAttribute(alt)}">`;
	});
}

/** A heading's anchor link as the Markdown pipeline writes it (it holds one `<span>#</span>`). */
const HEADING_ANCHOR =
	/<a\s+class="heading-anchor"(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*\s*>[\s\S]*?<\/a>/g;

/** The wrapper around a heading and its anchor, once the anchor is gone. */
const HEADING_WRAPPER = /<div class="heading heading--h[1-6]">(<(h[1-6])\b[^]*?<\/\2>)<\/div>/g;

/** Attributes only the site's own pages use: the search's `data-search-*`. */
const PAGE_ONLY_ATTRIBUTE = /^data-search-/i;

/**
 * The article without what only its page on the site needs: heading anchor links (a feed reader
 * would show a bare «#» after every heading), their wrappers, and `data-search-*` attributes.
 */
export function withoutPageMarkup(html: string): string {
	return html
		.replace(HEADING_ANCHOR, '')
		.replace(HEADING_WRAPPER, '$1')
		.replace(START_TAG, (tag, name: string, attributes: string, close: string) => {
			if (!/data-search-/i.test(attributes)) return tag;
			let kept = '';
			ATTRIBUTE.lastIndex = 0;
			for (let match = ATTRIBUTE.exec(attributes); match; match = ATTRIBUTE.exec(attributes)) {
				if (!PAGE_ONLY_ATTRIBUTE.test(match[1] ?? '')) kept += match[0];
			}
			return `<${name}${kept}${close}`;
		});
}

/** The article HTML for a feed: page-only markup removed, image markers resolved, URLs absolute. */
export const feedHtml = (html: string, pageUrl: string): string =>
	absolutizeHtml(resolveImageMarkers(withoutPageMarkup(html)), pageUrl);
