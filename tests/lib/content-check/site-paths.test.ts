import { expect, test } from 'vitest';
import { suggestSitePath } from '../../../src/lib/content-check/site-paths.ts';

const pages = { posts: ['servisnyy-podhod', 'chat-podderzhka'], tags: ['konserzh'] };

test.each([
	['/servisnyy-podhod/', '/blog/servisnyy-podhod/'],
	['/blog/servisnyy-podhod/extra/', '/blog/servisnyy-podhod/'],
	['/servisny-podhod/', '/blog/servisnyy-podhod/'],
	['/konserzh/', '/tags/konserzh/'],
	['/konsyerzh/', '/tags/konserzh/'],
	['/serch/', '/search/'],
	['/blog/', '/'],
	['/abrakadabra/', undefined],
	['/', undefined],
])('suggestSitePath(%s) → %s', (path, expected) => {
	expect(suggestSitePath(path, pages)).toBe(expected);
});
