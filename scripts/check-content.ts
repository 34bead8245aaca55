/**
 * Checks every post and reports all problems at once: `npm run check:content [-- <folder>]
 * [--strict] [--json]`. Exit code 0: no errors; 1: errors (warnings too with --strict);
 * 2: wrong arguments or no such folder.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentDir, displayPath } from '../src/plumbing/content-check-fs.ts';
import {
	countFindings,
	formatFinding,
	strictFindings,
} from '../src/lib/content-check/content-check.ts';
import { getContentDir } from '../src/lib/content/content-dir.ts';
import { buildNow } from '../src/lib/content/publishing.ts';

const USAGE =
	'Использование: npm run check:content -- [папка со статьями] [--strict] [--json]\n' +
	'  --strict  предупреждения считаются ошибками\n' +
	'  --json    результат в формате JSON (для программ)';

let args: ReturnType<typeof parse>;
function parse() {
	return parseArgs({
		allowPositionals: true,
		options: {
			strict: { type: 'boolean', default: false },
			json: { type: 'boolean', default: false },
			help: { type: 'boolean', short: 'h', default: false },
		},
	});
}
try {
	args = parse();
} catch (error) {
	console.error(`Ошибка в параметрах: ${(error as Error).message}\n${USAGE}`);
	process.exit(2);
}
if (args.values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (args.positionals.length > 1) {
	console.error(`Укажите одну папку, а не ${args.positionals.length}.\n${USAGE}`);
	process.exit(2);
}

const dir = resolve(args.positionals[0] ?? getContentDir(process.env));
const shownDir = displayPath(dir);
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
	console.error(`Папка со статьями не найдена: ${shownDir}`);
	process.exit(2);
}

const result = await checkContentDir(dir, undefined, undefined, buildNow(process.env));
const findings = args.values.strict ? strictFindings(result.findings) : result.findings;
const { errors, warnings } = countFindings(findings);

if (args.values.json) {
	const report = { dir: shownDir, posts: result.posts.length, errors, warnings, findings };
	console.log(JSON.stringify(report, null, 2));
} else {
	for (const finding of findings) console.log(formatFinding(finding));
	if (findings.length > 0) console.log('');
	console.log(
		`Проверено статей: ${result.posts.length} (${shownDir}). Ошибок: ${errors}, предупреждений: ${warnings}.`,
	);
	if (errors > 0 && args.values.strict) {
		console.log('Исправьте ошибки (с --strict предупреждения тоже считаются ошибками).');
	} else if (errors > 0) console.log('Исправьте ошибки: с ними сайт не соберётся.');
	else if (warnings > 0) console.log('Ошибок нет; предупреждения стоит исправить.');
}
process.exit(errors > 0 ? 1 : 0);
