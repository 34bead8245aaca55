/*
 * The lock file must install on every platform a colleague or a deploy may use. npm writes a
 * package's optional per-platform binaries (esbuild, sharp, Pagefind, Astro's compiler…) into
 * package-lock.json only when the registry served them at the time of the install, and `npm ci`
 * then refuses the lock on any platform whose binary is missing. This check finds such gaps.
 */

import { satisfies, validRange } from 'semver';

/** The parts of a package-lock.json (lockfileVersion 2 or 3) that the check reads. */
export interface PackageLock {
	lockfileVersion?: number;
	packages?: Record<string, LockedPackage | undefined>;
}

/** One entry of the lock's `packages`. */
export interface LockedPackage {
	version?: string;
	optionalDependencies?: Record<string, string>;
}

/** An optional dependency that the lock does not list. */
export interface MissingOptional {
	/** The lock's key of the package that declares it, e.g. `node_modules/esbuild`. */
	dependent: string;
	/** The missing package's name, e.g. `@esbuild/darwin-arm64`. */
	name: string;
	/** The version range the dependent asks for. */
	range: string;
}

/**
 * Where Node would find `name` from the package installed at `key`: its own node_modules, then
 * each enclosing node_modules folder, then the root's.
 */
const resolutionCandidates = (key: string, name: string): string[] => {
	const candidates: string[] = [];
	let base = key;
	for (;;) {
		candidates.push(`${base}/node_modules/${name}`);
		const cut = base.lastIndexOf('/node_modules/');
		if (cut < 0) break;
		base = base.slice(0, cut);
	}
	candidates.push(`node_modules/${name}`);
	return candidates;
};

/**
 * Lists every optional dependency that a locked package declares and the lock does not hold in
 * a version the dependent accepts, at the place Node would load it from.
 */
export function findMissingOptionals(lock: PackageLock): MissingOptional[] {
	const packages = lock.packages ?? {};
	const missing: MissingOptional[] = [];
	for (const [key, entry] of Object.entries(packages)) {
		for (const [name, range] of Object.entries(entry?.optionalDependencies ?? {})) {
			const nearest = resolutionCandidates(key, name).find((candidate) => candidate in packages);
			const version = nearest === undefined ? undefined : packages[nearest]?.version;
			const accepted =
				version !== undefined && (validRange(range) === null || satisfies(version, range));
			if (!accepted) missing.push({ dependent: key || '(root)', name, range });
		}
	}
	return missing;
}
