import { resolveConfig } from '@netlify/config';
import { z } from 'zod';
import { headersForPath } from '../../src/lib/netlify-path.ts';
import type { HeaderRules } from './server.ts';
import { ROOT } from './build.ts';

/** The parts of Netlify's resolved configuration the tests read. */
const NetlifyConfig = z.object({
	build: z.object({
		command: z.string(),
		publish: z.string(),
		environment: z.record(z.string(), z.string()),
	}),
	headers: z.array(z.object({ for: z.string(), values: z.record(z.string(), z.string()) })),
	plugins: z.array(z.object({ package: z.string(), inputs: z.record(z.string(), z.unknown()) })),
	redirects: z
		.array(z.object({ from: z.string(), to: z.string(), status: z.number(), force: z.boolean() }))
		.default([]),
});

/** netlify.toml as Netlify resolves it. */
export type NetlifyConfig = z.infer<typeof NetlifyConfig>;

/**
 * Reads netlify.toml with Netlify's own loader (@netlify/config, the code Netlify's build runs),
 * offline: no site lookup, no network. It validates the file and normalises it as Netlify does
 * (e.g. `publish` becomes an absolute path).
 */
export async function loadNetlifyConfig(root: string = ROOT): Promise<NetlifyConfig> {
	const { config } = await resolveConfig({
		cwd: root,
		repositoryRoot: root,
		offline: true,
		context: 'production',
		mode: 'require',
	});
	return NetlifyConfig.parse(config);
}

/** The response headers netlify.toml gives each path, for the test server. */
export async function netlifyHeaderRules(root: string = ROOT): Promise<HeaderRules> {
	const { headers } = await loadNetlifyConfig(root);
	return (path) => headersForPath(headers, path);
}
