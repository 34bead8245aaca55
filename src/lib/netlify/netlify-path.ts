/** A header rule as Netlify reads it: a `for` path pattern and header values. */
export interface PathHeaders {
	for: string;
	values: Readonly<Record<string, string>>;
}

const escapeRegExp = (text: string): string =>
	text.replace(/[|\\{}()[\]^$+*?.]/g, '\\$&').replace(/-/g, '\\x2d');

/*
 * Netlify's matching, segment by segment: `:name` is one segment, a standalone `*` is the rest of
 * the path (and makes the slash before it optional, so `/page/*` also matches `/pages-old/x.js`),
 * a `*` inside a segment is any text (slashes included). A trailing slash is optional and case
 * is ignored. This mirrors @netlify/headers-parser; a unit test compares the two on many paths.
 */
const segmentPattern = (segment: string): string => {
	if (segment.startsWith(':')) return '([^/]+)';
	if (segment === '*') return '?(.*)';
	if (segment.includes('*')) return segment.replaceAll('*', '(.*)');
	return escapeRegExp(segment);
};

/** The regular expression Netlify uses for a header rule's `for` pattern. */
export function forPatternToRegExp(pattern: string): RegExp {
	const segments = pattern
		.split('/')
		.map((segment) => segment.trimEnd())
		.filter(Boolean)
		.map(segmentPattern);
	return new RegExp(`^/${segments.join('/')}/?$`, 'iu');
}

/** Whether a `for` pattern applies to a request path. */
export const matchesForPattern = (pattern: string, path: string): boolean =>
	forPatternToRegExp(pattern).test(path);

/** The rules whose pattern applies to a path, in file order. */
export const matchingRules = <Rule extends PathHeaders>(
	rules: readonly Rule[],
	path: string,
): Rule[] => rules.filter((rule) => matchesForPattern(rule.for, path));

/**
 * The headers a response for `path` gets: every matching rule's values, later rules winning as
 * in Netlify's CLI. Our rules never set one header twice for a path (see `overlappingHeaders`),
 * so the order never matters.
 */
export const headersForPath = (
	rules: readonly PathHeaders[],
	path: string,
): Record<string, string> =>
	Object.assign({}, ...matchingRules(rules, path).map((rule) => rule.values));

/**
 * Header names (lower case) that more than one matching rule sets for a path. Netlify's CDN may
 * send both values joined by a comma (a Cache-Control of `max-age=0, …, max-age=31536000`), so
 * the site's rules must leave this empty for every path.
 */
export function overlappingHeaders(rules: readonly PathHeaders[], path: string): string[] {
	const seen = new Map<string, number>();
	for (const rule of matchingRules(rules, path)) {
		for (const name of Object.keys(rule.values)) {
			const key = name.toLowerCase();
			seen.set(key, (seen.get(key) ?? 0) + 1);
		}
	}
	return [...seen].filter(([, count]) => count > 1).map(([name]) => name);
}

/** A redirect rule as Netlify reads it (the parts the site uses). */
export interface PathRedirect {
	from: string;
	to: string;
	status?: number | undefined;
	force?: boolean | undefined;
}

/**
 * Where Netlify sends a request for `path` that no file answers: the first rule whose `from`
 * matches, with its `:name` placeholders (and `:splat` for a trailing `*`) filled into `to`.
 * Matching is the header rules' (one segment per placeholder, the trailing slash optional).
 * `undefined` when no rule matches.
 */
export function redirectFor(
	rules: readonly PathRedirect[],
	path: string,
): { to: string; status: number } | undefined {
	for (const rule of rules) {
		const names = rule.from
			.split('/')
			.filter((segment) => segment.startsWith(':') || segment === '*')
			.map((segment) => (segment === '*' ? 'splat' : segment.slice(1)));
		const match = forPatternToRegExp(rule.from).exec(path);
		if (!match) continue;
		const values = new Map(names.map((name, i) => [name, match[i + 1] ?? '']));
		const to = rule.to.replace(/:([a-z]+)/gi, (whole, name: string) => values.get(name) ?? whole);
		return { to, status: rule.status ?? 301 };
	}
	return undefined;
}
