import { decodeAttribute } from '../seo/absolutize-html.ts';
import { SITE } from '../../site.ts';

/*
 * The visible text of an article's sections, for HowToStep `text` and `image`. It reads the HTML
 * the Markdown renderer writes (an article body: headings with ids, paragraphs, lists, images)
 * with regular expressions, as src/lib/seo/absolutize-html.ts does, and needs no DOM.
 */

/** HowToStep text is cut at a sentence boundary near this many characters. */
export const STEP_TEXT_MAX = 500;

/** What a section (an h2 and everything up to the next h2) shows. */
export interface SectionContent {
	/** Its paragraphs as plain text, whitespace collapsed, cut near STEP_TEXT_MAX. */
	text: string;
	/** Absolute URL of its first image, if it has one. */
	image?: string;
}

const H2_START = /<h2\b([^>]*)>/gi;
const ID_ATTRIBUTE = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
/** Parts of a section that are not its running text: subheadings, code, tables, captions. */
const NOT_TEXT = /<(h[1-6]|pre|table|figcaption|script|style|template)\b[^>]*>[\s\S]*?<\/\1>/gi;
/** Elements hidden from readers, such as the «#» of a heading's anchor link. */
const HIDDEN = /<([a-z][a-z0-9]*)\b[^>]*\saria-hidden\s*=\s*["']?true["']?[^>]*>[\s\S]*?<\/\1>/gi;
const IMG = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))[^>]*>/i;
const SRCSET = /\ssrcset\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/**
 * The largest copy of an image the page offers: the widest `srcset` candidate (an image in the
 * text is shown at most 640 px wide, its srcset goes further), else `src`.
 */
function largestSource(tag: string, src: string): string {
	const srcset = SRCSET.exec(tag);
	if (!srcset) return src;
	let best = { url: src, width: 0 };
	for (const candidate of decodeAttribute(srcset[1] ?? srcset[2] ?? '').split(',')) {
		const [url = '', descriptor = ''] = candidate.trim().split(/\s+/);
		const width = Number.parseInt(descriptor, 10);
		if (url && /^\d+w$/.test(descriptor) && width > best.width) best = { url, width };
	}
	return best.url;
}
/** Tags that end a line of text: they leave a space; inline tags (a, em, strong…) leave nothing. */
const BLOCK_TAG =
	/<\/?(?:p|li|ul|ol|dl|dt|dd|div|br|hr|blockquote|figure|h[1-6]|tr|td|th|section)\b[^>]*>/gi;
const TAG = /<[^>]*>/g;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+);/gi;

/** Plain text of an HTML fragment: tags dropped, character references decoded, spaces collapsed. */
export function plainText(html: string): string {
	return html
		.replace(BLOCK_TAG, ' ')
		.replace(TAG, '')
		.replace(ENTITY, (entity) => decodeAttribute(entity))
		.replace(/\s+/gu, ' ')
		.trim();
}

const sentences = new Intl.Segmenter(SITE.locale, { granularity: 'sentence' });
const words = new Intl.Segmenter(SITE.locale, { granularity: 'word' });

/**
 * Cuts text to whole sentences, as many as fit in `max` characters. A first sentence longer
 * than that is cut at the last word boundary before `max`, with «…».
 */
export function cutAtSentence(text: string, max: number = STEP_TEXT_MAX): string {
	if ([...text].length <= max) return text;
	let out = '';
	for (const { segment } of sentences.segment(text)) {
		if ([...out].length + [...segment.trimEnd()].length > max) break;
		out += segment;
	}
	if (out.trim() !== '') return out.trim();
	let head = '';
	for (const { segment } of words.segment(text)) {
		if ([...head].length + [...segment].length > max - 1) break;
		head += segment;
	}
	return `${head.replace(/[\s.,:;!?—–-]+$/u, '')}…`;
}

/**
 * The text and first image of each h2 section of an article body, by the heading's id. The
 * text is what a reader reads in it: paragraphs, lists and quotes, without its subheadings,
 * code blocks, tables, captions and anything hidden from readers (`aria-hidden`). Image URLs are made absolute against `pageUrl`.
 */
export function extractSections(html: string, pageUrl: string): Map<string, SectionContent> {
	const starts = [...html.matchAll(H2_START)];
	const sections = new Map<string, SectionContent>();
	starts.forEach((start, index) => {
		const id = ID_ATTRIBUTE.exec(start[1] ?? '');
		if (!id) return;
		const from = start.index + start[0].length;
		const body = html.slice(from, starts[index + 1]?.index ?? html.length);
		const afterHeading = body.slice(body.search(/<\/h2>/i) + '</h2>'.length);
		const text = plainText(afterHeading.replace(HIDDEN, '').replace(NOT_TEXT, ' '));
		const img = IMG.exec(afterHeading);
		const src = img ? largestSource(img[0], decodeAttribute(img[1] ?? img[2] ?? img[3] ?? '')) : '';
		sections.set(decodeAttribute(id[1] ?? id[2] ?? id[3] ?? ''), {
			text: cutAtSentence(text),
			...(src ? { image: new URL(src, pageUrl).href.replace(/^http:\/\//i, 'https://') } : {}),
		});
	});
	return sections;
}
