/*
 * Lighthouse over the built site (run `npm run build` first): home, an article, a tag page and
 * search, in Debian's Chromium, with every https:// request blocked (the machine has no network,
 * and remote hero images must not decide the score). Prints the scores and exits non-zero when a
 * page falls under a bar in scripts/lighthouse-bars.ts.
 *
 *   npm run lighthouse
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromiumPath } from '../tests/support/browser.ts';
import { DIST } from '../tests/support/build.ts';
import { serveDist } from '../tests/support/server.ts';
import {
	LIGHTHOUSE_BARS,
	medianScores,
	missedBars,
	type Category,
	type Scores,
} from './lighthouse-bars.ts';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/** The first article and the first tag of the build, so the script follows the content. */
async function firstDir(folder: string): Promise<string> {
	const entries = await readdir(join(DIST, folder), { withFileTypes: true });
	const first = entries
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()[0];
	if (!first) throw new Error(`dist/${folder}/ is empty: run npm run build first`);
	return first;
}

const pages = [
	['home', '/'],
	['article', `/blog/${await firstDir('blog')}/`],
	['tag', `/tags/${await firstDir('tags')}/`],
	['search', '/search/'],
] as const;

const server = await serveDist(DIST);
const chrome = await launch({
	chromePath: process.env['CHROME_PATH'] ?? chromiumPath(),
	chromeFlags: FLAGS,
});
const failures: string[] = [];
try {
	console.log(
		['page'.padEnd(10), ...Object.keys(LIGHTHOUSE_BARS).map((c) => c.padStart(15))].join(''),
	);
	const measure = async (path: string) => {
		const result = await lighthouse(server.url + path, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: Object.keys(LIGHTHOUSE_BARS),
			blockedUrlPatterns: ['https://*'],
		});
		if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
		const { lhr } = result;
		const scores = Object.fromEntries(
			(Object.keys(LIGHTHOUSE_BARS) as Category[]).map((category) => {
				const score = lhr.categories[category]?.score;
				return [category, typeof score === 'number' ? Math.round(score * 100) : null];
			}),
		) as Scores;
		return { lhr, scores };
	};
	// The first run in a fresh browser pays for its start-up (a few hundred ms of main-thread
	// work that Lighthouse would blame on the page): run once and throw the result away.
	await measure('/');
	for (const [name, path] of pages) {
		let result = await measure(path);
		if (missedBars(result.scores).length > 0) {
			// One slow run is noise; judge the page by the median of three.
			const runs = [result, await measure(path), await measure(path)];
			const scores = medianScores(runs.map((run) => run.scores));
			result = { ...result, scores };
		}
		const { scores, lhr } = result;
		console.log(
			[name.padEnd(10), ...Object.values(scores).map((s) => String(s).padStart(15))].join(''),
		);
		for (const missed of missedBars(scores)) {
			failures.push(`${path}: ${missed}`);
			const category = lhr.categories[missed.split(' ')[0] as Category];
			for (const ref of category?.auditRefs ?? []) {
				const audit = lhr.audits[ref.id];
				if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
					console.log(
						`    ${audit.id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
					);
				}
			}
		}
	}
} finally {
	chrome.kill();
	await server.close();
}
if (failures.length > 0) {
	console.error(`\nUnder the bars:\n${failures.join('\n')}`);
	process.exit(1);
}
console.log('\nEvery page meets the bars.');
