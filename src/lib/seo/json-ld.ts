import type {
	BlogLeaf,
	BlogPostingLeaf,
	BreadcrumbListLeaf,
	Graph,
	HowToLeaf,
	HowToStepLeaf,
	ImageObjectLeaf,
	OrganizationLeaf,
	PersonLeaf,
	WebSiteLeaf,
} from 'schema-dts';
import { SITE } from '../../site.ts';
import { toIsoWithOffset } from '../content/dates.ts';
import { articleImageUrls, toHttps } from '../content/images.ts';
import type { HowToFrontmatter } from '../content/post-schema.ts';
import type { SectionContent } from '../search/section-text.ts';
import { heroImageSrc, socialImageFor } from './seo.ts';
import { buildToc, type Heading } from '../text/toc.ts';
import { absoluteUrl, postPath } from '../site/urls.ts';

/*
 * The schema.org graphs of the site, typed with schema-dts. Every node that other pages or nodes
 * refer to has a stable @id, so search engines can tie the home page, the organisation and each
 * article together.
 */

/** @id of the publishing organisation, the same on every page. */
export const ORGANIZATION_ID = `${SITE.url}/#organization`;

/** @id of the website node on the home page. */
export const WEBSITE_ID = `${SITE.url}/#website`;

/** @id of the blog node on the home page. */
export const BLOG_ID = `${SITE.url}/#blog`;

/** Google shows at most 110 characters of an article headline. */
export const HEADLINE_MAX = 110;

/** What the JSON-LD needs to know about a post; a `Post` from src/data/posts.ts fits. */
export interface JsonLdPost {
	slug: string;
	title: string;
	headline: string;
	description: string;
	keywords: readonly string[];
	pubDate: Date;
	modifiedDate: Date;
	wordCount: number;
	data: {
		author: string;
		heroImage?: string | { src: string } | undefined;
		schema?: HowToFrontmatter | undefined;
	};
}

/** @id of an article's BlogPosting node. */
export const articleId = (slug: string): string => `${absoluteUrl(postPath(slug))}#article`;

/** Shortens text to `max` characters at a word boundary, with «…», leaving short text as it is. */
export function truncateText(text: string, max: number = HEADLINE_MAX): string {
	const chars = [...text.trim()];
	if (chars.length <= max) return chars.join('');
	const cut = chars.slice(0, max - 1).join('');
	const space = cut.search(/\s\S*$/);
	const head = space > max / 2 ? cut.slice(0, space) : cut;
	return `${head.replace(/[\s.,:;!?—–-]+$/u, '')}…`;
}

/** The organisation that publishes the blog, with its logo. */
export function buildOrganization(): OrganizationLeaf {
	const { organization } = SITE;
	const logo: ImageObjectLeaf = {
		'@type': 'ImageObject',
		url: absoluteUrl(organization.logo),
		width: String(organization.logoWidth),
		height: String(organization.logoHeight),
	};
	return {
		'@type': 'Organization',
		'@id': ORGANIZATION_ID,
		name: organization.name,
		url: organization.url,
		logo,
	};
}

/**
 * The author as a Person. The default author («Эксперт ButlerSPB») writes for the organisation,
 * whose site identifies them; other authors have no page of their own to link to.
 */
export function buildAuthor(name: string): PersonLeaf {
	return {
		'@type': 'Person',
		name,
		...(name === SITE.defaultAuthor ? { url: SITE.organization.url } : {}),
	};
}

/**
 * An article's images: the hero in the 16x9, 4x3 and 1x1 crops Google asks for where its host
 * crops through URL parameters, else the hero (or the default social image) as it is.
 */
export function articleImages(hero: string | undefined): string[] {
	return hero ? articleImageUrls(absoluteUrl(hero)) : [absoluteUrl(SITE.defaultImage)];
}

/** A summary BlogPosting for lists (the home page's Blog). */
function postSummary(post: JsonLdPost): BlogPostingLeaf {
	const url = absoluteUrl(postPath(post.slug));
	return {
		'@type': 'BlogPosting',
		'@id': articleId(post.slug),
		headline: truncateText(post.headline),
		url,
		datePublished: toIsoWithOffset(post.pubDate),
		dateModified: toIsoWithOffset(post.modifiedDate),
		image: socialImageFor(heroImageSrc(post.data.heroImage)),
		author: buildAuthor(post.data.author),
	};
}

