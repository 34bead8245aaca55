import { decodeHtmlEntities } from '../text/html-entities.ts';

/*
 * Responsive image URLs. Unsplash resizes and crops through URL parameters (w, h, q, auto=format,
 * fit=crop), so the site never downloads a remote image at build time: it only writes URLs.
 */

/** Widths offered in srcset, in CSS pixels × device pixel ratio. */
export const SRCSET_WIDTHS = [320, 480, 640, 800, 1024, 1280, 1600] as const;

/** Hero and social images are cropped to this aspect ratio (1200×630, the Open Graph size). */
export const HERO_ASPECT = { width: 1200, height: 630 } as const;

/** Whether the image host can resize through URL parameters. */
export const isUnsplash = (url: string): boolean => /^https:\/\/images\.unsplash\.com\//.test(url);

/** Upgrades http:// to https:// (mixed content is blocked by browsers). */
export const toHttps = (url: string): string => url.replace(/^http:\/\//i, 'https://');

/**
 * A hero image URL as every page uses it: HTML references decoded (`&amp;` copied from a page's
 * source is `&`) and http:// upgraded, so it is resized, cropped and sized like any https one.
 */
export const normaliseImageUrl = (url: string): string => toHttps(decodeHtmlEntities(url.trim()));

/** A width-to-height ratio, as two numbers. */
export interface Aspect {
	width: number;
	height: number;
}

/** Unsplash URL at a given width, cropped to an aspect ratio (the hero's unless given). */
export const unsplashUrl = (
	url: string,
	width: number,
	quality = 70,
	aspect: Aspect = HERO_ASPECT,
): string => unsplashCrop(url, width, Math.round((width * aspect.height) / aspect.width), quality);

/** Unsplash URL cropped to `width`×`height` around the image's centre. */
export function unsplashCrop(url: string, width: number, height: number, quality = 70): string {
	const out = new URL(toHttps(url));
	for (const [key, value] of Object.entries({
		w: String(width),
		h: String(height),
		q: String(quality),
		auto: 'format',
		fit: 'crop',
	})) {
		out.searchParams.set(key, value);
	}
	return out.href;
}

/** The attributes of a responsive remote <img>: src, srcset (for Unsplash), width and height. */
export interface RemoteImage {
	src: string;
	srcset?: string;
	width: number;
	height: number;
}

/**
 * Builds a responsive remote image. Unsplash gets a srcset up to `maxWidth`; other hosts get
 * their URL as it is, with the hero aspect ratio declared so that nothing shifts while it loads.
 */
export function remoteImage(url: string, maxWidth: number = HERO_ASPECT.width): RemoteImage {
	const key = `${maxWidth} ${url}`;
	let image = remoteImages.get(key);
	if (!image) remoteImages.set(key, (image = buildRemoteImage(url, maxWidth)));
	return image;
}

/*
 * A post's card shows on several listing and tag pages, and building seven Unsplash URLs through
 * the URL API each time showed in the build profile: each image is built once per build.
 */
const remoteImages = new Map<string, RemoteImage>();

function buildRemoteImage(url: string, maxWidth: number): RemoteImage {
	const height = Math.round((maxWidth * HERO_ASPECT.height) / HERO_ASPECT.width);
	if (!isUnsplash(url)) return { src: toHttps(url), width: maxWidth, height };
	const widths = SRCSET_WIDTHS.filter((w) => w <= maxWidth * 2);
	return {
		src: unsplashUrl(url, maxWidth),
		srcset: widths.map((w) => `${unsplashUrl(url, w)} ${w}w`).join(', '),
		width: maxWidth,
		height,
	};
}

/** Absolute 1200×630 social image URL for Open Graph and JSON-LD (cropped where the host can). */
export const socialImageUrl = (url: string): string =>
	isUnsplash(url) ? unsplashUrl(url, HERO_ASPECT.width, 80) : toHttps(url);

/**
 * Aspect ratios Google asks for in an article's structured-data images (16x9, 4x3 and 1x1), each
 * 1200 pixels wide: well above its 50,000-pixel minimum.
 */
export const ARTICLE_IMAGE_CROPS = [
	{ width: 1200, height: 675 },
	{ width: 1200, height: 900 },
	{ width: 1200, height: 1200 },
] as const;

/**
 * An article's structured-data images: the three crops where the host crops through URL
 * parameters (Unsplash), else the one image as it is.
 */
export const articleImageUrls = (url: string): string[] =>
	isUnsplash(toHttps(url))
		? ARTICLE_IMAGE_CROPS.map(({ width, height }) => unsplashCrop(url, width, height, 80))
		: [toHttps(url)];

/*
 * Images in an article's text. They sit in the text column (65ch, at most ~38rem) and load
 * lazily (decoding off the main thread), with width and height so the page never shifts as they
 * arrive. The shape comes from what is known without downloading anything: width and height an
 * editor wrote on an <img>, then Unsplash's own w and h in the URL; an Unsplash image without
 * both is cropped to 3:2 (the shape of most photos) by Unsplash itself, so the declared box is
 * exactly the picture. Any other host cannot crop: its image gets a 3:2 box and is fitted
 * inside it whole (see `unsized`).
 */

/** Widest an image in an article's text is shown, in CSS pixels. */
export const PROSE_IMAGE_WIDTH = 640;

/** Shape of an inline image whose own shape is not known: 3:2. */
export const DEFAULT_INLINE_ASPECT: Aspect = { width: 3, height: 2 };

/** `sizes` for an image shown at most `width` CSS pixels wide in the text column. */
export const proseImageSizes = (width: number = PROSE_IMAGE_WIDTH): string =>
	`(min-width: ${width + 32}px) ${width}px, calc(100vw - 2rem)`;

/** Width and height an editor wrote on an <img> (either may be missing). */
export interface DeclaredSize {
	width?: number | undefined;
	height?: number | undefined;
}

/** The attributes an image in an article's text gets. */
export interface InlineImage {
	src: string;
	srcset?: string;
	sizes?: string;
	width: number;
	height: number;
	loading: 'lazy';
	decoding: 'async';
	/**
	 * The real shape is unknown (a host that cannot crop, no size written): the page reserves
	 * a 3:2 box and fits the image inside it, whatever its shape.
	 */
	unsized: boolean;
}

/** A positive size from an attribute or URL parameter (`'640'`, `640`); else undefined. */
export function positiveSize(value: unknown): number | undefined {
	if (typeof value === 'string' && !/^\s*\d+(?:\.\d+)?\s*$/.test(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const size = Number(value);
	return Number.isFinite(size) && size > 0 ? size : undefined;
}

/** Aspect from width and height when both are known. */
const aspectOf = (width?: number, height?: number): Aspect | undefined =>
	width && height ? { width, height } : undefined;

/**
 * Attributes of a remote (or site-root) image in an article's text. Nothing is downloaded:
 * Unsplash resizes and crops through URL parameters; other hosts keep their URL.
 */
export function inlineRemoteImage(url: string, declared: DeclaredSize = {}): InlineImage {
	const shown = Math.min(declared.width ?? PROSE_IMAGE_WIDTH, PROSE_IMAGE_WIDTH);
	const known = aspectOf(declared.width, declared.height);
	const lazy = { loading: 'lazy', decoding: 'async' } as const;
	if (!isUnsplash(url)) {
		const aspect = known ?? DEFAULT_INLINE_ASPECT;
		return {
			src: toHttps(url),
			width: shown,
			height: Math.round((shown * aspect.height) / aspect.width),
			...lazy,
			unsized: !known,
		};
	}
	const params = new URL(url).searchParams;
	const aspect =
		known ??
		aspectOf(positiveSize(params.get('w')), positiveSize(params.get('h'))) ??
		DEFAULT_INLINE_ASPECT;
	const widths = SRCSET_WIDTHS.filter((w) => w <= shown * 2);
	return {
		src: unsplashUrl(url, shown, 70, aspect),
		srcset: widths.map((w) => `${unsplashUrl(url, w, 70, aspect)} ${w}w`).join(', '),
		sizes: proseImageSizes(shown),
		width: shown,
		height: Math.round((shown * aspect.height) / aspect.width),
		...lazy,
		unsized: false,
	};
}

/**
 * Options for Astro's image pipeline (astro:assets' getImage) for a local image in an article's
 * text: shown at most PROSE_IMAGE_WIDTH wide, with a srcset up to twice that (never wider than
 * the file), lazy. Astro reads the file's own width and height and writes them out.
 */
export function inlineLocalImageOptions(declared: DeclaredSize = {}): {
	width: number;
	layout: 'constrained';
	sizes: string;
	loading: 'lazy';
	decoding: 'async';
} {
	const width = Math.min(declared.width ?? PROSE_IMAGE_WIDTH, PROSE_IMAGE_WIDTH);
	return {
		width,
		layout: 'constrained',
		sizes: proseImageSizes(width),
		loading: 'lazy',
		decoding: 'async',
	};
}

/**
 * Whether Astro's image pipeline handles an image source: a path relative to the post (a
 * file next to it). URLs and site-root paths (files in public/) are left to the page.
 */
export const isLocalImagePath = (src: string): boolean =>
	!URL.canParse(src) && !src.startsWith('/') && !src.startsWith('#');

/** A hero image as a post's data holds it: a URL, or a local image's metadata. */
export type HeroImageData = string | { src: string; width?: number; height?: number };

/**
 * The pixel size of a post's hero image as the feed and social tags link it: a local image keeps
 * its own size (its file is linked as it is), a remote one is cropped to HERO_ASPECT.
 */
export function heroImageSize(hero: HeroImageData): { width: number; height: number } {
	if (typeof hero !== 'string' && hero.width && hero.height) {
		return { width: hero.width, height: hero.height };
	}
	return { ...HERO_ASPECT };
}
