import { hash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openCheckCache, type CheckCache } from './content-check-cache.ts';
import { checkContentDir } from './content-check-fs.ts';
import { checkFile, formatFinding, type Severity } from '../lib/content-check/content-check.ts';
import { buildLastmodIndex } from '../lib/seo/sitemap.ts';

/*
 * The content check as the build runs it: every post under the content folder, each post's own
 * result remembered between builds in Astro's cache folder (content-check-cache.ts), and what the
 * sitemap needs to know about the posts. The build runs it in a worker thread
 * (content-check-worker.ts), so its answer is plain data.
 */

/** Where the build's check looks, and its clock. */
export interface BuildCheckJob {
	/** The project folder (the code version is read from its src/lib and lock file). */
	root: string;
	/** Astro's cache folder, where the check keeps its results between builds. */
	cacheDir: string;
	/** The posts' folder, absolute. */
	contentDir: string;
	/** The build's "now" (ms since the epoch): posts scheduled later get no lastmod. */
	now: number;
	/** False: check every post anew and keep nothing for the next build (default: true). */
	cached?: boolean;
}

/** One finding as the build log shows it. */
export interface LoggedFinding {
	severity: Severity;
	line: string;
}

/** What the build learns from the check. */
export interface BuildCheckOutcome {
	findings: LoggedFinding[];
	errors: number;
	/** lastmod (ms since the epoch) of every published article, by absolute URL. */
	lastmod: Array<[url: string, time: number]>;
	/** Posts whose result came from the cache, and posts checked anew. */
	cache: { hits: number; misses: number };
}

/**
 * Digest of everything the check's answer for one file can depend on besides the file: the
 * project's own modules (the check, the schema, the site settings) and the locked dependency
 * versions (zod, yaml). Any change there makes the build check every post again.
 */
export async function checkCodeVersion(root: string): Promise<string> {
	const lib = join(root, 'src/lib');
	const files = [
		// Every module of lib/, in its domain folders.
		...(await readdir(lib, { recursive: true }))
			.filter((name) => name.endsWith('.ts'))
			.map((name) => join(lib, name)),
		join(root, 'src/site.ts'),
		join(root, 'package-lock.json'),
	].sort();
	const parts = await Promise.all(
		files.map(async (file) => `${file}\0${await readFile(file, 'utf8').catch(() => '')}`),
	);
	return hash('sha256', parts.join('\0'), 'base64url');
}

/** A check that remembers nothing: every post is checked, nothing is written. */
function uncached(): CheckCache {
	const stats = { hits: 0, misses: 0 };
	return {
		checker: (file) => {
			stats.misses++;
			return checkFile(file);
		},
		save: () => Promise.resolve(),
		stats,
	};
}

/**
 * Checks every post of `contentDir`. `save` writes each post's result for the next build; the
 * build calls it after it has the outcome, which does not wait for the write.
 */
export async function runBuildCheck(
	job: BuildCheckJob,
): Promise<{ outcome: BuildCheckOutcome; save: () => Promise<void> }> {
	const cache =
		job.cached === false
			? uncached()
			: await openCheckCache(
					join(job.cacheDir, 'content-check.bin'),
					await checkCodeVersion(job.root),
				);
	const { findings, posts } = await checkContentDir(
		job.contentDir,
		undefined,
		cache.checker,
		new Date(job.now),
	);
	const lastmod = buildLastmodIndex(posts, new Date(job.now));
	const outcome: BuildCheckOutcome = {
		findings: findings.map((finding) => ({
			severity: finding.severity,
			line: formatFinding(finding),
		})),
		errors: findings.filter((finding) => finding.severity === 'error').length,
		lastmod: [...lastmod].map(([url, date]) => [url, date.getTime()]),
		cache: { ...cache.stats },
	};
	return { outcome, save: cache.save };
}
