import { SITE } from '../../src/site.ts';
import { slugify } from '../../src/lib/content/slug.ts';
import { absoluteUrl, postPath } from '../../src/lib/site/urls.ts';
import { createRandom, createZipf, hashSeed, type Random } from './prng.ts';
import {
	OBJECTS,
	OPENERS,
	PHOTOS,
	PREDICATES,
	QUALIFIERS,
	QUESTIONS,
	SECTION_HEADINGS,
	SITE_LINKS,
	SUBJECTS,
	SUBSECTION_HEADINGS,
	TAILS,
	TITLE_OPENERS,
	TOPICS,
} from './vocabulary.ts';

/*
 * Generates benchmark posts shaped like the blog's real ones: the same frontmatter fields
 * (schema.org HowTo as inline JSON in half the posts and as block YAML in the other half),
 * a ~15 KB Russian body with h2/h3 sections, lists, Markdown links and raw <a> HTML, keywords
 * with a long-tail distribution, dates spread over years and related links between posts.
 * Everything comes from a seeded generator: the same count gives the same bytes.
 */

/** What the generator decides about a post before writing its text. */
export interface GeneratedMeta {
	index: number;
	slug: string;
	title: string;
	headline?: string;
	description: string;
	keywords: string[];
	pubDate: string;
	updatedDate?: string;
	draft: boolean;
	related: string[];
	hero: string;
	rating: { value: string; count: number };
	/** Frontmatter style: the first seed post's inline JSON or the second's block YAML. */
	style: 'inline' | 'block';
}

/** A generated post file. */
export interface GeneratedPost {
	/** File name inside the content folder. */
	file: string;
	meta: GeneratedMeta;
	source: string;
}

/** Options of the generator. */
export interface GenerateOptions {
	/** Seed of the corpus; the default gives the corpus the benchmark figures were measured on. */
	seed?: string;
	/** Approximate body size in bytes (UTF-8). */
	bodyBytes?: number;
}

const FIRST_DATE = Date.UTC(2018, 0, 1);
const LAST_DATE = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;

/** Every keyword the corpus may use, most common first: ButlerSPB, topics, then long-tail pairs. */
export function keywordPool(size: number, seed = 'keywords'): string[] {
	const random = createRandom(hashSeed(seed));
	const tail: string[] = [];
	for (const topic of TOPICS)
		for (const qualifier of QUALIFIERS) tail.push(`${topic} ${qualifier}`);
	for (let i = tail.length - 1; i > 0; i--) {
		const j = random.int(0, i);
		const swap = tail[j] ?? '';
		tail[j] = tail[i] ?? '';
		tail[i] = swap;
	}
	const years = ['2022', '2023', '2024', '2025', '2026'];
	const longer = years.flatMap((year) => tail.map((keyword) => `${keyword} ${year}`));
	return ['ButlerSPB', ...TOPICS, ...tail, ...longer].slice(0, Math.max(1, size));
}

/** Distinct keywords the corpus draws from: grows with the blog, as tags do. */
export const keywordPoolSize = (posts: number): number => Math.max(40, Math.round(posts * 0.5));

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string): string =>
	/^[А-ЯЁ][а-яё]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;

function sentence(random: Random): string {
	const opener = random.chance(0.3) ? `${random.pick(OPENERS)} ` : '';
	const subject = random.pick(SUBJECTS);
	const words = [
		opener ? lowerFirst(subject) : subject,
		random.pick(PREDICATES),
		random.pick(OBJECTS),
		random.chance(0.7) ? random.pick(TAILS) : '',
	].filter(Boolean);
	let text = `${opener}${words.join(' ')}`;
	const emphasis = random.next();
	if (emphasis < 0.08) text = `**${text}**`;
	else if (emphasis < 0.16) text = text.replace(/ (\S+ \S+)$/, ' *$1*');
	return `${text}.`;
}

function paragraph(random: Random, min = 3, max = 6): string {
	return Array.from({ length: random.int(min, max) }, () => sentence(random)).join(' ');
}

