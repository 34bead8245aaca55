import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import {
	INDEXNOW_BATCH_SIZE,
	INDEXNOW_STATE_FILE,
	describeDiff,
	diffPages,
	indexNowEndpoint,
	keyFileName,
	nextIndexNowState,
	parseIndexNowState,
	readIndexNowKey,
	serializeIndexNowState,
	urlsToSubmit,
} from '../lib/netlify/indexnow.ts';
import { SITE } from '../site.ts';
import { readPageDigests } from './indexnow-pages.ts';
import { submitUrls } from './indexnow-submit.ts';

/*
 * The Netlify build plugin (netlify/plugins/indexnow loads this module): after a successful
 * production deploy it submits the pages that changed since the previous one to IndexNow. The
 * list of pages and digests lives in Netlify's build cache. Whatever happens here, the deploy
 * stays green: every problem is a warning in the deploy log.
 */

/** The parts of Netlify's plugin utilities this plugin uses. */
export interface IndexNowPluginUtils {
	cache: {
		save: (path: string) => Promise<boolean>;
		restore: (path: string) => Promise<boolean>;
	};
	status: { show: (status: { title?: string; summary: string; text?: string }) => void };
}

/** What Netlify passes to the handler (the parts used here). */
export interface IndexNowPluginArgs {
	constants: { PUBLISH_DIR: string };
	utils: IndexNowPluginUtils;
	/** From manifest.yml and `[plugins.inputs]`. */
	inputs?: { batchSize?: number | string; stateFile?: string };
}

const log = (message: string): void => console.log(`IndexNow: ${message}`);

/** The saved list's text, restored from the build cache; undefined when there is none. */
async function restoreState(utils: IndexNowPluginUtils, file: string): Promise<string | undefined> {
	await utils.cache.restore(file);
	return existsSync(file) ? readFile(file, 'utf8') : undefined;
}

/** Runs the submission; returns the warnings for the deploy summary. Throws on unexpected errors. */
async function run(args: IndexNowPluginArgs, env: NodeJS.ProcessEnv): Promise<string[]> {
	const context = env['CONTEXT'] ?? '';
	if (context !== 'production') {
		log(`контекст «${context || 'не задан'}», не production: ничего не отправляется.`);
		return [];
	}
	let key: string | undefined;
	try {
		key = readIndexNowKey(env);
	} catch (error) {
		return [(error as Error).message];
	}
	if (!key) {
		log('INDEXNOW_KEY не задан: IndexNow выключен.');
		return [];
	}
	const site = args.constants.PUBLISH_DIR;
	const keyFile = join(site, keyFileName(key));
	if (!existsSync(keyFile) || (await readFile(keyFile, 'utf8')).trim() !== key)
		return [`в сборке нет файла ключа ${keyFileName(key)}: ничего не отправлено.`];

	const origin = SITE.url;
	if (env['URL'] && new URL(env['URL']).origin !== origin)
		log(
			`адрес сайта в Netlify (${env['URL']}) не совпадает с SITE.url; отправляются адреса ${origin}.`,
		);

	const stateFile = resolve(args.inputs?.stateFile ?? INDEXNOW_STATE_FILE);
	const batchSize = Number(args.inputs?.batchSize ?? INDEXNOW_BATCH_SIZE);
	const previous = parseIndexNowState(await restoreState(args.utils, stateFile), origin);
	const current = await readPageDigests(site, origin);
	const diff = diffPages(previous, current);
	for (const line of describeDiff(diff, batchSize)) log(line);

	const urls = urlsToSubmit(diff);
	const failed = new Set<string>();
	const warnings: string[] = [];
	if (urls.length > 0) {
		const endpoint = indexNowEndpoint(env);
		const result = await submitUrls({ endpoint, origin, key, urls, batchSize });
		log(`${endpoint}: принято ${result.accepted} из ${urls.length}, запросов: ${result.requests}.`);
		for (const batch of result.failed) {
			for (const url of batch.urls) failed.add(url);
			warnings.push(`${endpoint} не принял ${batch.urls.length} URL: ${batch.reason}`);
		}
		if (failed.size > 0) log('не принятые адреса будут отправлены снова при следующем деплое.');
	}
	await mkdir(dirname(stateFile), { recursive: true });
	await writeFile(
		stateFile,
		serializeIndexNowState(nextIndexNowState(origin, previous, current, failed)),
	);
	if (!(await args.utils.cache.save(stateFile)))
		warnings.push('список страниц не сохранился в кэше сборки.');
	return warnings;
}

/**
 * Netlify's onSuccess handler: runs after the deploy is live. Never throws and never fails the
 * build; problems are shown as warnings in the deploy log and summary.
 */
export async function onSuccess(args: IndexNowPluginArgs): Promise<void> {
	let warnings: string[];
	try {
		warnings = await run(args, process.env);
	} catch (error) {
		warnings = [`ошибка: ${(error as Error).stack ?? String(error)}`];
	}
	for (const warning of warnings) console.warn(`IndexNow: предупреждение: ${warning}`);
	if (warnings.length > 0)
		args.utils.status.show({
			title: 'IndexNow: предупреждение',
			summary: warnings.join('\n'),
		});
}
