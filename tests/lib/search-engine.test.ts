import { describe, expect, test } from 'vitest';
import { generatePosts } from '../../scripts/bench/generate.ts';
import {
	MAX_PREFIX_CHUNKS,
	SEARCH_FORMAT,
	SearchIndexBuilder,
	chunkOf,
	docTerms,
	excerptOf,
	impact,
	parseSearchManifest,
	runSearch,
	searchWords,
	stemOf,
	type SearchChunk,
	type SearchManifest,
	type SearchRecord,
	type SearchSource,
} from '../../src/lib/search-engine.ts';
import { unmixScripts } from '../../src/lib/search-query.ts';

/** A generated blog as search records: the bench's seed-shaped posts, Markdown as the text. */
function corpus(count: number, bodyBytes = 2500): SearchRecord[] {
	const records: SearchRecord[] = [];
	for (const { meta, source } of generatePosts(count, { seed: 'search-test', bodyBytes })) {
		if (meta.draft) continue;
		const body = source.slice(source.indexOf('\n---\n', 4) + 5);
		records.push({
			url: `/blog/${meta.slug}/`,
			title: meta.title,
			headings: [...body.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1] ?? ''),
			text: `${meta.description} ${body}`,
			date: meta.pubDate,
		});
	}
	// Words that only share a start with others: «заказчик-исполнитель» holds «заказчик»;
	// «заказчиках» and «заказом» do not hold «заказчике»'s stem.
	records.slice(0, 40).forEach((record, n) => {
		record.text += n % 2 ? ' договор заказчик-исполнитель' : ' о заказчиках и заказах';
	});
	return records;
}

/** The index of `records` with chunks of about `chunkBytes`, and a source that counts reads. */
function indexOf(records: readonly SearchRecord[], chunkBytes: number) {
	const builder = new SearchIndexBuilder();
	for (const record of records) builder.add(record.url, record.date, docTerms(record));
	const built = builder.build(chunkBytes);
	const files = new Map(built.chunks.map((chunk, n) => [`t/${n}.json`, chunk.json]));
	const manifest: SearchManifest = {
		v: SEARCH_FORMAT,
		count: built.order.length,
		docs: 'd',
		chunks: built.chunks.map((chunk, n) => [chunk.first, `t/${n}.json`]),
	};
	const reads: string[] = [];
	const source: SearchSource = {
		manifest,
		chunk: async (file) => {
			reads.push(file);
			const json = files.get(file);
			if (json === undefined) throw new Error(`no chunk ${file}`);
			return JSON.parse(json) as SearchChunk;
		},
	};
	return { built, source, reads, urls: (ids: number[]) => ids.map((id) => built.order[id]) };
}

/**
 * BM25 over the whole corpus straight from the records, with no index: every query word must
 * match its stem (or, for a word still being typed, a stem it starts), ties to the newer post.
 */
