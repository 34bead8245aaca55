/**
 * Imports legacy posts into the collection: `npm run import -- <files or folders...>`.
 * Writes src/content/blog/<slug>.md, moves the leading `# H1` into `headline:` and the trailing
 * «Читайте также» list into `related:`, and prints a report. Never overwrites an edited post.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseFrontmatter } from '../src/lib/content/frontmatter.ts';
import { getContentDir } from '../src/lib/content/content-dir.ts';
import { ImportError, importLegacyPost } from '../src/lib/content/legacy-import.ts';
import { postSchema } from '../src/lib/content/post-schema.ts';
import { formatIssues } from '../src/lib/content-check/content-issues.ts';

const LEGACY_FILE = /\.(?:md|mdx|markdown|txt)$/i;

/** Expands folders into the legacy files they hold, sorted for a stable report. */
function expand(paths: string[]): string[] {
	return paths.flatMap((path) => {
		if (!statSync(path).isDirectory()) return [path];
		return readdirSync(path, { recursive: true, encoding: 'utf8' })
			.filter((name) => LEGACY_FILE.test(name))
			.sort()
			.map((name) => join(path, name))
			.filter((file) => statSync(file).isFile());
	});
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const inputs = args.filter((arg) => arg !== '--force');
if (inputs.length === 0) {
	console.error('Укажите файлы или папки для импорта: npm run import -- <файлы или папки…>');
	process.exit(2);
}
const missing = inputs.filter((path) => !existsSync(path));
if (missing.length > 0) {
	console.error(`Не найдено: ${missing.join(', ')}`);
	process.exit(2);
}

const outDir = resolve(getContentDir(process.env));
mkdirSync(outDir, { recursive: true });
const counts = { imported: 0, unchanged: 0, skipped: 0 };
const claimed = new Map<string, string>();

for (const file of expand(inputs)) {
	const name = relative(process.cwd(), file);
	try {
		const result = importLegacyPost(readFileSync(file, 'utf8'));
		const target = join(outDir, `${result.slug}.md`);
		const shown = relative(process.cwd(), target);
		const other = claimed.get(result.slug);
		if (other) throw new ImportError(`адрес ${result.slug} уже занят файлом ${other}`);
		claimed.set(result.slug, name);
		if (existsSync(target)) {
			const current = readFileSync(target, 'utf8');
			if (current === result.output) {
				counts.unchanged++;
				console.log(`= ${name} → ${shown}: без изменений`);
				continue;
			}
			if (!force) {
				throw new ImportError(
					`${shown} уже существует и отличается (возможно, его правили): не перезаписан; --force перезапишет`,
				);
			}
		}
		writeFileSync(target, result.output);
		counts.imported++;
		console.log(`+ ${name} → ${shown}`);
		if (result.headlineMoved)
			console.log(`    заголовок # перенесён в headline: «${result.headlineMoved}»`);
		if (result.relatedMoved.length > 0) {
			console.log(`    «Читайте также» перенесено в related: ${result.relatedMoved.join(', ')}`);
		}
		for (const note of result.notes) console.log(`    ${note}`);
		const parsed = postSchema.safeParse(parseFrontmatter(result.output).data);
		if (!parsed.success) {
			for (const line of formatIssues(shown, parsed.error.issues)) console.log(`    ! ${line}`);
		}
	} catch (error) {
		if (!(error instanceof ImportError)) throw error;
		counts.skipped++;
		console.log(`- ${name}: пропущен: ${error.message}`);
	}
}

console.log(
	`\nИмпортировано: ${counts.imported}, без изменений: ${counts.unchanged}, пропущено: ${counts.skipped}`,
);
process.exit(counts.skipped > 0 ? 1 : 0);
