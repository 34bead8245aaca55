import { defineCollection } from 'astro:content';
import { POST_GLOB, getContentDir } from './lib/content-dir.ts';
import { createPostSchema } from './lib/post-schema.ts';
import { postsLoader } from './loaders/posts.ts';

const blog = defineCollection({
	loader: postsLoader({ base: getContentDir(), pattern: POST_GLOB }),
	schema: ({ image }) => createPostSchema(image),
});

export const collections = { blog };
