import { expectAstro } from '../pipeline/astro-internals.ts';

/*
 * The build's content check runs while Astro loads the content config (through Vite, which is
 * most of a rebuild's start-up), not before it; the collection's loader waits for it before it
 * reads a post, so an editor still sees the check's list of every broken post, never Astro's
 * first schema error alone. The integration and the loader are loaded by different module
 * loaders (the config's and Vite's), so they meet through a global: that both see the same
 * `globalThis` is Astro's doing, not its API, so the build checks that the loader came through
 * (expectGatePassed) once the content is loaded.
 */

const GATE = Symbol.for('butlerspb.content-check');

interface Gate {
	check: Promise<void>;
	/** Whether the posts loader has waited at the gate. */
	passed: boolean;
}

type Shared = { [GATE]?: Gate };

/** Shares the running check with the loader; its failure is reported where it is awaited. */
export function openContentCheckGate(check: Promise<void>): void {
	check.catch(() => undefined);
	(globalThis as Shared)[GATE] = { check, passed: false };
}

/** Waits for the check the build started, if any; rejects with its error when it failed. */
export async function passContentCheckGate(): Promise<void> {
	const gate = (globalThis as Shared)[GATE];
	if (!gate) return;
	gate.passed = true;
	await gate.check;
}

/**
 * Fails unless the posts loader has waited at the gate this build opened: called once Astro has
 * loaded the content. A loader that cannot see the gate would read the posts while the check
 * still runs, and stop at Astro's first error.
 */
export function expectGatePassed(): void {
	const gate = (globalThis as Shared)[GATE];
	expectAstro(
		gate?.passed === true,
		'загрузчик статей не дождался проверки статей: сборка и загрузчик коллекции больше не видят общий globalThis',
		'the posts loader never waited for the content check: the build and the collection loader no longer share globalThis',
	);
}
