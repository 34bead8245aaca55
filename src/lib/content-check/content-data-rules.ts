import type { FileFinding, FindingCode, Severity } from './content-check-types.ts';
import { fieldPath } from './content-issues.ts';
import { fieldLine } from '../content/frontmatter-source.ts';
import { normaliseKeywords, splitKeywords } from '../content/keywords.ts';
import type { PostFrontmatter } from '../content/post-schema.ts';
import { isImageAllowed, urlOrigin } from '../netlify/security-headers.ts';
import { tagPath } from '../site/urls.ts';
import { SITE } from '../../site.ts';

/*
 * Rules of the content check for a valid post's fields: a hero image the build can find and the
 * site's CSP allows, lengths search engines show in full, keywords that give one tag each.
 */

/** Recommended lengths, in characters: search engines cut longer titles and descriptions. */
export const TEXT_LIMITS = {
	titleMax: 70,
	descriptionMin: 50,
	descriptionMax: 160,
} as const;

/** A validated post's fields, with the raw YAML they came from. */
export interface DataInput {
	file: string;
	/** Frontmatter lines (for line numbers). */
	lines: readonly string[];
	data: PostFrontmatter;
	/** The frontmatter as parsed, before the schema normalised it. */
	raw: unknown;
}

const length = (text: string): number => [...text].length;

/** Checks a valid post's fields. */
export function checkDataRules({ file, lines, data, raw }: DataInput): FileFinding[] {
	const findings: FileFinding[] = [];
	const add = (
		severity: Severity,
		code: FindingCode,
		path: readonly PropertyKey[],
		message: string,
	): void => {
		const line = fieldLine(lines, path);
		findings.push({
			finding: {
				severity,
				code,
				file,
				...(line ? { line } : {}),
				field: fieldPath(path),
				message,
			},
		});
	};

	const hero = data.heroImage;
	if (typeof hero === 'string' && hero.startsWith('/') && !hero.startsWith('//')) {
		add(
			'error',
			'hero-root-path',
			['heroImage'],
			`путь «${hero}» начинается с /: так обложку указать нельзя, сборка не найдёт файл (файлы из public/ для обложки не подходят). Положите картинку рядом со статьёй и укажите путь от её папки, например ./images/${hero.split('/').pop() ?? 'photo.jpg'}, или укажите адрес https://…`,
		);
	} else if (typeof hero === 'string' && !isImageAllowed(hero)) {
		const origin = urlOrigin(hero) ?? hero;
		add(
			'error',
			'image-blocked',
			['heroImage'],
			`картинка с адреса ${origin} не покажется на сайте: политика безопасности (CSP) разрешает картинки только с самого сайта и с ${SITE.imageOrigins.join(', ')}. Загрузите картинку рядом со статьёй (./images/…) или попросите разработчиков добавить ${origin} в imageOrigins в src/site.ts`,
		);
	}
	if (hero !== undefined && data.heroAlt === undefined) {
		add(
			'warning',
			'hero-alt-missing',
			['heroImage'],
			'у картинки нет описания heroAlt: незрячие читатели и поисковики не узнают, что на ней. Добавьте поле heroAlt: "что изображено" (или heroAlt: "", если картинка только для украшения)',
		);
	}

	const title = length(data.title);
	if (title > TEXT_LIMITS.titleMax) {
		add(
			'warning',
			'title-length',
			['title'],
			`заголовок длиной ${title} знаков: поисковики покажут только первые ~${TEXT_LIMITS.titleMax}. Сократите title (длинный заголовок на странице можно задать в headline)`,
		);
	}
	const description = length(data.description);
	if (description < TEXT_LIMITS.descriptionMin || description > TEXT_LIMITS.descriptionMax) {
		add(
			'warning',
			'description-length',
			['description'],
			`описание длиной ${description} знаков, а поисковики показывают ${TEXT_LIMITS.descriptionMin}–${TEXT_LIMITS.descriptionMax}: ${description < TEXT_LIMITS.descriptionMin ? 'допишите одно-два предложения о том, чем статья полезна' : 'сократите description, иначе в выдаче оно оборвётся'}`,
		);
	}

	const written = (raw as { keywords?: unknown } | undefined)?.keywords;
	if (typeof written === 'string' || Array.isArray(written)) {
		const items = splitKeywords(
			typeof written === 'string'
				? written
				: written.filter((item): item is string => typeof item === 'string'),
		);
		const { collisions, empty } = normaliseKeywords(items);
		for (const { kept, dropped, slug } of collisions) {
			add(
				'warning',
				'keyword-collision',
				['keywords'],
				`ключевые слова «${kept}» и «${dropped}» ведут на одну страницу тега ${tagPath(slug)}: оставлено «${kept}», «${dropped}» не используется. Удалите одно из них`,
			);
		}
		for (const keyword of empty) {
			add(
				'warning',
				'keyword-empty',
				['keywords'],
				`ключевое слово «${keyword}» состоит только из знаков препинания: у него не может быть страницы тега, оно не используется. Удалите его или напишите словами`,
			);
		}
	}
	return findings;
}
