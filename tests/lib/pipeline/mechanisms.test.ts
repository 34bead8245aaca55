import { expect, test } from 'vitest';
import {
	MECHANISMS_OFF_ENV,
	MECHANISM_NAMES,
	mechanismOn,
	parseMechanismsOff,
} from '../../../src/lib/pipeline/mechanisms.ts';

test('unset or empty turns nothing off', () => {
	expect([...parseMechanismsOff(undefined)]).toEqual([]);
	expect([...parseMechanismsOff('')]).toEqual([]);
	expect([...parseMechanismsOff(' , ')]).toEqual([]);
});

test('names separated by commas, spaces allowed, each once', () => {
	expect([...parseMechanismsOff('markdown-pool, page-links,markdown-pool')]).toEqual([
		'markdown-pool',
		'page-links',
	]);
});

test('all five names are known', () => {
	expect(MECHANISM_NAMES).toEqual([
		'markdown-pool',
		'lean-loader',
		'page-links',
		'check-worker',
		'search-worker',
	]);
	expect(parseMechanismsOff(MECHANISM_NAMES.join(',')).size).toBe(5);
});

test('an unknown name stops, in Russian and English, naming it and the known ones', () => {
	const parse = () => parseMechanismsOff('markdown-pool,search-workers');
	expect(parse).toThrow(/неизвестный механизм сборки «search-workers»/);
	expect(parse).toThrow(/unknown build mechanism «search-workers»/);
	expect(parse).toThrow(/known names: markdown-pool, lean-loader, page-links/);
	expect(parse).toThrow(new RegExp(MECHANISMS_OFF_ENV));
});

test('mechanismOn reads the variable from the environment it is given', () => {
	const env = { [MECHANISMS_OFF_ENV]: 'lean-loader' };
	expect(mechanismOn(env, 'lean-loader')).toBe(false);
	expect(mechanismOn(env, 'markdown-pool')).toBe(true);
	expect(mechanismOn({}, 'lean-loader')).toBe(true);
	expect(() => mechanismOn({ [MECHANISMS_OFF_ENV]: 'pool' }, 'lean-loader')).toThrow(/«pool»/);
});
