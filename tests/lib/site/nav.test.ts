import { expect, test } from 'vitest';
import { navItems } from '../../../src/lib/site/nav.ts';

/** The menu as `label=current` pairs, e.g. `Статьи=page`. */
const marks = (path: string): string[] =>
	navItems(path).map((item) => `${item.label}=${item.current ?? ''}`);

test.each([
	['/', ['Статьи=page', 'Темы=', 'Поиск=']],
	['/index.html', ['Статьи=page', 'Темы=', 'Поиск=']],
	['/page/2/', ['Статьи=true', 'Темы=', 'Поиск=']],
	['/page/12', ['Статьи=true', 'Темы=', 'Поиск=']],
	['/blog/servisnyy-podhod/', ['Статьи=true', 'Темы=', 'Поиск=']],
	['/tags/', ['Статьи=', 'Темы=page', 'Поиск=']],
	['/tags/remont/', ['Статьи=', 'Темы=true', 'Поиск=']],
	['/tags/remont/page/2/', ['Статьи=', 'Темы=true', 'Поиск=']],
	['/search/', ['Статьи=', 'Темы=', 'Поиск=page']],
	['/404.html', ['Статьи=', 'Темы=', 'Поиск=']],
	['/search-index/', ['Статьи=', 'Темы=', 'Поиск=']],
	['/page/', ['Статьи=', 'Темы=', 'Поиск=']],
])('%s → %j', (path, expected) => {
	expect(marks(path)).toEqual(expected);
});

test('links to the three sections in order', () => {
	expect(navItems('/').map((item) => item.href)).toEqual(['/', '/tags/', '/search/']);
});
