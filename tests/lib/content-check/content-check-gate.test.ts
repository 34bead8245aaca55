import { once } from 'node:events';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterEach, expect, test } from 'vitest';
import {
	expectGatePassed,
	openContentCheckGate,
	passContentCheckGate,
} from '../../../src/lib/content-check/content-check-gate.ts';

const GATE = Symbol.for('butlerspb.content-check');
afterEach(() => {
	Reflect.deleteProperty(globalThis, GATE);
});

test('without a running check the loader goes on at once', async () => {
	await expect(passContentCheckGate()).resolves.toBeUndefined();
});

test('the loader waits until the check has finished', async () => {
	const order: string[] = [];
	let finish = () => {};
	openContentCheckGate(
		new Promise<void>((resolve) => {
			finish = () => {
				order.push('check');
				resolve();
			};
		}),
	);
	const passed = passContentCheckGate().then(() => order.push('loader'));
	await Promise.resolve();
	expect(order).toEqual([]);
	finish();
	await passed;
	expect(order).toEqual(['check', 'loader']);
});

test("a failed check stops the loader with the check's own error", async () => {
	openContentCheckGate(Promise.reject(new Error('Проверка статей: ошибок — 2')));
	await expect(passContentCheckGate()).rejects.toThrow('Проверка статей: ошибок — 2');
});

test('a failed check that nobody waits for is not an unhandled rejection', async () => {
	const unhandled: unknown[] = [];
	const onUnhandled = (reason: unknown) => unhandled.push(reason);
	process.on('unhandledRejection', onUnhandled);
	openContentCheckGate(Promise.reject(new Error('никто не ждёт')));
	await new Promise((resolve) => setTimeout(resolve, 20));
	process.off('unhandledRejection', onUnhandled);
	expect(unhandled).toEqual([]);
});

test('once the loader has waited at the gate, the build goes on', async () => {
	openContentCheckGate(Promise.resolve());
	await passContentCheckGate();
	expect(() => expectGatePassed()).not.toThrow();
});

/*
 * What the build sees if Astro ran the content config in another realm: the loader's
 * globalThis is not the build's, so it never reaches the gate. Simulated by passing the gate in
 * a worker thread, as a loader run there would.
 */
test('a loader that never reaches the gate stops the build, in Russian and English', async () => {
	openContentCheckGate(Promise.resolve());
	const gateModule = pathToFileURL(
		resolve(import.meta.dirname, '../../../src/lib/content-check/content-check-gate.ts'),
	);
	const worker = new Worker(
		`import(${JSON.stringify(gateModule.href)}).then((gate) => gate.passContentCheckGate())`,
		{ eval: true },
	);
	await once(worker, 'exit');
	expect(() => expectGatePassed()).toThrow(/загрузчик статей не дождался проверки статей/);
	expect(() => expectGatePassed()).toThrow(/the posts loader never waited for the content check/);
});

test('a build that opened no gate has no loader to expect', () => {
	expect(() => expectGatePassed()).toThrow(/globalThis/);
});
