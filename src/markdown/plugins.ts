import { defineHastPlugin, type HastContent } from 'satteri';
import {
	PRINT_URL_CLASS,
	TABLE_REGION_CLASS,
	alignClass,
	isRelatedTitle,
	printsUrl,
	tableLabel,
} from '../lib/text/article-markup.ts';
import { FOOTNOTES_LABEL_ID } from '../lib/text/footnotes.ts';
import { anchorLabel, createHeadingIds } from '../lib/text/heading-ids.ts';
import {
	inlineLocalImageOptions,
	inlineRemoteImage,
	isLocalImagePath,
	positiveSize,
} from '../lib/content/images.ts';
import {
	BLOCKED_ELEMENTS,
	externalRel,
	isExternalUrl,
	isScriptUrl,
	postFileLink,
} from '../lib/text/links.ts';
import { withTrailingSlash } from '../lib/text/trailing-slash.ts';
import { typeset } from '../lib/text/typography.ts';
import { SITE } from '../site.ts';

/** Elements whose text is code and keeps its characters exactly. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

/**
 * Makes links safe: external links get rel="noopener" (an editor's nofollow is kept), a script
 * URL loses its href, a link to another post's file (`x.md`) becomes that post's URL, and a link
 * to a page of the site gets its trailing slash. The content check reports script URLs as errors; this is the
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
			// A link to another post's file (`x.md`) is a link to that post's page.
			const post = postFileLink(href);
			if (post) {
				ctx.setProperty(node, 'href', post.url);
				return;
			}
			if (isExternalUrl(href)) {
				ctx.setProperty(node, 'rel', externalRel(node.properties?.['rel'] as string | string[]));
				if (printsUrl(href, ctx.textContent(node))) {
					ctx.setProperty(node, 'className', [...classesOf(node), PRINT_URL_CLASS]);
				}
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
 * then holds nothing the browser would refuse. A table cell's
 * text-align (how GFM writes `---:`) becomes a class. HTML comments (`<!-- … -->`) are
 * editors' notes to each other and are dropped, so they reach no page, feed or search index.
 */
export const stripBlockedMarkup = defineHastPlugin({
	name: 'butlerspb-strip-blocked-markup',
	comment(node, ctx) {
		const index = ctx.indexOf(node);
		const parent = ctx.parent(node);
		if (parent && index !== undefined) ctx.removeChildAt(parent, index);
	},
	element: {
		filter: [],
		visit(node, ctx) {
			if (BLOCKED_ELEMENTS.has(node.tagName)) {
				const index = ctx.indexOf(node);
				const parent = ctx.parent(node);
				if (parent && index !== undefined) ctx.removeChildAt(parent, index);
				return;
			}
			const style = node.properties?.['style'];
			const align =
				(node.tagName === 'td' || node.tagName === 'th') && typeof style === 'string'
					? alignClass(style)
					: undefined;
			if (align) ctx.setProperty(node, 'className', [...classesOf(node), align]);
			for (const key of Object.keys(node.properties ?? {})) {
				if (/^on/i.test(key) || key === 'style') ctx.setProperty(node, key, undefined);
			}
		},
	},
});

/** The classes an element already has. */
function classesOf(node: { properties?: Record<string, unknown> | undefined }): string[] {
	const value = node.properties?.['className'];
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}
/** Class of an inline image whose shape is unknown: the stylesheet gives it a 3:2 box. */
export const UNSIZED_IMAGE_CLASS = 'prose-image--unsized';

/**
 * Makes images in the text responsive, as hero images are (src/lib/content/images.ts decides the
 * attributes): lazy, decoded off the main thread, with width and height so nothing shifts, and
 * a srcset where one can be had without downloading the image. A local image is left to
 * Astro's image pipeline, which runs after this plugin and takes the options set here.
 */
