import { describe, expect, test } from 'vitest';
import {
	mergePhrases,
	phraseEntries,
	RU_PHRASE_OVERRIDES,
	untranslatedPhrases,
} from '../../../src/lib/cms/cms-locale-ru.ts';

describe('mergePhrases', () => {
	test('puts the overrides in deeply and keeps the rest', () => {
		const base = { a: { b: 'Полужиный', c: 'Курсив' }, d: 'Код' };
		expect(mergePhrases(base, { a: { b: 'Полужирный', e: 'Зачёркнутый' } })).toEqual({
			a: { b: 'Полужирный', c: 'Курсив', e: 'Зачёркнутый' },
			d: 'Код',
		});
		expect(base.a.b).toBe('Полужиный');
	});
});

describe('untranslatedPhrases', () => {
	const english = {
		bold: 'Bold',
		strike: 'Strikethrough',
		markdown: 'Markdown',
		details: '%{details}',
		count: '%{smart_count} entry',
	};
	test('finds phrases missing or left in English', () => {
		expect(
			untranslatedPhrases(english, {
				bold: 'Полужирный',
				markdown: 'Markdown',
				details: '%{details}',
				count: '%{smart_count} entry',
			}),
		).toEqual([
			['strike', 'Strikethrough'],
			['count', '%{smart_count} entry'],
		]);
	});
});

describe('RU_PHRASE_OVERRIDES', () => {
	test('every override is Russian and spelt right', () => {
		for (const [path, text] of phraseEntries(RU_PHRASE_OVERRIDES)) {
			const letters = text.replace(/%\{[^}]*\}/g, '').replace(/Markdown|Forgejo|Ctrl\+Enter/g, '');
			if (path === 'workflow.workflow.dateFormat') continue;
			expect(letters, path).toMatch(/[А-Яа-яЁё]/);
			expect(letters, path).not.toMatch(/[A-Za-z]/);
		}
		expect(phraseEntries(RU_PHRASE_OVERRIDES)).toContainEqual([
			'editor.editorWidgets.markdown.bold',
			'Полужирный',
		]);
	});
});
