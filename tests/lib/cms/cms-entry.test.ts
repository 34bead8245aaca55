import { parseFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	entryEdits,
	bodyImageAltError,
	heroAltError,
	newPostFile,
	ratingRangeError,
	saveRefusal,
} from '../../../src/lib/cms/cms-entry.ts';
import { createNewPost } from '../../../src/lib/content/new-post.ts';
import { ROOT } from '../../support/build.ts';

describe('entryEdits', () => {
	test('removes optional fields left blank, keeps an empty heroAlt (a decorative image)', () => {
		expect(
			entryEdits({ title: 'Т', updatedDate: '', heroImage: ' ', heroAlt: '', headline: '' }),
		).toEqual([
			{ op: 'remove', path: ['updatedDate'] },
			{ op: 'remove', path: ['heroImage'] },
			{ op: 'remove', path: ['headline'] },
		]);
	});

	test('leaves required fields to the CMS and the build', () => {
		expect(entryEdits({ title: '', description: '' })).toEqual([]);
	});

	test('an empty HowTo block goes away', () => {
		expect(entryEdits({ schema: { aggregateRating: { ratingValue: '' } } })).toEqual([
			{ op: 'remove', path: ['schema'] },
		]);
	});

	test('a new HowTo block gets its @context and @type constants', () => {
		expect(
			entryEdits({
				schema: { aggregateRating: { ratingValue: '4.8', reviewCount: 3, bestRating: '' } },
			}),
		).toEqual([
			{ op: 'set', path: ['schema', '@context'], value: 'https://schema.org' },
			{ op: 'set', path: ['schema', '@type'], value: 'HowTo' },
			{ op: 'set', path: ['schema', 'aggregateRating', '@type'], value: 'AggregateRating' },
			{ op: 'remove', path: ['schema', 'aggregateRating', 'bestRating'] },
		]);
	});

	const blog = join(ROOT, 'src/content/blog');
	test.each(readdirSync(blog).filter((name) => name.endsWith('.md')))(
		'%s: an existing post needs no edit',
		(name) => {
			const { data } = parseFrontmatter(readFileSync(join(blog, name), 'utf8'));
			expect(entryEdits(data)).toEqual([]);
		},
	);
});

describe('newPostFile', () => {
	const long =
		'Как мы организуем посуточную аренду квартир в Санкт-Петербурге для гостей из других городов и стран';
	test.each(['Проверка редактора', 'Сервисный подход', '  Чат-поддержка: 24/7  ', long])(
		'%s: the same file as npm run new',
		(title) => {
			const { slug, path } = newPostFile(title);
			expect(slug).toBe(createNewPost(title, new Date()).slug);
			expect(path).toBe(`src/content/blog/${slug}.md`);
		},
	);

	test('«Проверка редактора» → proverka-redaktora', () => {
		expect(newPostFile('Проверка редактора').slug).toBe('proverka-redaktora');
	});
});

describe('a long title', () => {
	test('is cut at a word boundary at 80 characters, like npm run new', () => {
		const title =
			'Как мы организуем посуточную аренду квартир в Санкт-Петербурге для гостей из других городов и стран';
		const { slug } = newPostFile(title);
		expect(slug).toBe(
			'kak-my-organizuem-posutochnuyu-arendu-kvartir-v-sankt-peterburge-dlya-gostey-iz',
		);
		expect(slug.length).toBeLessThanOrEqual(80);
	});
});

describe('pictures and keywords from the editor', () => {
	test('a picture from the media library gets the ./ the posts write', () => {
		expect(
			entryEdits({
				heroImage: 'images/gostinaya.png',
				body: 'Текст ![Кухня](images/kuhnya.png) и ![](https://x.ru/a.png) ![](./b.png) ![](/c.png)',
			}),
		).toEqual([
			{ op: 'set', path: ['heroImage'], value: './images/gostinaya.png' },
			{
				op: 'set',
				path: ['body'],
				value:
					'Текст ![Кухня](./images/kuhnya.png) и ![](https://x.ru/a.png) ![](./b.png) ![](/c.png)',
			},
		]);
	});

	test.each(['./images/x.png', '../x.png', 'https://images.unsplash.com/x', '/x.png'])(
		'%s stays as it is',
		(heroImage) => expect(entryEdits({ heroImage })).toEqual([]),
	);

	test('a keyword input left empty is dropped, the others stay as typed', () => {
		expect(entryEdits({ keywords: ['посуточная аренда', ' ', 'Москва, центр', ''] })).toEqual([
			{ op: 'set', path: ['keywords'], value: ['посуточная аренда', 'Москва, центр'] },
		]);
	});
});

