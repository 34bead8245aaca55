import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { POST_GLOB, getContentDir, slugFromFileName } from './lib/content-dir.ts';
import { createPostSchema } from './lib/post-schema.ts';

const blog = defineCollection({
	loader: glob({
		base: getContentDir(),
		pattern: POST_GLOB,
		generateId: ({ entry }) => slugFromFileName(entry),
	}),
	schema: ({ image }) => createPostSchema(image),
});

export const collections = { blog };
