/**
 * IndexNow, locally: `npm run indexnow -- --dry-run` prints what a production deploy of the
 * current dist/ would submit against the saved list (.cache/indexnow.json, the file the Netlify
 * plugin keeps in Netlify's build cache); `--remember` makes the current dist/ the saved list.
 * Nothing is ever sent from here. Exit code 0, or 2 on wrong arguments or a missing dist/.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readPageDigests } from '../src/plumbing/indexnow-pages.ts';
import {
	INDEXNOW_BATCH_SIZE,
	INDEXNOW_STATE_FILE,
	buildIndexNowState,
	buildPayload,
	describeDiff,
	diffPages,
	indexNowEndpoint,
	keyFileName,
	parseIndexNowState,
	readIndexNowKey,
	serializeIndexNowState,
	toBatches,
	urlsToSubmit,
} from '../src/lib/netlify/indexnow.ts';
import { SITE } from '../src/site.ts';

/** URLs of the request body printed in full; the rest are counted. */
const PAYLOAD_URLS_SHOWN = 5;

const USAGE =
	'Использование: npm run indexnow -- --dry-run [--dist папка] [--state файл]\n' +
	'               npm run indexnow -- --remember [--dist папка] [--state файл]\n' +
	'  --dry-run   показать, что отправил бы деплой текущей сборки (ничего не отправляется)\n' +
	'  --remember  запомнить текущую сборку как сохранённый список\n' +
	`  --dist      папка сборки (по умолчанию dist)\n` +
	`  --state     сохранённый список (по умолчанию ${INDEXNOW_STATE_FILE})`;

function fail(message: string): never {
	console.error(`${message}\n${USAGE}`);
	process.exit(2);
}

let values: { 'dry-run': boolean; remember: boolean; dist: string; state: string; help: boolean };
try {
	({ values } = parseArgs({
		options: {
			'dry-run': { type: 'boolean', default: false },
			remember: { type: 'boolean', default: false },
			dist: { type: 'string', default: 'dist' },
			state: { type: 'string', default: INDEXNOW_STATE_FILE },
			help: { type: 'boolean', short: 'h', default: false },
		},
	}));
} catch (error) {
	fail(`Ошибка в параметрах: ${(error as Error).message}`);
}
if (values.help) {
	console.log(USAGE);
	process.exit(0);
}
if (values['dry-run'] === values.remember) fail('Укажите одно из двух: --dry-run или --remember.');

const dist = resolve(values.dist);
const stateFile = resolve(values.state);
if (!existsSync(join(dist, 'index.html')))
	fail(`В папке ${values.dist} нет собранного сайта: сначала npm run build.`);

const origin = SITE.url;
const current = await readPageDigests(dist, origin);

if (values.remember) {
	await mkdir(dirname(stateFile), { recursive: true });
	await writeFile(stateFile, serializeIndexNowState(buildIndexNowState(origin, current)));
	console.log(`Запомнено страниц: ${current.size} (${values.state}).`);
	process.exit(0);
}

let key: string | undefined;
try {
	key = readIndexNowKey(process.env);
} catch (error) {
	console.log((error as Error).message);
}
const keyInDist = key !== undefined && existsSync(join(dist, keyFileName(key)));
console.log('Пробный запуск IndexNow: ничего не отправляется.');
console.log(`Сайт: ${origin}; сборка: ${values.dist}; сохранённый список: ${values.state}.`);
console.log(
	key === undefined
		? 'INDEXNOW_KEY не задан: на Netlify плагин ничего не отправил бы. Ниже — что ушло бы с ключом.'
		: `Ключ задан; файл ключа /${keyFileName(key)} ${keyInDist ? 'есть в сборке' : 'в сборке отсутствует (соберите с INDEXNOW_KEY)'}.`,
);
const previous = parseIndexNowState(
	existsSync(stateFile) ? await readFile(stateFile, 'utf8') : undefined,
	origin,
);
const diff = diffPages(previous, current);
for (const line of describeDiff(diff)) console.log(line);
const groups = [
	['Новые', diff.added],
	['Изменённые', diff.changed],
	['Удалённые', diff.deleted],
] as const;
for (const [title, urls] of groups) {
	if (urls.length === 0) continue;
	console.log(`\n${title}:`);
	for (const url of urls) console.log(`  ${url}`);
}
const urls = urlsToSubmit(diff);
if (urls.length > 0) {
	const endpoint = indexNowEndpoint(process.env);
	const batches = toBatches(urls, INDEXNOW_BATCH_SIZE);
	const first = buildPayload(origin, key ?? '<INDEXNOW_KEY>', batches[0]!);
	const shown = first.urlList.slice(0, PAYLOAD_URLS_SHOWN);
	const rest = first.urlList.length - shown.length;
	console.log(`\nЗапросы: ${batches.length} × POST ${endpoint}, тело первого:`);
	console.log(
		JSON.stringify(
			{ ...first, urlList: rest > 0 ? [...shown, `… ещё ${rest} URL`] : shown },
			null,
			2,
		),
	);
}
