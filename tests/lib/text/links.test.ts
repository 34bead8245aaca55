import { describe, expect, test } from 'vitest';
import {
	externalRel,
	isExternalUrl,
	isScriptUrl,
	postFileLink,
} from '../../../src/lib/text/links.ts';

describe('isScriptUrl', () => {
	test.each([
		['javascript:alert(1)', true],
		['JavaScript:alert(1)', true],
		['  javascript:alert(1)', true],
		['java\tscript:alert(1)', true],
		['java\nscript:alert(1)', true],
		['\u0001javascript:alert(1)', true],
		['vbscript:msgbox', true],
		['data:text/html;base64,PHNjcmlwdD4=', true],
		['data: text/html,<script>', true],
		['https://example.com/javascript:x', false],
		['/blog/javascript-dlya-nachinayushchih/', false],
		['data:image/png;base64,AAAA', false],
		['mailto:hello@butlerspb.ru', false],
		['tel:+78120000000', false],
		['#razdel', false],
	])('%j → %s', (href, expected) => expect(isScriptUrl(href)).toBe(expected));
});

describe('isExternalUrl', () => {
	test.each([
		['https://example.com/page', true],
		['http://example.com', true],
		['//cdn.example.com/a.js', true],
		['https://butlerspb-blog.netlify.app/blog/x/', false],
		['/blog/x/', false],
		['#razdel', false],
		['mailto:a@b.ru', false],
		['https://', false],
	])('%s → %s', (href, expected) => expect(isExternalUrl(href)).toBe(expected));

	test('compares with the given site origin', () => {
		expect(isExternalUrl('https://example.com/a', 'https://example.com')).toBe(false);
	});
});

describe('externalRel', () => {
	test.each([
		[undefined, ['noopener']],
		['', ['noopener']],
		['nofollow', ['nofollow', 'noopener']],
		['NoFollow  sponsored', ['nofollow', 'sponsored', 'noopener']],
		[
			['nofollow', 'noopener'],
			['nofollow', 'noopener'],
		],
		['noopener noopener', ['noopener']],
	])('%j → %j', (rel, expected) => expect(externalRel(rel)).toEqual(expected));
});

describe('postFileLink', () => {
	test.each([
		['servisnyy-podhod.md', 'servisnyy-podhod', '/blog/servisnyy-podhod/'],
		['./servisnyy-podhod.md', 'servisnyy-podhod', '/blog/servisnyy-podhod/'],
		['../blog/servisnyy-podhod.md', 'servisnyy-podhod', '/blog/servisnyy-podhod/'],
		['sub/x.mdx#razdel', 'x', '/blog/x/#razdel'],
		['X.MD?a=1', 'X', '/blog/X/?a=1'],
	])('%s → %s at %s', (href, slug, url) => {
		expect(postFileLink(href)).toMatchObject({ slug, url });
	});

	test.each([
		'https://example.com/readme.md',
		'/blog/x.md',
		'#x.md',
		'images/x.png',
		'servisnyy-podhod',
		'mailto:a@b.md',
	])('%s is not a link to a post file', (href) => {
		expect(postFileLink(href)).toBeUndefined();
	});
});
