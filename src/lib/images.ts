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

/** Unsplash URL at a given width, cropped to the hero aspect ratio. */
export function unsplashUrl(url: string, width: number, quality = 70): string {
	const out = new URL(toHttps(url));
	const height = Math.round((width * HERO_ASPECT.height) / HERO_ASPECT.width);
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
