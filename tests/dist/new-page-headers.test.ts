import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CACHE_REVALIDATE } from '../../src/lib/netlify/netlify-headers.ts';
import { headersForPath, overlappingHeaders } from '../../src/lib/netlify/netlify-path.ts';
import { securityHeaders } from '../../src/lib/netlify/security-headers.ts';
import { productionEnv } from '../support/build.ts';
import { loadSiteHeaders, type SiteHeaderRule } from '../support/netlify.ts';
import { copyProject } from '../support/project-copy.ts';

/*
 * A page added to src/pages/ gets the site's headers and CSP with no list to edit: a copy of the
 * project with a new page `/o-nas/` and a new public file is built, and the headers Netlify
 * would give them (netlify.toml plus the build's dist/_headers) are read with Netlify's parser.
 */

const run = promisify(execFile);
const PAGE = `---
import BaseLayout from '../layouts/BaseLayout.astro';
import { buildHead } from '../lib/seo/seo.ts';

const head = buildHead({
	title: 'О нас',
	description: 'Страница, которую тест добавляет в копию проекта, чтобы проверить заголовки.',
	path: '/o-nas/',
});
---

<BaseLayout head={head}><h1>О нас</h1></BaseLayout>
`;

let work: string;
let dist: string;
let rules: SiteHeaderRule[];

beforeAll(async () => {
	work = await mkdtemp(join(tmpdir(), 'blog-new-page-'));
	const project = await copyProject(join(work, 'project'));
	await writeFile(join(project, 'src/pages/o-nas.astro'), PAGE);
	await writeFile(join(project, 'public/prays-list.txt'), 'Цены\n');
	dist = join(work, 'dist');
	await run(join(project, 'node_modules/.bin/astro'), ['build', '--outDir', dist], {
		cwd: project,
		env: {
			...productionEnv(),
			NODE_ENV: 'production',
			ASTRO_CACHE_DIR: join(work, 'cache'),
			ASTRO_TELEMETRY_DISABLED: '1',
		},
	});
	rules = await loadSiteHeaders(dist);
}, 240_000);
afterAll(() => (work ? rm(work, { recursive: true, force: true }) : undefined));

test.each(['/o-nas/', '/prays-list.txt'])(
	'%s gets the CSP and every security header once',
	(path) => {
		expect(existsSync(join(dist, path.endsWith('/') ? `${path}index.html` : path)), path).toBe(
			true,
		);
		expect(headersForPath(rules, path), path).toMatchObject(securityHeaders());
		expect(overlappingHeaders(rules, path), path).toEqual([]);
		expect(headersForPath(rules, path)['Cache-Control'], path).toBe(CACHE_REVALIDATE);
	},
);
