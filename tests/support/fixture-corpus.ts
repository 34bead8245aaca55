import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { drawSocialImage, encodePng } from '../../scripts/make-brand-images.ts';

/*
 * A generated blog big enough for the reader features: 26 public posts (three listing pages), a
 * tag with more than one page, a long post with sections, explicit related posts, a draft,
 * exactly one post that mentions «доверие» — only in other word forms — for the search test,
 * a post copied in the old format with a wide table, a code block and a long bare URL, and a
 * post with images in its text.
 */

/** Ordinary posts (post-01 …), besides the named ones below. */
const ORDINARY_POST_COUNT = 23;

/** Number of public posts in the corpus. */
export const FIXTURE_POST_COUNT = ORDINARY_POST_COUNT + 3;

/** Whether ordinary post number `i` is tagged with BIG_TAG (every other one, and the first three). */
const hasBigTag = (i: number): boolean => i % 2 === 0 || i <= 3;

/** Public posts tagged with BIG_TAG: the ordinary ones and two named posts (not the draft). */
export const BIG_TAG_POST_COUNT =
	Array.from({ length: ORDINARY_POST_COUNT }, (_, k) => k + 1).filter(hasBigTag).length + 2;

/** "Now" for fixture builds, after every post's date. */
export const FIXTURE_NOW = '2025-12-01T12:00:00Z';

/** The post that says «доверия» and «доверии» but never «доверие». */
export const TRUST_POST = { slug: 'klyuchi-i-otchety', headline: 'Ключи, отчёты и спокойствие' };

/**
 * The long post: sections (a table of contents), explicit related posts, two tags, a HowTo block
 * with a rating (its steps are the sections) and an image in its second section.
 */
export const LONG_POST = {
	slug: 'kak-ustroen-nash-den',
	headline: 'Как устроен наш день: от первого звонка до отчёта',
	related: ['post-03', 'post-07'],
	sections: ['Утро: заявки', 'День: мастера и поставщики', 'Вечер: отчёт клиенту'],
	/** The image shown in the second section. */
	sectionImage: 'https://images.unsplash.com/photo-1560448204-e02f11c3d0e2?w=1200&h=630&sig=step',
};

/** A tag that has more than one page of posts. */
export const BIG_TAG = { name: 'Петербург', slug: 'peterburg' };

/**
 * An ordinary post whose text has two images, below the fold: an Unsplash photo (its URL asks
 * for the 2070-px original) and a local file of LOCAL_IMAGE's size next to the post; and the
 * typography cases a typographer fixes (a particle, a price, a duration).
 */
export const IMAGE_POST = {
	slug: 'post-04',
	unsplash: 'https://images.unsplash.com/photo-1502672260266-1c1ef2d93688?q=80&w=2070',
	local: './images/ofis.png',
	sentence: 'Работаете ли вы по выходным? Да: выезд стоит 3 500 ₽, мастер приезжает за 15 мин.',
};

/** The local image's file size in pixels (1.6:1, not the 3:2 Unsplash images are cut to). */
export const LOCAL_IMAGE = { width: 1200, height: 750 };

/**
 * A post as the old blog wrote it, copied in without `npm run import`: a body `# H1` and a
 * body «Читайте также» list, plus a 7-column table (the price column right-aligned) under a
 * heading, an external link, a long bare URL and a code block.
 */
export const WIDE_TABLE_POST = {
	slug: 'tarify-i-sroki',
	headline: 'Тарифы и сроки работ',
	bodyH1: 'Тарифы и сроки (старый заголовок)',
	tableHeading: 'Стоимость и сроки по районам',
	columns: ['Услуга', 'Район', 'Исполнитель', 'Срок', 'Гарантия', 'Примечание', 'Цена, ₽'],
	priceColumn: 6,
	externalLink: { text: 'прайс-лист партнёров', href: 'https://example.com/partners/price-list' },
	longUrl:
		'https://example.com/concierge/services/renovation/petrogradsky-district/plumbing-and-electrical-works/price-list-2025-final-version.pdf',
	bodyRelated: ['post-01', 'post-02'],
};
/**
 * An ordinary post with a very long word in its title (so «Читайте также» cards of the posts on
 * its topic carry it) and a bare URL in its text next to a word no other post has.
 */
