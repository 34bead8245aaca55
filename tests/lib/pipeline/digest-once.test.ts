import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestOnce, type DigestFunction } from '../../../src/lib/pipeline/digest-once.ts';

/** A digest function that counts how often it hashes. */
function counting(): { digest: DigestFunction; calls: () => number } {
	let calls = 0;
	return {
		digest: (data) => {
			calls++;
			const text = typeof data === 'string' ? data : JSON.stringify(data);
			return createHash('sha1').update(text).digest('hex');
		},
		calls: () => calls,
	};
}

describe('digestOnce', () => {
	it('hashes a text once for the loader and glob() together, with the same digest', () => {
		const inner = counting();
		const digest = digestOnce(inner.digest);
		const text = 'ж'.repeat(20_000);
		const first = digest(text);
		expect(digest(text)).toBe(first);
		expect(inner.calls()).toBe(1);
		expect(first).toBe(inner.digest(text));
	});

	it('pairs calls per text when files interleave', () => {
		const inner = counting();
		const digest = digestOnce(inner.digest);
		const [a, b] = ['первый', 'второй'];
		const da = digest(a);
		const db = digest(b);
		expect(digest(b)).toBe(db);
		expect(digest(a)).toBe(da);
		expect(da).not.toBe(db);
		expect(inner.calls()).toBe(2);
	});

	it('forgets a text after its second call, so a changed file is hashed again', () => {
		const inner = counting();
		const digest = digestOnce(inner.digest);
		digest('текст');
		digest('текст');
		digest('текст');
		expect(inner.calls()).toBe(2);
	});

	it('never remembers objects', () => {
		const inner = counting();
		const digest = digestOnce(inner.digest);
		const data = { title: 'Заголовок' };
		expect(digest(data)).toBe(digest(data));
		expect(inner.calls()).toBe(2);
	});
});
