import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { LONG_POST } from '../support/fixture-corpus.ts';
import { useFixtureSite } from '../support/fixture-site.ts';
import type { CheckedPage } from '../support/page.ts';

/*
 * What a reader gets from what an editor wrote in the long post of the fixture blog: footnotes
 * in Russian that stay out of the table of contents, and a link written without its trailing
 * slash that works anyway.
 */

const site = useFixtureSite();
let checked: CheckedPage;
let page: Page;

beforeAll(async () => {
	checked = await site.open(`/blog/${LONG_POST.slug}/`);
	page = checked.page;
});

test('the footnotes are headed «Примечания» and link back to the text in Russian', async () => {
	await expect(page.getByRole('heading', { name: 'Примечания' }).count()).resolves.toBe(1);
	const back = page.locator('a[data-footnote-backref]');
	await expect(
		back.evaluateAll((links) => links.map((a) => a.getAttribute('aria-label'))),
	).resolves.toEqual([
		'Вернуться к тексту, к сноске 1',
		'Вернуться к тексту, к сноске 1 (упоминание 2)',
		'Вернуться к тексту, к сноске 2',
	]);
	await page.getByRole('link', { name: 'Вернуться к тексту, к сноске 2' }).click();
	expect(new URL(page.url()).hash).toBe('#user-content-fnref-foto');
	await expect(page.locator('body').innerText()).resolves.not.toMatch(
		/Footnotes|Back to reference/,
	);
});

test('the table of contents lists the sections, not the footnotes', async () => {
	const toc = page.getByRole('navigation', { name: 'Содержание' });
	// Typography puts no-break spaces into the text; compare words.
	const entries = (await toc.getByRole('link').allInnerTexts()).map((text) =>
		text.replace(/\s+/g, ' '),
	);
	expect(entries).toEqual(LONG_POST.sections.flatMap((section, n) => [section, `Пример ${n + 1}`]));
});

test('every id on the page is unique', async () => {
	const ids = await page.locator('[id]').evaluateAll((nodes) => nodes.map((node) => node.id));
	expect(ids.length).toBeGreaterThan(5);
	expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
});

test('a link written without its trailing slash points at the page URL and opens it', async () => {
	const link = page.getByRole('link', { name: 'заметке 03' });
	await expect(link.getAttribute('href')).resolves.toBe('/blog/post-03/');
	const [response] = await Promise.all([
		page.waitForResponse((answer) => new URL(answer.url()).pathname === '/blog/post-03/'),
		link.click(),
	]);
	expect(response.status()).toBe(200);
	expect(new URL(page.url()).pathname).toBe('/blog/post-03/');
	expect(checked.errors).toEqual([]);
	expect(checked.external).toEqual([]);
});
