// Netlify loads this file as the plugin (netlify.toml, [[plugins]]). Node 24 runs the TypeScript
// it imports as it is (type stripping); a plugin file ending in .ts would make Netlify compile it
// with ts-node instead.
export { onSuccess } from '../../../src/plumbing/indexnow-plugin.ts';
