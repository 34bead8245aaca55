import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/*
 * A result made once for several test runs going on side by side (the two lanes of
 * `npm test` each start a browser run): the first to claim `dir` makes it, the others wait for
 * it and read it. The claim is a folder made with mkdir, which only one process can make.
 */

/** How long a waiting run waits for the one making the result. */
const WAIT_MS = 15 * 60_000;

/**
 * `make()`'s result (a string, such as a path), made by the first caller that claims `dir` and
 * read by the others; a failure to make it is thrown to every caller.
 */
export async function sharedOnce(dir: string, make: () => Promise<string>): Promise<string> {
	await mkdir(dir, { recursive: true });
	const ready = join(dir, 'ready');
	const failed = join(dir, 'failed');
	const claimed = await mkdir(join(dir, 'claim')).then(
		() => true,
		(error: NodeJS.ErrnoException) => {
			if (error.code === 'EEXIST') return false;
			throw error;
		},
	);
	if (claimed) {
		try {
			const result = await make();
			await writeFile(ready, result);
			return result;
		} catch (error) {
			await writeFile(failed, String(error));
			throw error;
		}
	}
	for (const end = Date.now() + WAIT_MS; Date.now() < end;) {
		const result = await readFile(ready, 'utf8').catch(() => undefined);
		if (result !== undefined) return result;
		const failure = await readFile(failed, 'utf8').catch(() => undefined);
		if (failure !== undefined) throw new Error(`${dir}: the run that made it failed: ${failure}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`${dir}: not made within ${WAIT_MS / 60_000} minutes`);
}
