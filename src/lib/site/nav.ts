/** A link of the site's main menu. */
export interface NavItem {
	href: string;
	label: string;
	/**
	 * `aria-current`: `page` on the section's own page, `true` on the other pages of its section
	 * (an article or /page/3/ under «Статьи», a tag page under «Темы»), absent elsewhere.
	 */
	current?: 'page' | 'true';
}

/** The main menu's sections and the paths each one holds. */
const SECTIONS = [
	{
		href: '/',
		label: 'Статьи',
		holds: (path: string) => /^\/(?:page\/\d+\/?|blog\/.+)?$/.test(path),
	},
	{ href: '/tags/', label: 'Темы', holds: (path: string) => path.startsWith('/tags/') },
	{ href: '/search/', label: 'Поиск', holds: (path: string) => path.startsWith('/search/') },
] as const;

/** Normalises a request path: a trailing slash, no `index.html`. */
const normalise = (path: string): string => {
	const bare = path.replace(/index\.html$/, '');
	return bare.endsWith('/') ? bare : `${bare}/`;
};

/** The main menu for the page at `path`, with the current section marked. */
export function navItems(path: string): NavItem[] {
	const page = normalise(path);
	return SECTIONS.map(({ href, label, holds }) => {
		const current = page === href ? 'page' : holds(page) ? 'true' : undefined;
		return { href, label, ...(current ? { current } : {}) };
	});
}