function list(random: Random): string {
	if (random.chance(0.5)) {
		return Array.from(
			{ length: random.int(3, 5) },
			(_, i) => `${i + 1}.  ${sentence(random)}`,
		).join('\n');
	}
	return Array.from(
		{ length: random.int(3, 5) },
		() => `*   **${capitalize(random.pick(OBJECTS))}:** ${lowerFirst(sentence(random))}`,
	).join('\n');
}

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** A post body: intro, h2 sections with h3s, lists and links, then an FAQ. */
function body(
	meta: GeneratedMeta,
	linkable: readonly GeneratedMeta[],
	random: Random,
	target: number,
) {
	const blocks: string[] = [];
	const [siteUrl, siteText] = random.pick(SITE_LINKS);
	blocks.push(paragraph(random));
	blocks.push(`${paragraph(random, 2, 4)} Подробнее: [${siteText}](${siteUrl}).`);
	const headings = [...SECTION_HEADINGS];
	let size = utf8Length(blocks.join('\n\n'));
	let section = 0;
	const reserve = 2_600; // the FAQ and about half a section
	while (size < target - reserve && headings.length > 0) {
		const heading = headings.splice(random.int(0, headings.length - 1), 1).join('');
		const parts = [`## ${heading}: ${meta.keywords[0] ?? 'сервис'}`, paragraph(random)];
		if (section === 1) {
			const [href, text] = random.pick(SITE_LINKS);
			parts.push(
				`${paragraph(random, 2, 3)} подробности на <a href="${href}" target="_blank" rel="nofollow">${text}</a>`,
			);
		}
		if (random.chance(0.6)) parts.push(list(random));
		for (let h3 = random.int(0, 3); h3 > 0; h3--) {
			parts.push(`### ${random.pick(SUBSECTION_HEADINGS)}`, paragraph(random));
			if (random.chance(0.3)) parts.push(paragraph(random, 2, 4));
		}
		if (linkable.length > 0 && random.chance(0.5)) {
			const other = random.pick(linkable);
			parts.push(
				`${paragraph(random, 1, 2)} Читайте также: [${other.title}](${postPath(other.slug)}).`,
			);
		}
		blocks.push(...parts);
		size += utf8Length(parts.join('\n\n')) + 2 * parts.length;
		section++;
	}
	blocks.push('## Часто задаваемые вопросы (FAQ)');
	const questions = [...QUESTIONS];
	for (let q = random.int(2, 3); q > 0; q--) {
		blocks.push(`### ${questions.splice(random.int(0, questions.length - 1), 1).join('')}`);
		blocks.push(paragraph(random, 2, 4));
	}
	return `${blocks.join('\n\n')}\n`;
}

const isoDate = (time: number): string => new Date(time).toISOString();

/** Decides everything about every post except its text. O(n log n) (Zipf sampling). */
export function generateMetas(count: number, options: GenerateOptions = {}): GeneratedMeta[] {
	const seed = options.seed ?? 'butlerspb-bench';
	const pool = keywordPool(keywordPoolSize(count), seed);
	const zipf = createZipf(pool.length, 1);
	const step = (LAST_DATE - FIRST_DATE) / Math.max(1, count);
	const metas: GeneratedMeta[] = [];
	for (let index = 0; index < count; index++) {
		const random = createRandom(hashSeed(`${seed}:${count}:${index}`));
		const keywords = new Set<string>();
		const wanted = random.chance(0.05) ? 0 : random.int(3, 8);
		for (let tries = 0; keywords.size < wanted && tries < wanted * 4; tries++) {
			keywords.add(pool[zipf(random)] ?? 'ButlerSPB');
		}
		const list = [...keywords];
		const topic = list.find((k) => k !== 'ButlerSPB') ?? random.pick(TOPICS);
		const opener = random.pick(TITLE_OPENERS);
		const title = `${opener} ${opener.endsWith(':') ? capitalize(topic) : topic}`;
		const slug = `${slugify(title).split('-').slice(0, 7).join('-')}-${index + 1}`;
		const published = FIRST_DATE + index * step + random.int(0, Math.floor(step * 0.9));
		const updated = random.chance(0.1)
			? Math.min(LAST_DATE, published + random.int(1, 400) * DAY)
			: undefined;
		const related: string[] = [];
		for (let r = index === 0 ? 0 : random.int(0, 3); r > 0; r--) {
			const other = metas[random.int(0, index - 1)];
			if (other && !other.draft && !related.includes(other.slug)) related.push(other.slug);
		}
		metas.push({
			index,
			slug,
			title,
			...(random.chance(0.5) ? { headline: `${title}: опыт команды ButlerSPB` } : {}),
			description: clipDescription(`${paragraph(random, 2, 2)}`.replace(/\*/g, '')),
			keywords: list,
			pubDate: isoDate(published),
			...(updated ? { updatedDate: isoDate(updated) } : {}),
			draft: random.chance(0.01),
			related,
			hero: `https://images.unsplash.com/${random.pick(PHOTOS)}?q=80&w=2070&auto=format&fit=crop`,
			rating: { value: `4.${random.int(0, 9)}`, count: random.int(5, 900) },
			style: index % 2 === 0 ? 'inline' : 'block',
		});
	}
	return metas;
}

/** A description search engines show whole (the content check warns above 160 characters). */
function clipDescription(text: string, max = 160): string {
	if (text.length <= max) return text;
	return `${text.slice(0, text.lastIndexOf(' ', max - 1)).replace(/[,.:;]$/, '')}…`;
}

/** The hero images' alternative text (the content check warns when a hero has none). */
const HERO_ALT = 'Интерьер квартиры в Петербурге';

