/*
 * Decap CMS's Russian phrases are incomplete: newer phrases (strikethrough, expand and collapse,
 * the notes pane, toggles) fall back to English, heading names are left in English and «Полужиный»
 * is misspelt. The admin page registers Decap's own Russian phrases merged with these
 * (src/client/cms-admin.ts); the browser test fails when any English phrase is left.
 */

/** A tree of UI phrases, as Decap registers a locale. */
export interface Phrases {
	[key: string]: string | Phrases;
}

/** Phrases that replace or complete Decap's Russian locale. */
export const RU_PHRASE_OVERRIDES: Phrases = {
	auth: { loginWithForgejo: 'Войти через Forgejo' },
	collection: {
		collectionTop: {
			viewAsList: 'Показать списком',
			viewAsGrid: 'Показать плиткой',
		},
		entries: { unpublishedHeader: 'Неопубликованные записи' },
	},
	editor: {
		editorControl: { field: { widgetLabel: 'Поле «%{widgetLabel}»' } },
		editorInterface: { toggleNotes: 'Показать или скрыть заметки' },
		editorNotesPane: {
			title: 'Заметки',
			emptyState: 'Заметок пока нет. Добавьте первую ниже.',
			addNote: 'Добавить заметку',
			addPlaceholder: 'Заметка…',
			editPlaceholder: 'Измените заметку…',
			save: 'Сохранить',
			cancel: 'Отмена',
			edit: 'Изменить',
			delete: 'Удалить',
			resolve: 'Отметить решённой',
			unresolve: 'Открыть снова',
			confirmDelete: 'Удалить эту заметку?',
			shortcut: 'Ctrl+Enter добавляет заметку',
		},
		editorWidgets: {
			markdown: {
				bold: 'Полужирный',
				strikethrough: 'Зачёркнутый',
				toggleMode: {
					rich: 'Перейти в визуальный режим',
					markdown: 'Перейти в режим Markdown',
				},
			},
			headingOptions: {
				headingOne: 'Заголовок 1',
				headingTwo: 'Заголовок 2',
				headingThree: 'Заголовок 3',
				headingFour: 'Заголовок 4',
				headingFive: 'Заголовок 5',
				headingSix: 'Заголовок 6',
			},
			datetime: { setToNow: 'Поставить в поле «%{fieldLabel}» текущее время' },
			object: { expand: 'Развернуть', collapse: 'Свернуть' },
		},
	},
	mediaLibrary: { mediaLibraryModal: { close: 'Закрыть' } },
	ui: {
		settingsDropdown: { account: 'Меню учётной записи' },
		toast: {
			noteAdded: 'Заметка добавлена',
			onFailToAddNote: 'Не удалось добавить заметку: %{details}',
			noteUpdated: 'Заметка изменена',
			onFailToUpdateNote: 'Не удалось изменить заметку: %{details}',
			noteDeleted: 'Заметка удалена',
			onFailToDeleteNote: 'Не удалось удалить заметку: %{details}',
			noteResolved: 'Заметка отмечена решённой',
			noteReopened: 'Заметка открыта снова',
			onFailToToggleNote: 'Не удалось изменить состояние заметки: %{details}',
		},
	},
	workflow: {
		workflow: { dateFormat: 'D MMMM' },
		workflowList: {
			currentEntries:
				'%{smart_count} запись |||| %{smart_count} записи |||| %{smart_count} записей',
		},
	},
};

const isPhrases = (value: unknown): value is Phrases =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** `base` with every phrase of `overrides` put in, deeply; neither argument is changed. */
export function mergePhrases(base: Phrases, overrides: Phrases): Phrases {
	const merged: Phrases = { ...base };
	for (const [key, value] of Object.entries(overrides)) {
		const current = merged[key];
		merged[key] = isPhrases(value) && isPhrases(current) ? mergePhrases(current, value) : value;
	}
	return merged;
}

/** Every phrase of a tree with its dotted path: `editor.editorWidgets.markdown.bold`. */
export function phraseEntries(phrases: Phrases, prefix = ''): Array<[string, string]> {
	return Object.entries(phrases).flatMap(([key, value]) =>
		isPhrases(value)
			? phraseEntries(value, `${prefix}${key}.`)
			: [[`${prefix}${key}`, value] as [string, string]],
	);
}

/** Phrases that read the same in both languages: placeholders only, or a name. */
const SAME_IN_RUSSIAN = new Set(['Markdown']);

/**
 * The phrases of `english` that `russian` lacks or leaves in English: each path with the English
 * text. A phrase with no Latin letter outside its %{placeholders} may stay as it is.
 */
export function untranslatedPhrases(english: Phrases, russian: Phrases): Array<[string, string]> {
	const translated = new Map(phraseEntries(russian));
	return phraseEntries(english).filter(([path, text]) => {
		const mine = translated.get(path);
		if (mine === undefined) return true;
		if (mine !== text || SAME_IN_RUSSIAN.has(text)) return false;
		return /[A-Za-z]/.test(text.replace(/%\{[^}]*\}/g, ''));
	});
}
