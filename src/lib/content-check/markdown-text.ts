/*
 * Reading a post's Markdown as text, for the content check: code blanked out so nothing in it is
 * taken for a link or a tag, and offsets turned into lines.
 */

/** Replaces fenced and inline code with blanks of the same shape, so lines stay where they are. */
export function withoutCode(body: string): string {
	return body
		.replace(/^ {0,3}(```|~~~)[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$/gm, (block) =>
			block.replace(/[^\n]/g, ' '),
		)
		.replace(/`[^`\n]+`/g, (code) => ' '.repeat(code.length));
}

/** 1-based line of a character offset. */
export const lineAt = (text: string, offset: number): number =>
	text.slice(0, offset).split('\n').length;

/** The text of a Markdown heading as readers see it: links, emphasis and tags reduced to words. */
export const headingText = (markdown: string): string =>
	markdown
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
		.replace(/<[^>]+>/g, ' ')
		.replace(/[*_`~]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();

/**
 * The texts of a body's headings (ATX `## …` and setext), in order. Headings are found in
 * `text`, the body with code blanked out (so a `#` line in a code block is no heading); their
 * words come from the same line of `source`, the body as written (inline code included).
 */
export function markdownHeadings(text: string, source: string = text): string[] {
	const lines = text.split('\n');
	const written = source.split('\n');
	const headings: string[] = [];
	const ATX = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
	lines.forEach((line, index) => {
		const original = written[index] ?? line;
		if (ATX.test(line)) {
			headings.push(headingText(ATX.exec(original)?.[1] ?? ''));
			return;
		}
		const underline = lines[index + 1];
		if (
			underline !== undefined &&
			/^ {0,3}(?:=+|-+)[ \t]*$/.test(underline) &&
			/\S/.test(line) &&
			!/^ {0,3}(?:[-*+>#]|\d+[.)])/.test(line)
		) {
			headings.push(headingText(original));
		}
	});
	return headings;
}