export const LONG_WORDS_POST = {
	slug: 'post-11',
	word: 'высококвалифицированными',
	query: 'памятка',
	url: 'https://example.com/pamyatka-dlya-vladeltsev-kvartir/kak-peredat-klyuchi-i-proverit-uborku-posle-gostey-2025.pdf',
};

/**
 * Short words that start the misspelt queries of the search test («консъерж» → «к», «довeрие»
 * with a Latin e → «до»): a search that matched a part of an unknown word would list this post.
 */
const SHORT_WORDS = 'К вечеру всё готово до мелочей.';

/** The draft: never listed, never searchable. */
export const DRAFT_POST = { slug: 'chernovik-o-planah', headline: 'Черновик о планах' };

const HERO = 'https://images.unsplash.com/photo-1560448204-e02f11c3d0e2?q=80&w=2070';
const TOPICS = ['ремонт', 'уборка', 'аренда', 'поездки', 'подарки'];

/** A paragraph of neutral filler prose (never any form of «доверие»). */
const filler = (n: number): string =>
	`Запись номер ${n}. Мы рассказываем, как команда консьерж-сервиса решает будничные задачи ` +
	`клиентов: находит мастеров, договаривается о сроках и проверяет результат. Каждая история ` +
	`короткая, с примерами из практики и выводами для тех, кто живёт далеко от своей квартиры.`;

function frontmatter(fields: Record<string, unknown>): string {
	const lines = Object.entries(fields).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
	return `---\n${lines.join('\n')}\n---\n`;
}

function dateOf(index: number): string {
	const date = new Date(Date.UTC(2025, 0, 6 + index * 7, 9, 0, 0));
	return date.toISOString();
}

