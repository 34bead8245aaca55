import { globSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { searchWords, stemOf } from '../../../src/lib/search/search-engine.ts';
import { shorterStemsAhead, startsEndings } from '../../../src/lib/search/word-endings.ts';

test.each([
	['ого', true],
	['о', true],
	['ог', true],
	['ами', true],
	['ивши', true],
	['ейшая', true], // superlative, then an adjective
	['ос', true], // «ост», «ость»
	['ися', true], // «и», then «ся»
	['д', false],
	['ед', false],
	['осипед', false],
])('startsEndings(%s) → %s', (rest, expected) => {
	expect(startsEndings(rest)).toBe(expected);
});

test.each([
	['новог', ['нов']],
	['велосипед', []],
	['пылесос', ['пылес', 'пылесо']],
])('shorterStemsAhead(%s) → %j', (typed, expected) => {
	expect(shorterStemsAhead(typed).filter((stem) => stem.length >= 3)).toEqual(expected);
});

/**
 * The promise the search page relies on, checked with the stemmer itself on every word of the
 * project's Russian texts: when a word's stem is shorter than one of its prefixes, that prefix
 * lists the stem, so a half-typed word is never taken for a finished one.
 */
test('no word of the posts, the docs and the generated vocabulary has a stem the list misses', () => {
	const files = [
		...globSync('src/content/blog/*.md'),
		...globSync('tests/fixtures/**/*.md'),
		...globSync('docs/*.md'),
		'README.md',
		'scripts/bench/vocabulary.ts',
		'scripts/bench/relevance.ts',
		...globSync('src/lib/content-check/*.ts'),
		...globSync('src/lib/cms/*.ts'),
	];
	const text = files.map((file) => readFileSync(file, 'utf8')).join('\n');
	const words = new Set(searchWords(text).filter((word) => /^[а-яё]+$/.test(word)));
	expect(words.size).toBeGreaterThan(2500);
	const missed: string[] = [];
	for (const word of words) {
		const stem = stemOf(word);
		for (let length = stem.length + 1; length < word.length; length++) {
			const typed = word.slice(0, length);
			if (!shorterStemsAhead(typed).includes(stem)) missed.push(`${typed} → ${word} (${stem})`);
		}
	}
	expect(missed).toEqual([]);
});
