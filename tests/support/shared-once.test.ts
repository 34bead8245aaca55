import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { sharedOnce } from './shared-once.ts';

const dirs: string[] = [];
const folder = async (): Promise<string> => {
	const dir = await mkdtemp(join(tmpdir(), 'shared-once-'));
	dirs.push(dir);
	return join(dir, 'shared');
};
afterEach(async () => {
	for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

test('runs side by side make the result once and all read it', async () => {
	const dir = await folder();
	let made = 0;
	const make = async (): Promise<string> => {
		made++;
		await new Promise((resolve) => setTimeout(resolve, 300));
		return '/the/dist';
	};
	const results = await Promise.all([sharedOnce(dir, make), sharedOnce(dir, make)]);
	expect(results).toEqual(['/the/dist', '/the/dist']);
	expect(made).toBe(1);
	// A run that starts later reads it too.
	expect(await sharedOnce(dir, make)).toBe('/the/dist');
	expect(made).toBe(1);
});

test('a failure to make it reaches every run', async () => {
	const dir = await folder();
	const make = async (): Promise<string> => {
		await new Promise((resolve) => setTimeout(resolve, 300));
		throw new Error('build failed');
	};
	const settled = await Promise.allSettled([sharedOnce(dir, make), sharedOnce(dir, make)]);
	// Either run may claim the folder first: one sees the error, the other is told of it.
	const messages = settled.map((result) =>
		result.status === 'rejected' ? (result.reason as Error).message : 'made',
	);
	expect(messages.filter((message) => message === 'build failed')).toHaveLength(1);
	expect(
		messages.filter((message) => /the run that made it failed: Error: build failed$/.test(message)),
	).toHaveLength(1);
});