export const responsiveImages = defineHastPlugin({
	name: 'butlerspb-responsive-images',
	element: {
		filter: ['img'],
		visit(node, ctx) {
			const src = node.properties?.['src'];
			if (typeof src !== 'string' || src === '') return;
			const declared = {
				width: positiveSize(node.properties?.['width']),
				height: positiveSize(node.properties?.['height']),
			};
			if (isLocalImagePath(src)) {
				for (const [key, value] of Object.entries(inlineLocalImageOptions(declared))) {
					ctx.setProperty(node, key, value);
				}
				return;
			}
			const { unsized, srcset, ...image } = inlineRemoteImage(src, declared);
			for (const [key, value] of Object.entries(image)) ctx.setProperty(node, key, value);
			if (srcset) ctx.setProperty(node, 'srcSet', srcset);
			if (unsized) {
				const classes = node.properties?.['className'];
				ctx.setProperty(node, 'className', [
					...(Array.isArray(classes) ? classes.map(String) : []),
					UNSIZED_IMAGE_CLASS,
				]);
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
						dataSearchIgnore: '',
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

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const rank = (tagName: string): number => HEADINGS.indexOf(tagName) + 1;

/**
 * What old-format posts keep in their body and the page already has, handled so that a page has
 * one h1 and one «Читайте также» block whatever the Markdown says (the content check warns the
 * editor about both, with the line):
 * - a body `# H1` renders as an h2: the article layout writes the page's only h1 (`headline`);
 * - a body «Читайте также» section (its heading and everything up to the next heading of the same
 *   or a higher level, with a thematic break just before it) is left out of the page, and so of
 *   the table of contents, the search index and the feed: the layout's own block, built from
 *   `related` and shared tags, is the one list of related posts.
 * It runs before the heading anchors, so a demoted h1 gets an id and an anchor like any h2.
 */
export const legacyBodyParts = defineHastPlugin({
	name: 'butlerspb-legacy-body-parts',
	element: {
		filter: HEADINGS,
		visit(node, ctx) {
			if (isRelatedTitle(ctx.textContent(node))) {
				const parent = ctx.parent(node);
				const index = ctx.indexOf(node);
				if (!parent || index === undefined) return undefined;
				const siblings = parent.children;
				let end = index + 1;
				while (end < siblings.length) {
					const sibling = siblings[end];
					if (sibling?.type === 'element' && rank(sibling.tagName) > 0) {
						if (rank(sibling.tagName) <= rank(node.tagName)) break;
					}
					end++;
				}
				let start = index;
				for (let i = index - 1; i >= 0; i--) {
					const sibling = siblings[i];
					if (sibling?.type === 'text' && sibling.value.trim() === '') continue;
					if (sibling?.type === 'element' && sibling.tagName === 'hr') start = i;
					break;
				}
				for (let i = end - 1; i >= start; i--) ctx.removeChildAt(parent, i);
				return undefined;
			}
			if (node.tagName !== 'h1') return undefined;
			return { ...node, tagName: 'h2' };
		},
	},
});

/**
 * Puts every table in a focusable, named scroll region (`div.table-scroll`, role="region",
 * tabindex="0"), so a keyboard can scroll a table wider than the page: its name is the table's
 * caption, else the text of the heading before it. global.css draws the shadows that show there
 * is more to the side, and prints the table at full width.
 */
export const tableRegions = defineHastPlugin({
	name: 'butlerspb-table-regions',
	element: {
		filter: ['table'],
		visit(node, ctx) {
			const parent = ctx.parent(node);
			if (
				parent?.type === 'element' &&
				parent.tagName === 'div' &&
				Array.isArray(parent.properties?.['className']) &&
				parent.properties['className'].includes(TABLE_REGION_CLASS)
			)
				return;
			const caption = node.children.find(
				(child) => child.type === 'element' && child.tagName === 'caption',
			);
			let heading: string | undefined;
			const index = ctx.indexOf(node);
			if (parent && index !== undefined) {
				for (let i = index - 1; i >= 0 && heading === undefined; i--) {
					const sibling = parent.children[i];
					if (sibling?.type === 'element' && rank(sibling.tagName) > 0)
						heading = ctx.textContent(sibling);
				}
			}
			ctx.wrapNode(node, {
				type: 'element',
				tagName: 'div',
				properties: {
					className: [TABLE_REGION_CLASS],
					role: 'region',
					tabIndex: 0,
					ariaLabel: tableLabel(caption ? ctx.textContent(caption) : undefined, heading),
				},
				children: [],
			});
		},
	},
});
