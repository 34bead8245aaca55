/*
 * Footnotes as readers see them: a Russian heading over the notes (hidden, for screen readers)
 * and Russian labels on the links back to the text. The Markdown processor writes the section;
 * the table of contents leaves it out.
 */

/** Heading of the footnotes section. */
export const FOOTNOTES_LABEL = 'Примечания';

/** The id the processor gives the footnotes heading. */
export const FOOTNOTES_LABEL_ID = 'footnote-label';

/**
 * aria-label of a link from a note back to the text: «Вернуться к тексту, к сноске 1»; the
 * second link to the same note says which mention it returns to.
 */
export const footnoteBackLabel = (reference: number, mention: number): string =>
	mention > 1
		? `Вернуться к тексту, к сноске ${reference} (упоминание ${mention})`
		: `Вернуться к тексту, к сноске ${reference}`;

/**
 * Visible text of every link back to the text: the arrow alone. The processor would add the
 * mention's number to the second and later links («↩2»), which then is no part of their Russian
 * accessible name, and screen readers' voice control could not reach them by what they show.
 */
export const footnoteBackContent = (): string => '↩';