function bruteForce(records: readonly SearchRecord[], query: string, typing: boolean): string[] {
	const terms = docsTerms(records);
	const avg = terms.reduce((sum, t) => sum + t.length, 0) / terms.length;
	const all = [...new Set(searchWords(query))];
	const words = all.length > 1 ? all.filter((word) => word.length > 1) : all;
	const df = new Map<string, number>();
	for (const t of terms) for (const stem of t.counts.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
	const idf = (stem: string): number => {
		const d = df.get(stem) ?? 0;
		return Math.log(1 + (records.length - d + 0.5) / (d + 0.5));
	};
	const scored: { url: string; date: string; score: number }[] = [];
	records.forEach((record, n) => {
		const t = terms[n];
		if (!t) return;
		let score = 0;
		for (const [position, word] of words.entries()) {
			const stem = stemOf(word);
			const own = t.counts.get(stem);
			if (own !== undefined) {
				score += impact(own, t.length, avg, idf(stem));
				continue;
			}
			const anyOwn = df.has(stem);
			const last = typing && position === words.length - 1 && word.length >= 3 && !anyOwn;
			const best = last
				? Math.max(
						0,
						...[...t.counts]
							.filter(([candidate]) => candidate.startsWith(word))
							.map(([candidate, tf]) => impact(tf, t.length, avg, idf(candidate))),
					)
				: 0;
			if (best === 0) return;
			score += best;
		}
		scored.push({ url: record.url, date: record.date, score });
	});
	scored.sort(
		(a, b) =>
			b.score - a.score || (a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1),
	);
	return scored.map((entry) => entry.url);
}

const termsCache = new WeakMap<readonly SearchRecord[], ReturnType<typeof docTerms>[]>();
function docsTerms(records: readonly SearchRecord[]) {
	let terms = termsCache.get(records);
	if (!terms) {
		terms = records.map((record) => docTerms(record));
		termsCache.set(records, terms);
	}
	return terms;
}

const QUERIES: [query: string, typing: boolean][] = [
	['квартиры', false],
	['уборка квартиры', false],
	['клиенту', false],
	['доверие', false],
	['заказчике', false],
	['предоплаты', false],
	['велосипед', false],
	['в квартире', false],
	['Ёлка доверительное', false],
	// Still being typed: the last word completes.
	['уборка кварт', true],
	['клиентоо', true],
	['заказч', true],
];

describe('an index split into chunks answers as one index of everything', () => {
	const records = corpus(1500);
	const one = indexOf(records, Number.POSITIVE_INFINITY);
	const split = indexOf(records, 4096);

	test('the corpus is large and the split index has many chunks', () => {
		expect(records.length).toBeGreaterThan(1300);
		expect(one.built.chunks).toHaveLength(1);
		expect(split.built.chunks.length).toBeGreaterThan(100);
	});

	test.each(QUERIES)('«%s»: the same articles in the same order', async (query, typing) => {
		const fromSplit = await runSearch(split.source, query, { typing });
		const fromOne = await runSearch(one.source, query, { typing });
		expect(split.urls(fromSplit.ids)).toEqual(one.urls(fromOne.ids));
		expect(fromSplit.terms).toEqual(fromOne.terms);
	});

	test.each(QUERIES)('«%s»: the order is BM25 over the whole blog', async (query, typing) => {
		const { ids } = await runSearch(split.source, query, { typing });
		expect(split.urls(ids)).toEqual(bruteForce(records, query, typing));
	});

	test('the queries find what they should', async () => {
		const count = async (query: string, typing = false) =>
			(await runSearch(split.source, query, { typing })).ids.length;
		expect(await count('квартиры')).toBeGreaterThan(records.length / 2);
		expect(await count('велосипед')).toBe(0);
		// «заказчике» is «заказчик», as are «заказчик-исполнитель» and «заказчиках»; «заказах» is not.
		expect(await count('заказчике')).toBe(40);
		expect(await count('заказч', true)).toBe(40);
		// A finished word does not complete: «клиентоо» is no word.
		expect(await count('клиентоо')).toBe(0);
		expect(await count('клиентоо', true)).toBeGreaterThan(0);
	});

	test('each word reads one chunk; a word in no article reads only its own', async () => {
		split.reads.length = 0;
		await runSearch(split.source, 'уборка квартиры');
		expect(new Set(split.reads).size).toBeLessThanOrEqual(2);
		split.reads.length = 0;
		await runSearch(split.source, 'велосипед');
		expect(new Set(split.reads).size).toBe(1);
	});

	test('a completion reads at most MAX_PREFIX_CHUNKS chunks, and a wider one completes nothing', async () => {
		split.reads.length = 0;
		const narrow = await runSearch(split.source, 'кварт', { typing: true });
		expect(narrow.terms[0]?.stems).toContain('квартир');
		expect(new Set(split.reads).size).toBeLessThanOrEqual(MAX_PREFIX_CHUNKS + 1);
		// A start shared by the stems of many chunks is too wide to complete.
		const { manifest } = split.source;
		const width = (prefix: string) =>
			chunkOf(manifest, `${prefix}\uffff`) - chunkOf(manifest, prefix) + 1;
		let prefix: string | undefined;
		for (const candidate of ['про', 'пре', 'пос', 'под', 'кон', 'раз', 'пер']) {
			// Not a word of its own, and the start of stems in many chunks.
			const whole = await runSearch(split.source, candidate, { typing: false });
			if (whole.ids.length === 0 && width(candidate) > MAX_PREFIX_CHUNKS) {
				prefix = candidate;
				break;
			}
		}
		if (!prefix) throw new Error('no wide prefix in the corpus');
		split.reads.length = 0;
		const wide = await runSearch(split.source, prefix, { typing: true });
		expect(wide.ids).toEqual([]);
		expect(new Set(split.reads).size).toBe(1);
	});
});

describe('the builder', () => {
	const records = corpus(60);

	test('gives newer articles lower ids, so they win ties', () => {
		const { built } = indexOf(records, 4096);
		const dates = built.order.map((url) => records.find((r) => r.url === url)?.date ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
	});

	test('chunks are sorted, start where the manifest says, and stay near the size asked', () => {
		const { built } = indexOf(records, 2048);
		const firsts = built.chunks.map((chunk) => chunk.first);
		expect(firsts).toEqual([...firsts].sort());
		for (const chunk of built.chunks) {
			const stems = Object.keys(JSON.parse(chunk.json) as SearchChunk);
			expect(stems[0]).toBe(chunk.first);
			expect(stems).toEqual([...stems].sort());
			if (stems.length > 1) expect(chunk.json.length).toBeLessThan(2048 + 1024);
		}
	});

	test('chunkOf finds the chunk whose range holds a stem', () => {
		const manifest = parseSearchManifest({
			v: SEARCH_FORMAT,
			count: 1,
			docs: 'd',
			chunks: [
				['а', 'a'],
				['к', 'b'],
				['п', 'c'],
			],
		});
		if (!manifest) throw new Error('manifest not read');
		expect(chunkOf(manifest, '1')).toBe(-1);
		expect(chunkOf(manifest, 'а')).toBe(0);
		expect(chunkOf(manifest, 'квартир')).toBe(1);
		expect(chunkOf(manifest, 'я')).toBe(2);
	});

	test('a title word weighs more than a body word', () => {
		const terms = docTerms({ title: 'Ключи', headings: ['Доверие'], text: 'Доверие ключи сервис' });
		expect(terms.counts.get(stemOf('ключи'))).toBe(4);
		expect(terms.counts.get(stemOf('доверие'))).toBe(2);
		expect(terms.counts.get(stemOf('сервис'))).toBe(1);
	});

	test.each([
		null,
		{},
		{ v: 2, count: 1, docs: 'd', chunks: [] },
		{ v: 1, count: 1, docs: 'd', chunks: [['a']] },
	])('a manifest of another format (%j) is not read', (json) =>
		expect(parseSearchManifest(json)).toBeUndefined(),
	);
});

describe('words', () => {
	/** The rule as a regular expression: the scan in searchWords must agree with it. */
	const reference = (text: string): string[] =>
		(
			text
				.toLowerCase()
				.replace(/ё/g, 'е')
				.match(/[\p{L}\p{N}]+/gu) ?? []
		).map((word) =>
			/[a-z]/.test(word) && /\p{Script=Cyrillic}/u.test(word) ? unmixScripts(word) : word,
		);

	test('the scan agrees with the rule on a generated blog and on odd text', () => {
		const texts = corpus(40).map((record) => `${record.title} ${record.text}`);
		texts.push(
			'Ёжик — «ёлка»… naïve café São Paulo Straße ΑΒΓ αβγ 東京 ١٢٣ ½ № 5 24/7 e-mail HOMEP НОМEР',
			'tab\tnew\nline\u00a0nbsp\u2009thin\u200bzero-width x²',
		);
		for (const text of texts) expect(searchWords(text)).toEqual(reference(text));
	});

	test.each([
		['Ёлка', ['елка']],
		['консьерж-сервис', ['консьерж', 'сервис']],
		['довeрие (Latin e)', ['доверие', 'latin', 'e']],
		['«Доверие», ключи!', ['доверие', 'ключи']],
		['— ...', []],
		['24/7 Netlify', ['24', '7', 'netlify']],
	])('searchWords(%j) → %j', (text, words) => expect(searchWords(text)).toEqual(words));
});

describe('excerpts', () => {
	const text =
		'Мы начинаем с разговора. Доверие строится годами, а теряется за минуту: поэтому мы ' +
		'отчитываемся о каждом шаге и показываем доверителю все расходы. Ключи хранятся в сейфе.';
	const parts = excerptOf(text, new Set([stemOf('доверие'), stemOf('ключи')]));

	test('marks the matched words, whole, and only them («доверителю» has another stem)', () =>
		expect(parts.filter((part) => part.mark).map((part) => part.text)).toEqual([
			'Доверие',
			'Ключи',
		]));

	test('the text reads as the article: nothing added but the ellipses', () =>
		expect(
			parts
				.map((part) => part.text)
				.join('')
				.replace(/…/g, ''),
		).toBe(text.split(' ').slice(0, 24).join(' ')));

	test('a match far into the text is shown with its context, with an ellipsis before', () => {
		const long = `${'слово '.repeat(100)}здесь доверие и ключи ${'конец '.repeat(50)}`;
		const found = excerptOf(long, new Set([stemOf('доверие')]));
		expect(found[0]?.text.startsWith('…')).toBe(true);
		expect(found.find((part) => part.mark)?.text).toBe('доверие');
		expect(found.at(-1)?.text.endsWith('…')).toBe(true);
	});

	test('no match: the start of the text', () =>
		expect(excerptOf('Один два три', new Set(['xyz']))).toEqual([
			{ text: 'Один два три', mark: false },
		]));
});

test('a word glued to a preposition by a no-break space is marked alone, and the space kept', () => {
	const parts = excerptOf('Строится в\u00a0доверии и\u00a0заботе', new Set([stemOf('доверие')]));
	expect(parts).toEqual([
		{ text: 'Строится в\u00a0', mark: false },
		{ text: 'доверии', mark: true },
		{ text: ' и\u00a0заботе', mark: false },
	]);
});
