import { generateMetas, renderPost, type GeneratedMeta, type GeneratedPost } from './generate.ts';
import { TITLE_OPENERS, TOPICS } from './vocabulary.ts';

/*
 * The relevance benchmark's corpus, queries and judgments (scripts/bench/relevance-run.ts builds
 * the blog and Pagefind from them; tests/lib/search/search-relevance.test.ts runs the blog's engine on
 * them in memory). Each post is about one topic of the vocabulary, named in its title (and, as in
 * every generated post, in its section headings); the topics are dealt out in turn, so each has
 * seven or eight posts. Bodies are the generator's: most of them mention flats, repairs, keys,
 * clients, Petersburg and other posts' titles («Читайте также»), whatever the post is about.
 * A result is relevant when its post's topic is one the query is about, so relevance is known
 * without reading a page.
 */

/** Posts in the relevance corpus. */
export const RELEVANCE_POSTS = 300;

/** Results judged per query. */
export const RELEVANCE_DEPTH = 5;

/** What a relevance query stands for. */
export type RelevanceKind = 'common word' | 'word form' | 'phrase' | 'question';

/** A query and the topics whose posts answer it. */
export interface RelevanceQuery {
	query: string;
	kind: RelevanceKind;
	topics: readonly (typeof TOPICS)[number][];
}

type Topic = (typeof TOPICS)[number];
const q = (query: string, kind: RelevanceKind, ...topics: Topic[]): RelevanceQuery => ({
	query,
	kind,
	topics,
});

/** The queries: as readers type them, each decided by the vocabulary. */
export const RELEVANCE_QUERIES: readonly RelevanceQuery[] = [
	// Words in most bodies; the posts about them carry them in the title.
	q('квартира', 'common word', 'уборка квартиры'),
	q('уборка', 'common word', 'уборка квартиры', 'генеральная уборка'),
	q('ремонт', 'common word', 'ремонт под ключ', 'ремонт мебели'),
	q('мебель', 'common word', 'ремонт мебели'),
	q('Петербург', 'common word', 'жизнь в Петербурге'),
	q('клиенты', 'common word', 'ценность для клиента', 'отзывы клиентов'),
	q('мастер', 'common word', 'поиск мастеров'),
	q('качество', 'common word', 'качество обслуживания'),
	q('недвижимость', 'common word', 'управление недвижимостью', 'инвестиции в недвижимость'),
	q('ассистент', 'common word', 'персональный ассистент'),
	// Topics in other word forms than the titles'.
	q('посуточной аренды', 'word form', 'посуточная аренда'),
	q('доверительного управления', 'word form', 'доверительное управление'),
	q('генеральной уборки', 'word form', 'генеральная уборка'),
	q('смену замков', 'word form', 'смена замков'),
	q('коммунальных платежей', 'word form', 'коммунальные платежи'),
	q('юридическому сопровождению', 'word form', 'юридическое сопровождение'),
	q('деловых поездках', 'word form', 'деловые поездки'),
	q('организации мероприятий', 'word form', 'организация мероприятий'),
	q('персонального ассистента', 'word form', 'персональный ассистент'),
	q('химчистке', 'word form', 'химчистка'),
	q('релокации', 'word form', 'релокация'),
	q('страхования', 'word form', 'страхование'),
	// Two-word phrases.
	q('уборка квартиры', 'phrase', 'уборка квартиры'),
	q('ремонт мебели', 'phrase', 'ремонт мебели'),
	q('качество обслуживания', 'phrase', 'качество обслуживания'),
	q('загородный дом', 'phrase', 'загородный дом'),
	q('выгул собак', 'phrase', 'выгул собак'),
	q('сезонное хранение', 'phrase', 'сезонное хранение'),
	q('билеты в театр', 'phrase', 'билеты в театр'),
	// Natural questions.
	q('сколько стоит уборка квартиры', 'question', 'уборка квартиры'),
	q('как сдать квартиру посуточно', 'question', 'посуточная аренда'),
	q('что такое доверительное управление', 'question', 'доверительное управление'),
	q('как выбрать персонального ассистента', 'question', 'персональный ассистент'),
	q('где заказать трансфер из аэропорта', 'question', 'трансфер'),
	q('как организовать семейный отдых', 'question', 'семейный отдых'),
	q('кто поможет с ремонтом мебели', 'question', 'ремонт мебели'),
	q('как ухаживать за растениями в отпуске', 'question', 'уход за растениями'),
	q('сколько стоит ремонт под ключ в Петербурге', 'question', 'ремонт под ключ'),
];

