import { defineHastPlugin } from 'satteri';
import { externalRel, isExternalUrl, isScriptUrl } from '../lib/links.ts';
import { typeset } from '../lib/typography.ts';

/** Elements whose text is code and keeps its characters exactly. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea']);

/**
 * Makes links safe: external links get rel="noopener" (an editor's nofollow is kept) and a
 * script URL loses its href. The content check reports script URLs as errors; this is the
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
			}
		},
	},
});

/** Drops <script> elements and inline event handlers (onclick=…) that raw HTML might carry. */
export const stripScripts = defineHastPlugin({
	name: 'butlerspb-strip-scripts',
	element: {
		filter: [],
		visit(node, ctx) {
			if (node.tagName === 'script') {
				const index = ctx.indexOf(node);
				const parent = ctx.parent(node);
				if (parent && index !== undefined) ctx.removeChildAt(parent, index);
				return;
			}
			for (const key of Object.keys(node.properties ?? {})) {
				if (/^on/i.test(key)) ctx.setProperty(node, key, undefined);
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