/** Writes the corpus as Markdown files into `dir` (created if missing); returns `dir`. */
export async function writeFixtureCorpus(dir: string): Promise<string> {
	await mkdir(dir, { recursive: true });
	const files: [string, string][] = [];
	// post-01 … post-23: ordinary posts; every other one is tagged «Петербург».
	for (let i = 1; i <= ORDINARY_POST_COUNT; i++) {
		const id = String(i).padStart(2, '0');
		const topic = TOPICS[i % TOPICS.length]!;
		const keywords = [topic, ...(hasBigTag(i) ? [BIG_TAG.name] : [])];
		const images =
			`post-${id}` === IMAGE_POST.slug
				? `\n${IMAGE_POST.sentence}\n\n${filler(i + 400)}\n\n${filler(i + 500)}\n\n` +
					`![Гостиная после уборки](${IMAGE_POST.unsplash})\n\n${filler(i + 600)}\n\n` +
					`![План офиса](${IMAGE_POST.local})\n\n${filler(i + 700)}\n`
				: '';
		const long = `post-${id}` === LONG_WORDS_POST.slug;
		files.push([
			`post-${id}.md`,
			frontmatter({
				title: `Заметка ${id}: ${topic}${long ? ` с ${LONG_WORDS_POST.word} мастерами` : ''}`,
				description: `Короткая заметка номер ${id} о том, как мы занимаемся темой «${topic}».`,
				keywords: keywords.join(', '),
				pubDate: dateOf(i),
				...(i % 5 === 0 ? {} : { heroImage: `${HERO}&sig=${id}` }),
			}) +
				`\n${filler(i)}\n\n${filler(i + 100)}\n${images}` +
				(long ? `\nПамятка для владельцев: ${LONG_WORDS_POST.url}\n\n${SHORT_WORDS}\n` : ''),
		]);
	}
	files.push([
		`${TRUST_POST.slug}.md`,
		frontmatter({
			title: TRUST_POST.headline,
			description: 'Как мы передаём ключи и отчитываемся перед владельцами квартир.',
			keywords: `ключи, ${BIG_TAG.name}`,
			pubDate: dateOf(24),
			heroImage: `${HERO}&sig=trust`,
		}) +
			'\nОснова доверия — прозрачность: владелец видит каждый шаг. ' +
			'В доверии нет мелочей, поэтому мы фотографируем ключи при передаче.\n\n' +
			`${filler(23)}\n`,
	]);
	files.push([
		`${LONG_POST.slug}.md`,
		frontmatter({
			title: LONG_POST.headline,
			description: 'Один рабочий день консьерж-сервиса: заявки, мастера, поставщики и отчёт.',
			keywords: `ремонт, ${BIG_TAG.name}, распорядок`,
			pubDate: dateOf(25),
			heroImage: `${HERO}&sig=long`,
			related: LONG_POST.related,
			schema: {
				'@context': 'https://schema.org',
				'@type': 'HowTo',
				aggregateRating: {
					'@type': 'AggregateRating',
					ratingValue: '4.7',
					reviewCount: 12,
					bestRating: '5',
					worstRating: '1',
				},
			},
		}) +
			`\n${filler(24)}\n\n` +
			LONG_POST.sections
				.map(
					(title, n) =>
						`## ${title}\n\n${filler(200 + n)}\n\n` +
						(n === 1
							? `<img src="${LONG_POST.sectionImage}" alt="Мастер за работой" width="1200" height="630" loading="lazy">\n\n`
							: '') +
						`### Пример ${n + 1}\n\n${filler(300 + n)}\n`,
				)
				.join('\n') +
			// Footnotes (one cited twice) and a link written without its trailing slash.
			`\nОтчёт уходит вечером[^otchet], а фотографии — сразу[^foto]; об этом же в отчёте[^otchet].` +
			` Похожий день описан в [заметке 03](/blog/post-03).\n\n` +
			`[^otchet]: По почте и в мессенджере.\n\n[^foto]: До и после работы мастера.\n`,
	]);
	const wide = WIDE_TABLE_POST;
	const rows = [
		[
			'Сантехника',
			'Петроградский',
			'Сантехник-универсал',
			'1–2 дня',
			'Двенадцать месяцев',
			'Материалы отдельно',
			'3 500',
		],
		[
			'Электрика',
			'Василеостровский',
			'Электромонтажник',
			'2–3 дня',
			'Двенадцать месяцев',
			'С выездом на объект',
			'12 800',
		],
		[
			'Генеральная уборка',
			'Адмиралтейский',
			'Клининговая бригада',
			'Один день',
			'Переделка бесплатно',
			'Химия включена',
			'950',
		],
	];
	files.push([
		`${wide.slug}.md`,
		frontmatter({
			title: wide.headline,
			description: 'Сколько стоят и сколько длятся работы в разных районах города.',
			keywords: 'тарифы, ремонт',
			pubDate: new Date(Date.UTC(2025, 3, 2, 9, 0, 0)).toISOString(),
			heroImage: `${HERO}&sig=wide`,
		}) +
			`\n# ${wide.bodyH1}\n\n${filler(400)}\n\n` +
			`## ${wide.tableHeading}\n\nЦены указаны за типовой заказ.\n\n` +
			`| ${wide.columns.join(' | ')} |\n` +
			`| ${wide.columns.map((_, i) => (i === wide.priceColumn ? '---:' : '---')).join(' | ')} |\n` +
			rows.map((row) => `| ${row.join(' | ')} |\n`).join('') +
			`\nПодробности — в [${wide.externalLink.text}](${wide.externalLink.href}) и по адресу ` +
			`${wide.longUrl}\n\n` +
			`## Как мы считаем срок\n\n${filler(401)}\n\n` +
			'```ts\nconst days = Math.ceil(hours / 8) + (needsParts ? 2 : 0); // запас на доставку материалов и согласование с управляющей компанией\n```\n\n' +
			`## Что входит в цену\n\n${filler(402)}\n\n` +
			`---\n\n## Читайте также\n\n` +
			wide.bodyRelated.map((slug) => `- [Статья ${slug}](/blog/${slug}/)\n`).join(''),
	]);
	files.push([
		`${DRAFT_POST.slug}.md`,
		frontmatter({
			title: DRAFT_POST.headline,
			description: 'Черновик, который не должен попасть на сайт и в поиск.',
			keywords: BIG_TAG.name,
			pubDate: dateOf(26),
			draft: true,
		}) + '\nЧерновик: доверие, доверия, доверии — эти слова поиск не должен найти здесь.\n',
	]);
	await mkdir(join(dir, 'images'), { recursive: true });
	const png = encodePng(drawSocialImage(LOCAL_IMAGE.width, LOCAL_IMAGE.height));
	await writeFile(join(dir, IMAGE_POST.local), png);
	await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), text)));
	return dir;
}
