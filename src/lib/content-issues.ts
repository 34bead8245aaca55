import type { z } from 'zod';

/** Dotted field path as editors see it: `schema.aggregateRating.ratingValue`, `related[2]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
	return path.reduce<string>((out, key) => {
		if (typeof key === 'number') return `${out}[${key}]`;
		return out ? `${out}.${String(key)}` : String(key);
	}, '');
}

/** One line per schema problem: «file: поле «title»: ожидается …». */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[]): string[] {
	return issues.map((issue) => {
		const field = fieldPath(issue.path);
		return field ? `${file}: поле «${field}»: ${issue.message}` : `${file}: ${issue.message}`;
	});
}
