import { describe, expect, test } from 'vitest';
import { cacheKey, cardKey, linkKey } from '../../../src/lib/pipeline/cache-key.ts';

const post = { slug: 'a', headline: 'Заголовок', pubDate: new Date('2025-07-25T21:00:00Z') };

describe('cache keys', () => {
	test('same parts, same key; any change, another key', () => {
		const key = cacheKey('digest', [linkKey(post)]);
		expect(cacheKey('digest', [linkKey(post)])).toBe(key);
		expect(cacheKey('digest2', [linkKey(post)])).not.toBe(key);
		expect(cacheKey('digest', [linkKey({ ...post, headline: 'Другой' })])).not.toBe(key);
		expect(cacheKey('digest', [linkKey({ ...post, pubDate: new Date('2025-07-26') })])).not.toBe(
			key,
		);
	});

	test.each([
		[linkKey(post), ['a', 'Заголовок', '2025-07-25T21:00:00.000Z']],
		[linkKey(undefined), []],
		[cardKey({ slug: 'a', digest: 'ff00' }), ['a', 'ff00']],
	])('key parts %j', (parts, expected) => expect(parts).toEqual(expected));
});
