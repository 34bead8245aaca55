import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';

/*
 * Runs a command and measures it with the operating system's own accounting:
 * - GNU time -v reports the command's wall time and "Maximum resident set size", which the kernel
 *   keeps per process (ru_maxrss): the peak of the largest process of the tree, not their sum.
 * - While the command runs, every process of its tree is polled in /proc for VmHWM, the kernel's
 *   high-water mark of that process's resident set. At each poll the peaks of the processes alive
 *   together are summed; the largest such sum bounds the peak of the whole tree from above (they
 *   may not peak at the same moment), and processes that never run at the same time (one search
 *   indexer after another) are not added up. The largest sum of VmRSS seen at one poll bounds it
 *   from below.
 */

/** What GNU time -v reports about a command. */
export interface GnuTimeReport {
	/** Peak resident set of the largest process, bytes. */
	maxRssBytes: number;
	wallSeconds: number;
	userSeconds: number;
	systemSeconds: number;
	exitStatus: number;
}

/** Parses GNU time's -v report. */
export function parseGnuTime(text: string): GnuTimeReport {
	const lines = text.split('\n');
	const field = (label: string): string | undefined => {
		const line = lines.find((candidate) => candidate.trim().startsWith(label));
		return line?.slice(line.lastIndexOf(': ') + 2).trim();
	};
	const number = (label: string): number => Number(field(label) ?? NaN);
	const wall = field('Elapsed (wall clock) time') ?? '';
	const wallSeconds = wall
		.split(':')
		.map(Number)
		.reduce((total, part) => total * 60 + part, 0);
	return {
		maxRssBytes: number('Maximum resident set size (kbytes)') * 1024,
		wallSeconds,
		userSeconds: number('User time (seconds)'),
		systemSeconds: number('System time (seconds)'),
		exitStatus: number('Exit status'),
	};
}

/** The memory fields of /proc/<pid>/status, in bytes. */
export interface ProcMemory {
	name: string;
	ppid: number;
	/** Peak resident set (high-water mark). */
	hwmBytes: number;
	/** Current resident set. */
	rssBytes: number;
}

/** Parses /proc/<pid>/status. */
export function parseProcStatus(text: string): ProcMemory {
	const value = (key: string): string =>
		new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(text)?.[1]?.trim() ?? '';
	const kib = (key: string): number => Number.parseInt(value(key) || '0', 10) * 1024;
	return {
		name: value('Name'),
		ppid: Number.parseInt(value('PPid') || '0', 10),
		hwmBytes: kib('VmHWM'),
		rssBytes: kib('VmRSS'),
	};
}

/** A process seen in the measured tree. */
export interface TreeProcess {
	pid: number;
	name: string;
	hwmBytes: number;
}

/** The result of a measured command. */
export interface Measured {
	exitCode: number;
	/** Wall time measured around the whole command, ms. */
	wallMs: number;
	time: GnuTimeReport;
	/**
	 * Largest sum of VmHWM over the processes alive at one poll (and at least GNU time's figure):
	 * an upper bound of the tree's peak resident set.
	 */
	treeHwmBytes: number;
	/** Largest sum of VmRSS over the tree at one poll: a lower bound of its peak. */
	treeRssSampledBytes: number;
	processes: TreeProcess[];
}

async function readStatus(pid: number): Promise<ProcMemory | undefined> {
	try {
		return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
	} catch {
		return undefined; // the process ended between listing and reading
	}
}

/** Every live descendant of `root` (not `root` itself). */
async function descendants(root: number): Promise<Map<number, ProcMemory>> {
	const all = new Map<number, ProcMemory>();
	const pids = (await readdir('/proc')).filter((name) => /^\d+$/.test(name)).map(Number);
	await Promise.all(
		pids.map(async (pid) => {
			const status = await readStatus(pid);
			if (status) all.set(pid, status);
		}),
	);
	const tree = new Map<number, ProcMemory>();
	const inTree = (pid: number): boolean => {
		for (let p = all.get(pid)?.ppid, depth = 0; p && depth < 64; p = all.get(p)?.ppid, depth++) {
			if (p === root) return true;
		}
		return false;
	};
	for (const [pid, status] of all) if (inTree(pid)) tree.set(pid, status);
	return tree;
}

/** Options of a measured run. */
export interface RunOptions {
	cwd: string;
	env: NodeJS.ProcessEnv;
	/** File that receives the command's stdout and stderr. */
	logFile: string;
	/** File GNU time writes its report to. */
	timeFile: string;
	/** Poll interval of /proc, ms. */
	pollMs?: number;
}

/** Runs `command` under GNU time -v and polls its process tree until it ends. */
export async function runMeasured(
	command: string,
	args: readonly string[],
	options: RunOptions,
): Promise<Measured> {
	const log = createWriteStream(options.logFile);
	const start = performance.now();
	const child = spawn('/usr/bin/time', ['-v', '-o', options.timeFile, command, ...args], {
		cwd: options.cwd,
		env: options.env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const peaks = new Map<number, TreeProcess>();
	let treeRss = 0;
	let treeHwm = 0;
	let running = true;
	const exited = new Promise<number>((resolve) => {
		child.on('exit', (code) => {
			running = false;
			resolve(code ?? 1);
		});
	});
	const poll = async (): Promise<void> => {
		while (running && child.pid) {
			const tree = await descendants(child.pid);
			let rss = 0;
			let hwm = 0;
			for (const [pid, status] of tree) {
				rss += status.rssBytes;
				hwm += status.hwmBytes;
				const seen = peaks.get(pid);
				if (!seen || status.hwmBytes > seen.hwmBytes) {
					peaks.set(pid, { pid, name: status.name, hwmBytes: status.hwmBytes });
				}
			}
			treeRss = Math.max(treeRss, rss);
			treeHwm = Math.max(treeHwm, hwm);
			await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
		}
	};
	const [exitCode] = await Promise.all([exited, poll()]);
	const wallMs = performance.now() - start;
	await new Promise((resolve) => log.end(resolve));
	const time = parseGnuTime(await readFile(options.timeFile, 'utf8'));
	const processes = [...peaks.values()].sort((a, b) => b.hwmBytes - a.hwmBytes);
	// A process that peaked after the last poll is caught by GNU time's figure.
	const largest = processes[0];
	if (largest && time.maxRssBytes > largest.hwmBytes) largest.hwmBytes = time.maxRssBytes;
	return {
		exitCode,
		wallMs,
		time,
		treeHwmBytes: Math.max(treeHwm, time.maxRssBytes),
		treeRssSampledBytes: treeRss,
		processes,
	};
}
