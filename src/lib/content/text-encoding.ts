/*
 * Posts are UTF-8. A file saved in another encoding (Windows-1251 from an old editor, UTF-16 from
 * Windows Notepad) would be published with U+FFFD in place of every Russian letter, and the check
 * would then judge garbled text. This decodes a file's bytes and, when they are not UTF-8 text,
 * says which encoding they most likely are in, so the editor knows what to re-save.
 */

/** A file that is not UTF-8 text: its likely encoding and the first line that shows it. */
export interface EncodingProblem {
	/** The encoding the bytes most likely are in, as editors' programs name it. */
	encoding: string;
	/** 1-based line of the first byte that is not UTF-8 (1 for UTF-16). */
	line: number;
}

/** A post file's text and, when it is not UTF-8, what it is. */
export interface DecodedPost {
	/** The text read as UTF-8 (garbled when `problem` is set). */
	text: string;
	problem?: EncodingProblem;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Which UTF-16 the bytes are in, from their byte-order mark or the NUL bytes of ASCII text. */
function utf16Kind(bytes: Uint8Array): string | undefined {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 (LE)';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 (BE)';
	let even = 0;
	let odd = 0;
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] !== 0) continue;
		if (i % 2 === 0) even++;
		else odd++;
	}
	if (even + odd === 0) return undefined;
	if (odd > even * 4) return 'UTF-16 (LE)';
	if (even > odd * 4) return 'UTF-16 (BE)';
	return 'UTF-16';
}

/**
 * The likely single-byte Cyrillic encoding: Russian text is mostly lower-case letters, which
 * Windows-1251 puts at 0xE0–0xFF and KOI8-R at 0xC0–0xDF.
 */
function singleByteKind(bytes: Uint8Array): string {
	let cp1251 = 0;
	let koi8 = 0;
	for (const byte of bytes) {
		if (byte >= 0xe0) cp1251++;
		else if (byte >= 0xc0) koi8++;
	}
	if (cp1251 === 0 && koi8 === 0) return 'однобайтовой кодировке (не UTF-8)';
	return koi8 > cp1251 ? 'KOI8-R' : 'Windows-1251';
}

/** Decodes a post file's bytes; `problem` is set when they are not UTF-8 text. */
export function decodePost(bytes: Uint8Array): DecodedPost {
	const utf16 = utf16Kind(bytes);
	if (utf16) return { text: lenient.decode(bytes), problem: { encoding: utf16, line: 1 } };
	try {
		return { text: utf8.decode(bytes) };
	} catch {
		const text = lenient.decode(bytes);
		const bad = text.indexOf('\uFFFD');
		const line = text.slice(0, Math.max(bad, 0)).split('\n').length;
		return { text, problem: { encoding: singleByteKind(bytes), line } };
	}
}
