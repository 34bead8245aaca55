import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HTMLElement, Node, TextNode, parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { extractSearchRecord } from '../../src/lib/search/search-extract.ts';
import { DIST } from '../support/build.ts';
import { listDistFiles } from '../support/dist.ts';
import { fixtureBlog, type FixtureBlog } from '../support/fixture-blog.ts';
import { readSearchIndex } from '../support/search-index.ts';

/*
 * The search's own scanner (src/lib/search/search-extract.ts) against an HTML parser, node-html-parser,
 * on every article page of the real build and of the generated fixture blog (tables, images,
 * footnotes, long words): the title is the h1's text; the text is what the element marked
 * `data-search-body` shows without the parts marked `data-search-ignore` and without the h1;
 * the headings are the h2 and h3. Words are compared after collapsing white space.
 */

/** Elements whose content readers never see as text. */
const HIDDEN = new Set(['script', 'style', 'template', 'svg', 'noscript']);

/** Elements that do not end a word (the rest start and end a block of text). */
const INLINE = new Set(
	'a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var'.split(
		' ',
	),
);

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** The text of a subtree, skipping hidden and ignored elements; blocks are separated. */
function textOf(node: Node, skip: (element: HTMLElement) => boolean): string {
	if (node instanceof TextNode) return node.text;
	if (!(node instanceof HTMLElement)) return '';
	const tag = node.rawTagName?.toLowerCase() ?? '';
	if (HIDDEN.has(tag) || skip(node)) return '';
	const inner = node.childNodes.map((child) => textOf(child, skip)).join('');
	return tag === '' || INLINE.has(tag) ? inner : ` ${inner} `;
}

/** What node-html-parser says the search should see on an article page. */
function parsed(html: string): { title: string; headings: string[]; text: string[] } {
	// node-html-parser keeps a <pre>'s content as raw text unless told otherwise.
	const body = parse(html, {
		blockTextElements: { script: true, noscript: true, style: true },
	}).querySelector('[data-search-body]');
	if (!body) throw new Error('no [data-search-body]');
	const ignored = (element: HTMLElement): boolean =>
		element.hasAttribute('data-search-ignore') || element.closest('[data-search-ignore]') !== null;
	const visible = (element: HTMLElement): boolean =>
		!ignored(element) && element.closest('[data-search-ignore]') === null;
	const h1 = body.querySelectorAll('h1').find(visible);
	return {
		title: words(h1 ? textOf(h1, () => false) : '').join(' '),
		headings: body
			.querySelectorAll('h2, h3')
			.filter(visible)
			.map((heading) => words(textOf(heading, ignored)).join(' ')),
		text: words(textOf(body, (element) => ignored(element) || element === h1)),
	};
}

/** Built sites to compare on: the real one and the fixture blog. */
const sites: { name: string; dir: string }[] = [{ name: 'dist', dir: DIST }];
let fixture: FixtureBlog | undefined;

// The browser tests' fixture blog: in `npm test`, one build for both.
beforeAll(async () => {
	fixture = await fixtureBlog();
	sites.push({ name: 'fixture blog', dir: fixture.dist });
}, 240_000);

afterAll(async () => {
	await fixture?.release();
});

const articlePages = async (dir: string): Promise<string[]> =>
	(await listDistFiles(dir)).filter((file) => /^blog\/[^/]+\/index\.html$/.test(file));

describe.each(['dist', 'fixture blog'])('%s', (name) => {
	test('the extractor agrees with an HTML parser on every article: title, headings, text', async () => {
		const site = sites.find((built) => built.name === name);
		if (!site) throw new Error('site not built');
		const files = await articlePages(site.dir);
		expect(files.length, site.name).toBeGreaterThan(1);
		let headings = 0;
		for (const file of files) {
			const html = await readFile(join(site.dir, file), 'utf8');
			const url = `/${file.replace(/index\.html$/, '')}`;
			const record = extractSearchRecord(html, url);
			const expected = parsed(html);
			expect(record?.url).toBe(url);
			// No-break spaces of the typography are kept in the title: compare words.
			expect(words(record?.title ?? '').join(' '), `${site.name} ${url}`).toBe(expected.title);
			expect(record?.title, url).not.toBe('');
			expect(
				record?.headings.map((heading) => words(heading).join(' ')),
				url,
			).toEqual(expected.headings);
			expect(words(record?.text ?? ''), `${site.name} ${url}`).toEqual(expected.text);
			headings += expected.headings.length;
		}
		expect(headings, site.name).toBeGreaterThan(0);
	});

	test('and the index serves each article the record of its page', async () => {
		const site = sites.find((built) => built.name === name);
		if (!site) throw new Error('site not built');
		const index = await readSearchIndex(site.dir);
		const files = await articlePages(site.dir);
		expect(index.docs).toHaveLength(files.length);
		for (const doc of index.docs) {
			const html = await readFile(join(site.dir, doc.url, 'index.html'), 'utf8');
			expect(doc, doc.url).toEqual(extractSearchRecord(html, doc.url));
		}
	});
});
