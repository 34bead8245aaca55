/*
 * Paths of the editor (Decap CMS), in a module of their own: the build's config loads them
 * without the post schema.
 */

import { DEFAULT_CONTENT_DIR } from '../content/content-dir.ts';
import type { CmsFolders } from './cms-guard.ts';

/** Where the admin UI lives. */
export const ADMIN_PATH = '/admin/';

/**
 * The local back end's API on the dev server (decap-server answers it as /api/v1). It ends with
 * a slash because the site's trailingSlash: 'always' turns other paths away before any route.
 */
export const LOCAL_BACKEND_PATH = '/admin/api/';

/** Files of the Decap CMS bundle the admin page loads: the entry and its numbered chunks. */
export const isCmsBundleFile = (name: string): boolean => /^(?:\d+\.)?decap-cms\.js$/.test(name);

/**
 * The folders the editor works in, relative to the project root: the config's collection
 * folder and media folder, and the only folders its local back end may touch.
 */
export const CMS_FOLDERS: CmsFolders = {
	posts: DEFAULT_CONTENT_DIR,
	media: `${DEFAULT_CONTENT_DIR}/images`,
};
