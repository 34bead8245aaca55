import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { LONG_POST } from '../support/fixture-corpus.ts';
import { jsonLdBlocks, readPage } from '../support/html.ts';
import { isAcceptedWarning, validateSite } from '../support/structured-data-rules.ts';
import { structuredDataTypes } from '../support/structured-data.ts';

/* Google's rich-result rules (Adobe's validator) on every page of the fixture blog. */

test('Adobe’s structured-data validator finds no error and no unlisted warning on the fixture blog', async () => {
	const issues = await validateSite(inject('fixtureDist'));
	expect(issues.filter((issue) => issue.severity === 'ERROR')).toEqual([]);
	expect(issues.filter((issue) => !isAcceptedWarning(issue))).toEqual([]);
	const html = await readFile(
		join(inject('fixtureDist'), 'blog', LONG_POST.slug, 'index.html'),
		'utf8',
	);
	expect(structuredDataTypes(html).sort()).toEqual(['BlogPosting', 'BreadcrumbList', 'HowTo']);
});

test('the long post’s HowTo steps carry their sections’ text, and the image of the one that has it', async () => {
	const page = await readPage(`/blog/${LONG_POST.slug}/`, inject('fixtureDist'));
	const [graph] = jsonLdBlocks(page) as [{ '@graph': Record<string, unknown>[] }];
	const howTo = graph['@graph'].find((node) => node['@type'] === 'HowTo')!;
	const steps = howTo['step'] as Record<string, string>[];
	// Headings keep the typography's no-break spaces (after short words).
	expect(steps.map((step) => step['name']!.replace(/\u00a0/g, ' '))).toEqual(LONG_POST.sections);
	steps.forEach((step, n) => {
		const heading = page.querySelectorAll('.prose h2')[n]!;
		expect(step['url']).toMatch(new RegExp(`#${encodeURIComponent(heading.id)}$`));
		// The section's first paragraph, as the reader sees it, opens the step's text.
		const parent = heading.parentNode;
		const block = parent && parent.tagName === 'DIV' ? parent : heading;
		expect(block.nextElementSibling!.tagName).toBe('P');
		const firstParagraph = block.nextElementSibling!.text.replace(/\s+/g, ' ').trim();
		expect(step['text']!.startsWith(firstParagraph), step['name']).toBe(true);
		expect([...step['text']!].length).toBeLessThanOrEqual(500);
		expect(step['text']).toMatch(/[.!?…]$/);
	});
	// The widest copy the page offers of the section's image (its srcset goes up to 1280 px).
	const image = new URL(String(steps[1]!['image']));
	expect(image.origin + image.pathname).toBe(
		new URL(LONG_POST.sectionImage).origin + new URL(LONG_POST.sectionImage).pathname,
	);
	expect(image.searchParams.get('w')).toBe('1280');
	expect(steps[0]).not.toHaveProperty('image');
	expect(steps[2]).not.toHaveProperty('image');
});
