import type { APIRoute } from 'astro';
import { buildRobotsTxt } from '../lib/seo/sitemap.ts';

/** robots.txt: everything may be crawled; the sitemap index is named. */
export const GET: APIRoute = () =>
	new Response(buildRobotsTxt(), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
