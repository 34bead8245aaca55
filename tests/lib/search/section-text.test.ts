import { describe, expect, test } from 'vitest';
import {
	STEP_TEXT_MAX,
	cutAtSentence,
	extractSections,
	plainText,
} from '../../../src/lib/search/section-text.ts';

const PAGE = 'https://butlerspb-blog.netlify.app/blog/x/';

describe('plainText', () => {
	test.each([
		['<p>Один  <strong>два</strong>\n три</p>', 'Один два три'],
		['«Кавычки» &amp; &lt;теги&gt; &#171;код&#187; &#x2014;', '«Кавычки» & <теги> «код» —'],
		['  <em>пробелы</em>  ', 'пробелы'],
		['<li>Пункт <a href="/x/">ссылки</a>.</li><li>Второй</li>', 'Пункт ссылки. Второй'],
	])('plainText(%j) → %j', (html, text) => expect(plainText(html)).toBe(text));
});

describe('cutAtSentence', () => {
	const sentence = (n: number) => `Предложение номер ${n} рассказывает о сервисе и клиентах.`;
	const long = Array.from({ length: 20 }, (_, i) => sentence(i + 1)).join(' ');

	test('short text stays as it is', () => {
		expect(cutAtSentence('Коротко. Ясно.')).toBe('Коротко. Ясно.');
	});

	test('long text ends at the last whole sentence that fits in 500 characters', () => {
		const cut = cutAtSentence(long);
		expect([...cut].length).toBeLessThanOrEqual(STEP_TEXT_MAX);
		expect([...cut].length).toBeGreaterThan(STEP_TEXT_MAX - sentence(20).length - 1);
		expect(long.startsWith(cut)).toBe(true);
		expect(cut.endsWith('клиентах.')).toBe(true);
	});

	test('a first sentence longer than the limit is cut at a word, with «…»', () => {
		const cut = cutAtSentence(`${'слово '.repeat(120)}конец.`, 50);
		expect([...cut].length).toBeLessThanOrEqual(50);
		expect(cut).toMatch(/^(слово )+слово…$/);
	});
});

describe('extractSections', () => {
	const html = [
		'<p>Вступление до первого раздела.</p>',
		'<div class="heading"><h2 id="первый">Первый</h2><a class="heading-anchor" href="#первый"',
		' aria-label="Ссылка на раздел"><span aria-hidden="true">#</span></a></div>',
		'<p>Первый   абзац.</p>',
		'<ul><li>Пункт <a href="/x/">списка</a>.</li></ul>',
		'<div><h3 id="под">Подраздел</h3><a href="#под"><span aria-hidden="true">#</span></a></div>',
		'<p>Текст подраздела.</p>',
		'<pre><code>код()</code></pre>',
		'<figure><img src="/_astro/photo.abc.webp" alt="Фото"><figcaption>Подпись</figcaption></figure>',
		'<h2 id="второй" class="x">Второй &amp; последний</h2>',
		'<p>Второй раздел.</p><img alt="" src="http://images.unsplash.com/photo-1?w=800&amp;h=600">',
		'<h2 id="пустой">Пустой</h2>',
	].join('\n');

	test('each h2 section: its text without subheadings, anchors, code and captions; its first image', () => {
		expect(extractSections(html, PAGE)).toEqual(
			new Map([
				[
					'первый',
					{
						text: 'Первый абзац. Пункт списка. Текст подраздела.',
						image: 'https://butlerspb-blog.netlify.app/_astro/photo.abc.webp',
					},
				],
				[
					'второй',
					{
						text: 'Второй раздел.',
						image: 'https://images.unsplash.com/photo-1?w=800&h=600',
					},
				],
				['пустой', { text: '' }],
			]),
		);
	});

	test('a body without h2 has no sections', () => {
		expect(extractSections('<p>Только текст.</p>', PAGE).size).toBe(0);
	});
});

test('a step takes the widest copy an image in the text offers (its srcset), not the 640-px src', () => {
	const html =
		'<h2 id="a">Раздел</h2><p>Текст.</p><img alt="" src="https://images.unsplash.com/p?w=640" ' +
		'srcset="https://images.unsplash.com/p?w=320 320w, https://images.unsplash.com/p?w=1280 1280w, ' +
		'https://images.unsplash.com/p?w=800 800w">';
	expect(extractSections(html, 'https://butlerspb-blog.netlify.app/blog/x/').get('a')?.image).toBe(
		'https://images.unsplash.com/p?w=1280',
	);
});
