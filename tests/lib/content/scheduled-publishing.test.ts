import { describe, expect, test } from 'vitest';
import {
	buildScheduleList,
	dueTimes,
	hookRequestUrl,
	isBuildDue,
	parseScheduleList,
} from '../../../src/lib/content/scheduled-publishing.ts';

const at = (iso: string) => new Date(iso);
const BUILT = at('2026-12-04T15:20:00Z');
const MONDAY_9 = at('2026-12-07T09:00:00+03:00');

describe('buildScheduleList', () => {
	test('ISO times in UTC, ascending, each once, with the build time', () => {
		const list = buildScheduleList(
			[at('2026-12-08T10:00:00+03:00'), MONDAY_9, at('2026-12-07T06:00:00Z')],
			BUILT,
		);
		expect(list).toEqual({
			builtAt: '2026-12-04T15:20:00.000Z',
			scheduled: ['2026-12-07T06:00:00.000Z', '2026-12-08T07:00:00.000Z'],
		});
	});

	test('times up to the build time are out already and left off', () => {
		const list = buildScheduleList([at('2026-12-01T00:00:00Z'), BUILT, MONDAY_9], BUILT);
		expect(list.scheduled).toEqual(['2026-12-07T06:00:00.000Z']);
	});

	test('no scheduled post gives an empty list', () =>
		expect(buildScheduleList([], BUILT)).toEqual({
			builtAt: '2026-12-04T15:20:00.000Z',
			scheduled: [],
		}));
});

describe('isBuildDue', () => {
	test.each([
		['no scheduled post', false, [], '2026-12-07T06:30:00Z'],
		['the time has not come', false, [MONDAY_9], '2026-12-07T05:59:59Z'],
		['the time is exactly now', true, [MONDAY_9], '2026-12-07T06:00:00Z'],
		['the time came within the hour', true, [MONDAY_9], '2026-12-07T06:59:00Z'],
		['the time came days ago (a missed run)', true, [MONDAY_9], '2026-12-10T00:00:00Z'],
		[
			'one of several has come',
			true,
			[at('2026-12-20T00:00:00Z'), MONDAY_9],
			'2026-12-07T07:00:00Z',
		],
		[
			'a time the last build already had',
			false,
			[at('2026-12-04T15:00:00Z')],
			'2026-12-07T07:00:00Z',
		],
		['a time equal to the last build', false, [BUILT], '2026-12-07T07:00:00Z'],
	] as const)('%s → due: %s', (_, due, times, now) =>
		expect(isBuildDue(times, BUILT, at(now))).toBe(due),
	);

	test('dueTimes names the times that have come', () =>
		expect(
			dueTimes(
				[MONDAY_9, at('2026-12-07T07:00:00Z'), at('2026-12-08T00:00:00Z')],
				BUILT,
				at('2026-12-07T07:00:00Z'),
			),
		).toEqual([MONDAY_9, at('2026-12-07T07:00:00Z')]));
});

describe('parseScheduleList', () => {
	test('reads what buildScheduleList writes', () => {
		const json = JSON.parse(JSON.stringify(buildScheduleList([MONDAY_9], BUILT))) as unknown;
		expect(parseScheduleList(json)).toEqual({ builtAt: BUILT, scheduled: [MONDAY_9] });
	});

	test.each([
		['null', null, /not a JSON object/],
		['a list', [], /not a JSON object/],
		['no builtAt', { scheduled: [] }, /builtAt is not an ISO date/],
		['a wrong builtAt', { builtAt: 'вчера', scheduled: [] }, /builtAt is not an ISO date/],
		['no scheduled', { builtAt: BUILT.toISOString() }, /scheduled is not a list/],
		['a wrong time', { builtAt: BUILT.toISOString(), scheduled: ['x'] }, /scheduled\[0\]/],
		['a number', { builtAt: BUILT.toISOString(), scheduled: [5] }, /scheduled\[0\]/],
	])('refuses %s', (_, value, message) => expect(() => parseScheduleList(value)).toThrow(message));
});

describe('hookRequestUrl', () => {
	test('keeps the hook and titles the deploy with the first due time', () => {
		const url = hookRequestUrl('https://api.netlify.com/build_hooks/abc123', [MONDAY_9]);
		expect(url.origin + url.pathname).toBe('https://api.netlify.com/build_hooks/abc123');
		expect(url.searchParams.get('trigger_title')).toBe(
			'Scheduled publication: 2026-12-07T06:00:00.000Z',
		);
	});
});
