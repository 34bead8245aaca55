/*
 * The site's additions to Decap CMS on /admin/ (the CMS itself is /admin/decap-cms.js, loaded
 * before this module): the article preview with the site's stylesheet, the site's widgets, the
 * completed Russian phrases, and the save hook that names new files like `npm run new` and
 * removes fields left blank.
 */
import { CMS_COLLECTION } from '../lib/cms/cms-config.ts';
import { mergePhrases, RU_PHRASE_OVERRIDES, type Phrases } from '../lib/cms/cms-locale-ru.ts';
import { LOCAL_BACKEND_PATH } from '../lib/cms/cms-paths.ts';
import { entryEdits, newPostFile, saveRefusal } from '../lib/cms/cms-entry.ts';
import { formatDate, parseEditorDate, toIsoWithOffset } from '../lib/content/dates.ts';
import { howToSchema } from '../lib/content/post-schema.ts';
import { formatRating } from '../lib/content/rating.ts';
import { countWords, formatReadingTime } from '../lib/text/reading-time.ts';
import { SITE } from '../site.ts';
import {
	registerWidgets,
	type Element,
	type H,
	type ImmutableMap,
	type WidgetRegistry,
} from './cms-widgets.ts';

interface PreviewProps {
	/** The URL of an image the entry names (an upload of this session, or the stored file). */
	getAsset(path: string): { toString(): string };
	entry: ImmutableMap;
	widgetFor(name: string): Element;
}

interface Cms extends WidgetRegistry {
	getLocale(name: string): Phrases | undefined;
	registerLocale(name: string, phrases: Phrases): void;
	init(options: { config: Record<string, unknown> }): void;
	registerPreviewStyle(url: string): void;
	registerPreviewTemplate(name: string, component: (props: PreviewProps) => Element): void;
	registerEventListener(listener: {
		name: 'preSave';
		handler(event: { entry: ImmutableMap }): Promise<void> | void;
	}): void;
}

interface CmsWindow {
	CMS: Cms;
	h: H;
	createClass: Parameters<typeof registerWidgets>[2];
	CMS_MANUAL_INIT?: boolean;
}
const cmsWindow = window as unknown as CmsWindow;
/** React's createElement, which the bundle puts on window (read once the bundle has run). */
const h: H = (...args) => cmsWindow.h(...args);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** «Оценка 4,8 из 5 · 666 отзывов», when the HowTo block has a valid rating. */
function ratingLine(schema: unknown): string | undefined {
	const parsed = howToSchema.safeParse(
		schema && typeof schema === 'object' && 'toJS' in schema
			? (schema as ImmutableMap).toJS()
			: schema,
	);
	const rating = parsed.success ? parsed.data.aggregateRating : undefined;
	return rating ? formatRating(rating) : undefined;
}

/** The « · » before an item of a meta line, as MetaSeparator.astro writes it. */
const separator = (): Element =>
	h('span', { className: 'meta__sep', 'aria-hidden': 'true' }, ' · ');

/** The article as ArticleLayout renders it: headline, date, author, reading time, rating. */
function PostPreview({ entry, widgetFor, getAsset }: PreviewProps): Element {
	const data = entry.get('data') as ImmutableMap;
	const date = parseEditorDate(text(data.get('pubDate')));
	const rating = ratingLine(data.get('schema'));
	const hero = text(data.get('heroImage'));
	return h(
		'article',
		{ className: 'article wrap' },
		h(
			'header',
			{ className: 'article__header' },
			h(
				'h1',
				{ className: 'article__title' },
				text(data.get('headline')) || text(data.get('title')),
			),
			h(
				'p',
				{ className: 'meta meta--dotted' },
				date ? h('time', { dateTime: toIsoWithOffset(date) }, formatDate(date)) : null,
				h('span', null, date ? separator() : null, text(data.get('author')) || SITE.defaultAuthor),
				h('span', null, separator(), formatReadingTime(countWords(text(data.get('body'))))),
			),
			rating
				? h(
						'p',
						{ className: 'rating' },
						h('span', { className: 'rating__star', 'aria-hidden': 'true' }, '★'),
						' ',
						rating,
					)
				: null,
			h('p', { className: 'article__lead' }, text(data.get('description'))),
		),
		hero
			? h('img', {
					className: 'article__hero',
					src: /^https:\/\//.test(hero) ? hero : getAsset(hero).toString(),
					alt: text(data.get('heroAlt')),
				})
			: null,
		h('div', { className: 'prose' }, widgetFor('body')),
	);
}

