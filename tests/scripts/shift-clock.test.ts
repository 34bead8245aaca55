import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { ROOT } from '../support/build.ts';

const run = promisify(execFile);

test('the preload of the reproducibility check moves the clock, and only the clock', async () => {
	const day = 24 * 60 * 60 * 1000;
	const probe = `console.log(JSON.stringify({
		now: Date.now(), date: new Date().getTime(), string: Date(), fixed: new Date(0).getTime(),
		utc: Date.UTC(2025, 0, 1), isDate: new Date() instanceof Date, real: performance.timeOrigin + performance.now(),
	}))`;
	const { stdout } = await run(
		process.execPath,
		['--import', join(ROOT, 'scripts/support/shift-clock.ts'), '--input-type=module', '-e', probe],
		{ env: { ...process.env, CLOCK_SHIFT_MS: String(400 * day) } },
	);
	const out = JSON.parse(stdout) as Record<string, number | string | boolean>;
	const real = out['real'] as number;
	expect(Math.round(((out['now'] as number) - real) / day)).toBe(400);
	expect(Math.round(((out['date'] as number) - real) / day)).toBe(400);
	expect(new Date(out['string'] as string).getTime() - real).toBeGreaterThan(399 * day);
	expect(out['fixed']).toBe(0);
	expect(out['utc']).toBe(Date.UTC(2025, 0, 1));
	expect(out['isDate']).toBe(true);
});
