import { expect, inject, test } from 'vitest';
import { checkHtml, htmlErrors } from '../support/vnu.ts';

test(
	'the Nu Html Checker finds no error on the fixture blog (pagination, long posts)',
	{ timeout: 120_000 },
	async () => {
		expect(htmlErrors(await checkHtml(inject('fixtureDist')))).toEqual([]);
	},
);
