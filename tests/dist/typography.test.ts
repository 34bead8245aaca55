import { beforeAll, expect, test } from 'vitest';
import { typeset } from '../../src/lib/text/typography.ts';
import { readPage } from '../support/html.ts';
import { readPublishedPosts, type SourcePost } from '../support/posts.ts';

/*
 * Russian typography where readers see it: the body (the Markdown plugin), and each post's
 * headline and description on its page and on the listing's cards, with the same rules.
 */

let posts: SourcePost[];
beforeAll(async () => {
	posts = await readPublishedPosts();
	expect(posts.length).toBeGreaterThan(0);
});

const NBSP = '\u00a0';

test('an article’s h1 and lead are typeset: short words and particles keep their neighbours', async () => {
	let glued = 0;
	for (const post of posts) {
		const page = await readPage(`/blog/${post.slug}/`);
		const h1 = page.querySelector('h1')?.text ?? '';
		expect(h1, post.slug).toBe(typeset(post.data.headline));
		expect(page.querySelector('.article__lead')?.text, post.slug).toBe(
			typeset(post.data.description),
		);
		glued += h1.split(NBSP).length - 1;
	}
	// The site's headlines have short words, so the rules did something.
	expect(glued).toBeGreaterThan(0);
});

test('the listing’s cards show the same typeset headline and description', async () => {
	const home = await readPage('/');
	for (const post of posts) {
		const card = home
			.querySelectorAll('.card')
			.find(
				(el) => el.querySelector('.card__title a')?.getAttribute('href') === `/blog/${post.slug}/`,
			);
		expect(card?.querySelector('.card__title a')?.text, post.slug).toBe(
			typeset(post.data.headline),
		);
		expect(card?.querySelector('.card__description')?.text, post.slug).toBe(
			typeset(post.data.description),
		);
	}
});

test('the body is typeset too: no short word ends a line in any article’s text', async () => {
	for (const post of posts) {
		const prose = (await readPage(`/blog/${post.slug}/`)).querySelector('.prose');
		// Text outside code: a one-letter preposition or conjunction followed by a plain space.
		for (const p of prose?.querySelectorAll('p, li') ?? []) {
			expect(p.text, post.slug).not.toMatch(/(?:^|[\s(«])(?:в|с|к|и|а|о|у) /iu);
		}
	}
});
