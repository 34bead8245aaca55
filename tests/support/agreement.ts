import { cp, mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isPostFile, slugFromFileName } from '../../src/lib/content/content-dir.ts';

/*
 * The agreement cases: each folder of tests/fixtures/agreement/ holds post files as an editor
 * would commit them (with images, notes, anything) and an expect.json with what the content
 * check and the production build must say about them.
 */

/** Folder of the cases. */
export const AGREEMENT_DIR = join(import.meta.dirname, '../fixtures/agreement');

/** The site's own posts, built with every case so the site has real pages around it. */
export const SITE_POSTS_DIR = join(import.meta.dirname, '../../src/content/blog');

const expectSchema = z.strictObject({
	/** The check's verdict on the case's files: any error, else any warning, else fine. */
	check: z.enum(['error', 'warning', 'fine']),
	/** Whether a production build with the case's files succeeds. */
	build: z.enum(['fails', 'builds']),
	/** What the case is, for people. */
	note: z.string().min(1),
	/** Texts the check's report on the case must contain (e.g. `file.md:6: …`). */
	checkSays: z.array(z.string()).optional(),
	/** Built files (relative to the output folder) and texts each must contain. */
	pages: z.record(z.string(), z.array(z.string())).optional(),
});

/** One case: its folder name, files and expectations. */
export interface AgreementCase {
	name: string;
	dir: string;
	/** Every file of the case except expect.json, relative to its folder. */
	files: string[];
	expect: z.infer<typeof expectSchema>;
}

/** Every case folder, sorted; a folder without a valid expect.json throws. */
export async function loadCases(root: string = AGREEMENT_DIR): Promise<AgreementCase[]> {
	const folders = (await readdir(root, { withFileTypes: true }))
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort();
	return Promise.all(
		folders.map(async (name) => {
			const dir = join(root, name);
			const text = await readFile(join(dir, 'expect.json'), 'utf8');
			const files = (await readdir(dir, { recursive: true, withFileTypes: true }))
				.filter((entry) => entry.isFile())
				.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
				.filter((file) => file !== 'expect.json')
				.sort();
			return { name, dir, files, expect: expectSchema.parse(JSON.parse(text)) };
		}),
	);
}

/** Slugs a case's post files take: cases that share none can be built together. */
export const caseSlugs = (c: AgreementCase): string[] =>
	c.files.filter(isPostFile).map(slugFromFileName);

/**
 * Groups the cases for builds: cases whose slugs do not collide build together, those that must
 * build apart from those that must fail. A build with errors fails at the content check, which
 * names every file with an error, so a failing case is shown to fail on its own when the failed
 * build's error lines name its file.
 */
export function groupForBuilds(cases: readonly AgreementCase[]): AgreementCase[][] {
	const groups: { build: string; cases: AgreementCase[]; slugs: Set<string> }[] = [];
	for (const c of cases) {
		const slugs = caseSlugs(c);
		const fits = groups.find(
			(group) => group.build === c.expect.build && slugs.every((slug) => !group.slugs.has(slug)),
		);
		if (fits) {
			fits.cases.push(c);
			for (const slug of slugs) fits.slugs.add(slug);
		} else groups.push({ build: c.expect.build, cases: [c], slugs: new Set(slugs) });
	}
	return groups.map((group) => group.cases);
}

/** Case folder names inside a content folder (the site's posts go in `site-posts/`). */
export const SITE_POSTS_FOLDER = 'site-posts';

/** A content folder with the cases' folders and the site's posts; returns its path. */
export async function assembleContent(cases: readonly AgreementCase[]): Promise<string> {
	const content = await mkdtemp(join(tmpdir(), 'blog-agreement-'));
	await cp(SITE_POSTS_DIR, join(content, SITE_POSTS_FOLDER), { recursive: true });
	for (const c of cases) {
		await cp(c.dir, join(content, c.name), {
			recursive: true,
			filter: (source) => !source.endsWith('/expect.json'),
		});
	}
	return content;
}

// eslint-disable-next-line no-control-regex -- ANSI colour codes are control characters.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Output as a reader sees it: without terminal colour codes. */
export const plainText = (output: string): string => output.replace(ANSI, '');

/** A line of a stack trace. */
export const STACK_LINE = /^\s{4}at \S/m;

/**
 * English an editor must never meet in an error: the words of zod's, YAML's, Node's and
 * Astro's error messages. Astro's own progress lines ("Syncing content", "Complete!") are not
 * errors and use none of these words; log labels such as [ERROR] are upper case and not matched.
 */
export const ENGLISH_ERROR =
	/\b(?:Invalid|invalid input|[Ee]xpected|[Rr]eceived|[Uu]nexpected|must not|must be|[Cc]annot|[Ff]ailed to|is not defined|not found|not allowed|Missing closing|need to be followed|Unresolved|Stack trace|Location:|Hint:|Caused by)\b|\w*Error\b|\bError:/;

/** The first English error text or stack-trace line in `output`, if any. */
export function findEnglish(output: string): string | undefined {
	const text = plainText(output);
	const line = text
		.split('\n')
		.find((candidate) => STACK_LINE.test(candidate) || ENGLISH_ERROR.test(candidate));
	return line?.trim();
}
