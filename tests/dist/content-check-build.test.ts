import { stripVTControlCharacters } from 'node:util';
import { expect, test } from 'vitest';
import { buildFixtureSite } from '../support/build.ts';

/*
 * The build runs the content check first and stops on its errors, listing every one of them,
 * not only the first post Astro would trip over.
 */
test('a build with broken posts fails and names every one of them', async () => {
	const failure = (await buildFixtureSite('tests/fixtures/bad-posts').then(
		() => undefined,
		(error: unknown) => error,
	)) as { stdout?: string; stderr?: string } | undefined;
	expect(failure).toBeDefined();
	const output = `${failure?.stdout ?? ''}\n${failure?.stderr ?? ''}`;
	for (const file of [
		'slomannyy-yaml.md:2',
		'opechatka-v-pole.md:4',
		'nevernaya-data.md:4',
		'sub/a.md',
		'ssylka-javascript.md:9',
		'obrabotchik-onclick.md:9',
		'teg-script.md:9',
		'net-fayla-kartinki.md:5',
	]) {
		expect(output).toContain(`tests/fixtures/bad-posts/${file}`);
	}
	expect(output).toContain('поле «pubdate»: такого поля нет: возможно, имелось в виду «pubDate»');
	expect(output).toMatch(/Проверка статей: ошибок — \d+/);
	// Astro reads the posts while the check runs; it stops with the check's list, never with an
	// error of its own about a post (a schema or YAML error of the first post it reads).
	const errorLines = stripVTControlCharacters(output)
		.split('\n')
		.filter((line) => /\[ERROR\]/.test(line));
	expect(errorLines.length).toBeGreaterThan(8);
	expect(errorLines.filter((line) => !line.includes('[butlerspb:content-check]'))).toEqual([]);
}, 120_000);

test('the failed build prints no stack trace, unless DEBUG asks for details', async () => {
	const outputOf = async (env: Record<string, string>): Promise<string> => {
		const failure = (await buildFixtureSite('tests/fixtures/bad-posts', env).then(
			() => undefined,
			(error: unknown) => error,
		)) as { stdout?: string; stderr?: string } | undefined;
		// Without colour codes, so a line that starts with `    at ` is seen as one.
		return stripVTControlCharacters(`${failure?.stdout ?? ''}\n${failure?.stderr ?? ''}`);
	};
	const plain = await outputOf({});
	expect(plain).toMatch(/Проверка статей: ошибок — \d+/);
	expect(plain).not.toMatch(/Stack trace|^\s{4}at /m);
	expect(await outputOf({ DEBUG: 'astro:*' })).toMatch(/^\s{4}at /m);
}, 240_000);