/** The article's BlogPosting. */
function buildBlogPosting(post: JsonLdPost): BlogPostingLeaf {
	const canonical = absoluteUrl(postPath(post.slug));
	return {
		...postSummary(post),
		image: articleImages(heroImageSrc(post.data.heroImage)),
		description: post.description,
		publisher: buildOrganization(),
		mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
		...(post.keywords.length > 0 ? { keywords: post.keywords.join(', ') } : {}),
		inLanguage: SITE.locale,
		wordCount: post.wordCount,
	};
}

/** Блог → the post, as on the page's breadcrumbs. */
function buildBreadcrumbs(post: JsonLdPost): BreadcrumbListLeaf {
	return {
		'@type': 'BreadcrumbList',
		itemListElement: [
			{ '@type': 'ListItem', position: 1, name: 'Блог', item: absoluteUrl('/') },
			{
				'@type': 'ListItem',
				position: 2,
				name: post.title,
				item: absoluteUrl(postPath(post.slug)),
			},
		],
	};
}

/** What the article's sections show, by heading id (see src/lib/search/section-text.ts). */
export type Sections = ReadonlyMap<string, SectionContent>;

/**
 * One HowToStep per section (h2) of the article: its heading as the name, a link to its anchor,
 * its visible text (the heading itself when the section has no text) and its first image.
 */
export function buildHowToSteps(
	canonical: string,
	headings: readonly Heading[],
	sections: Sections = new Map(),
): HowToStepLeaf[] {
	return buildToc(headings).map((heading) => {
		const section = sections.get(heading.slug);
		return {
			'@type': 'HowToStep',
			name: heading.text,
			url: `${canonical}#${encodeURIComponent(heading.slug)}`,
			text: section?.text || heading.text,
			...(section?.image ? { image: section.image } : {}),
		};
	});
}

/**
 * The editor's HowTo block, normalised: name, description and image default to the post's, the
 * @id and URLs point at the article, the publisher is the site's organisation, steps come from
 * the article's sections. The rating stays exactly as written; other fields pass through.
 */
export function buildHowTo(
	post: JsonLdPost,
	howTo: HowToFrontmatter,
	headings: readonly Heading[],
	sections: Sections = new Map(),
): HowToLeaf {
	const canonical = absoluteUrl(postPath(post.slug));
	const {
		'@context': _context,
		'@type': _type,
		image,
		aggregateRating,
		publisher: _publisher,
		mainEntityOfPage: _page,
		totalTime,
		...written
	} = howTo;
	const steps = buildHowToSteps(canonical, headings, sections);
	return {
		'@type': 'HowTo',
		'@id': `${canonical}#howto`,
		...written,
		url: canonical,
		name: howTo.name ?? post.title,
		description: howTo.description ?? post.description,
		image:
			image === undefined
				? socialImageFor(heroImageSrc(post.data.heroImage))
				: typeof image === 'string'
					? toHttps(image)
					: { ...image, '@type': 'ImageObject', url: toHttps(image.url) },
		...(totalTime ? { totalTime } : {}),
		...(aggregateRating ? { aggregateRating } : {}),
		publisher: { '@id': ORGANIZATION_ID },
		mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
		...(steps.length > 0 ? { step: steps } : {}),
	};
}

/**
 * The graph of an article page: BlogPosting, BreadcrumbList and the post's HowTo, if it has one
 * (its steps take their text and images from `sections`).
 */
export function buildArticleJsonLd(
	post: JsonLdPost,
	headings: readonly Heading[],
	sections: Sections = new Map(),
): Graph {
	const graph = [buildBlogPosting(post), buildBreadcrumbs(post)];
	return {
		'@context': 'https://schema.org',
		'@graph': post.data.schema
			? [...graph, buildHowTo(post, post.data.schema, headings, sections)]
			: graph,
	};
}

/**
 * The graph of the home page: WebSite, Organization and the Blog with the posts of its first
 * page (only those: the home page stays light however many posts the blog has).
 */
export function buildHomeJsonLd(posts: readonly JsonLdPost[]): Graph {
	const home = absoluteUrl('/');
	const website: WebSiteLeaf = {
		'@type': 'WebSite',
		'@id': WEBSITE_ID,
		url: home,
		name: SITE.name,
		description: SITE.description,
		inLanguage: SITE.locale,
		publisher: { '@id': ORGANIZATION_ID },
	};
	const blog: BlogLeaf = {
		'@type': 'Blog',
		'@id': BLOG_ID,
		url: home,
		name: SITE.name,
		description: SITE.description,
		inLanguage: SITE.locale,
		publisher: { '@id': ORGANIZATION_ID },
		isPartOf: { '@id': WEBSITE_ID },
		blogPost: posts.map(postSummary),
	};
	return { '@context': 'https://schema.org', '@graph': [website, buildOrganization(), blog] };
}
