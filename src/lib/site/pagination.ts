/**
 * Labels of the links to newer and older content, the same on listing pages and under an
 * article: everything runs newest first, so «← Новее» always points left and back in the list
 * (rel="prev") and «Старше →» right and forward (rel="next").
 */
export const ADJACENT_LABELS = { newer: '← Новее', older: 'Старше →' } as const;

/** Links of one page of a paginated list. */
export interface PageLinks {
	current: number;
	total: number;
	prev?: string;
	next?: string;
}

/** Number of pages for `count` items (at least one, so an empty blog still has a home page). */
export const pageCount = (count: number, size: number): number =>
	Math.max(1, Math.ceil(count / size));

/** Items of page `page` (1-based). */
export const pageItems = <T>(items: readonly T[], page: number, size: number): T[] =>
	items.slice((page - 1) * size, page * size);

/** Prev/next links of page `page`, with `pathOf(n)` giving each page's path. */
export function pageLinks(
	page: number,
	total: number,
	pathOf: (page: number) => string,
): PageLinks {
	return {
		current: page,
		total,
		...(page > 1 ? { prev: pathOf(page - 1) } : {}),
		...(page < total ? { next: pathOf(page + 1) } : {}),
	};
}

/** The h1 of page `page` of a list named `name`: «Тема «X» — страница 2». */
export const pagedHeading = (name: string, page: number): string =>
	page > 1 ? `${name} — страница ${page}` : name;

/** The <title> of page `page` of a list named `name`: «Тема «X», страница 2». */
export const pagedTitle = (name: string, page: number): string =>
	page > 1 ? `${name}, страница ${page}` : name;
