import { hash } from 'node:crypto';
import { countWithWord } from '../text/plural.ts';

/*
 * IndexNow (https://www.indexnow.org/documentation) tells search engines at once that URLs were
 * added, changed or deleted. The site proves it owns its host with a key file, `/<key>.txt`
 * holding the key; after each production deploy the Netlify plugin (netlify/plugins/indexnow)
 * compares a digest of every page with the list it kept from the previous deploy and submits the
 * URLs that differ. This module is that logic without files or network.
 */

/** Environment variable holding the key (set in Netlify's UI, never committed). */
export const INDEXNOW_KEY_ENV = 'INDEXNOW_KEY';

/** Environment variable that replaces the endpoint (tests point it at a local server). */
export const INDEXNOW_ENDPOINT_ENV = 'INDEXNOW_ENDPOINT';

/**
 * Yandex's endpoint: Yandex is the first search engine of the site's readers, its answer says
 * whether Yandex took the URLs, and engines that take part in IndexNow pass what they receive
 * on to each other, so Bing gets them too.
 */
export const DEFAULT_INDEXNOW_ENDPOINT = 'https://yandex.com/indexnow';

/** The protocol takes at most this many URLs in one request. */
export const INDEXNOW_BATCH_SIZE = 10_000;

/** Where the list of pages and digests lives between deploys (relative to the project root). */
export const INDEXNOW_STATE_FILE = '.cache/indexnow.json';

/** Version of the saved list; a list of another version counts as none (nothing is sent). */
export const INDEXNOW_STATE_VERSION = 1;

/** A key as the protocol allows it: 8 to 128 characters of a-z, A-Z, 0-9 and `-`. */
const KEY_PATTERN = /^[a-zA-Z0-9-]{8,128}$/;

/** The error a malformed INDEXNOW_KEY gives, in Russian and English. */
export const INVALID_KEY_MESSAGE =
	`${INDEXNOW_KEY_ENV}: ключ IndexNow должен состоять из 8–128 символов: латинские буквы, цифры и «-». ` +
	`(The IndexNow key must be 8-128 characters of a-z, A-Z, 0-9 and "-".)`;

/**
 * The IndexNow key from the environment: undefined when it is unset or empty (IndexNow is off);
 * throws with INVALID_KEY_MESSAGE when it is malformed. Surrounding whitespace is ignored.
 */
export function readIndexNowKey(
	env: Readonly<Record<string, string | undefined>>,
): string | undefined {
	const value = env[INDEXNOW_KEY_ENV]?.trim();
	if (!value) return undefined;
	if (!KEY_PATTERN.test(value)) throw new Error(INVALID_KEY_MESSAGE);
	return value;
}

/** File name of the key file at the site's root. */
export const keyFileName = (key: string): string => `${key}.txt`;

/** Endpoint to submit to: INDEXNOW_ENDPOINT when set, else Yandex's. */
export const indexNowEndpoint = (env: Readonly<Record<string, string | undefined>>): string =>
	env[INDEXNOW_ENDPOINT_ENV]?.trim() || DEFAULT_INDEXNOW_ENDPOINT;

/** Request body of one IndexNow submission. */
export interface IndexNowPayload {
	host: string;
	key: string;
	keyLocation: string;
	urlList: string[];
}

/** The body that submits `urls` of the site at `origin` (`https://host`, no trailing slash). */
export function buildPayload(
	origin: string,
	key: string,
	urls: readonly string[],
): IndexNowPayload {
	const { host, origin: base } = new URL(origin);
	return { host, key, keyLocation: `${base}/${keyFileName(key)}`, urlList: [...urls] };
}

