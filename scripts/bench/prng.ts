/** A seeded pseudo-random source: the same seed always gives the same sequence. */
export interface Random {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	/** One element of a non-empty list. */
	pick<T>(items: readonly T[]): T;
	/** True with probability `p`. */
	chance(p: number): boolean;
}

/** Mixes a string into a 32-bit seed (FNV-1a). */
export function hashSeed(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Mulberry32: small, fast and good enough for generating test corpora. */
export function createRandom(seed: number): Random {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
	return {
		next,
		int,
		pick: <T>(items: readonly T[]): T => {
			const item = items[int(0, items.length - 1)];
			if (item === undefined) throw new Error('pick() needs a non-empty list');
			return item;
		},
		chance: (p) => next() < p,
	};
}

/**
 * Samples ranks 0..size-1 with Zipf's law (weight 1/(rank+1)^exponent): a few very common
 * values and a long tail of rare ones, as keywords are on a real blog. O(log size) per sample.
 */
export function createZipf(size: number, exponent = 1): (random: Random) => number {
	const cumulative = new Float64Array(size);
	let total = 0;
	for (let rank = 0; rank < size; rank++) {
		total += 1 / (rank + 1) ** exponent;
		cumulative[rank] = total;
	}
	return (random) => {
		const target = random.next() * total;
		let lo = 0;
		let hi = size - 1;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if ((cumulative[mid] ?? total) < target) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	};
}
