import type { APIRoute } from 'astro';
import { getPublishedPosts } from '../data/posts.ts';
import { SUGGESTION_WORDS_LIMIT } from '../lib/search/search.ts';
import { suggestionWords } from '../lib/search/search-query.ts';

/** The known words the search page suggests for a misspelt query: from titles, descriptions and keywords. */
export const GET: APIRoute = async () => {
	const posts = await getPublishedPosts();
	const texts = posts.flatMap((post) => [
		post.title,
		post.headline,
		post.description,
		...post.keywords,
	]);
	return new Response(JSON.stringify(suggestionWords(texts, SUGGESTION_WORDS_LIMIT)), {
		headers: { 'Content-Type': 'application/json' },
	});
};
