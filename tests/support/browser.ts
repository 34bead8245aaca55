import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, found on PATH (never a downloaded browser). */
export function chromiumPath(): string {
	const path = execFileSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
	if (!path) throw new Error('chromium not found on PATH: run scripts/ensure-system-deps.sh');
	return path;
}

/** Flags for a headless Chromium on a machine with no network. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];

/** Launches headless Chromium. */
export const launchBrowser = (): Promise<Browser> =>
	chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
