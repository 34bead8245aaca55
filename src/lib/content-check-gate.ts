/*
 * The build's content check runs while Astro loads the content config (through Vite, which is
 * most of a rebuild's start-up), not before it; the collection's loader waits for it before it
 * reads a post, so an editor still sees the check's list of every broken post, never Astro's
 * first schema error alone. The integration and the loader are loaded by different module
 * loaders (the config's and Vite's), so they meet through a global.
 */

const GATE = Symbol.for('butlerspb.content-check');

type Gate = { [GATE]?: Promise<void> };

/** Shares the running check with the loader; its failure is reported where it is awaited. */
export function openContentCheckGate(check: Promise<void>): void {
	check.catch(() => undefined);
	(globalThis as Gate)[GATE] = check;
}

/** Waits for the check the build started, if any; rejects with its error when it failed. */
export async function passContentCheckGate(): Promise<void> {
	await (globalThis as Gate)[GATE];
}
