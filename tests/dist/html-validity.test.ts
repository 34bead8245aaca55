import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIST } from '../support/build.ts';
import { checkHtml, htmlErrors, type VnuMessage } from '../support/vnu.ts';

let broken: string;
let messages: VnuMessage[];

beforeAll(async () => {
	// A page with known errors, checked in the same run, proves the checker really looked.
	broken = await mkdtemp(join(tmpdir(), 'vnu-'));
	await writeFile(
		join(broken, 'index.html'),
		'<!doctype html><html lang="ru"><title>x</title><p><li>ошибка</p></html>',
	);
	messages = await checkHtml(DIST, broken);
}, 120_000);

afterAll(() => rm(broken, { recursive: true, force: true }));

const under = (dir: string) => (message: VnuMessage) =>
	message.url?.startsWith(pathToFileURL(dir).href.replace(/^file:\/\//, 'file:')) ?? false;

test('the Nu Html Checker finds no error on any page of dist/', () => {
	expect(htmlErrors(messages.filter(under(DIST)))).toEqual([]);
});

test('the same run reports the broken page, so a green result means something', () => {
	expect(htmlErrors(messages.filter(under(broken))).length).toBeGreaterThan(0);
});
