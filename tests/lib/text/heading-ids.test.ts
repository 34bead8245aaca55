import { describe, expect, test } from 'vitest';
import {
	FALLBACK_HEADING_ID,
	PAGE_IDS,
	anchorLabel,
	createHeadingIds,
} from '../../../src/lib/text/heading-ids.ts';

describe('createHeadingIds', () => {
	test.each([
		[
			'5 столпов доверия ButlerSPB: Наша система в действии',
			'5-stolpov-doveriya-butlerspb-nasha-sistema-v-deystvii',
		],
		['Почему доверие — это не опция', 'pochemu-doverie-eto-ne-optsiya'],
		['Чат-поддержка 24/7', 'chat-podderzhka-24-7'],
		['🙂', FALLBACK_HEADING_ID],
	])('%s → #%s', (text, id) => expect(createHeadingIds().next(text)).toBe(id));

	test('repeated headings get -1, -2 within one document', () => {
		const ids = createHeadingIds();
		expect(['Итоги', 'Итоги', 'Итоги', 'Итоги 1'].map((text) => ids.next(text))).toEqual([
			'itogi',
			'itogi-1',
			'itogi-2',
			'itogi-1-1',
		]);
	});

	test('an id the author wrote is kept and reserved', () => {
		const ids = createHeadingIds();
		expect(ids.next('Что угодно', 'itogi')).toBe('itogi');
		expect(ids.next('Итоги')).toBe('itogi-1');
	});

	test('each document starts afresh', () => {
		expect(createHeadingIds().next('Итоги')).toBe('itogi');
		expect(createHeadingIds().next('Итоги')).toBe('itogi');
	});
});

test.each([
	['Итоги', 'Ссылка на раздел «Итоги»'],
	['  Доверие\n в цифрах ', 'Ссылка на раздел «Доверие в\u00a0цифрах»'],
])('anchorLabel(%j)', (text, label) => expect(anchorLabel(text)).toBe(label));

test.each([
	[['Content'], undefined, ['content-1']],
	[['Toc title', 'Toc title'], undefined, ['toc-title-1', 'toc-title-2']],
	[['Раздел'], 'content', ['content-1']],
	[['Footnote label'], undefined, ['footnote-label-1']],
])('headings %j (own id %s) never take a page id: %j', (texts, existing, expected) => {
	const ids = createHeadingIds();
	expect(texts.map((text) => ids.next(text, existing))).toEqual(expected);
	for (const id of expected) expect(PAGE_IDS).not.toContain(id);
});
