import { expect, test } from 'vitest';
import { AstroInternalsError, expectAstro } from '../../../src/lib/pipeline/astro-internals.ts';

test('a broken assumption stops with both languages and where to read more', () => {
	const failure = () => expectAstro(false, 'маршрут переименован', 'the route was renamed');
	expect(failure).toThrow(AstroInternalsError);
	expect(failure).toThrow(/Сборка остановлена: .*маршрут переименован/);
	expect(failure).toThrow(/Build stopped: .*the route was renamed/);
	expect(failure).toThrow(/docs\/astro-internals\.md/);
});

test('an assumption that holds lets the build go on', () => {
	expect(() => expectAstro(true, 'не важно', 'never mind')).not.toThrow();
});
