import { expect, test } from 'vitest';
import { shareLinks } from '../../../src/lib/seo/share.ts';

test('share links carry the encoded URL and title, and nothing else', () => {
	expect(shareLinks('https://butlerspb-blog.netlify.app/blog/x/', 'Доверие & сервис'))
		.toMatchInlineSnapshot(`
		[
		  {
		    "href": "https://t.me/share/url?url=https%3A%2F%2Fbutlerspb-blog.netlify.app%2Fblog%2Fx%2F&text=%D0%94%D0%BE%D0%B2%D0%B5%D1%80%D0%B8%D0%B5%20%26%20%D1%81%D0%B5%D1%80%D0%B2%D0%B8%D1%81",
		    "name": "Telegram",
		  },
		  {
		    "href": "https://wa.me/?text=%D0%94%D0%BE%D0%B2%D0%B5%D1%80%D0%B8%D0%B5%20%26%20%D1%81%D0%B5%D1%80%D0%B2%D0%B8%D1%81%20https%3A%2F%2Fbutlerspb-blog.netlify.app%2Fblog%2Fx%2F",
		    "name": "WhatsApp",
		  },
		  {
		    "href": "https://vk.com/share.php?url=https%3A%2F%2Fbutlerspb-blog.netlify.app%2Fblog%2Fx%2F&title=%D0%94%D0%BE%D0%B2%D0%B5%D1%80%D0%B8%D0%B5%20%26%20%D1%81%D0%B5%D1%80%D0%B2%D0%B8%D1%81",
		    "name": "ВКонтакте",
		  },
		]
	`);
});

test.each(shareLinks('https://example.org/a?b=1#c', 'T'))('$name link is https', ({ href }) => {
	const url = new URL(href);
	expect(url.protocol).toBe('https:');
	expect([...url.searchParams.values()].join(' ')).toContain('https://example.org/a?b=1#c');
});
