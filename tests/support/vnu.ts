import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './build.ts';

const run = promisify(execFile);

/** The Nu Html Checker shipped by the vnu-jar package (run with the system's Java). */
export const VNU_JAR = join(ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

/** One message of the Nu Html Checker. */
export interface VnuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: string;
	url?: string;
	message: string;
	extract?: string;
}

/**
 * Checks every HTML file under the given folders with the Nu Html Checker in one Java process
 * (starting Java is the slow part) and returns its messages, each with the file's URL. Java
 * comes from the system (scripts/ensure-system-deps.sh installs it).
 */
export async function checkHtml(...dirs: string[]): Promise<VnuMessage[]> {
	try {
		const { stderr } = await run(
			'java',
			['-jar', VNU_JAR, '--format', 'json', '--skip-non-html', '--exit-zero-always', ...dirs],
			{ maxBuffer: 64 * 1024 * 1024 },
		);
		return (JSON.parse(stderr) as { messages: VnuMessage[] }).messages;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			throw new Error('java not found: run scripts/ensure-system-deps.sh', { cause: error });
		}
		throw error;
	}
}

/** The messages that make a page invalid (warnings and notes left out), one line each. */
export const htmlErrors = (messages: readonly VnuMessage[]): string[] =>
	messages
		.filter((message) => message.type !== 'info')
		.map((message) => `${message.url ?? ''}: ${message.message} «${message.extract ?? ''}»`);
