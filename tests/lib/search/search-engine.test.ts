import { describe, expect, test } from 'vitest';
import { generatePosts } from '../../../scripts/bench/generate.ts';
import {
	MAX_PREFIX_CHUNKS,
	SEARCH_FORMAT,
	SearchIndexBuilder,
	chunkOf,
	LONG_QUERY_WORDS,
	STOP_WORDS,
	docTerms,
	idf,
	impact,
	lastWordChunk,
	parseSearchManifest,
	termScore,
	queryWords,
	runSearch,
	searchWords,
	stemOf,
	type SearchChunk,
	type SearchManifest,
	type SearchRecord,
	type SearchSource,
} from '../../../src/lib/search/search-engine.ts';
import { unmixScripts } from '../../../src/lib/search/search-query.ts';

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
 * The ranking straight from the records, with no index: each query word scores its stem's idf ×
 * impact (or, for the last word of a query being typed, the best of its stem and the stems it
 * starts); a short query needs every word, a long one ranks by how many words but stop words an
 * article has; ties to the newer post.
 */
function bruteForce(records: readonly SearchRecord[], query: string, typing: boolean): string[] {
	const terms = docsTerms(records);
	const avg = terms.reduce((sum, t) => sum + t.length, 0) / terms.length;
	const all = [...new Map(queryWords(query).map((word) => [word.term, word])).values()];
	const words =
		all.length > 1 && all.some((w) => w.term.length > 1)
			? all.filter((w) => w.term.length > 1)
			: all;
	const df = new Map<string, number>();
	for (const t of terms) for (const stem of t.counts.keys()) df.set(stem, (df.get(stem) ?? 0) + 1);
	const weight = (stem: string): number => idf(records.length, df.get(stem) ?? 0);
	const long = words.length >= LONG_QUERY_WORDS;
	const content = words.filter((word) => !STOP_WORDS.has(word.term));
	const counted = new Set((content.length > 0 ? content : words).map((word) => word.term));
	const scored: { url: string; date: string; count: number; score: number }[] = [];
	records.forEach((record, n) => {
		const t = terms[n];
		if (!t) return;
		let score = 0;
		let count = 0;
		let every = true;
		let tier = 0;
		for (const [position, { term }] of words.entries()) {
			const stem = stemOf(term);
			const completes = typing && position === words.length - 1 && term.length >= 3;
			let best = 0;
			for (const [candidate, tf] of t.counts) {
				if (candidate !== stem && !(completes && candidate.startsWith(term))) continue;
				const stored = impact(tf, t.fields.get(candidate) ?? 0, t.length, avg);
				const value = termScore(stored, weight(candidate));
				best = Math.max(best, value);
			}
			// The last word, completed to other stems somewhere in the blog: its own stem first.
			const last = position === words.length - 1 && completes;
			const completedAnywhere =
				last && [...df.keys()].some((other) => other !== stem && other.startsWith(term));
			if (completedAnywhere && df.has(stem) && t.counts.has(stem)) tier = 0.25;
			if (best === 0) every = false;
			else if (counted.has(term)) count++;
			if (counted.has(term)) score += best;
		}
		if (long ? count === 0 : !every) return;
		const rank = (long ? count - (count === counted.size && !every ? 0.5 : 0) : 0) + tier;
		scored.push({ url: record.url, date: record.date, count: rank, score });
	});
	scored.sort(
		(a, b) =>
			b.count - a.count ||
			b.score - a.score ||
			(a.date < b.date ? 1 : a.date > b.date ? -1 : a.url < b.url ? -1 : 1),
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
	// Long questions: the articles with most of their words first.
	['сколько стоит генеральная уборка квартиры', false],
	['как приехать к нам в Петербург', false],
	// Still being typed: the last word completes.
	['уборка кварт', true],
	['клиентоо', true],
	['заказч', true],
	// A prefix that is a stem of its own completes too.
	['довер', true],
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

	test('each stem knows whether it is in the title or a heading', () => {
		const terms = docTerms({ title: 'Ключи', headings: ['Доверие'], text: 'Доверие ключи сервис' });
		expect(terms.counts.get(stemOf('ключи'))).toBe(2);
		expect(terms.fields.get(stemOf('ключи'))).toBe(1);
		expect(terms.fields.get(stemOf('доверие'))).toBe(2);
		expect(terms.fields.get(stemOf('сервис'))).toBeUndefined();
		expect(terms.length).toBe(4);
	});

	test('a title match of a common word outweighs any number of mentions in the text', () => {
		const common = idf(1000, 990);
		const inTitle = termScore(impact(1, 1, 300, 300), common);
		expect(inTitle).toBeGreaterThan(termScore(impact(50, 0, 300, 300), common));
		expect(termScore(impact(1, 2, 300, 300), common)).toBeGreaterThan(
			termScore(impact(50, 0, 300, 300), common),
		);
	});

	test('impacts are fine-grained: more mentions, a higher score, even for a common word', () => {
		const common = idf(1000, 990);
		const score = (tf: number) => termScore(impact(tf, 0, 300, 300), common);
		expect(score(50)).toBeGreaterThan(score(2));
		expect(score(2)).toBeGreaterThan(score(1));
		expect(impact(1, 0, 300, 300)).toBeGreaterThan(5);
	});

	test.each([
		null,
		{},
		// The first format: whole BM25 scores, read by no page of this one.
		{ v: 1, count: 1, docs: 'd', chunks: [] },
		{ v: 2, count: 1, docs: 'd', chunks: [['a']] },
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

describe('questions and completion', () => {
	const record = (url: string, date: string, title: string, text: string): SearchRecord => ({
		url,
		title,
		headings: [],
		text,
		date,
	});
	const records = [
		record('/both/', '2025-01-01', 'Ключи', 'Как передать ключи от квартиры соседям.'),
		record('/flat/', '2025-01-03', 'Квартира', 'Как подготовить квартиру к гостям.'),
		record('/how/', '2025-01-04', 'Советы', 'Как и что делать.'),
		record('/trust/', '2025-01-02', 'Доверительное управление', 'Доверительное управление.'),
		record('/faith/', '2025-01-05', 'Доверие', 'Доверие клиентов.'),
		record('/new/', '2024-12-30', 'Переезд', 'Новый офис.'),
	];
	const { source, urls } = indexOf(records, Number.POSITIVE_INFINITY);

	test('a long question ranks articles by how many of its words they have, stop words aside', async () => {
		const answer = await runSearch(source, 'как приехать в квартиру за ключами', { typing: false });
		expect(urls(answer.ids)).toEqual(['/both/', '/flat/']);
		expect(answer.complete).toBe(0);
		expect(answer.terms.find((term) => term.term === 'приехать')?.stems).toEqual([]);
	});

	test('a short query still needs every word', async () => {
		expect((await runSearch(source, 'приехать квартира', { typing: false })).ids).toEqual([]);
		const both = await runSearch(source, 'квартира ключи', { typing: false });
		expect(urls(both.ids)).toEqual(['/both/']);
		expect(both.complete).toBe(1);
	});

	test.each(['довер', 'доверит', 'доверите'])(
		'«%s» being typed finds the longer words it starts, though it is a stem itself',
		async (prefix) => {
			const answer = await runSearch(source, prefix, { typing: true });
			expect(urls(answer.ids)).toContain('/trust/');
			if (prefix === 'довер') expect(urls(answer.ids)).toContain('/faith/');
		},
	);

	test('a finished word does not complete', async () =>
		expect(urls((await runSearch(source, 'довер ', {})).ids)).toEqual(['/faith/']));

	test.each([
		// Too short to complete.
		['кв', true],
		// On the way to «новой», whose stem «нов» the index has (from «Новый офис»).
		['новог', true],
		// No word starting with these has a stem the index has, however it goes on.
		['велосипед', false],
		['квартирод', false],
	])(
		'«%s» being typed, found in no article: open (typing on may find it) %s',
		async (typed, open) => {
			const answer = await runSearch(source, typed, { typing: true });
			expect(answer.ids).toEqual([]);
			const last = answer.terms.at(-1);
			expect(last?.stems).toEqual([]);
			expect(last?.open).toBe(open);
			// A finished word is never open.
			expect((await runSearch(source, `${typed} `)).terms.at(-1)?.open).toBe(false);
			// Typed on, «новог» finds the article.
			if (typed === 'новог') {
				expect(urls((await runSearch(source, 'нового', { typing: true })).ids)).toEqual(['/new/']);
			}
		},
	);

	test('a word that matched is not open', async () => {
		const answer = await runSearch(source, 'кварт', { typing: true });
		expect(answer.ids.length).toBeGreaterThan(0);
		expect(answer.terms.at(-1)?.open).toBe(false);
	});
});

describe('the chunk loaded while the reader types', () => {
	const { source, reads } = indexOf(corpus(120), 2048);
	test.each(['уборка квартиры', 'доверительное управление', 'клиенту', 'ремонт под ключ'])(
		'typing «%s»: every chunk loaded ahead is one the finished query reads',
		async (query) => {
			reads.length = 0;
			await runSearch(source, `${query} `);
			const read = new Set(reads);
			const ahead = [...query].map((_, n) => lastWordChunk(source.manifest, query.slice(0, n + 1)));
			const loaded = ahead.filter((file) => file !== undefined);
			expect(loaded.length).toBeGreaterThan(0);
			expect(loaded.filter((file) => !read.has(file))).toEqual([]);
		},
	);
	test.each(['', 'кв', 'уборка к', '  '])('«%s»: none while the last word is short', (query) =>
		expect(lastWordChunk(source.manifest, query)).toBeUndefined(),
	);
	test('none while the stems a word starts span several chunks', () => {
		const { source: narrow } = indexOf(corpus(120), 256);
		expect(lastWordChunk(narrow.manifest, 'кли')).toBeUndefined();
		expect(lastWordChunk(source.manifest, 'клиент')).toBeDefined();
	});
});
