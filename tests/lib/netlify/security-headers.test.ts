import { parseFrontmatter } from '../../../src/lib/content/frontmatter.ts';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readPostFiles } from '../../../src/plumbing/content-check-fs.ts';
import { getContentDir } from '../../../src/lib/content/content-dir.ts';
import {
	buildCspDirectives,
	DENIED_FEATURES,
	effectiveDirective,
	isFrameAllowed,
	isImageAllowed,
	keepScriptsExternal,
	parseCsp,
	permissionsPolicy,
	securityHeaders,
	serializeCsp,
	urlOrigin,
} from '../../../src/lib/netlify/security-headers.ts';
import { SITE } from '../../../src/site.ts';
import { ROOT } from '../../support/build.ts';

describe('Content-Security-Policy', () => {
	test('allows exactly what the site uses', () => {
		expect(serializeCsp(buildCspDirectives())).toMatchInlineSnapshot(
			`"default-src 'self'; img-src 'self' https://images.unsplash.com data:; script-src 'self'; style-src 'self'; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'; upgrade-insecure-requests"`,
		);
	});

	test('img-src follows SITE.imageOrigins', () => {
		const directives = new Map(buildCspDirectives(['https://a.example', 'https://b.example']));
		expect(directives.get('img-src')).toEqual([
			"'self'",
			'https://a.example',
			'https://b.example',
			'data:',
		]);
		expect(new Map(buildCspDirectives()).get('img-src')).toEqual([
			"'self'",
			...SITE.imageOrigins,
			'data:',
		]);
	});

	test('never allows inline code, eval or plugins', () => {
		const csp = securityHeaders()['Content-Security-Policy']!;
		expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
		expect(new Map(parseCsp(csp)).get('object-src')).toEqual(["'none'"]);
		expect(new Map(parseCsp(csp)).get('frame-ancestors')).toEqual(["'none'"]);
	});

	test('parseCsp reads back what serializeCsp writes', () => {
		const directives = buildCspDirectives();
		expect(parseCsp(serializeCsp(directives))).toEqual(directives);
	});
});

describe('isImageAllowed', () => {
	test.each([
		['/_astro/hero.abc.webp', true],
		['./images/x.jpg', true],
		['data:image/png;base64,AAAA', true],
		['https://images.unsplash.com/photo-1?w=320', true],
		['http://images.unsplash.com/photo-1', true],
		['//images.unsplash.com/photo-1', true],
		['https://example.com/x.jpg', false],
		['https://images.unsplash.com.evil.example/x.jpg', false],
		['ftp://images.unsplash.com/x.jpg', false],
	])('%s → %s', (url, allowed) => expect(isImageAllowed(url)).toBe(allowed));
});

test('every post’s hero image comes from an origin the CSP allows', async () => {
	const posts = await readPostFiles(resolve(ROOT, getContentDir(process.env)), ROOT);
	expect(posts.length).toBeGreaterThan(0);
	const denied = posts
		.map(({ file, source }) => ({
			file,
			heroImage: parseFrontmatter(source).data['heroImage'] as unknown,
		}))
		.filter(({ heroImage }) => typeof heroImage === 'string' && !isImageAllowed(heroImage));
	expect(denied, `add the origin to SITE.imageOrigins in src/site.ts`).toEqual([]);
});

describe('other security headers', () => {
	test('deny every unused browser feature', () => {
		expect(permissionsPolicy(['camera', 'usb'])).toBe('camera=(), usb=()');
		for (const feature of [
			'camera',
			'microphone',
			'geolocation',
			'payment',
			'usb',
			'interest-cohort',
		]) {
			expect(DENIED_FEATURES).toContain(feature);
		}
		// The share links copy to the clipboard and may use the Web Share API.
		expect(DENIED_FEATURES).not.toContain('clipboard-write');
		expect(DENIED_FEATURES).not.toContain('web-share');
	});

	test('the full set', () => {
		const {
			'Content-Security-Policy': _csp,
			'Permissions-Policy': _pp,
			...rest
		} = securityHeaders();
		expect(rest).toMatchInlineSnapshot(`
			{
			  "Referrer-Policy": "strict-origin-when-cross-origin",
			  "Strict-Transport-Security": "max-age=63072000; includeSubDomains; preload",
			  "X-Content-Type-Options": "nosniff",
			  "X-Frame-Options": "DENY",
			}
		`);
	});
});

test.each([
	['_astro/ShareLinks.astro_astro_type_script_index_0_lang.zZ5ZGPkC.js', false],
	['assets/search.js', false],
	['assets/copy-link.ts', false],
	['assets/chunk.mjs', false],
	['assets/logo.svg', undefined],
	['assets/hero.webp', undefined],
])('keepScriptsExternal(%s) → %s', (file, inline) => {
	expect(keepScriptsExternal(file)).toBe(inline);
});

describe('frames', () => {
	test.each([
		['https://www.youtube.com/embed/x', false],
		['//player.vimeo.com/video/1', false],
		['/blog/servisnyy-podhod/', true],
		['https://butlerspb-blog.netlify.app/search/', true],
		['javascript:alert(1)', false],
	])('the site policy: a frame from %s is allowed: %s', (url, allowed) => {
		expect(isFrameAllowed(url)).toBe(allowed);
	});

	test('frame-src decides when the policy sets it; default-src otherwise', () => {
		const withYoutube = [
			...buildCspDirectives(),
			['frame-src', ["'self'", 'https://www.youtube.com']] as const,
		];
		expect(isFrameAllowed('https://www.youtube.com/embed/x', withYoutube)).toBe(true);
		expect(isFrameAllowed('https://vimeo.com/x', withYoutube)).toBe(false);
		expect(effectiveDirective('frame-src')).toEqual({ name: 'default-src', sources: ["'self'"] });
	});

	test.each([
		['https://cdn.example.com/a.png', 'https://cdn.example.com'],
		['//cdn.example.com/a.png', 'https://cdn.example.com'],
		['http://images.unsplash.com/x', 'https://images.unsplash.com'],
		['/logo.png', undefined],
		['data:image/png;base64,AAAA', undefined],
	])('urlOrigin(%s) → %s', (url, origin) => expect(urlOrigin(url)).toBe(origin));
});
