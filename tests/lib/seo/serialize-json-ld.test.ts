import { describe, expect, test } from 'vitest';
import { serializeJsonLd } from '../../../src/lib/seo/serialize-json-ld.ts';

const XSS = [
	'</script><script>alert(1)</script>',
	'<!-- комментарий',
	'</SCRIPT >',
	'<script>',
	'a & b > c',
	'строка\u2028строка\u2029',
	'"кавычки" и \\ слеш',
];

describe('serializeJsonLd', () => {
	test.each(XSS)('%j round-trips as the same JSON string', (text) => {
		const json = serializeJsonLd({ headline: text, nested: [{ name: text }] });
		expect(JSON.parse(json)).toEqual({ headline: text, nested: [{ name: text }] });
	});

	test.each(XSS)('%j leaves no <, >, & or line separators in the output', (text) => {
		const json = serializeJsonLd({ headline: text });
		expect(json).not.toMatch(/[<>&\u2028\u2029]/);
		expect(json.toLowerCase()).not.toContain('</script');
		expect(json).not.toContain('<!--');
	});

	test('escapes exactly the dangerous characters', () => {
		expect(serializeJsonLd({ a: '</script><!--&' })).toMatchInlineSnapshot(
			`"{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}"`,
		);
	});
});
