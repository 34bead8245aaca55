import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

/*
 * No module of src/, scripts/ or bench/ imports itself through others, type imports included:
 * shared types go to a small module that both sides import (src/README.md).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const FOLDERS = ['src', 'scripts', 'bench'];
const SOURCE = /\.(ts|mts|js|mjs|astro)$/;
/** `import … from './x'`, `export … from './x'`, `import './x'` and `import('./x')`. */
const RELATIVE_IMPORT =
	/(?:^|[\s;])(?:import|export)\s[^'"`;]*?['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

const sourceFiles = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
		return SOURCE.test(entry.name) ? [path] : [];
	});

/** The project files `file` imports by relative path. */
export function relativeImports(file: string, source: string): string[] {
	return [...source.matchAll(RELATIVE_IMPORT)]
		.map((match) => resolve(dirname(file), match[1] ?? match[2] ?? ''))
		.filter((path) => existsSync(path));
}

/** Every import circle of `graph`, each as the files along it (the first repeated at the end). */
export function importCircles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	const circles: string[][] = [];
	const done = new Set<string>();
	const path: string[] = [];
	const visit = (file: string): void => {
		const at = path.indexOf(file);
		if (at >= 0) return void circles.push([...path.slice(at), file]);
		if (done.has(file)) return;
		path.push(file);
		for (const next of graph.get(file) ?? []) visit(next);
		path.pop();
		done.add(file);
	};
	for (const file of graph.keys()) visit(file);
	return circles;
}

test('the walk finds a circle and the files it goes through', () => {
	const graph = new Map([
		['a', ['b']],
		['b', ['c']],
		['c', ['a', 'd']],
		['d', []],
	]);
	expect(importCircles(graph)).toEqual([['a', 'b', 'c', 'a']]);
	expect(relativeImports(join(ROOT, 'src/x.ts'), "import type { A } from './site.ts';")).toEqual([
		join(ROOT, 'src/site.ts'),
	]);
});

test('src/, scripts/ and bench/ have no import circles', () => {
	const files = FOLDERS.flatMap((folder) => sourceFiles(join(ROOT, folder)));
	expect(files.length).toBeGreaterThan(100);
	const graph = new Map(
		files.map((file) => [file, relativeImports(file, readFileSync(file, 'utf8'))]),
	);
	const circles = importCircles(graph).map((circle) =>
		circle.map((file) => relative(ROOT, file)).join(' → '),
	);
	expect(circles).toEqual([]);
});
