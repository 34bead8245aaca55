/**
 * The single source of truth for the site's identity: URL, names, language and organisation.
 * `astro.config.ts`, the head, JSON-LD, RSS and the scripts all read it from here.
 */
export const SITE = {
	/** Production origin, no trailing slash. */
	url: 'https://butlerspb-blog.netlify.app',
	/** Site name shown in titles, feeds and og:site_name. */
	name: 'Блог ButlerSPB',
	/** Default description for pages that have none of their own. */
	description:
		'Блог консьерж-сервиса ButlerSPB: как мы работаем, сервис, управление недвижимостью и жизнь в Петербурге.',
	/** `<html lang>` value. */
	lang: 'ru',
	/** BCP 47 locale for Intl and JSON-LD inLanguage. */
	locale: 'ru-RU',
	/** Open Graph locale. */
	ogLocale: 'ru_RU',
	/** Time zone every date on the site is shown in. */
	timeZone: 'Europe/Moscow',
	/** UTC offset written into new posts' dates (Moscow has no DST). */
	utcOffset: '+03:00',
	/** Author used when a post names none. */
	defaultAuthor: 'Эксперт ButlerSPB',
	/** Posts per listing page. */
	postsPerPage: 10,
	/** Number of posts in the "Читайте также" block. */
	relatedLimit: 3,
	/**
	 * Posts in the RSS feed, newest first. Each item carries the full article HTML; at 10,000 posts
	 * a feed of every post would be ~150 MB that no reader fetches, and readers only need the news.
	 */
	feedLimit: 50,
	/**
	 * Origins the site loads images from besides its own (post hero images). The CSP's img-src
	 * allows exactly these; a test checks every post's images against the list.
	 */
	imageOrigins: ['https://images.unsplash.com'],
	/** Default social image (absolute path under public/). */
	defaultImage: '/og-default.png',
	/**
	 * Search-console ownership codes, printed as `<meta name="google-site-verification">` and
	 * `<meta name="yandex-verification">` on every page. An empty string prints no tag.
	 */
	verification: { google: '', yandex: '' },
	/** The organisation that publishes the blog. */
	organization: {
		name: 'ButlerSPB',
		url: 'https://butlerspb.ru/',
		logo: '/logo.png',
		logoWidth: 512,
		logoHeight: 512,
	},
} as const;

/** Type of the site configuration. */
export type Site = typeof SITE;
