/*
 * Preloaded (`node --import`) into the second build of scripts/check-reproducible.ts: moves the
 * process clock CLOCK_SHIFT_MS ahead, so that any date taken from the clock at build time (a
 * sitemap lastmod, a "built on" stamp, a copyright year) differs between the two builds.
 * Date.now(), `new Date()` and `Date()` are shifted; dates built from values are not.
 */
const shift = Number(process.env['CLOCK_SHIFT_MS'] ?? 0);
const RealDate = Date;
const now = (): number => RealDate.now() + shift;

globalThis.Date = new Proxy(RealDate, {
	construct: (target, args: unknown[], newTarget) =>
		Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object,
	apply: () => new RealDate(now()).toString(),
	get: (target, key, receiver) => (key === 'now' ? now : Reflect.get(target, key, receiver)),
});
