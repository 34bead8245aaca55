/*
 * The build relies on a few things Astro does that are not part of its documented API
 * (docs/astro-internals.md lists them). Each is checked where it is used; when one no longer
 * holds, the build stops with this error, in Russian for editors and in English for whoever
 * upgrades Astro, instead of publishing a site that silently differs.
 */

/** Where the list of Astro internals the build relies on, and their checks, is kept. */
export const ASTRO_INTERNALS_DOC = 'docs/astro-internals.md';

/** The error that stops a build whose assumption about Astro's internals no longer holds. */
export class AstroInternalsError extends Error {
	override readonly name = 'AstroInternalsError';
	/** What was expected of Astro and what was found, in Russian. */
	readonly ru: string;
	/** The same in English. */
	readonly en: string;

	constructor(ru: string, en: string) {
		super(
			`Сборка остановлена: Astro ведёт себя иначе, чем рассчитывает сборка блога: ${ru}. ` +
				`Сайт не собран, чтобы не опубликовать его с ошибками; нужна правка кода (${ASTRO_INTERNALS_DOC}).\n` +
				`Build stopped: Astro no longer behaves as the blog's build relies on: ${en}. ` +
				`See ${ASTRO_INTERNALS_DOC}.`,
		);
		this.ru = ru;
		this.en = en;
	}
}

/** Throws an AstroInternalsError unless `holds`. */
export function expectAstro(holds: boolean, ru: string, en: string): asserts holds {
	if (!holds) throw new AstroInternalsError(ru, en);
}
