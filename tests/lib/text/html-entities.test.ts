import { expect, test } from 'vitest';
import { decodeHtmlEntities } from '../../../src/lib/text/html-entities.ts';

test.each([
	[
		'https://images.unsplash.com/photo-1?ixlib=rb-4.0.3&amp;w=1200&amp;q=80',
		'https://images.unsplash.com/photo-1?ixlib=rb-4.0.3&w=1200&q=80',
	],
	['a&#38;b&#x26;c', 'a&b&c'],
	['&quot;кавычки&quot; &lt;b&gt;', '"кавычки" <b>'],
	['https://example.com/?a=1&b=2', 'https://example.com/?a=1&b=2'],
	['&unknown; &#0; &amp', '&unknown; &#0; &amp'],
])('decodeHtmlEntities(%j) → %j', (input, expected) => {
	expect(decodeHtmlEntities(input)).toBe(expected);
});
