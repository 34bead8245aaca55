import { expect, test } from 'vitest';
import { decodePost } from '../../../src/lib/content/text-encoding.ts';

const POST = '---\ntitle: "Консьерж-сервис"\n---\n\nТекст статьи.\n';

/** Windows-1251 bytes of Russian text (А–я at 0xC0–0xFF, Ё 0xA8, ё 0xB8), the rest ASCII. */
function cp1251(text: string): Uint8Array {
	return Uint8Array.from([...text], (char) => {
		const code = char.codePointAt(0)!;
		if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
		if (char === 'Ё') return 0xa8;
		if (char === 'ё') return 0xb8;
		return code;
	});
}

/** KOI8-R bytes of lower-case Russian text (а–я at 0xC0–0xDF, in its own order). */
const KOI8_LOWER = 'юабцдефгхийклмнопярстужвьызшэщчъ';
const koi8 = (text: string): Uint8Array =>
	Uint8Array.from([...text], (char) => {
		const index = KOI8_LOWER.indexOf(char);
		return index >= 0 ? 0xc0 + index : char.codePointAt(0)!;
	});

/** UTF-16 bytes, with or without the byte-order mark Windows Notepad writes. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
	const units = [...(bom ? [0xfeff] : []), ...[...text].map((char) => char.charCodeAt(0))];
	return Uint8Array.from(
		units.flatMap((unit) => (order === 'le' ? [unit & 0xff, unit >> 8] : [unit >> 8, unit & 0xff])),
	);
}

test('UTF-8, with or without a byte-order mark, decodes with no problem', () => {
	const bytes = new TextEncoder().encode(POST);
	expect(decodePost(bytes)).toEqual({ text: POST });
	expect(decodePost(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes])).problem).toBeUndefined();
});

test.each([
	['Windows-1251', cp1251(POST), { encoding: 'Windows-1251', line: 2 }],
	['KOI8-R', koi8('---\ntitle: "консьерж"\n---\nтекст\n'), { encoding: 'KOI8-R', line: 2 }],
	['UTF-16 LE with BOM', utf16(POST, 'le', true), { encoding: 'UTF-16 (LE)', line: 1 }],
	['UTF-16 BE with BOM', utf16(POST, 'be', true), { encoding: 'UTF-16 (BE)', line: 1 }],
	['UTF-16 LE without BOM', utf16(POST, 'le', false), { encoding: 'UTF-16 (LE)', line: 1 }],
])('%s is named', (_, bytes, problem) => {
	expect(decodePost(bytes).problem).toEqual(problem);
});
