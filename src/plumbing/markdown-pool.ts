import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { cacheManifestPath, cachedPageKeys } from '../lib/pipeline/page-cache.ts';
import { RenderAheadPlan, type RenderAheadLimits } from '../lib/pipeline/render-ahead.ts';
import type { MarkdownRenderer, PlannedPost } from '../markdown/shared-renderer.ts';
import type { RenderedMarkdown } from '../markdown/types.ts';

/*
 * The articles' Markdown rendered in worker threads. Page generation runs on Astro's main
 * thread; rendering a post's Markdown (the processor and its typography plugins) was about a
 * third of it, while the other cores stayed idle. In a clean build the workers start once the
 * config is resolved and load the processor while Astro syncs the content; then they render the
 * posts the loader foresees (prepare()) while Astro bundles the pages. When the article route's
 * getStaticPaths() announces its posts (plan()), the pool renders them in page order ahead of
 * the pages (src/lib/pipeline/render-ahead.ts), skipping the posts whose pages Astro will restore from
 * its incremental cache; a page then takes its post's result instead of rendering it. Only a
 * bounded number of results waits at any time. docs/performance.md describes the whole.
 */

/** A message to a worker: render the post file `file` (an absolute path) for `pageUrl`. */
export interface RenderRequest {
	id: number;
	file: string;
	pageUrl?: string | undefined;
}

/** A worker's messages: it has loaded the processor, or its answer to one request. */
export type WorkerMessage =
	| { ready: true }
	| { id: number; ok: true; result: RenderedMarkdown }
	| { id: number; ok: false; error: unknown };

/** Workers for the cores the main thread leaves: one less than the cores, at least one. */
export const poolSize = (): number => Math.max(1, availableParallelism() - 1);

/** How far ahead of the pages the pool renders, for `workers` workers. */
export const renderAheadLimits = (workers: number): RenderAheadLimits => ({
	// Two posts queued per worker keep it busy between messages.
	running: workers * 2,
	// ~40 KB of HTML each: a couple of MB at most, whatever the blog's size.
	ahead: Math.max(32, workers * 16),
	// Astro builds four pages at a time; a page asks for its post when it starts.
	slack: 16,
});

/**
 * Posts rendered ahead before the pages are bundled (prepare()), when the pages' order is only
 * foreseen: more than while the pages are built, to keep a worker busy while Astro bundles, and
 * still bounded (~100 KB each with its sections).
 */
export const PREPARED_AHEAD = 256;

/**
 * A build whose plan has fewer posts to render ahead than this starts no workers (a rebuild
 * after a few posts changed): loading the processor in a worker costs more than those posts.
 */
export const WORKERS_WORTH_IT = 32;

interface PoolWorker {
	worker: Worker;
	jobs: Map<number, PromiseWithResolvers<RenderedMarkdown>>;
}

const asError = (error: unknown): Error =>
	error instanceof Error ? error : new Error(String(error));

/** A pool of Markdown workers; see the module's comment. */
export class MarkdownPool implements MarkdownRenderer {
	readonly #size: number;
	readonly #workers: PoolWorker[] = [];
	readonly #limits: RenderAheadLimits;
	/** Whether a worker has loaded the processor. */
	#ready = false;
	readonly #loaded = Promise.withResolvers<undefined>();
	/** Results rendered ahead (or being rendered), by post file as the pages name it. */
	readonly #results = new Map<string, Promise<RenderedMarkdown>>();
	/** Posts of #results whose render has finished. */
	readonly #settled = new Set<string>();
	/** The plan that counts each render being made. */
	readonly #owners = new Map<string, RenderAheadPlan>();
	#plan: RenderAheadPlan | undefined;
	/** The planned posts' page URLs, by post file. */
	#pageUrls = new Map<string, string>();
	#cacheDir: string | undefined;
	readonly #planned = new Map<string, number>();
	#nextId = 0;
	#failure: Error | undefined;

	/** A pool of `size` workers, started by start() or by a plan with enough posts. */
	constructor(size: number = poolSize()) {
		this.#size = size;
		this.#limits = renderAheadLimits(size);
	}

	/** Starts the workers (once); they load the processor at once. */
	start(): void {
		if (this.#workers.length > 0 || this.#failure) return;
		const url = new URL('./markdown-worker.ts', import.meta.url);
		for (let i = 0; i < this.#size; i++) this.#workers.push(this.#startWorker(url));
	}

	/** Resolves once a worker has loaded the processor. */
	async loaded(): Promise<void> {
		await this.#loaded.promise;
	}

	/** Astro's cache folder, whose manifest tells which pages a build restores; none: every page. */
	useCacheDir(cacheDir: string | undefined): void {
		this.#cacheDir = cacheDir;
	}

	/** The routes whose pages announced their posts (plan()), with the number of posts. */
	get planned(): ReadonlyMap<string, number> {
		return this.#planned;
	}

	plan(route: string, posts: readonly PlannedPost[]): void {
		this.#planned.set(route, posts.length);
		void this.#expectedFromCache(route).then((cached) => {
			const plan = new RenderAheadPlan(
				posts.map(({ filePath, pathname, cacheKey }) => ({
					key: filePath,
					wanted: cached.get(pathname) !== cacheKey,
				})),
				this.#limits,
			);
			// What prepare() rendered, or is rendering, for a page of this plan is kept.
			for (const key of this.#results.keys()) {
				const state = this.#settled.has(key) ? 'ready' : 'running';
				if (!plan.adopt(key, state)) this.#drop(key);
				else if (state === 'running') this.#owners.set(key, plan);
			}
			this.#usePlan(plan, posts);
		});
	}

