// `defineCollection` comes from the module `astro:content` re-exports it from (the same function
// and types): importing the virtual module would load Astro's whole rendering runtime through
// Vite first, ~70 modules and half a second of every build (see ASTRO_ENVIRONMENT in astro.config.ts).
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { POST_GLOB, getContentDir } from './lib/content/content-dir.ts';
import { createPostSchema } from './lib/content/post-schema.ts';
import { expectLoadedByNode } from './loaders/astro-environment.ts';
import { postsLoader } from './loaders/posts.ts';

// Both come from Node, not Vite (the reason is in src/loaders/astro-environment.ts).
expectLoadedByNode('astro/content/config', 'defineCollection', defineCollection);
expectLoadedByNode('astro/loaders', 'glob', glob);

const blog = defineCollection({
	loader: postsLoader({ base: getContentDir(process.env), pattern: POST_GLOB }),
	schema: ({ image }) => createPostSchema(image),
});

export const collections = { blog };
