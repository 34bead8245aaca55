import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderMarkdownFile } from '../../src/markdown/render.ts';

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
