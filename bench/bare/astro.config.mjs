// The bare baseline of `npm run bench`: a minimal Astro blog like the official starter (a content
// collection, one page per post, an index), built from the same generated posts with the same
// Astro version, so the blog's build time can be compared with it side by side.
export default {
	site: 'https://example.com',
	outDir: process.env.BARE_OUT_DIR ?? './dist',
	cacheDir: process.env.BARE_CACHE_DIR ?? './node_modules/.astro',
	telemetry: false,
};
