// `defineCollection` comes from the module `astro:content` re-exports it from (the same function
// and types): importing the virtual module would load Astro's whole rendering runtime through
// Vite first, ~70 modules and half a second of every build (see ASTRO_ENVIRONMENT in astro.config.ts).
import { defineCollection } from 'astro/content/config';
import { POST_GLOB, getContentDir } from './lib/content-dir.ts';
import { createPostSchema } from './lib/post-schema.ts';
import { postsLoader } from './loaders/posts.ts';

const blog = defineCollection({
	loader: postsLoader({ base: getContentDir(process.env), pattern: POST_GLOB }),
	schema: ({ image }) => createPostSchema(image),
});

export const collections = { blog };
