import type { APIRoute } from 'astro';
import { buildCmsConfig, repoFromUrl, serializeCmsConfig } from '../../lib/cms/cms-config.ts';

/**
 * /admin/config.yml, generated from the post schema on every build and dev request. Netlify sets
 * REPOSITORY_URL during its builds; CMS_GITHUB_REPO (owner/name) overrides it.
 */
export const GET: APIRoute = () =>
	new Response(
		serializeCmsConfig(
			buildCmsConfig({
				repo:
					process.env['CMS_GITHUB_REPO']?.trim() ||
					repoFromUrl(process.env['REPOSITORY_URL']) ||
					'butlerspb/butlerspb-blog',
			}),
		),
		{ headers: { 'content-type': 'text/yaml; charset=utf-8' } },
	);
