import { describe, expect, test } from 'vitest';
import { hasLocalImage, markdownBody } from '../../../src/lib/content/markdown-source.ts';

describe('markdownBody', () => {
	test.each([
		['---\ntitle: x\n---\n\nТекст.\n', 'Текст.'],
		['\uFEFF---\ntitle: x\n---\nТекст', 'Текст'],
		['+++\ntitle = "x"\n+++\n\n## Раздел\n', '## Раздел'],
		['Без полей\n', 'Без полей'],
		['---\ntitle: x\n---\n\nТекст\n\n---\n\nЕщё', 'Текст\n\n---\n\nЕщё'],
	])('body of %j is %j', (source, body) => expect(markdownBody(source)).toBe(body));
});

describe('hasLocalImage', () => {
	test.each([
		['![Фото](./images/a.jpg)', true],
		['![Фото](images/a.jpg "Подпись")', true],
		['<img src="../a.png" alt="">', true],
		['![Фото](https://images.unsplash.com/photo-1)', false],
		['![Фото](/favicon.svg)', false],
		['<img src="https://example.com/a.png">', false],
		['[Ссылка](./other/)', false],
		['Текст без картинок', false],
	])('%s → %s', (body, expected) => expect(hasLocalImage(body)).toBe(expected));
});
