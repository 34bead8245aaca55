import { defineHastPlugin, type HastContent } from 'satteri';
import { FOOTNOTES_LABEL_ID } from '../lib/footnotes.ts';
import { anchorLabel, createHeadingIds } from '../lib/heading-ids.ts';
import { BLOCKED_ELEMENTS, externalRel, isExternalUrl, isScriptUrl } from '../lib/links.ts';
import { withTrailingSlash } from '../lib/trailing-slash.ts';
import { typeset } from '../lib/typography.ts';
import { SITE } from '../site.ts';

/** Elements whose text is code and keeps its characters exactly. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

/**
 * Makes links safe: external links get rel="noopener" (an editor's nofollow is kept), a script
 * URL loses its href, and a link to a page of the site gets its trailing slash. The content check reports script URLs as errors; this is the
 * second line of defence.
 */
export const safeLinks = defineHastPlugin({
	name: 'butlerspb-safe-links',
	element: {
		filter: ['a'],
		visit(node, ctx) {
			const href = node.properties?.['href'];
			if (typeof href !== 'string') return;
			if (isScriptUrl(href)) {
				ctx.setProperty(node, 'href', undefined);
				return;
			}
			if (isExternalUrl(href)) {
				ctx.setProperty(node, 'rel', externalRel(node.properties?.['rel'] as string | string[]));
				return;
			}
			// Every page URL of the site ends in `/` (the check warns the editor about it).
			const fixed = withTrailingSlash(href, SITE.url);
			if (fixed !== href) ctx.setProperty(node, 'href', fixed);
		},
	},
});

/**
 * Drops what raw HTML might carry and the site's Content-Security-Policy blocks or the page must
 * not take from a post: <script>, <style>, <meta> (http-equiv refresh or CSP), <base>, <object>
 * and <embed> elements (BLOCKED_ELEMENTS), inline event handlers (onclick=…) and inline styles
 * (style=…, blocked by style-src 'self'). The content check reports each to the editor; the page
 * then holds nothing the browser would refuse.
 */
export const stripBlockedMarkup = defineHastPlugin({
	name: 'butlerspb-strip-blocked-markup',
	element: {
		filter: [],
		visit(node, ctx) {
			if (BLOCKED_ELEMENTS.has(node.tagName)) {
				const index = ctx.indexOf(node);
				const parent = ctx.parent(node);
				if (parent && index !== undefined) ctx.removeChildAt(parent, index);
				return;
			}
			for (const key of Object.keys(node.properties ?? {})) {
				if (/^on/i.test(key) || key === 'style') ctx.setProperty(node, key, undefined);
			}
		},
	},
});

type HastContext = Parameters<NonNullable<Parameters<typeof defineHastPlugin>[0]['text']>>[1];
type HastParent = NonNullable<ReturnType<HastContext['parent']>>;

/*
 * Whether an element is verbatim or inside one, remembered per element: the visitor gives the
 * same object for the same parent within a pass, and walking up from every text node again
 * (each step crosses into the Rust tree) cost more than the typography itself.
 */
const verbatim = new WeakMap<HastParent, boolean>();
function isVerbatim(parent: HastParent | undefined, ctx: HastContext): boolean {
	if (!parent || parent.type === 'root') return false;
	let known = verbatim.get(parent);
	if (known === undefined) {
		known =
			(parent.type === 'element' && VERBATIM.has(parent.tagName)) ||
			isVerbatim(ctx.parent(parent), ctx);
		verbatim.set(parent, known);
	}
	return known;
}

/** Russian quotes and no-break spaces in prose text, never inside code. */
export const russianTypography = defineHastPlugin({
	name: 'butlerspb-typography',
	text(node, ctx) {
		const value = typeset(node.value);
		if (value === node.value || isVerbatim(ctx.parent(node), ctx)) return undefined;
		return { type: 'text', value };
	},
});

/** Headings that get a visible anchor link (the sections and subsections a reader links to). */
const ANCHORED = new Set(['h2', 'h3']);

/**
 * Gives every heading an id (Latin, unique in the post) and each h2/h3 an anchor link to itself.
 * It must run before Astro's own heading-id pass, which keeps an id that is already there and
 * reads the heading's text for the table of contents: the anchor therefore sits beside the
 * heading, in a wrapper, never inside it, so neither the TOC nor the heading's accessible name
 * picks up the link. It also runs before the typography plugin, so ids come from the text as
 * written (no no-break spaces). A factory: the set of used ids is per document.
 */
export const headingAnchors = () => {
	const ids = createHeadingIds();
	return defineHastPlugin({
		name: 'butlerspb-heading-anchors',
		element: {
			filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
			visit(node, ctx) {
				const existing = node.properties?.['id'];
				// The footnotes' own heading is hidden, keeps its id and gets no anchor.
				if (existing === FOOTNOTES_LABEL_ID) return;
				const text = ctx.textContent(node);
				const id = ids.next(text, typeof existing === 'string' ? existing : undefined);
				if (id !== existing) ctx.setProperty(node, 'id', id);
				if (!ANCHORED.has(node.tagName)) return;
				const anchor: HastContent = {
					type: 'element',
					tagName: 'a',
					properties: {
						className: ['heading-anchor'],
						href: `#${id}`,
						ariaLabel: anchorLabel(text),
						dataPagefindIgnore: '',
					},
					children: [
						{
							type: 'element',
							tagName: 'span',
							properties: { ariaHidden: 'true' },
							children: [{ type: 'text', value: '#' }],
						},
					],
				};
				ctx.wrapNode(node, {
					type: 'element',
					tagName: 'div',
					properties: { className: ['heading', `heading--${node.tagName}`] },
					children: [anchor],
				});
			},
		},
	});
};
