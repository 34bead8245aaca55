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

/** Russian quotes and no-break spaces in prose text, never inside code. */
export const russianTypography = defineHastPlugin({
	name: 'butlerspb-typography',
	text(node, ctx) {
		let parent: ReturnType<typeof ctx.parent> | undefined = ctx.parent(node);
		for (; parent; parent = parent.type === 'root' ? undefined : ctx.parent(parent)) {
			if (parent.type === 'element' && VERBATIM.has(parent.tagName)) return undefined;
		}
		const value = typeset(node.value);
		return value === node.value ? undefined : { type: 'text', value };
	},
});
