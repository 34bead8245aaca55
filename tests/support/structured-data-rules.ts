import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { htmlPages } from './posts.ts';
import { validateStructuredData, type StructuredDataIssue } from './structured-data.ts';

/**
 * The validator's warnings the site keeps, each with its reason (the README lists them too).
 * A warning not matched here fails the tests: it is either fixed or added here with a reason.
 */
export const ACCEPTED_WARNINGS: readonly { path: RegExp; message: string; reason: string }[] = [
	{
		path: /^HowTo > step\[\d+\] \(HowToStep\)$/,
		message: 'Missing field "itemListElement" (optional)',
		reason:
			'A step is one section of the article, told in prose: its `text` says it all. ' +
			'`itemListElement` (sub-steps) would repeat the same text cut into pieces.',
	},
	{
		path: /^HowTo > step\[\d+\] \(HowToStep\)$/,
		message: 'Missing field "video" (optional)',
		reason: 'The posts have no video.',
	},
	{
		path: /^HowTo > step\[\d+\] \(HowToStep\)$/,
		message: 'Missing field "image" (optional)',
		reason:
			'Only sections that show an image have one; a step never borrows an image it does not show.',
	},
];

/** Whether the site keeps this warning (see ACCEPTED_WARNINGS). */
export const isAcceptedWarning = (issue: StructuredDataIssue): boolean =>
	issue.severity === 'WARNING' &&
	ACCEPTED_WARNINGS.some((rule) => rule.path.test(issue.path) && rule.message === issue.message);

/** Every issue of every HTML page of a built site, each with its page. */
export async function validateSite(
	dist: string,
): Promise<(StructuredDataIssue & { page: string })[]> {
	const issues: (StructuredDataIssue & { page: string })[] = [];
	const pages = await htmlPages(dist);
	expect(pages.length).toBeGreaterThan(0);
	for (const page of pages) {
		const file = page.endsWith('/') ? join(dist, page, 'index.html') : join(dist, page);
		for (const issue of await validateStructuredData(await readFile(file, 'utf8'))) {
			issues.push({ ...issue, page });
		}
	}
	return issues;
}
