export { onSuccess } from '../../../src/plumbing/indexnow-plugin.ts';
