import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { securityHeaders } from '../../src/lib/netlify/security-headers.ts';
import { SITE } from '../../src/site.ts';
import { launchBrowser } from '../support/browser.ts';
import { DIST } from '../support/build.ts';
import { netlifyHeaderRules } from '../support/netlify.ts';
import { readSearchIndex } from '../support/search-index.ts';
import { serveDist, type StaticServer } from '../support/server.ts';

/*
 * The built site served on 127.0.0.1 with the headers netlify.toml gives each path, in Chromium:
 * the Content-Security-Policy must block nothing the site does. Chromium never upgrades loopback
 * URLs, so upgrade-insecure-requests leaves the plain-http test server alone. Images from the
 * allowed remote origins get a 1×1 PNG (no network here); any other outside request is a failure.
 */

const PIXEL = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);

/** What happened while a page was open. */
interface Visit {
	page: Page;
	status: number | undefined;
	csp: string | undefined;
	violations: string[];
	consoleErrors: string[];
	outsideRequests: string[];
}

let server: StaticServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
	server = await serveDist(DIST, await netlifyHeaderRules());
	browser = await launchBrowser();
});

afterAll(async () => {
	await Promise.all(contexts.map((context) => context.close()));
	await browser?.close();
	await server?.close();
});

/** Opens a page in a fresh context and records CSP violations, console errors and outside requests. */
async function visit(path: string): Promise<Visit> {
	const context = await browser.newContext();
	contexts.push(context);
	const outsideRequests: string[] = [];
	await context.route(
		(url) => url.origin !== new URL(server.url).origin,
		(route) => {
			const url = route.request().url();
			if ((SITE.imageOrigins as readonly string[]).includes(new URL(url).origin)) {
				return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL });
			}
			outsideRequests.push(url);
			return route.abort('blockedbyclient');
		},
	);
	await context.addInitScript(() => {
		const seen: string[] = [];
		Object.defineProperty(window, '__cspViolations', { value: seen });
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`);
		});
	});
	const page = await context.newPage();
	const consoleErrors: string[] = [];
	const cspMessages: string[] = [];
	page.on('console', (message) => {
		const text = `${message.text()} (${message.location().url})`;
		if (/Content Security Policy|Refused to/i.test(message.text())) cspMessages.push(text);
		else if (message.type() === 'error') consoleErrors.push(text);
	});
	page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
	const response = await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	return {
		page,
		status: response?.status(),
		csp: (await response?.allHeaders())?.['content-security-policy'],
		get violations() {
			return cspMessages;
		},
		consoleErrors,
		outsideRequests,
	};
}

/** Violations the page itself saw (securitypolicyviolation events) plus CSP console messages. */
async function violationsOf(visit: Visit): Promise<string[]> {
	const events = await visit.page.evaluate(
		() => (window as unknown as { __cspViolations: string[] }).__cspViolations,
	);
	return [...events, ...visit.violations];
}

/** The first page found under a folder of dist/ (`blog` → `/blog/<slug>/`). */
async function firstPageUnder(folder: string): Promise<string> {
	const entries = await readdir(join(DIST, folder), { withFileTypes: true });
	const dir = entries
		.filter(
			(entry) => entry.isDirectory() && existsSync(join(DIST, folder, entry.name, 'index.html')),
		)
		.map((entry) => entry.name)
		.sort()[0];
	if (!dir) throw new Error(`no page under dist/${folder}/`);
	return `/${folder}/${dir}/`;
}

const EXPECTED_CSP = securityHeaders()['Content-Security-Policy'];

describe('pages under the production headers', () => {
	test.for([
		['home', async (): Promise<string> => '/'],
		['an article', () => firstPageUnder('blog')],
		['a tag page', () => firstPageUnder('tags')],
	] as const)('%s: no CSP violation, no console error', async ([, pathOf]) => {
		const path = await pathOf();
		const result = await visit(path);
		expect(result.status, path).toBe(200);
		expect(result.csp, path).toBe(EXPECTED_CSP);
		expect(await violationsOf(result), path).toEqual([]);
		expect(result.consoleErrors, path).toEqual([]);
		expect(result.outsideRequests, path).toEqual([]);
	});

	test('the 404 page: status 404, no CSP violation, only the 404 itself in the console', async () => {
		const result = await visit('/blog/no-such-page/');
		expect(result.status).toBe(404);
		expect(result.csp).toBe(EXPECTED_CSP);
		expect(await result.page.locator('h1').textContent()).toBe('Страница не найдена');
		expect(await violationsOf(result)).toEqual([]);
		expect(result.consoleErrors).toEqual([
			expect.stringMatching(/status of 404 .*\/blog\/no-such-page\/\)$/),
		]);
	});

	test('search: a query fetches the index and shows results with no violation', async () => {
		// A word of an article's title: the query finds that article at least.
		const [doc] = (await readSearchIndex(DIST)).docs;
		const query = doc?.title.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0];
		if (!doc || !query) throw new Error('no article in the search index');
		const result = await visit('/search/');
		expect(result.status).toBe(200);
		const article = result.page.waitForResponse(
			(response) => /\/search-index\/d-[^/]+\/\d+\.json$/.test(response.url()) && response.ok(),
			{ timeout: 20_000 },
		);
		const input = result.page.locator('input[type="search"], [role="searchbox"]').first();
		await input.fill(query);
		await input.press('Enter');
		await article.catch(async (error: Error) => {
			const violations = (await violationsOf(result)).join('; ') || 'none';
			const errors = result.consoleErrors.join('; ') || 'none';
			throw new Error(
				`no search result loaded (${error.message}). CSP: ${violations}. Console: ${errors}`,
			);
		});
		await expect
			.poll(() => result.page.locator('.search-result__title').allTextContents())
			.toContain(doc.title);
		await result.page.waitForLoadState('networkidle');
		expect(await violationsOf(result)).toEqual([]);
		expect(result.consoleErrors).toEqual([]);
		expect(result.outsideRequests).toEqual([]);
	});
});

describe('the policy is enforced (the checks above can fail)', () => {
	test('an inline script and an image from another host are blocked and reported', async () => {
		const result = await visit('/');
		const ran = await result.page.evaluate(async () => {
			const script = document.createElement('script');
			script.textContent = 'window.__inlineRan = true';
			document.head.append(script);
			const image = new Image();
			image.src = 'https://example.com/tracker.png';
			document.body.append(image);
			await new Promise((resolve) => setTimeout(resolve, 100));
			return (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false;
		});
		expect(ran).toBe(false);
		const violations = await violationsOf(result);
		expect(violations).toContainEqual(expect.stringMatching(/^script-src-elem blocked inline/));
		expect(violations).toContainEqual(
			expect.stringMatching(/^img-src blocked https:\/\/example\.com/),
		);
	});

	test('WebAssembly is not allowed: the site runs none', async () => {
		const result = await visit('/search/');
		const compiled = await result.page.evaluate(async () => {
			// The smallest module: the magic number and version 1.
			const empty = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]);
			try {
				await WebAssembly.compile(empty);
				return true;
			} catch {
				return false;
			}
		});
		expect(compiled).toBe(false);
	});
});
