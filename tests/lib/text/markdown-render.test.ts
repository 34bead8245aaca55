import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildToc } from '../../../src/lib/text/toc.ts';
import { renderMarkdownFile } from '../../../src/markdown/render.ts';

let dir = '';
beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'markdown-render-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** Renders a post file with this body through the site's renderer. */
async function render(body: string) {
	const file = join(dir, `post-${Math.random().toString(36).slice(2)}.md`);
	await writeFile(file, `---\ntitle: Тест\n---\n\n${body}\n`);
	const { html } = await renderMarkdownFile(file);
	// Parse <pre> as elements (node-html-parser keeps its content as raw text by default).
	return parse(html, { blockTextElements: { script: true, style: true } });
}

describe('code blocks', () => {
	test.each([
		['a known language', 'js', 'const a = "<b>жирный</b>"; // пример'],
		['an unknown language', 'nosuchlang', '<img src=x onerror="alert(1)">'],
		['no language', '', '<script>alert(1)</script>'],
	])('%s: the code is shown as text, with no style attribute', async (_name, lang, code) => {
		const page = await render(`\`\`\`${lang}\n${code}\n\`\`\``);
		const pre = page.querySelector('pre');
		expect(pre?.querySelector('code')?.textContent.trim()).toBe(code);
		// The CSP (style-src 'self') blocks style attributes; nothing in the block may carry one.
		expect(page.querySelectorAll('[style]')).toHaveLength(0);
		expect(page.querySelectorAll('img, script, b')).toHaveLength(0);
		if (lang) expect(pre?.querySelector('code')?.classList.contains(`language-${lang}`)).toBe(true);
	});
});

describe('footnotes', () => {
	const body = 'Текст[^1] и ещё раз[^1], и другое[^note].\n\n[^1]: Первое.\n\n[^note]: Второе.';

	test('the section is headed «Примечания», links back say «Вернуться к тексту» in Russian', async () => {
		const page = await render(body);
		const section = page.querySelector('section[data-footnotes]');
		expect(section?.querySelector('h2')?.textContent).toBe('Примечания');
		const labels = section
			?.querySelectorAll('a[data-footnote-backref]')
			.map((a) => a.getAttribute('aria-label'));
		expect(labels).toEqual([
			'Вернуться к тексту, к сноске 1',
			'Вернуться к тексту, к сноске 1 (упоминание 2)',
			'Вернуться к тексту, к сноске 2',
		]);
		expect(page.toString()).not.toMatch(/Footnotes|Back to reference/);
		// What a link shows is part of its name: the arrow only, never «↩2».
		const shown = section?.querySelectorAll('a[data-footnote-backref]').map((a) => a.textContent);
		expect(shown).toEqual(['↩', '↩', '↩']);
	});

	test('the footnotes heading has no anchor and is not a section of the table of contents', async () => {
		const file = join(dir, 'footnotes.md');
		await writeFile(file, `---\ntitle: Тест\n---\n\n## Раздел\n\n${body}\n`);
		const { html, headings } = await renderMarkdownFile(file);
		const page = parse(html);
		expect(page.querySelector('#footnote-label')?.closest('.heading')).toBeNull();
		expect(buildToc(headings).map((item) => item.text)).toEqual(['Раздел']);
	});
});

describe('blocked markup and links', () => {
	test.each([
		['<style>p { color: red }</style>', 'style'],
		['<meta http-equiv="refresh" content="0; url=https://example.com">', 'meta'],
		['<base href="https://example.com/">', 'base'],
		['<object data="https://example.com/x.swf"></object>', 'object'],
		['<embed src="https://example.com/x.swf">', 'embed'],
		['<script>alert(1)</script>', 'script'],
	])('%s is removed from the page', async (html, tag) => {
		const page = await render(`Текст.\n\n${html}\n\nЕщё текст.`);
		expect(page.querySelectorAll(tag)).toHaveLength(0);
		expect(page.querySelectorAll('p').filter((p) => p.textContent.trim())).toHaveLength(2);
	});

	test.each([
		['[a](/blog/servisnyy-podhod)', '/blog/servisnyy-podhod/'],
		['[a](/tags/servis?x=1#y)', '/tags/servis/?x=1#y'],
		['<a href="/page/2">a</a>', '/page/2/'],
		[
			'[a](https://butlerspb-blog.netlify.app/blog/x)',
			'https://butlerspb-blog.netlify.app/blog/x/',
		],
		['[a](/blog/x/)', '/blog/x/'],
		['[a](/rss.xml)', '/rss.xml'],
		['[a](#razdel)', '#razdel'],
		['[a](https://example.com/a)', 'https://example.com/a'],
	])('%s links to %s', async (markdown, href) => {
		expect((await render(markdown)).querySelector('a')?.getAttribute('href')).toBe(href);
	});

	test.each([
		['## Content', 'content-1'],
		['## Toc title', 'toc-title-1'],
		['## Related title', 'related-title-1'],
		['## Обычный раздел', 'obychnyy-razdel'],
	])('a heading «%s» never takes an id of the page around it: #%s', async (heading, id) => {
		const page = await render(`${heading}\n\nТекст.`);
		expect(page.querySelector('h2')?.getAttribute('id')).toBe(id);
	});
});
