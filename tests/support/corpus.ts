import { generateMetas } from '../../scripts/bench/generate.ts';
import { byNewest } from '../../src/lib/site/tags.ts';

/** A post as tag and related computations see it. */
export interface CorpusPost {
	slug: string;
	keywords: string[];
	pubDate: Date;
	related: string[];
}

/**
 * `count` posts with the benchmark corpus's long-tail keywords, dates and related links, built in
 * memory (no text), newest first, drafts dropped as the blog drops them.
 */
export function corpusPosts(count: number): CorpusPost[] {
	return generateMetas(count)
		.filter((meta) => !meta.draft)
		.map((meta) => ({
			slug: meta.slug,
			keywords: meta.keywords,
			pubDate: new Date(meta.pubDate),
			related: meta.related,
		}))
		.sort(byNewest);
}
