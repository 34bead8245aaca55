import { posix } from 'node:path';
import { z } from 'zod';

/*
 * What the build needs to know of Astro's incremental-build cache to put the cached pages into
 * the output folder before Astro looks for them.
 *
 * With `experimental.incrementalBuild`, Astro keeps a copy of every page that has a cacheKey under
 * `<cacheDir>/dist/` and a manifest, `<cacheDir>/incremental-build.json`, listing each route's
 * paths and their output files. On a rebuild it restores an unchanged page by creating its
 * folder and copying the file, one page at a time; a page already in the output folder is kept
 * as it is. Creating ~1,900 folders and copying ~1,900 files that way was the largest part of a
 * 1,000-post rebuild. The build links the cached pages into the output folder first, in one
 * pass, and afterwards removes those that this build did not produce (a deleted post, a tag that
 * is gone): see src/integrations/cached-pages.ts.
 */

/** Astro's manifest of the cached pages, in its cache folder. */
export const cacheManifestPath = (cacheDir: string): string =>
	posix.join(cacheDir, 'incremental-build.json');

/** Where Astro keeps its copy of an output file (relative to the output folder). */
export const cachedPageCopy = (cacheDir: string, file: string): string =>
	posix.join(cacheDir, 'dist', file);

/** Astro's manifest, as far as the build reads it: version 1, route → path → output file. */
const manifestSchema = z.object({
	version: z.literal(1),
	routes: z.record(
		z.string(),
		z.object({ paths: z.record(z.string(), z.object({ outputFile: z.string() })) }),
	),
});

/** A relative path that stays inside the folder it is relative to. */
const isInside = (file: string): boolean => {
	const normal = posix.normalize(file);
	return normal === file && file !== '' && !posix.isAbsolute(file) && !file.startsWith('../');
};

/**
 * The output files (relative to the output folder, sorted) that Astro's incremental-build
 * manifest lists, or undefined when the manifest is missing or not in a format this build knows.
 * Entries that would leave the output folder are left out.
 */
export function cachedOutputFiles(json: unknown): string[] | undefined {
	const result = manifestSchema.safeParse(json);
	if (!result.success) return undefined;
	const files = new Set<string>();
	for (const route of Object.values(result.data.routes)) {
		for (const { outputFile } of Object.values(route.paths)) {
			if (isInside(outputFile)) files.add(outputFile);
		}
	}
	return [...files].sort();
}

/**
 * The files that were put into the output folder from the cache but that this build did not
 * produce: not in the new manifest and not written by the build since (`writtenSince` tells,
 * e.g. from the file's modification time). These are removed so no page outlives its post.
 */
export function staleCachedFiles(
	linked: readonly string[],
	produced: ReadonlySet<string>,
	writtenSince: (file: string) => boolean,
): string[] {
	return linked.filter((file) => !produced.has(file) && !writtenSince(file));
}

/**
 * The folders that removing `files` may leave empty, deepest first, without the output folder
 * itself (''), so each can be tried in turn and kept when it still holds something.
 */
export function foldersToPrune(files: readonly string[]): string[] {
	const folders = new Set<string>();
	for (const file of files) {
		for (let dir = posix.dirname(file); dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
			folders.add(dir);
		}
	}
	return [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}

/**
 * The cacheKey each path of `route` (its component, as `src/pages/blog/[slug].astro`) had in
 * the previous build, by pathname, from Astro's incremental-build manifest; empty when the
 * manifest is missing or not in a format this build knows. A path whose key is unchanged is
 * expected to come from the cache (Astro also compares the route's template and the config).
 */
export function cachedPageKeys(json: unknown, route: string): Map<string, string> {
	const keys = new Map<string, string>();
	if (typeof json !== 'object' || json === null || !('version' in json) || json.version !== 1)
		return keys;
	const routes: unknown = 'routes' in json ? json.routes : undefined;
	if (typeof routes !== 'object' || routes === null || !Object.hasOwn(routes, route)) return keys;
	const entry: unknown = (routes as Record<string, unknown>)[route];
	const paths: unknown =
		typeof entry === 'object' && entry !== null && 'paths' in entry ? entry.paths : undefined;
	if (typeof paths !== 'object' || paths === null) return keys;
	for (const [pathname, page] of Object.entries(paths)) {
		const key: unknown =
			typeof page === 'object' && page !== null && 'cacheKey' in page ? page.cacheKey : undefined;
		if (typeof key === 'string') keys.set(pathname, key);
	}
	return keys;
}
