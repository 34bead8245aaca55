import { SITE } from '../../site.ts';
import { toIsoWithOffset } from '../content/dates.ts';
import { HERO_ASPECT, socialImageUrl } from '../content/images.ts';
import { absoluteUrl } from '../site/urls.ts';

/** What a page says about itself. */
export interface PageMeta {
	/** Page title without the site name. Omit on the home page. */
	title?: string;
	description?: string;
	/** Site path of the page, with the trailing slash. */
	path: string;
	/** Absolute image URL (remote) or site path (local). */
	image?: string | undefined;
	/** Pixel size of `image` as linked; 1200×630 (the crop remote heroes get) when not given. */
	imageSize?: { width: number; height: number } | undefined;
	/** Extra for article pages. */
	article?: {
		publishedTime: Date;
		modifiedTime: Date;
		tags: readonly string[];
		author: string;
	};
	/** Prev/next pages of a paginated list. */
	prev?: string;
	next?: string;
	/** Keep the page out of search results (404); such a page names no canonical URL either. */
	noindex?: boolean;
}

/** One <meta> tag: `name` or `property` and its content. */
export type MetaTag = { name: string; content: string } | { property: string; content: string };

/** One <link> tag. */
export interface LinkTag {
	rel: string;
	href: string;
	type?: string;
	title?: string;
}

/** The whole SEO part of a page's <head>, as data; SeoHead.astro prints it. */
export interface HeadModel {
	title: string;
	meta: MetaTag[];
	links: LinkTag[];
}

/** «Заголовок — Блог ButlerSPB», or the site name alone on the home page. */
export const pageTitle = (title?: string): string =>
	title && title !== SITE.name ? `${title} — ${SITE.name}` : SITE.name;

/** A post's hero image as a URL or site path: remote images as written, local ones by built src. */
export const heroImageSrc = (hero: string | { src: string } | undefined): string | undefined =>
	typeof hero === 'string' ? hero : hero?.src;

/** Absolute social image: the given image (1200×630 where the host can crop) or the default. */
export const socialImageFor = (image?: string): string =>
	image ? socialImageUrl(absoluteUrl(image)) : absoluteUrl(SITE.defaultImage);

/** Search-console ownership codes (SITE.verification); an empty code prints no tag. */
export interface Verification {
	google: string;
	yandex: string;
}

/** The verification <meta> tags of the codes that are set. */
export const verificationMeta = ({ google, yandex }: Verification): MetaTag[] => [
	...(google ? [{ name: 'google-site-verification', content: google }] : []),
	...(yandex ? [{ name: 'yandex-verification', content: yandex }] : []),
];

/**
 * Builds the head model of a page: title, description, canonical, Open Graph, Twitter and the
 * search consoles' verification tags.
 */
export function buildHead(
	page: PageMeta,
	verification: Verification = SITE.verification,
): HeadModel {
	const title = pageTitle(page.title);
	const description = page.description ?? SITE.description;
	const canonical = absoluteUrl(page.path);
	const image = socialImageFor(page.image);
	const imageSize = (page.image && page.imageSize) || HERO_ASPECT;
	const meta: MetaTag[] = [
		{ name: 'description', content: description },
		...(page.noindex ? [{ name: 'robots', content: 'noindex' }] : []),
		{ property: 'og:type', content: page.article ? 'article' : 'website' },
		{ property: 'og:title', content: page.title ?? SITE.name },
		{ property: 'og:description', content: description },
		...(page.noindex ? [] : [{ property: 'og:url', content: canonical }]),
		{ property: 'og:image', content: image },
		{ property: 'og:image:width', content: String(imageSize.width) },
		{ property: 'og:image:height', content: String(imageSize.height) },
		{ property: 'og:locale', content: SITE.ogLocale },
		{ property: 'og:site_name', content: SITE.name },
	];
	if (page.article) {
		meta.push(
			{ property: 'article:published_time', content: toIsoWithOffset(page.article.publishedTime) },
			{ property: 'article:modified_time', content: toIsoWithOffset(page.article.modifiedTime) },
			{ property: 'article:author', content: page.article.author },
			...page.article.tags.map((tag) => ({ property: 'article:tag', content: tag })),
		);
	}
	meta.push(
		{ name: 'twitter:card', content: 'summary_large_image' },
		{ name: 'twitter:title', content: page.title ?? SITE.name },
		{ name: 'twitter:description', content: description },
		{ name: 'twitter:image', content: image },
		...verificationMeta(verification),
	);
	const links: LinkTag[] = [
		...(page.noindex ? [] : [{ rel: 'canonical', href: canonical }]),
		{
			rel: 'alternate',
			type: 'application/rss+xml',
			title: SITE.name,
			href: absoluteUrl('/rss.xml'),
		},
		{ rel: 'sitemap', type: 'application/xml', href: absoluteUrl('/sitemap-index.xml') },
	];
	if (page.prev) links.push({ rel: 'prev', href: absoluteUrl(page.prev) });
	if (page.next) links.push({ rel: 'next', href: absoluteUrl(page.next) });
	return { title, meta, links };
}