/** `items` cut into runs of at most `size` (the last one shorter), in order. */
export function toBatches<T>(items: readonly T[], size: number = INDEXNOW_BATCH_SIZE): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size ${size}`);
	const batches: T[][] = [];
	for (let i = 0; i < items.length; i += size) batches.push(items.slice(i, i + size));
	return batches;
}

/** Hashed CSS and JS names (`/_astro/BaseLayout.C1GT4Nam.css`): they change with any style or script. */
const HASHED_ASSET = /(\/_astro\/[^"'\s?#]*?)\.[A-Za-z0-9_-]{6,}\.(css|js)\b/g;

/**
 * The part of a page that is its content for search engines: the `<head>` (title, description,
 * canonical, Open Graph, JSON-LD) and the `<main>` element, with the hashed names of stylesheets
 * and scripts made neutral. The header and footer every page shares, and the hashes that move
 * when only the design changes, do not make every page "changed". Nothing in a page changes
 * from build to build by itself: the build is reproducible.
 */
export function pageContent(html: string): string {
	const head = /<head\b[^>]*>[\s\S]*?<\/head>/i.exec(html)?.[0];
	const main = /<main\b[^>]*>[\s\S]*<\/main>/i.exec(html)?.[0];
	const content = head !== undefined || main !== undefined ? `${head ?? ''}\n${main ?? ''}` : html;
	return content.replace(HASHED_ASSET, '$1.$2');
}

/** Digest of a page's content (pageContent), base64url SHA-256. */
export const pageDigest = (html: string): string => hash('sha256', pageContent(html), 'base64url');

/** Whether a page asks not to be indexed (`<meta name="robots" content="noindex">`). */
export const isNoindex = (html: string): boolean =>
	/<meta\s[^>]*name=["']?robots["']?[^>]*content=["'][^"']*noindex/i.test(html) ||
	/<meta\s[^>]*content=["'][^"']*noindex[^"']*["'][^>]*name=["']?robots/i.test(html);

/** The list kept between deploys: each page's absolute URL with its digest. */
export interface IndexNowState {
	version: typeof INDEXNOW_STATE_VERSION;
	/** The site's origin the URLs belong to; another origin counts as no list. */
	origin: string;
	/** Absolute URL → digest. */
	pages: Record<string, string>;
}

/** The saved list, for the site's origin; undefined when it is missing, unreadable or not this site's. */
export function parseIndexNowState(
	text: string | undefined,
	origin: string,
): IndexNowState | undefined {
	if (text === undefined) return undefined;
	try {
		const state = JSON.parse(text) as Partial<IndexNowState> | null;
		if (
			state?.version !== INDEXNOW_STATE_VERSION ||
			state.origin !== origin ||
			typeof state.pages !== 'object' ||
			state.pages === null ||
			!Object.values(state.pages).every((digest) => typeof digest === 'string')
		)
			return undefined;
		return { version: INDEXNOW_STATE_VERSION, origin, pages: state.pages };
	} catch {
		return undefined;
	}
}

/** The state for `pages` (URL → digest), URLs sorted so the file is stable. */
export function buildIndexNowState(
	origin: string,
	pages: ReadonlyMap<string, string>,
): IndexNowState {
	const sorted = [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return { version: INDEXNOW_STATE_VERSION, origin, pages: Object.fromEntries(sorted) };
}

/** The state as the file holds it. */
export const serializeIndexNowState = (state: IndexNowState): string =>
	`${JSON.stringify(state, null, '\t')}\n`;

/** What changed between the saved list and the pages of this deploy. URLs sorted. */
export interface PageDiff {
	/** No saved list: the first deploy with IndexNow on, nothing is sent. */
	first: boolean;
	added: string[];
	changed: string[];
	deleted: string[];
	unchanged: number;
}

const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares the pages of this deploy (URL → digest) with the saved list. */
export function diffPages(
	previous: IndexNowState | undefined,
	current: ReadonlyMap<string, string>,
): PageDiff {
	if (!previous)
		return { first: true, added: [], changed: [], deleted: [], unchanged: current.size };
	const old = new Map(Object.entries(previous.pages));
	const added: string[] = [];
	const changed: string[] = [];
	let unchanged = 0;
	for (const [url, digest] of current) {
		const before = old.get(url);
		if (before === undefined) added.push(url);
		else if (before !== digest) changed.push(url);
		else unchanged++;
	}
	const deleted = [...old.keys()].filter((url) => !current.has(url));
	return {
		first: false,
		added: added.sort(byCode),
		changed: changed.sort(byCode),
		deleted: deleted.sort(byCode),
		unchanged,
	};
}

/** The URLs to submit: added, changed and deleted pages, sorted (engines re-crawl each one). */
export const urlsToSubmit = (diff: PageDiff): string[] =>
	[...diff.added, ...diff.changed, ...diff.deleted].sort(byCode);

/**
 * The list to keep after a submission: this deploy's pages, except that a URL whose request
 * failed keeps its old entry (or stays absent, or stays listed if deleted), so the next deploy
 * finds it different again and sends it once more.
 */
export function nextIndexNowState(
	origin: string,
	previous: IndexNowState | undefined,
	current: ReadonlyMap<string, string>,
	failed: ReadonlySet<string> = new Set(),
): IndexNowState {
	const pages = new Map(current);
	for (const url of failed) {
		const before = previous?.pages[url];
		if (before === undefined) pages.delete(url);
		else pages.set(url, before);
	}
	return buildIndexNowState(origin, pages);
}

const PAGES = ['страница', 'страницы', 'страниц'] as const;
const REQUESTS = ['запрос', 'запроса', 'запросов'] as const;

/** A Russian summary of the diff: what would be or was sent, in how many requests. */
export function describeDiff(diff: PageDiff, batchSize: number = INDEXNOW_BATCH_SIZE): string[] {
	if (diff.first)
		return [
			`Сохранённого списка страниц нет: это первый деплой с IndexNow, ничего не отправляется ` +
				`(новые страницы найдут по карте сайта). В список попадут ${countWithWord(diff.unchanged, PAGES)}.`,
		];
	const urls = urlsToSubmit(diff);
	const lines = [
		`Новых: ${diff.added.length}, изменённых: ${diff.changed.length}, удалённых: ${diff.deleted.length}, ` +
			`без изменений: ${diff.unchanged}.`,
	];
	if (urls.length === 0) lines.push('Отправлять нечего.');
	else
		lines.push(
			`К отправке: ${countWithWord(urls.length, PAGES)}, ` +
				`${countWithWord(toBatches(urls, batchSize).length, REQUESTS)}.`,
		);
	return lines;
}
