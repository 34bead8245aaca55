import { describe, expect, test } from 'vitest';
import { extractSearchRecord } from '../../../src/lib/search/search-extract.ts';

/** An article page shaped like ArticleLayout's output. */
const PAGE = `<!doctype html><html lang="ru"><head><title>x</title><script type="application/ld+json">{"headline":"Не текст"}</script></head>
<body><header><nav><a href="/">Блог</a></nav></header><main>
<article class="article wrap" data-search-body>
<div data-search-ignore><nav aria-label="Навигационная цепочка"><ol><li><a href="/">Блог</a></li></ol></nav></div>
<header class="article__header"><h1 class="article__title">Ключи и&nbsp;доверие &amp; сервис</h1>
<p class="meta" data-search-ignore><time datetime="2025-07-26T00:00:32+03:00">26 июля 2025</time><span>Команда</span></p>
<p class="article__lead">Как мы <strong>храним</strong> ключи.</p></header>
<img src="/a.webp" alt="Сейф" width="10" height="10">
<nav class="toc" data-search-ignore><h2>Содержание</h2><ol><li><a href="#a">Раздел</a></li></ol></nav>
<div class="prose"><h2 id="a">Раздел <em>первый</em></h2><p>Текст<br>с переносом и кодом <code>a&lt;b</code>.</p>
<svg viewBox="0 0 1 1"><title>иконка</title></svg><table><tr><td>ячейка</td><td>вторая</td></tr></table>
<h3>Подраздел</h3><p>Конец.</p></div>
<ul class="tags" data-search-ignore><li><a href="/tags/x/">Тег</a></li></ul>
</article>
<div class="article__after" data-search-ignore><h2>Читайте также</h2></div>
</main><footer>Подвал</footer></body></html>`;

describe('extractSearchRecord', () => {
	const record = extractSearchRecord(PAGE, '/blog/x/');

	test('the title is the h1, entities decoded', () =>
		expect(record?.title).toBe('Ключи и\u00a0доверие & сервис'));

	test('the date comes from the date line, even though it is not indexed, in UTC', () =>
		expect(record?.date).toBe('2025-07-25T21:00:32.000Z'));

	test('a missing or broken date is empty', () => {
		const page = (time: string) =>
			`<article data-search-body><h1>Т</h1>${time}<p>текст</p></article>`;
		expect(extractSearchRecord(page(''), '/')?.date).toBe('');
		expect(extractSearchRecord(page('<time datetime="вчера">вчера</time>'), '/')?.date).toBe('');
	});

	test('headings are h2 and h3 of the text, not of ignored parts', () =>
		expect(record?.headings).toEqual(['Раздел первый', 'Подраздел']));

	test('the text: lead and body, blocks apart, inline elements joined, ignored parts left out', () =>
		expect(record?.text).toBe(
			'Как мы храним ключи. Раздел первый\nТекст с переносом и кодом a<b. ячейка вторая Подраздел\nКонец.',
		));

	test('each heading ends with a line break, the only ones in the text', () =>
		expect(record?.text.split('\n').map((line) => line.split(' ').at(-1))).toEqual([
			'первый',
			'Подраздел',
			'Конец.',
		]));

	test('a page without the marker is not an article', () =>
		expect(extractSearchRecord('<main><p data-search-body-x>x</p></main>', '/')).toBeUndefined());

	test('the marker in the text of a page is not the marker', () =>
		expect(
			extractSearchRecord('<p>Атрибут data-search-body пишется так</p>', '/'),
		).toBeUndefined());
});
