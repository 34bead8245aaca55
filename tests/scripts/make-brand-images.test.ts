import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import {
	FAVICON_SIZES,
	drawLogo,
	drawSocialImage,
	encodeIco,
	encodePng,
	type Raster,
} from '../../scripts/make-brand-images.ts';
import { ROOT } from '../support/build.ts';
import { SITE } from '../../src/site.ts';

/** Decodes an 8-bit RGBA PNG written with filter 0 (what encodePng writes). */
function decodePng(png: Buffer): Raster {
	expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
	let offset = 8;
	let width = 0;
	let height = 0;
	const data: Buffer[] = [];
	while (offset < png.length) {
		const length = png.readUInt32BE(offset);
		const type = png.toString('latin1', offset + 4, offset + 8);
		const body = png.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			expect([...body.subarray(8, 13)]).toEqual([8, 6, 0, 0, 0]);
		}
		if (type === 'IDAT') data.push(body);
		offset += 12 + length;
	}
	const rows = inflateSync(Buffer.concat(data));
	const pixels = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) {
		const start = y * (width * 4 + 1);
		expect(rows[start]).toBe(0);
		pixels.set(rows.subarray(start + 1, start + 1 + width * 4), y * width * 4);
	}
	return { width, height, pixels };
}

/** The PNG images inside an ICO file, with the size each directory entry declares. */
function readIco(ico: Buffer): { size: number; png: Buffer }[] {
	expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
	return Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
		const entry = 6 + 16 * i;
		const [length, offset] = [ico.readUInt32LE(entry + 8), ico.readUInt32LE(entry + 12)];
		return { size: ico.readUInt8(entry) || 256, png: ico.subarray(offset, offset + length) };
	});
}

const publicFile = (name: string): Buffer => readFileSync(join(ROOT, 'public', name));

describe('brand images in public/', () => {
	test('logo.png is the drawn 512×512 logo, as SITE.organization says', () => {
		const logo = decodePng(publicFile('logo.png'));
		expect([logo.width, logo.height]).toEqual([
			SITE.organization.logoWidth,
			SITE.organization.logoHeight,
		]);
		expect(SITE.organization.logo).toBe('/logo.png');
		expect(Buffer.from(logo.pixels).equals(Buffer.from(drawLogo(512).pixels))).toBe(true);
	});

	test('og-default.png is the drawn 1200×630 opaque social image', () => {
		const image = decodePng(publicFile('og-default.png'));
		expect([image.width, image.height]).toEqual([1200, 630]);
		expect(SITE.defaultImage).toBe('/og-default.png');
		expect(image.pixels.filter((_, i) => i % 4 === 3).every((alpha) => alpha === 255)).toBe(true);
		expect(Buffer.from(image.pixels).equals(Buffer.from(drawSocialImage().pixels))).toBe(true);
	});

	test('favicon.ico holds the logo as PNG at 16, 32 and 48 px', () => {
		const images = readIco(publicFile('favicon.ico'));
		expect(images.map(({ size }) => size)).toEqual([...FAVICON_SIZES]);
		for (const { size, png } of images) {
			const raster = decodePng(png);
			expect([raster.width, raster.height]).toEqual([size, size]);
			expect(Buffer.from(raster.pixels).equals(Buffer.from(drawLogo(size).pixels))).toBe(true);
		}
	});
});

describe('encoders', () => {
	test('encodePng round-trips a raster', () => {
		const raster: Raster = {
			width: 2,
			height: 1,
			pixels: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]),
		};
		expect(decodePng(encodePng(raster))).toEqual(raster);
	});

	test('encodeIco writes 0 for a 256 px entry, as the format requires', () => {
		const png = encodePng({ width: 1, height: 1, pixels: new Uint8Array(4) });
		const ico = encodeIco([{ size: 256, png }]);
		expect(ico.readUInt8(6)).toBe(0);
		expect(ico.readUInt32LE(6 + 12)).toBe(22);
	});
});