const double = (text: string): string => JSON.stringify(text);
const single = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/** Folds text for a YAML `>-` block at about 80 columns, indented by `indent` spaces. */
function folded(text: string, indent: number): string {
	const pad = ' '.repeat(indent);
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(' ')) {
		if (line && line.length + word.length + 1 > 80 - indent) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return `>-\n${lines.map((l) => pad + l).join('\n')}`;
}

function howTo(meta: GeneratedMeta) {
	return {
		'@context': 'https://schema.org',
		'@type': 'HowTo',
		name: meta.title,
		description: meta.description,
		image: { '@type': 'ImageObject', url: meta.hero },
		aggregateRating: {
			'@type': 'AggregateRating',
			ratingValue: meta.rating.value,
			reviewCount: meta.rating.count,
			bestRating: '5',
			worstRating: '1',
		},
		publisher: {
			'@type': 'Organization',
			name: SITE.name,
			logo: { '@type': 'ImageObject', url: absoluteUrl('/favicon.ico') },
		},
		mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(postPath(meta.slug)) },
	};
}

/** Frontmatter like the first seed post: double quotes, keyword string, inline JSON schema. */
function inlineFrontmatter(meta: GeneratedMeta): string[] {
	return [
		`title: ${double(meta.title)}`,
		`description: ${double(meta.description)}`,
		...(meta.keywords.length ? [`keywords: ${double(meta.keywords.join(', '))}`] : []),
		`pubDate: ${double(meta.pubDate)}`,
		...(meta.updatedDate ? [`updatedDate: ${double(meta.updatedDate)}`] : []),
		`author: ${double(SITE.defaultAuthor)}`,
		`heroImage: ${double(meta.hero)}`,
		`heroAlt: ${double(HERO_ALT)}`,
		`schema: ${JSON.stringify(howTo(meta))}`,
		...(meta.headline ? [`headline: ${double(meta.headline)}`] : []),
	];
}

/** Frontmatter like the second seed post: single quotes, folded text, block YAML schema. */
function blockFrontmatter(meta: GeneratedMeta): string[] {
	const schema = howTo(meta);
	const rating = schema.aggregateRating;
	return [
		`title: ${single(meta.title)}`,
		`description: ${folded(meta.description, 2)}`,
		...(meta.keywords.length ? ['keywords:', ...meta.keywords.map((k) => `  - ${k}`)] : []),
		`pubDate: ${single(meta.pubDate)}`,
		...(meta.updatedDate ? [`updatedDate: ${single(meta.updatedDate)}`] : []),
		`author: ${SITE.defaultAuthor}`,
		`heroImage: >-\n  ${meta.hero}`,
		`heroAlt: ${single(HERO_ALT)}`,
		'schema:',
		`  '@context': 'https://schema.org'`,
		`  '@type': HowTo`,
		`  name: ${single(meta.title)}`,
		`  description: ${folded(meta.description, 4)}`,
		'  image:',
		`    '@type': ImageObject`,
		`    url: >-\n      ${meta.hero}`,
		'  aggregateRating:',
		`    '@type': AggregateRating`,
		`    ratingValue: ${single(rating.ratingValue)}`,
		`    reviewCount: ${rating.reviewCount}`,
		`    bestRating: '5'`,
		`    worstRating: '1'`,
		'  publisher:',
		`    '@type': Organization`,
		`    name: ${schema.publisher.name}`,
		'    logo:',
		`      '@type': ImageObject`,
		`      url: ${single(schema.publisher.logo.url)}`,
		'  mainEntityOfPage:',
		`    '@type': WebPage`,
		`    '@id': >-\n      ${schema.mainEntityOfPage['@id']}`,
		...(meta.headline ? [`headline: ${double(meta.headline)}`] : []),
	];
}

/** Writes one post's file text. `metas` are all posts (for links to other posts). */
export function renderPost(
	meta: GeneratedMeta,
	metas: readonly GeneratedMeta[],
	options: GenerateOptions = {},
): string {
	const seed = options.seed ?? 'butlerspb-bench';
	const random = createRandom(hashSeed(`${seed}:body:${meta.index}`));
	const linkable = metas.slice(Math.max(0, meta.index - 200), meta.index).filter((m) => !m.draft);
	const lines = meta.style === 'inline' ? inlineFrontmatter(meta) : blockFrontmatter(meta);
	if (meta.draft) lines.push('draft: true');
	if (meta.related.length) lines.push('related:', ...meta.related.map((slug) => `  - ${slug}`));
	const text = body(meta, linkable, random, options.bodyBytes ?? 15_000);
	return `---\n${lines.join('\n')}\n---\n\n${text}`;
}

/** Generates `count` posts, lazily, in index order. */
export function* generatePosts(
	count: number,
	options: GenerateOptions = {},
): Generator<GeneratedPost> {
	const metas = generateMetas(count, options);
	for (const meta of metas) {
		yield { file: `${meta.slug}.md`, meta, source: renderPost(meta, metas, options) };
	}
}
