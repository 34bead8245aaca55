/*
 * Which post to render next, ahead of the pages that will ask for it. The build renders the
 * Markdown of its articles in worker threads (src/plumbing/markdown-pool.ts); the pages ask for
 * their posts in the order getStaticPaths() returned them, a few at a time. This plan keeps the
 * workers busy with the posts the next pages will ask for, and no more than `ahead` of them
 * rendered or being rendered at once, so memory stays bounded however large the blog is.
 *
 * A post whose page is expected to come from Astro's cache is not rendered ahead ("skipped").
 * When a page asks for such a post the guess was wrong (a changed template, `--force`), and
 * every post after it is rendered ahead from then on.
 */

/** Where a post stands. */
type State = 'waiting' | 'skipped' | 'running' | 'ready' | 'done';

/** How far ahead of the pages the plan goes. */
export interface RenderAheadLimits {
	/** Posts rendered or being rendered that no page has taken yet. */
	ahead: number;
	/** Posts being rendered at once (the workers' queues). */
	running: number;
	/**
	 * A rendered post this many places before the latest post a page asked for is dropped: its
	 * page came from the cache after all.
	 */
	slack: number;
}

/** What to do for a post a page asks for. */
export type Claim =
	/** Rendered already: take the result. */
	| 'ready'
	/** Being rendered: wait for the result. */
	| 'running'
	/** Not started: render it now (the plan counts it as running). */
	| 'start'
	/**
	 * Not started, and the workers are busy: the page's own thread renders it (the plan does not
	 * count it).
	 */
	| 'here';

/** One post of the plan: its key and whether its page is expected to be rendered. */
export interface PlannedRender {
	key: string;
	wanted: boolean;
}

export class RenderAheadPlan {
	readonly #keys: string[];
	readonly #index = new Map<string, number>();
	readonly #state: State[];
	/** Posts whose page asked while they were being rendered. */
	readonly #claimed = new Set<number>();
	readonly #limits: RenderAheadLimits;
	#cursor = 0;
	#running = 0;
	/** Posts wanted and not started yet. */
	#waiting = 0;
	/** Places of the posts rendered and not taken yet. */
	readonly #ready = new Set<number>();
	/** The latest place a page asked for. */
	#latest = -1;

	constructor(posts: readonly PlannedRender[], limits: RenderAheadLimits) {
		this.#limits = limits;
		this.#keys = posts.map((post) => post.key);
		this.#state = posts.map((post) => (post.wanted ? 'waiting' : 'skipped'));
		this.#waiting = posts.filter((post) => post.wanted).length;
		posts.forEach((post, index) => {
			if (!this.#index.has(post.key)) this.#index.set(post.key, index);
		});
	}

	/** Posts rendered and not taken yet. */
	get ready(): number {
		return this.#ready.size;
	}

	/** Posts being rendered. */
	get running(): number {
		return this.#running;
	}

	/** Posts still to be rendered ahead (wanted, not started, not passed by the pages). */
	get waiting(): number {
		return this.#waiting;
	}

	/** The next post to render ahead, or undefined while the limits are reached or none is left. */
	next(): string | undefined {
		const { ahead, running } = this.#limits;
		if (this.#running >= running || this.#running + this.#ready.size >= ahead) return undefined;
		while (this.#cursor < this.#keys.length && this.#state[this.#cursor] !== 'waiting')
			this.#cursor++;
		if (this.#cursor >= this.#keys.length) return undefined;
		this.#state[this.#cursor] = 'running';
		this.#running++;
		this.#waiting--;
		return this.#keys[this.#cursor++];
	}

	/**
	 * A page asks for `key`. Returns what to do and the keys of rendered posts to drop (posts
	 * left well behind, whose pages came from the cache).
	 */
	claim(key: string): { claim: Claim; drop: string[] } {
		const busy = this.#running >= this.#limits.running;
		const index = this.#index.get(key);
		if (index === undefined) {
			if (busy) return { claim: 'here', drop: [] };
			this.#running++;
			return { claim: 'start', drop: [] };
		}
		this.#latest = Math.max(this.#latest, index);
		const drop = this.#dropBehind();
		const state = this.#state[index];
		if (state === 'ready') {
			this.#state[index] = 'done';
			this.#ready.delete(index);
			return { claim: 'ready', drop };
		}
		if (state === 'running') {
			this.#claimed.add(index);
			return { claim: 'running', drop };
		}
		if (state === 'skipped') {
			// The page was expected from the cache and is not: expect the same of the rest.
			for (let i = index + 1; i < this.#state.length; i++) {
				if (this.#state[i] !== 'skipped') continue;
				this.#state[i] = 'waiting';
				this.#waiting++;
			}
			this.#cursor = index + 1;
		}
		// Rendered for this page now; the plan goes on after it (the pages passed the ones before).
		this.#passTo(index + 1);
		if (busy) {
			this.#state[index] = 'done';
			return { claim: 'here', drop };
		}
		this.#state[index] = 'running';
		this.#claimed.add(index);
		this.#running++;
		return { claim: 'start', drop };
	}

	/**
	 * Takes over a post an earlier plan started: rendered (`ready`) or being rendered
	 * (`running`). Returns false for a post this plan does not want rendered ahead.
	 */
	adopt(key: string, state: 'ready' | 'running'): boolean {
		const index = this.#index.get(key);
		if (index === undefined || this.#state[index] !== 'waiting') return false;
		this.#waiting--;
		this.#state[index] = state;
		if (state === 'ready') this.#ready.add(index);
		else this.#running++;
		return true;
	}

	/**
	 * A render has finished. Returns whether its result is to be kept for a page that has not
	 * asked yet (false: a page is waiting for it, or it is left behind and dropped).
	 */
	finished(key: string): boolean {
		this.#running--;
		const index = this.#index.get(key);
		if (index === undefined || this.#state[index] !== 'running') return false;
		if (this.#claimed.delete(index) || this.#isBehind(index)) {
			this.#state[index] = 'done';
			return false;
		}
		this.#state[index] = 'ready';
		this.#ready.add(index);
		return true;
	}

	/** Moves the plan on to `index`: wanted posts before it are left to their pages. */
	#passTo(index: number): void {
		for (; this.#cursor < index; this.#cursor++) {
			if (this.#state[this.#cursor] !== 'waiting') continue;
			this.#state[this.#cursor] = 'done';
			this.#waiting--;
		}
	}

	#isBehind(index: number): boolean {
		return index < this.#latest - this.#limits.slack;
	}

	/** Drops rendered posts left behind; returns their keys. */
	#dropBehind(): string[] {
		const drop: string[] = [];
		for (const index of this.#ready) {
			if (!this.#isBehind(index)) continue;
			this.#state[index] = 'done';
			this.#ready.delete(index);
			drop.push(this.#keys[index]!);
		}
		return drop;
	}
}