	/**
	 * Starts rendering the posts the article pages will probably render, in their foreseen order,
	 * when the workers are running and no page is expected from Astro's cache (a clean build).
	 */
	prepare(posts: readonly PlannedPost[]): void {
		// Workers run before the pages are planned only in a build without cached pages.
		if (this.#workers.length === 0 || this.#plan) return;
		const plan = new RenderAheadPlan(
			posts.map(({ filePath }) => ({ key: filePath, wanted: true })),
			{ ...this.#limits, ahead: PREPARED_AHEAD },
		);
		this.#usePlan(plan, posts);
	}

	#usePlan(plan: RenderAheadPlan, posts: readonly PlannedPost[]): void {
		this.#pageUrls = new Map(posts.map((post) => [post.filePath, post.pageUrl]));
		this.#plan = plan;
		this.#startIfWorthIt();
		this.#pump();
	}

	#drop(key: string): void {
		this.#results.delete(key);
		this.#settled.delete(key);
	}

	render(filePath: string): Promise<RenderedMarkdown> | undefined {
		if (this.#failure) return Promise.reject(this.#failure);
		const plan = this.#plan;
		if (!plan) return this.#ready ? this.#send(filePath) : undefined;
		const { claim, drop } = plan.claim(filePath);
		for (const key of drop) this.#drop(key);
		// A page expected from the cache was not: the rest may be worth the workers now.
		this.#startIfWorthIt();
		if (claim === 'here') return undefined;
		if (claim === 'start' && !this.#ready) {
			// No worker has loaded the processor yet: the page's thread is quicker.
			plan.finished(filePath);
			return undefined;
		}
		const result =
			(claim === 'start' ? undefined : this.#results.get(filePath)) ?? this.#start(filePath);
		this.#drop(filePath);
		this.#pump();
		return result;
	}

	/** Ends the workers; renders still waiting are rejected. */
	async close(): Promise<void> {
		this.#failure ??= new Error('the Markdown pool is closed');
		this.#plan = undefined;
		this.#results.clear();
		this.#settled.clear();
		this.#owners.clear();
		this.#pageUrls.clear();
		await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
	}

	/** The cacheKey of each path of `route` in the previous build, by pathname. */
	async #expectedFromCache(route: string): Promise<Map<string, string>> {
		if (!this.#cacheDir) return new Map();
		try {
			const text = await readFile(cacheManifestPath(this.#cacheDir), 'utf8');
			return cachedPageKeys(JSON.parse(text), route);
		} catch {
			return new Map();
		}
	}

	#startIfWorthIt(): void {
		if ((this.#plan?.waiting ?? 0) >= WORKERS_WORTH_IT) this.start();
	}

	/** Starts the renders the plan wants next (queued in a worker that is still loading). */
	#pump(): void {
		if (this.#failure || this.#workers.length === 0) return;
		for (let key = this.#plan?.next(); key !== undefined; key = this.#plan?.next())
			this.#start(key);
	}

	/** Renders a planned post; its result waits in #results until a page takes it. */
	#start(key: string): Promise<RenderedMarkdown> {
		const result = this.#send(key);
		this.#results.set(key, result);
		if (this.#plan) this.#owners.set(key, this.#plan);
		const settled = (): void => {
			// The plan counting the render may be a later one (plan() after prepare()).
			const owner = this.#owners.get(key);
			this.#owners.delete(key);
			if (owner && owner === this.#plan && owner.finished(key)) this.#settled.add(key);
			else this.#drop(key);
			this.#pump();
		};
		result.then(settled, settled);
		return result;
	}

	/** Sends a post to the least busy worker. */
	#send(filePath: string): Promise<RenderedMarkdown> {
		if (this.#failure) return Promise.reject(this.#failure);
		this.start();
		let target = this.#workers[0]!;
		for (const candidate of this.#workers)
			if (candidate.jobs.size < target.jobs.size) target = candidate;
		const id = this.#nextId++;
		const job = Promise.withResolvers<RenderedMarkdown>();
		target.jobs.set(id, job);
		if (target.jobs.size === 1) target.worker.ref();
		const pageUrl = this.#pageUrls.get(filePath);
		target.worker.postMessage({ id, file: resolve(filePath), pageUrl } satisfies RenderRequest);
		return job.promise;
	}

	#startWorker(url: URL): PoolWorker {
		// A small heap of its own: it holds one post at a time, and V8 grows a roomy heap long
		// before it collects (the build's own limit, 1 GiB, would apply to each worker too).
		const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 256 } });
		// Idle workers do not keep the process alive; one with work does, until it answers.
		worker.unref();
		const entry: PoolWorker = { worker, jobs: new Map() };
		worker.on('message', (reply: WorkerMessage) => {
			if ('ready' in reply) {
				this.#ready = true;
				this.#loaded.resolve(undefined);
				this.#pump();
				return;
			}
			const job = entry.jobs.get(reply.id);
			if (!job) return;
			entry.jobs.delete(reply.id);
			if (entry.jobs.size === 0) worker.unref();
			if (reply.ok) job.resolve(reply.result);
			else job.reject(asError(reply.error));
		});
		const fail = (error: Error): void => {
			this.#failure ??= error;
			for (const job of entry.jobs.values()) job.reject(error);
			entry.jobs.clear();
		};
		worker.once('error', fail);
		worker.once('exit', (code) => fail(new Error(`Markdown worker exited (${code})`)));
		return entry;
	}
}