describe('ratingRangeError', () => {
	test.each([
		[{ ratingValue: '7' }, 'Оценка 7 вне шкалы: ожидается число от 1 до 5'],
		[{ ratingValue: '0,5' }, 'Оценка 0,5 вне шкалы: ожидается число от 1 до 5'],
		[{ ratingValue: '7', bestRating: '10' }, undefined],
		[{ ratingValue: '9', bestRating: 10, worstRating: '' }, undefined],
		[{ ratingValue: '4,8' }, undefined],
		[{ ratingValue: '5', bestRating: '5', worstRating: '1' }, undefined],
		[{ ratingValue: '' }, undefined],
		[{ ratingValue: 'пять' }, undefined],
		[{}, undefined],
	])('%j', (rating, message) => {
		const error = ratingRangeError(rating);
		if (message === undefined) expect(error).toBeUndefined();
		else expect(error).toContain(message);
	});

	test('a scale upside down', () => {
		expect(ratingRangeError({ ratingValue: '3', bestRating: '1', worstRating: '5' })).toContain(
			'Худшая оценка (5) больше лучшей (1)',
		);
	});
});

describe('heroAltError', () => {
	const url = 'https://images.unsplash.com/photo-1';
	test.each([
		[{ heroImage: url, storedFile: '' }, true],
		[{ heroImage: url, heroAlt: ' ', storedFile: '' }, true],
		[{ heroImage: url, heroAlt: 'Гостиная', storedFile: '' }, false],
		[{ heroImage: url, storedFile: `heroImage: ${url}\n` }, false],
		[{ heroImage: './images/new.png', storedFile: `heroImage: ${url}\n` }, true],
		[{ heroImage: '', storedFile: '' }, false],
		[{ storedFile: '' }, false],
	])('%j refused: %s', (hero, refused) => {
		expect(heroAltError(hero) !== undefined).toBe(refused);
	});
});

describe('bodyImageAltError', () => {
	const url = 'https://images.unsplash.com/photo-1?w=800';
	test.each([
		[`Текст.\n\n![](${url})\n`, '', true],
		[`![ ](${url} "Кухня")`, '', true],
		[`![](<./images/a.png>)`, '', true],
		[`![Кухня после уборки](${url})`, '', false],
		// Already in the stored file: an older post's image is left to the content check.
		[`Новый абзац.\n\n![](${url})`, `---\n---\n![](${url})\n`, false],
		['[ссылка](https://example.com) без картинок', '', false],
		[undefined, '', false],
	])('%j (stored %j) refused: %s', (body, stored, refused) => {
		expect(bodyImageAltError(body, stored) !== undefined).toBe(refused);
	});

	test('names the images, in Russian', () => {
		expect(bodyImageAltError('![](https://a.example/1.png) и ![](./images/2.png)', '')).toBe(
			'Опишите картинки в тексте (https://a.example/1.png, ./images/2.png): что на них изображено, в поле «Описание картинки (alt)»',
		);
	});
});

describe('saveRefusal', () => {
	test('names every problem at once, in Russian', () => {
		expect(
			saveRefusal(
				{ heroImage: './images/x.png', schema: { aggregateRating: { ratingValue: '7' } } },
				'',
			),
		).toBe(
			'Оценка 7 вне шкалы: ожидается число от 1 до 5 (шкалу задают поля «Худшая оценка» и «Лучшая оценка»). Опишите главную картинку: что на ней изображено (для незрячих читателей и поисковиков).',
		);
	});

	test.each(readdirSync(join(ROOT, 'src/content/blog')).filter((name) => name.endsWith('.md')))(
		'%s: an existing post saved as it is is never refused',
		(name) => {
			const source = readFileSync(join(ROOT, 'src/content/blog', name), 'utf8');
			const { data, content } = parseFrontmatter(source);
			expect(saveRefusal({ ...data, body: content }, source)).toBeUndefined();
		},
	);
});
