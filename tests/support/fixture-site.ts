import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';
import { gotoSettled, openPage, type CheckedPage } from './page.ts';
import { serveDist, type StaticServer } from './server.ts';

/**
 * A browser test file's Chromium and the fixture blog (tests/support/fixture-blog.ts)
 * served on 127.0.0.1: started before the file's tests and closed after them. Every page opened
 * is kept in `opened`, for the file's last check of errors and outside requests.
 */
export function useFixtureSite() {
	let browser: Browser | undefined;
	let server: StaticServer | undefined;
	const opened: CheckedPage[] = [];
	beforeAll(async () => {
		[browser, server] = await Promise.all([launchBrowser(), serveDist(inject('fixtureDist'))]);
	});
	afterAll(async () => {
		await browser?.close();
		await server?.close();
	});
	const started = (): { browser: Browser; server: StaticServer } => {
		if (!browser || !server) throw new Error('useFixtureSite(): the site is not started yet');
		return { browser, server };
	};
	return {
		opened,
		get browser(): Browser {
			return started().browser;
		},
		get url(): string {
			return started().server.url;
		},
		/**
		 * Opens `path` in a fresh context (see openPage); `settled` also waits for the fonts and the
		 * images in view (see gotoSettled).
		 */
		async open(
			path: string,
			options: BrowserContextOptions = {},
			{ settled = false } = {},
		): Promise<CheckedPage> {
			const site = started();
			const checked = await openPage(site.browser, site.server.url, options);
			opened.push(checked);
			if (settled) await gotoSettled(checked.page, site.server.url + path);
			else await checked.page.goto(site.server.url + path);
			return checked;
		},
	};
}
