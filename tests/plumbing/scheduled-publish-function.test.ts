import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { SCHEDULE_PATH } from '../../src/lib/content/scheduled-publishing.ts';
// The function Netlify deploys, called as Netlify's scheduler calls it.
import scheduledPublish, { config } from '../../netlify/functions/scheduled-publish.ts';

/*
 * The scheduled function's handler against two local servers on 127.0.0.1: the deployed site,
 * which serves /scheduled.json, and Netlify's build hook, which records every request.
 */

interface HookRequest {
	method: string;
	url: string;
	body: string;
}

let site: Server;
let siteUrl: string;
/** What the site answers at /scheduled.json: a body and a status. */
let deployed: { status: number; body: string };

let hookServer: Server;
let hookUrl: string;
let hookRequests: HookRequest[];
let hookStatus: number;

const listen = async (server: Server): Promise<string> => {
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));

beforeAll(async () => {
	site = createServer((request, response) => {
		if (request.url !== SCHEDULE_PATH) return void response.writeHead(404).end('not found');
		response.writeHead(deployed.status, { 'Content-Type': 'application/json' }).end(deployed.body);
	});
	siteUrl = await listen(site);
	hookServer = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			hookRequests.push({
				method: request.method ?? '',
				url: request.url ?? '',
				body: Buffer.concat(chunks).toString('utf8'),
			});
			response.writeHead(hookStatus).end();
		});
	});
	hookUrl = `${await listen(hookServer)}/build_hooks/test-hook-id`;
});
afterAll(async () => {
	await close(site);
	await close(hookServer);
});

let errors: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
	hookRequests = [];
	hookStatus = 200;
	vi.stubEnv('BUILD_HOOK_URL', hookUrl);
	errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
	vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => {
	vi.unstubAllEnvs();
	vi.restoreAllMocks();
});

const HOUR = 3_600_000;
/** An ISO time `hours` from the real clock (the handler reads the clock). */
const fromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();
const serve = (list: unknown, status = 200) => {
	deployed = { status, body: JSON.stringify(list) };
};
/** Runs the handler as Netlify does: a POST with next_run, and the site in the context. */
const run = () =>
	scheduledPublish(
		new Request('http://127.0.0.1/.netlify/functions/scheduled-publish', {
			method: 'POST',
			body: JSON.stringify({ next_run: fromNow(1) }),
		}),
		{ site: { url: siteUrl } },
	);

test('runs every hour', () => expect(config).toEqual({ schedule: '@hourly' }));

describe('a scheduled post whose time has come', () => {
	test('triggers one build through the hook', async () => {
		serve({ builtAt: fromNow(-3), scheduled: [fromNow(-0.5), fromNow(48)] });
		const response = await run();
		expect(response.status).toBe(202);
		expect(hookRequests).toHaveLength(1);
		expect(hookRequests[0]!.method).toBe('POST');
		const url = new URL(hookRequests[0]!.url, hookUrl);
		expect(url.pathname).toBe('/build_hooks/test-hook-id');
		expect(url.searchParams.get('trigger_title')).toMatch(/^Scheduled publication: \d{4}-/);
		expect(errors).not.toHaveBeenCalled();
	});

	test('several due at once still trigger a single build', async () => {
		serve({ builtAt: fromNow(-30), scheduled: [fromNow(-20), fromNow(-2), fromNow(-0.1)] });
		await run();
		expect(hookRequests).toHaveLength(1);
	});

	test('a hook that fails is logged as an error', async () => {
		hookStatus = 500;
		serve({ builtAt: fromNow(-3), scheduled: [fromNow(-1)] });
		const response = await run();
		expect(hookRequests).toHaveLength(1);
		expect(response.status).toBe(502);
		expect(errors).toHaveBeenCalledWith(expect.stringContaining('the build hook answered 500'));
		// The hook's URL is a secret: never in the log.
		expect(JSON.stringify(errors.mock.calls)).not.toContain('test-hook-id');
	});
});

describe('nothing due', () => {
	test.each([
		['a post still to come', { builtAt: fromNow(-3), scheduled: [fromNow(0.5)] }],
		['no scheduled post', { builtAt: fromNow(-3), scheduled: [] }],
		// The deployed build was made after that time: the post is already out.
		['a time the deployed build already had', { builtAt: fromNow(-1), scheduled: [fromNow(-2)] }],
	])('%s: no request to the hook', async (_, list) => {
		serve(list);
		const response = await run();
		expect(response.status).toBe(200);
		expect(hookRequests).toEqual([]);
		expect(errors).not.toHaveBeenCalled();
	});
});

describe('the deployed list cannot be read', () => {
	test.each([
		['answers 404', () => serve({}, 404), /answered 404/],
		['is not JSON', () => void (deployed = { status: 200, body: '<html>' }), /SyntaxError/],
		['has another shape', () => serve({ scheduled: [fromNow(-1)] }), /builtAt is not an ISO date/],
	])('when it %s: an error is logged, the hook is not called', async (_, setUp, message) => {
		setUp();
		const response = await run();
		expect(response.status).toBe(502);
		expect(hookRequests).toEqual([]);
		expect(errors).toHaveBeenCalledWith(expect.stringMatching(message));
	});

	test('when the site does not answer: an error is logged, the hook is not called', async () => {
		const down = createServer();
		const downUrl = await listen(down);
		await close(down);
		const response = await scheduledPublish(undefined, { site: { url: downUrl } });
		expect(response.status).toBe(502);
		expect(hookRequests).toEqual([]);
		expect(errors).toHaveBeenCalledWith(expect.stringContaining('could not read /scheduled.json'));
	});
});

describe('configuration', () => {
	test.each([
		['missing', undefined],
		['empty', ''],
	])('BUILD_HOOK_URL %s: a clear error, no request at all', async (_, value) => {
		vi.stubEnv('BUILD_HOOK_URL', value);
		serve({ builtAt: fromNow(-3), scheduled: [fromNow(-1)] });
		const response = await run();
		expect(response.status).toBe(500);
		expect(await response.text()).toMatch(/BUILD_HOOK_URL is not set: create a build hook/);
		expect(errors).toHaveBeenCalledWith(expect.stringContaining('BUILD_HOOK_URL is not set'));
		expect(hookRequests).toEqual([]);
	});

	test('a BUILD_HOOK_URL that is not a URL: a clear error that does not repeat it', async () => {
		vi.stubEnv('BUILD_HOOK_URL', 'build_hooks/secret-id');
		const response = await run();
		expect(response.status).toBe(500);
		const text = await response.text();
		expect(text).toBe('BUILD_HOOK_URL is not a URL.');
		expect(hookRequests).toEqual([]);
	});
});
