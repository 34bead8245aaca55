/**
 * Draws the brand images into public/ once: `node scripts/make-brand-images.ts`.
 * favicon.ico (16, 32 and 48 px), logo.png (512×512, the organisation logo in JSON-LD and the
 * feed) and og-default.png (1200×630, the social image of pages without a hero). The drawing is
 * plain geometry (a rounded tile with a «B» monogram, like public/favicon.svg), written as PNG
 * with node:zlib, so no image library or font is needed. The outputs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** An RGBA raster, 8 bits per channel, rows top to bottom. */
export interface Raster {
	width: number;
	height: number;
	pixels: Uint8Array;
}

type Rgb = readonly [number, number, number];

/** The brand brown of favicon.svg, white and the cream of the social card. */
export const COLORS = {
	brand: [0x8a, 0x4b, 0x0f],
	white: [0xff, 0xff, 0xff],
	cream: [0xf6, 0xef, 0xe6],
} as const satisfies Record<string, Rgb>;

/** Samples per pixel side for anti-aliasing. */
const SUPERSAMPLE = 4;

/** Whether the point (x, y) of a 1×1 tile lies in the rounded square. */
const inTile = (x: number, y: number, radius = 0.19): boolean => {
	const dx = Math.max(radius - x, x - (1 - radius), 0);
	const dy = Math.max(radius - y, y - (1 - radius), 0);
	return x >= 0 && x <= 1 && y >= 0 && y <= 1 && dx * dx + dy * dy <= radius * radius;
};

/** A «D» shape: a rectangle from `left` to `cx` closed by a half disc on the right. */
const inD = (x: number, y: number, left: number, cx: number, top: number, bottom: number) => {
	if (y < top || y > bottom || x < left) return false;
	if (x <= cx) return true;
	const r = (bottom - top) / 2;
	const cy = (top + bottom) / 2;
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

/** Whether (x, y) of a 1×1 tile is ink of the «B» monogram. */
export function inMonogram(x: number, y: number): boolean {
	const stroke = 0.11;
	const [left, top, bottom, middle, cx] = [0.3, 0.23, 0.77, 0.485, 0.56];
	if (x >= left && x <= left + stroke && y >= top && y <= bottom) return true;
	const bowl = (upper: number, lower: number, right: number): boolean =>
		inD(x, y, left, right, upper, lower) &&
		!inD(x, y, left + stroke, right, upper + stroke, lower - stroke);
	return bowl(top, middle + stroke / 2, cx - 0.015) || bowl(middle - stroke / 2, bottom, cx + 0.01);
}

/** Colour of a point of the logo tile, or undefined outside it. */
const logoColor = (x: number, y: number): Rgb | undefined =>
	inTile(x, y) ? (inMonogram(x, y) ? COLORS.white : COLORS.brand) : undefined;

/** Renders `color(x, y)` (undefined = transparent) with supersampling into a raster. */
function render(
	width: number,
	height: number,
	color: (x: number, y: number) => Rgb | undefined,
): Raster {
	const pixels = new Uint8Array(width * height * 4);
	const samples = SUPERSAMPLE * SUPERSAMPLE;
	for (let py = 0; py < height; py++) {
		for (let px = 0; px < width; px++) {
			let [r, g, b, a] = [0, 0, 0, 0];
			for (let sy = 0; sy < SUPERSAMPLE; sy++) {
				for (let sx = 0; sx < SUPERSAMPLE; sx++) {
					const c = color(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE);
					if (!c) continue;
					r += c[0];
					g += c[1];
					b += c[2];
					a += 1;
				}
			}
			const i = (py * width + px) * 4;
			if (a > 0) {
				pixels[i] = Math.round(r / a);
				pixels[i + 1] = Math.round(g / a);
				pixels[i + 2] = Math.round(b / a);
			}
			pixels[i + 3] = Math.round((255 * a) / samples);
		}
	}
	return { width, height, pixels };
}

/** The logo: the monogram tile at `size`×`size` pixels, transparent corners. */
export const drawLogo = (size: number): Raster =>
	render(size, size, (x, y) => logoColor(x / size, y / size));

/** The default social image: the logo tile centred on cream, 1200×630, opaque. */
export function drawSocialImage(width = 1200, height = 630): Raster {
	const tile = 300;
	const [tx, ty] = [(width - tile) / 2, (height - tile) / 2];
	const rule = { top: height / 2 - 3, bottom: height / 2 + 3, gap: 60 };
	return render(width, height, (x, y) => {
		const inner = logoColor((x - tx) / tile, (y - ty) / tile);
		if (inner) return inner;
		const beside = x < tx - rule.gap || x > tx + tile + rule.gap;
		const inMargin = x > 120 && x < width - 120;
		if (beside && inMargin && y >= rule.top && y <= rule.bottom) return COLORS.brand;
		return COLORS.cream;
	});
}

/** One PNG chunk: length, type, data and CRC. */
function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, crc]);
}

/** Encodes a raster as an 8-bit RGBA PNG (filter 0 on every row). */
export function encodePng({ width, height, pixels }: Raster): Buffer {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8);
	const rows = Buffer.alloc((width * 4 + 1) * height);
	for (let y = 0; y < height; y++) {
		rows.set(pixels.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(rows, { level: 9 })),
		chunk('IEND', new Uint8Array()),
	]);
}

/** Wraps PNG images in an ICO file (PNG entries are valid ICO images since Windows Vista). */
export function encodeIco(images: readonly { size: number; png: Buffer }[]): Buffer {
	const header = Buffer.alloc(6 + 16 * images.length);
	header.writeUInt16LE(0, 0);
	header.writeUInt16LE(1, 2);
	header.writeUInt16LE(images.length, 4);
	let offset = header.length;
	images.forEach(({ size, png }, index) => {
		const entry = 6 + 16 * index;
		header.writeUInt8(size >= 256 ? 0 : size, entry);
		header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
		header.writeUInt16LE(1, entry + 4);
		header.writeUInt16LE(32, entry + 6);
		header.writeUInt32LE(png.length, entry + 8);
		header.writeUInt32LE(offset, entry + 12);
		offset += png.length;
	});
	return Buffer.concat([header, ...images.map(({ png }) => png)]);
}

/** Sizes inside favicon.ico. */
export const FAVICON_SIZES = [16, 32, 48] as const;

/** Every brand file, by its name under public/. */
export function brandImages(): Record<string, Buffer> {
	return {
		'favicon.ico': encodeIco(
			FAVICON_SIZES.map((size) => ({ size, png: encodePng(drawLogo(size)) })),
		),
		'logo.png': encodePng(drawLogo(512)),
		'og-default.png': encodePng(drawSocialImage()),
	};
}

if (import.meta.main) {
	const dir = join(import.meta.dirname, '..', 'public');
	for (const [name, data] of Object.entries(brandImages())) {
		writeFileSync(join(dir, name), data);
		console.log(`public/${name}: ${data.length} bytes`);
	}
}
