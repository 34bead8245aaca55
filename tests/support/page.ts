import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Page, Response } from 'playwright-core';
import { ROOT } from './build.ts';

/** Phone and desktop viewports every page type is checked and photographed at. */
export const VIEWPORTS = {
	small: { width: 320, height: 640 },
	phone: { width: 390, height: 844 },
	desktop: { width: 1280, height: 800 },
} as const;

/** Folder the browser tests write their screenshots to (git-ignored). */
export const SCREENSHOT_DIR = resolve(ROOT, 'test-results/screenshots');

/** A photo-like stand-in for remote hero images: the tests have no network. */
const PLACEHOLDER_IMAGE =
	'<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630"><defs>' +
	'<linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#c9a27a"/>' +
	'<stop offset="1" stop-color="#4d6a80"/></linearGradient></defs>' +
	'<rect width="1200" height="630" fill="url(#g)"/></svg>';

/** A page plus everything it reported that a reader should never see. */
export interface CheckedPage {
	page: Page;
	/** Console errors, uncaught exceptions and failed requests, in order. */
	errors: string[];
	/** Requests that tried to leave the site, other than images. */
	external: string[];
}

/**
 * Opens a page in a fresh context. Remote images get a placeholder (no network here); any other
 * request that leaves the local server is refused and recorded.
 */
export async function openPage(
	browser: Browser,
	origin: string,
	options: BrowserContextOptions = {},
): Promise<CheckedPage> {
	const context = await browser.newContext({ viewport: VIEWPORTS.desktop, ...options });
	const page = await context.newPage();
	const errors: string[] = [];
	const external: string[] = [];
	page.on('console', (message) => {
		// Failed loads are reported below with their URL (and a 404 page's own 404 is expected).
		if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
			errors.push(`console: ${message.text()}`);
		}
	});
	page.on('pageerror', (error) => errors.push(`exception: ${error.message}`));
	page.on('requestfailed', (request) => {
		// Aborted: cancelled by leaving the page mid-load, or refused below (recorded there).
		if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
			errors.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
		}
	});
	page.on('response', (response) => {
		// A page's own status is the test's business (the 404 page is a 404); a missing
		// stylesheet, script or icon never is.
		if (response.status() >= 400 && response.request().resourceType() !== 'document') {
			errors.push(`HTTP ${response.status()}: ${response.url()}`);
		}
	});
	await context.route(
		(url) => url.origin !== origin,
		async (route) => {
			if (route.request().resourceType() === 'image') {
				await route.fulfill({ contentType: 'image/svg+xml', body: PLACEHOLDER_IMAGE });
			} else {
				external.push(route.request().url());
				await route.abort();
			}
		},
	);
	return { page, errors, external };
}

/**
 * Switches a loaded page to a colour scheme, as a reader's system setting would, and fails unless
 * the page now matches it. The site's colours are CSS media queries only (no script reads the
 * scheme), so a page checked in light and then switched to dark shows what a dark-mode reader
 * gets, without a second load.
 */
export async function switchColorScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
	await page.emulateMedia({ colorScheme: scheme });
	const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
	if (dark !== (scheme === 'dark')) throw new Error(`the page did not switch to ${scheme}`);
}

/** One axe-core rule that failed, with the elements that fail it. */
export interface AxeViolation {
	id: string;
	help: string;
	nodes: string[];
}

interface AxeResults {
	violations: { id: string; help: string; nodes: { target: string[] }[] }[];
}

/** axe-core's violations on the current page (every rule axe runs by default). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
	// Once per loaded page: a page checked again (in the other colour scheme) has axe already.
	if (!(await page.evaluate(() => 'axe' in window))) {
		await page.addScriptTag({
			content: await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'),
		});
	}
	return page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe;
		const results = await axe.run();
		return results.violations.map((violation) => ({
			id: violation.id,
			help: violation.help,
			nodes: violation.nodes.map((node) => node.target.join(' ')),
		}));
	});
}

/** One error HTML_CodeSniffer reports, with the start of the element's markup. */
export interface HtmlcsError {
	code: string;
	message: string;
	element: string;
}

/**
 * HTML_CodeSniffer's errors (not its warnings or notices) under WCAG 2 AA on the current page.
 * Its build is injected as an inline script: open the page with `bypassCSP: true` where the
 * page's policy forbids inline scripts.
 */
export async function htmlcsErrors(page: Page): Promise<HtmlcsError[]> {
	await page.addScriptTag({
		content: await readFile(join(ROOT, 'node_modules/html_codesniffer/build/HTMLCS.js'), 'utf8'),
	});
	return page.evaluate(
		() =>
			new Promise<HtmlcsError[]>((resolve, reject) => {
				interface Message {
					type: number;
					code: string;
					msg: string;
					element: Element | Document;
				}
				const htmlcs = (
					window as unknown as {
						HTMLCS: {
							ERROR: number;
							process(
								standard: string,
								content: Document,
								done: () => void,
								failed: () => void,
								language: string,
							): void;
							getMessages(): Message[];
						};
					}
				).HTMLCS;
				htmlcs.process(
					'WCAG2AA',
					document,
					() =>
						resolve(
							htmlcs
								.getMessages()
								.filter((message) => message.type === htmlcs.ERROR)
								.map((message) => ({
									code: message.code,
									message: message.msg,
									element:
										'outerHTML' in message.element
											? message.element.outerHTML.slice(0, 200)
											: 'document',
								})),
						),
					() => reject(new Error('HTML_CodeSniffer could not run')),
					'en',
				);
			}),
	);
}

/**
 * Goes to `url` and waits until what a reader sees first is in place: the load event, the fonts,
 * and every image that intersects the viewport, lazy ones included, loaded or failed (a failure
 * is in the CheckedPage's errors). Quicker than Playwright's 'networkidle', which waits for half
 * a second of silence after everything; pages that load more on their own (the search page) are
 * waited for by what they show.
 */
export async function gotoSettled(page: Page, url: string): Promise<Response | null> {
	const response = await page.goto(url, { waitUntil: 'load' });
	await page.evaluate(async () => {
		await document.fonts.ready;
		const inView = [...document.images].filter((image) => {
			const box = image.getBoundingClientRect();
			return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
		});
		await Promise.all(
			inView.map((image) =>
				image.complete
					? undefined
					: new Promise((resolve) => {
							image.addEventListener('load', resolve, { once: true });
							image.addEventListener('error', resolve, { once: true });
						}),
			),
		);
	});
	return response;
}
