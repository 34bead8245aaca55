import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './build.ts';

/** What a script printed and how it exited. */
export interface ScriptRun {
	code: number;
	stdout: string;
	stderr: string;
}

/**
 * Runs scripts/<name> with the project's Node 24 from the project root and resolves with its
 * exit code and output, whatever the code.
 */
export function runScript(
	name: string,
	args: readonly string[] = [],
	env: Record<string, string | undefined> = {},
): Promise<ScriptRun> {
	return new Promise((resolve, reject) => {
		execFile(
			join(ROOT, 'node_modules/.bin/node'),
			[join(ROOT, 'scripts', name), ...args],
			{ cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
			(error, stdout, stderr) => {
				const code = error ? (error as { code?: unknown }).code : 0;
				if (typeof code !== 'number') reject(error ?? new Error('no exit code'));
				else resolve({ code, stdout, stderr });
			},
		);
	});
}
