import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * A generated blog big enough for the reader features: 25 public posts (three listing pages), a
 * tag with more than one page, a long post with sections, explicit related posts, a draft, and
 * exactly one post that mentions «доверие» — only in other word forms — for the search test.
 */

/** Number of public posts in the corpus. */
export const FIXTURE_POST_COUNT = 25;

/** "Now" for fixture builds, after every post's date. */
export const FIXTURE_NOW = '2025-12-01T12:00:00Z';

/** The post that says «доверия» and «доверии» but never «доверие». */
export const TRUST_POST = { slug: 'klyuchi-i-otchety', headline: 'Ключи, отчёты и спокойствие' };

/** The long post: sections (a table of contents), explicit related posts, two tags. */
export const LONG_POST = {
	slug: 'kak-ustroen-nash-den',
	headline: 'Как устроен наш день: от первого звонка до отчёта',
	related: ['post-03', 'post-07'],
	sections: ['Утро: заявки', 'День: мастера и поставщики', 'Вечер: отчёт клиенту'],
};

/** A tag that has more than one page of posts. */
export const BIG_TAG = { name: 'Петербург', slug: 'peterburg' };

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
	for (let i = 1; i <= FIXTURE_POST_COUNT - 2; i++) {
		const id = String(i).padStart(2, '0');
		const topic = TOPICS[i % TOPICS.length]!;
		const keywords = [topic, ...(i % 2 === 0 || i <= 3 ? [BIG_TAG.name] : [])];
		files.push([
			`post-${id}.md`,
			frontmatter({
				title: `Заметка ${id}: ${topic}`,
				description: `Короткая заметка номер ${id} о том, как мы занимаемся темой «${topic}».`,
				keywords: keywords.join(', '),
				pubDate: dateOf(i),
				...(i % 5 === 0 ? {} : { heroImage: `${HERO}&sig=${id}` }),
			}) + `\n${filler(i)}\n\n${filler(i + 100)}\n`,
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
		}) +
			`\n${filler(24)}\n\n` +
			LONG_POST.sections
				.map(
					(title, n) =>
						`## ${title}\n\n${filler(200 + n)}\n\n### Пример ${n + 1}\n\n${filler(300 + n)}\n`,
				)
				.join('\n') +
			// Footnotes (one cited twice) and a link written without its trailing slash.
			`\nОтчёт уходит вечером[^otchet], а фотографии — сразу[^foto]; об этом же в отчёте[^otchet].` +
			` Похожий день описан в [заметке 03](/blog/post-03).\n\n` +
			`[^otchet]: По почте и в мессенджере.\n\n[^foto]: До и после работы мастера.\n`,
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
	await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), text)));
	return dir;
}
