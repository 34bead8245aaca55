import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { readPublishedPosts, type SourcePost } from '../support/posts.ts';
import {
	structuredDataTypes,
	validateStructuredData,
	type StructuredDataIssue,
} from '../support/structured-data.ts';
import { isAcceptedWarning, validateSite } from '../support/structured-data-rules.ts';

/*
 * Google's rich-result rules, as Adobe's structured-data validator implements them, on every page
 * of the built site: no error, and no warning the README does not list with its reason.
 */

let posts: SourcePost[];
let issues: Awaited<ReturnType<typeof validateSite>>;
beforeAll(async () => {
	posts = await readPublishedPosts();
	issues = await validateSite(DIST);
});

const LD_JSON = /(<script type="application\/ld\+json">)([\s\S]*?)(<\/script>)/;

/** A built page with its JSON-LD graph changed by `edit`. */
async function pageWithGraph(path: string, edit: (nodes: Record<string, unknown>[]) => void) {
	const html = await readFile(join(DIST, path, 'index.html'), 'utf8');
	return html.replace(LD_JSON, (_, open: string, json: string, close: string) => {
		const graph = JSON.parse(json) as { '@graph': Record<string, unknown>[] };
		edit(graph['@graph']);
		return `${open}${JSON.stringify(graph)}${close}`;
	});
}

const errorsOf = (found: StructuredDataIssue[]) => found.filter((i) => i.severity === 'ERROR');

describe('the validator', () => {
	test('reports a HowToStep without text as an error (the rule the steps must meet)', async () => {
		const post = posts.find((p) => p.data.schema);
		expect(post).toBeDefined();
		const html = await pageWithGraph(`/blog/${post!.slug}/`, (nodes) => {
			const howTo = nodes.find((node) => node['@type'] === 'HowTo')!;
			for (const step of howTo['step'] as Record<string, unknown>[]) delete step['text'];
		});
		const errors = errorsOf(await validateStructuredData(html));
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.every((e) => e.path.startsWith('HowTo > step['))).toBe(true);
	});

	test('checks every property against the schema.org vocabulary', async () => {
		const html = await pageWithGraph(`/blog/${posts[0]!.slug}/`, (nodes) => {
			nodes[0]!['ingredients'] = 'не бывает у статьи';
		});
		expect(await validateStructuredData(html)).toContainEqual(
			expect.objectContaining({
				severity: 'WARNING',
				message:
					'Property "ingredients" for type "BlogPosting" is not supported by the schema.org specification',
			}),
		);
	});

	test('sees the article graph: BlogPosting, BreadcrumbList and HowTo', async () => {
		for (const post of posts) {
			const html = await readFile(join(DIST, 'blog', post.slug, 'index.html'), 'utf8');
			expect(structuredDataTypes(html).sort(), post.slug).toEqual(
				post.data.schema
					? ['BlogPosting', 'BreadcrumbList', 'HowTo']
					: ['BlogPosting', 'BreadcrumbList'],
			);
		}
		const home = await readFile(join(DIST, 'index.html'), 'utf8');
		expect(structuredDataTypes(home).sort()).toEqual(['Blog', 'Organization', 'WebSite']);
	});
});

describe('every built page', () => {
	test('has no structured-data error', () => {
		expect(errorsOf(issues)).toEqual([]);
	});

	test('has only the warnings the README lists', () => {
		expect(issues.filter((issue) => !isAcceptedWarning(issue))).toEqual([]);
	});
});
