import { describe, expect, test } from 'vitest';
import { RenderAheadPlan, type RenderAheadLimits } from '../../../src/lib/pipeline/render-ahead.ts';

const LIMITS: RenderAheadLimits = { ahead: 4, running: 2, slack: 3 };

const keys = (count: number): string[] => Array.from({ length: count }, (_, index) => `p${index}`);

/** A plan of `count` posts, all wanted unless `skipped` names them. */
const planOf = (count: number, skipped: string[] = [], limits = LIMITS) =>
	new RenderAheadPlan(
		keys(count).map((key) => ({ key, wanted: !skipped.includes(key) })),
		limits,
	);

/** Starts renders until the plan says stop. */
const startAll = (plan: RenderAheadPlan): string[] => {
	const started: string[] = [];
	for (let key = plan.next(); key !== undefined; key = plan.next()) started.push(key);
	return started;
};

describe('rendering ahead', () => {
	test('starts posts in page order, no more at once than the workers take', () => {
		const plan = planOf(10);
		expect(startAll(plan)).toEqual(['p0', 'p1']);
		expect(plan.finished('p0')).toBe(true);
		expect(startAll(plan)).toEqual(['p2']);
		expect(plan.running).toBe(2);
		expect(plan.ready).toBe(1);
	});

	test('keeps no more than `ahead` posts rendered or rendering that no page took', () => {
		const plan = planOf(10);
		for (let round = 0; round < 5; round++) {
			for (const key of startAll(plan)) plan.finished(key);
		}
		expect(plan.ready).toBe(LIMITS.ahead);
		expect(plan.next()).toBeUndefined();
		expect(plan.claim('p0')).toEqual({ claim: 'ready', drop: [] });
		expect(startAll(plan)).toEqual(['p4']);
	});

	test('a page waits for a post being rendered, whose result is then not kept', () => {
		const plan = planOf(5);
		startAll(plan);
		expect(plan.claim('p1').claim).toBe('running');
		expect(plan.finished('p1')).toBe(false);
		expect(plan.finished('p0')).toBe(true);
		expect(plan.ready).toBe(1);
	});

	test('a page ahead of the plan has its post started, and the plan goes on after it', () => {
		const plan = planOf(10);
		expect(plan.claim('p5')).toEqual({ claim: 'start', drop: [] });
		expect(startAll(plan)).toEqual(['p6']);
		expect(plan.finished('p5')).toBe(false);
	});

	test('with the workers busy, the page renders its post itself', () => {
		const plan = planOf(10);
		startAll(plan);
		expect(plan.claim('p7').claim).toBe('here');
		expect(plan.running).toBe(2);
		plan.finished('p0');
		plan.finished('p1');
		// The plan went on after p7: the pages have passed the posts before it.
		expect(startAll(plan)).toEqual(['p8', 'p9']);
		plan.finished('p8');
		// A post the page rendered itself is rendered again if asked for again.
		expect(plan.claim('p7').claim).toBe('start');
	});

	test('a post not in the plan is rendered when asked for', () => {
		const plan = planOf(2);
		expect(plan.claim('other').claim).toBe('start');
		expect(plan.running).toBe(1);
		expect(plan.finished('other')).toBe(false);
		expect(plan.running).toBe(0);
	});

	test('skips posts whose pages are expected from the cache', () => {
		const plan = planOf(6, ['p0', 'p1', 'p3']);
		expect(startAll(plan)).toEqual(['p2', 'p4']);
		plan.finished('p2');
		plan.finished('p4');
		expect(startAll(plan)).toEqual(['p5']);
		expect(plan.next()).toBeUndefined();
	});

	test('a page asking for a skipped post makes every later post wanted', () => {
		const plan = planOf(8, ['p0', 'p1', 'p2', 'p3', 'p5', 'p6', 'p7']);
		expect(startAll(plan)).toEqual(['p4']);
		expect(plan.claim('p1').claim).toBe('start');
		plan.finished('p4');
		plan.finished('p1');
		expect(startAll(plan)).toEqual(['p2', 'p3']);
		plan.finished('p2');
		plan.finished('p3');
		expect(startAll(plan)).toEqual(['p5']);
	});

	test('counts the posts still to be rendered ahead', () => {
		const plan = planOf(10, ['p1', 'p2']);
		expect(plan.waiting).toBe(8);
		startAll(plan);
		expect(plan.waiting).toBe(6);
		// Pages passed p4 … p6; the skipped p1 asked for makes p2 wanted.
		plan.claim('p6');
		expect(plan.waiting).toBe(3);
		plan.claim('p1');
		expect(plan.waiting).toBe(4);
	});

	test('takes over posts an earlier plan rendered or is rendering', () => {
		const plan = planOf(6, ['p5']);
		expect(plan.adopt('p0', 'ready')).toBe(true);
		expect(plan.adopt('p1', 'running')).toBe(true);
		// Not wanted, or not in the plan: left to the earlier plan, whose results are dropped.
		expect(plan.adopt('p5', 'ready')).toBe(false);
		expect(plan.adopt('other', 'ready')).toBe(false);
		expect(plan.ready).toBe(1);
		expect(plan.running).toBe(1);
		expect(plan.waiting).toBe(3);
		expect(startAll(plan)).toEqual(['p2']);
		expect(plan.claim('p0').claim).toBe('ready');
		expect(plan.claim('p1').claim).toBe('running');
	});

	test('drops rendered posts the pages left behind', () => {
		const plan = planOf(20, [], { ahead: 4, running: 4, slack: 2 });
		for (const key of startAll(plan)) plan.finished(key);
		expect(plan.ready).toBe(4);
		// p0 … p3 wait; pages p4 … p6 come first (p0 … p3 came from the cache after all).
		expect(plan.claim('p6')).toEqual({ claim: 'start', drop: ['p0', 'p1', 'p2', 'p3'] });
		expect(plan.ready).toBe(0);
		// A render that finishes behind the pages is dropped too.
		const started = startAll(plan);
		expect(started).toEqual(['p7', 'p8', 'p9']);
		plan.claim('p12');
		expect(plan.finished('p7')).toBe(false);
		expect(plan.finished('p8')).toBe(false);
		expect(plan.finished('p9')).toBe(false);
		expect(plan.ready).toBe(0);
	});
});
