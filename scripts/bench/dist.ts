import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

/** Size figures of a built site. */
export interface DistStats {
	/** HTML files (one per page). */
	pages: number;
	/** Bytes of every file in the output folder. */
	bytes: number;
	files: number;
	/** Article pages (blog/<slug>/index.html) with their sizes, for picking a typical one. */
	articles: { file: string; bytes: number }[];
}

const ARTICLE = /^blog\/[^/]+\/index\.html$/;

/** Walks the output folder once. */
export async function readDistStats(dir: string): Promise<DistStats> {
	const stats: DistStats = { pages: 0, bytes: 0, files: 0, articles: [] };
	const names = await readdir(dir, { recursive: true, withFileTypes: true });
	for (const entry of names) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		const { size } = await stat(path);
		const file = relative(dir, path).replace(/\\/g, '/');
		stats.files++;
		stats.bytes += size;
		if (file.endsWith('.html')) stats.pages++;
		if (ARTICLE.test(file)) stats.articles.push({ file, bytes: size });
	}
	return stats;
}

/** The article of median size: the "typical post" whose weight is reported. */
export function typicalArticle(articles: readonly { file: string; bytes: number }[]) {
	const sorted = [...articles].sort((a, b) => a.bytes - b.bytes || (a.file < b.file ? -1 : 1));
	return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Raw and gzip bytes. */
export interface Weight {
	bytes: number;
	gzip: number;
}

/** What a reader downloads for one page, images and fonts aside. */
export interface PageWeight {
	file: string;
	html: Weight;
	css: Weight;
	/** External scripts plus inline executable scripts (JSON-LD is data, counted in the HTML). */
	js: Weight;
	/** HTML + CSS, gzip: the figure the goal is set on. */
	htmlCssGzip: number;
}

const weigh = (content: string | Buffer): Weight => ({
	bytes: Buffer.byteLength(content),
	gzip: gzipSync(content, { level: 9 }).length,
});

const add = (a: Weight, b: Weight): Weight => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip });

const DATA_SCRIPT = /^application\/(?:ld\+)?json$/i;

/** Weighs a page of the built site with the stylesheets and scripts it loads from the site. */
export async function measurePageWeight(dir: string, file: string): Promise<PageWeight> {
	const html = await readFile(join(dir, file), 'utf8');
	const root = parse(html);
	const local = async (href: string | undefined): Promise<Weight> => {
		if (!href || /^(?:[a-z]+:)?\/\//i.test(href)) return { bytes: 0, gzip: 0 };
		const path = href.startsWith('/') ? join(dir, href) : join(dir, file, '..', href);
		return weigh(await readFile(path.replace(/[?#].*$/, '')));
	};
	let css: Weight = { bytes: 0, gzip: 0 };
	for (const link of root.querySelectorAll('link[rel~="stylesheet"]')) {
		css = add(css, await local(link.getAttribute('href')));
	}
	let js: Weight = { bytes: 0, gzip: 0 };
	for (const script of root.querySelectorAll('script')) {
		if (DATA_SCRIPT.test(script.getAttribute('type') ?? '')) continue;
		const src = script.getAttribute('src');
		js = add(js, src ? await local(src) : weigh(script.textContent));
	}
	for (const link of root.querySelectorAll('link[rel="modulepreload"]')) {
		js = add(js, await local(link.getAttribute('href')));
	}
	const htmlWeight = weigh(html);
	return { file, html: htmlWeight, css, js, htmlCssGzip: htmlWeight.gzip + css.gzip };
}