/** A post of the relevance corpus and its topic. */
export interface RelevancePost extends GeneratedPost {
	topic: Topic;
}

/**
 * The corpus: the generator's posts (dates, descriptions, bodies), each given the next topic in
 * turn as its title's subject and first keyword (which names its sections). No drafts.
 */
export function relevanceCorpus(count: number = RELEVANCE_POSTS): RelevancePost[] {
	const seed = 'relevance';
	const metas: GeneratedMeta[] = generateMetas(count, { seed }).map((meta, index) => {
		const topic = TOPICS[index % TOPICS.length] ?? TOPICS[0];
		const opener = TITLE_OPENERS[Math.floor(index / TOPICS.length) % TITLE_OPENERS.length] ?? '';
		const subject = opener.endsWith(':') ? topic.charAt(0).toUpperCase() + topic.slice(1) : topic;
		const title = `${opener} ${subject}`;
		const others = meta.keywords.filter((keyword) => !keyword.startsWith(topic));
		const { headline: _headline, ...rest } = meta;
		return {
			...rest,
			title,
			...(meta.headline ? { headline: `${title}: опыт команды ButlerSPB` } : {}),
			keywords: [topic, ...others.slice(0, 2)],
			slug: `relevance-${index + 1}`,
			draft: false,
			related: [],
		};
	});
	return metas.map((meta, index) => ({
		file: `${meta.slug}.md`,
		meta,
		source: renderPost(meta, metas, { seed }),
		topic: TOPICS[index % TOPICS.length] ?? TOPICS[0],
	}));
}

/** The URLs of the posts relevant to a query. */
export function relevantUrls(
	posts: readonly RelevancePost[],
	query: RelevanceQuery,
	urlOf: (slug: string) => string,
): Set<string> {
	return new Set(
		posts.filter((post) => query.topics.includes(post.topic)).map((post) => urlOf(post.meta.slug)),
	);
}

/** Precision at `depth`: the share of the first `depth` results that are relevant. */
export function precisionAt(
	depth: number,
	results: readonly string[],
	relevant: ReadonlySet<string>,
): number {
	return results.slice(0, depth).filter((url) => relevant.has(url)).length / depth;
}

/** One query's precision for each engine. */
export interface RelevanceRow {
	query: string;
	kind: RelevanceKind;
	blog: number;
	pagefind: number;
}

const mean = (values: readonly number[]): number =>
	values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;

/** Averages of the rows for each engine. */
export const averages = (rows: readonly RelevanceRow[]): { blog: number; pagefind: number } => ({
	blog: mean(rows.map((row) => row.blog)),
	pagefind: mean(rows.map((row) => row.pagefind)),
});

/** The Markdown table of the rows and their averages. */
export function formatRelevanceTable(rows: readonly RelevanceRow[]): string {
	const { blog, pagefind } = averages(rows);
	const p = (value: number): string => value.toFixed(2);
	return [
		`| Query | Kind | Blog P@${RELEVANCE_DEPTH} | Pagefind P@${RELEVANCE_DEPTH} |`,
		'| --- | --- | --: | --: |',
		...rows.map((row) => `| ${row.query} | ${row.kind} | ${p(row.blog)} | ${p(row.pagefind)} |`),
		`| **Average** (${rows.length} queries) | | **${p(blog)}** | **${p(pagefind)}** |`,
	].join('\n');
}
