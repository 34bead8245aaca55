import { expect, test } from 'vitest';
import { mayServeToNetwork } from '../../../src/lib/cms/dev-exposure.ts';

const ROOT = '/home/editor/blog';
const ask = (url: string, files: { publicFile?: boolean; projectFile?: boolean } = {}): boolean => {
	const { pathname, search } = new URL(url, 'http://dev.invalid');
	return mayServeToNetwork({
		pathname,
		search,
		root: ROOT,
		isPublicFile: files.publicFile ?? false,
		isProjectFile: () => files.projectFile ?? false,
	});
};

test.each([
	['/', {}],
	['/blog/servisnyy-podhod/', {}],
	['/rss.xml', {}],
	['/robots.txt', {}],
	['/favicon.svg', { publicFile: true }],
	['/@vite/client', {}],
	['/@id/astro/runtime/client/dev-toolbar/entrypoint.js', {}],
	['/src/styles/global.css', { projectFile: true }],
	['/src/pages/search.astro?astro&type=script&index=0&lang.ts', { projectFile: true }],
	['/src/client/search.ts', { projectFile: true }],
	[`/@fs${ROOT}/node_modules/.vite/deps/react.js?v=1`, {}],
	[`/@fs${ROOT}/src/content/blog/images/foto.png?origWidth=1&origHeight=1`, { projectFile: true }],
	['/_image?href=%2F%40fs%2Fhome%2Feditor%2Fblog%2Fsrc%2Fcontent%2Fblog%2Fimages%2Ffoto.png', {}],
])('another device may load %s', (url, files) => expect(ask(url, files)).toBe(true));

test.each([
	['/package.json', { projectFile: true }],
	['/astro.config.ts', { projectFile: true }],
	['/netlify.toml', { projectFile: true }],
	['/README.md', { projectFile: true }],
	['/src/content/blog/servisnyy-podhod.md', { projectFile: true }],
	['/src/content/blog/servisnyy-podhod.md?raw', { projectFile: true }],
	['/src/content/blog/chernovik.mdx?import', { projectFile: true }],
	['/src/content/blog/notes.txt', { projectFile: true }],
	['/src/site.ts?raw', { projectFile: true }],
	['/src/site.ts?import&raw', { projectFile: true }],
	[`/@fs${ROOT}/package.json`, { projectFile: true }],
	[`/@fs${ROOT}/src/content/blog/draft.md?raw`, { projectFile: true }],
	[`/@fs${ROOT}/tests/fixtures/drafts/taynyy-chernovik.md`, {}],
	['/tests/fixtures/drafts/taynyy-chernovik.md', { projectFile: true }],
	['/docs/editors.md', { projectFile: true }],
	['/scripts/new-post.ts', { projectFile: true }],
	['/.git/config', {}],
	['/bench/bare/package.json', {}],
	['/%2e%2e/%2e%2e/etc/passwd.md', {}],
	['/%E0%A4%A', {}],
	['/src%5Ccontent%5Cblog%5Cx.md', {}],
	['/favicon.svg?raw', { publicFile: true }],
])('another device may not load %s', (url, files) => expect(ask(url, files)).toBe(false));