const isLocalhost = (): boolean => ['localhost', '127.0.0.1'].includes(location.hostname);

/** Whether a post file already exists, asked of the back end the CMS works with. */
async function fileExists(path: string): Promise<boolean> {
	if (isLocalhost()) {
		const response = await fetch(LOCAL_BACKEND_PATH, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'getEntry', params: { branch: 'main', path } }),
		}).catch(() => undefined);
		if (response?.ok) return ((await response.json()) as { data: unknown }).data !== null;
	}
	const token = (JSON.parse(localStorage.getItem('decap-cms-user') ?? '{}') as { token?: string })
		.token;
	const config = (await (await fetch('/admin/config.yml')).json()) as {
		backend: { repo: string; branch: string };
	};
	const response = await fetch(
		`https://api.github.com/repos/${config.backend.repo}/contents/${path}?ref=${config.backend.branch}`,
		{ headers: token ? { authorization: `token ${token}` } : {} },
	);
	return response.ok;
}

/**
 * An error that reads as its message alone: Decap shows «Не удалось сохранить запись: <error>»,
 * and a plain Error would add the English «Error: ».
 */
function refuse(message: string): Error {
	const error = new Error(message);
	error.toString = () => message;
	return error;
}

/*
 * Runs before every save. Decap passes the entry in `event.entry` and saves what is there when
 * the handler returns nothing, so the handler replaces it. A new post gets its path from the
 * title's transliteration (Decap's own slug settings cannot transliterate Cyrillic) and is then
 * saved like an existing file at that path.
 */
async function beforeSave(event: { entry: ImmutableMap }): Promise<void> {
	let entry = event.entry;
	const data = (entry.get('data') as ImmutableMap).toJS();
	// Rules across fields (a rating within its scale, alt text for a new hero): Decap's widgets
	// each see only their own field, so they are checked here, on the entry as it is saved.
	const refusal = saveRefusal(data, text(entry.get('raw')));
	if (refusal) throw refuse(refusal);
	for (const edit of entryEdits(data)) {
		entry =
			edit.op === 'set'
				? entry.setIn(['data', ...edit.path], edit.value)
				: entry.deleteIn(['data', ...edit.path]);
	}
	if (entry.get('newRecord')) {
		const { slug, path } = newPostFile(text(data['title']));
		if (!slug) {
			throw refuse('Из заголовка не получается адрес статьи: в нём нет ни букв, ни цифр');
		}
		if (await fileExists(path)) {
			throw refuse(`Статья с адресом ${slug} уже есть: откройте её или выберите другой заголовок`);
		}
		entry = entry.set('newRecord', false).set('slug', slug).set('path', path);
	}
	event.entry = entry;
}

/** Runs once /admin/decap-cms.js has defined window.CMS. */
function start(): void {
	const { CMS } = cmsWindow;
	const style = document.body.dataset['previewStyle'];
	if (style) CMS.registerPreviewStyle(style);
	CMS.registerPreviewTemplate(CMS_COLLECTION, PostPreview);
	CMS.registerEventListener({ name: 'preSave', handler: beforeSave });
	registerWidgets(CMS, h, cmsWindow.createClass);
	CMS.registerLocale('ru', mergePhrases(CMS.getLocale('ru') ?? {}, RU_PHRASE_OVERRIDES));
	// Merged into config.yml. Decap wants an absolute URL, and only this page knows its origin;
	// it uses the local back end only on localhost and when the URL answers.
	CMS.init({ config: { local_backend: { url: new URL(LOCAL_BACKEND_PATH, location.href).href } } });
}

/*
 * The bundle starts the CMS as soon as it runs unless CMS_MANUAL_INIT is set, and a module
 * script always runs after the page's classic scripts: so this module loads the bundle itself.
 */
cmsWindow.CMS_MANUAL_INIT = true;
const bundle = document.createElement('script');
bundle.src = '/admin/decap-cms.js';
bundle.addEventListener('load', start);
document.body.append(bundle);
