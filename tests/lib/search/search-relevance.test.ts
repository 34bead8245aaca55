import { describe, expect, test } from 'vitest';
import {
	RELEVANCE_DEPTH,
	RELEVANCE_QUERIES,
	averages,
	precisionAt,
	relevanceCorpus,
	relevantUrls,
	type RelevanceRow,
} from '../../../scripts/bench/relevance.ts';
import {
	SEARCH_FORMAT,
	SearchIndexBuilder,
	docTerms,
	runSearch,
	type SearchChunk,
	type SearchRecord,
	type SearchSource,
} from '../../../src/lib/search/search-engine.ts';
import { postPath } from '../../../src/lib/site/urls.ts';

/*
 * The relevance benchmark's queries (scripts/bench/relevance.ts) against the blog's engine on the
 * same generated corpus, in memory: the records are made from the Markdown as the article page
 * shows it (the h1 is the headline, the text the description and the body without its Markdown
 * syntax, h2 and h3 the headings). `npm run bench -- --relevance` runs them on the built blog,
 * beside Pagefind.
 */

const posts = relevanceCorpus();

/** A post's record as the built page gives it, near enough. */
function recordOf({ meta, source }: (typeof posts)[number]): SearchRecord {
	const body = source.slice(source.indexOf('\n---\n', 4) + 5);
	const headings = [...body.matchAll(/^#{2,3} (.+)$/gm)].map((match) => match[1] ?? '');
	const text = body
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, '')
		.replace(/^#{2,3} (.+)$/gm, '$1\n')
		.replace(/^\s*(?:\d+\.|\*)\s+/gm, '')
		.replace(/\*/g, '');
	return {
		url: postPath(meta.slug),
		title: meta.headline ?? meta.title,
		headings,
		text: `${meta.description} ${text}`,
		date: meta.pubDate,
	};
}

const builder = new SearchIndexBuilder();
for (const post of posts) {
	const record = recordOf(post);
	builder.add(record.url, record.date, docTerms(record));
}
const built = builder.build(Number.POSITIVE_INFINITY);
const chunk = JSON.parse(built.chunks[0]?.json ?? '{}') as SearchChunk;
const source: SearchSource = {
	manifest: {
		v: SEARCH_FORMAT,
		count: built.order.length,
		docs: '',
		chunks: [[built.chunks[0]?.first ?? '', 'all']],
	},
	chunk: async () => chunk,
};

/** The first results of a query, as the search page runs it (the last word as typed). */
const top = async (query: string): Promise<string[]> =>
	(await runSearch(source, query)).ids.slice(0, RELEVANCE_DEPTH).map((id) => built.order[id] ?? '');

describe('relevance on the benchmark corpus', () => {
	test('the corpus and queries are what the benchmark needs', () => {
		expect(posts).toHaveLength(300);
		expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(30);
		for (const query of RELEVANCE_QUERIES) {
			// Every query can score full marks.
			expect(relevantUrls(posts, query, postPath).size).toBeGreaterThanOrEqual(RELEVANCE_DEPTH);
		}
	});

	test(`precision at ${RELEVANCE_DEPTH} is at least 0.9 on average, and no query is lost`, async () => {
		const rows: RelevanceRow[] = [];
		for (const query of RELEVANCE_QUERIES) {
			const relevant = relevantUrls(posts, query, postPath);
			const blog = precisionAt(RELEVANCE_DEPTH, await top(query.query), relevant);
			rows.push({ query: query.query, kind: query.kind, blog, pagefind: Number.NaN });
		}
		const failing = rows.filter((row) => row.blog < 0.6).map((row) => `${row.query}: ${row.blog}`);
		expect(failing).toEqual([]);
		expect(averages(rows).blog).toBeGreaterThanOrEqual(0.9);
	});

	test('a word in most posts ranks the posts with it in the title first', async () => {
		const results = await runSearch(source, 'квартира');
		expect(results.ids.length).toBeGreaterThan(posts.length / 2);
		const titles = (await top('квартира')).map(
			(url) => posts.find((post) => postPath(post.meta.slug) === url)?.meta.title ?? '',
		);
		for (const title of titles) expect(title).toMatch(/квартиры/);
	});
});
