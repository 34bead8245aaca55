export { onSuccess } from '../../../src/build/indexnow-plugin.ts';
