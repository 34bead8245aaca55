import { afterEach, expect, test } from 'vitest';
import { openContentCheckGate, passContentCheckGate } from '../../src/lib/content-check-gate.ts';

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
