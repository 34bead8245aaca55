import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Posts from the folder the benchmark generated (BLOG_CONTENT_DIR), like the starter's schema. */
const blog = defineCollection({
	loader: glob({ base: process.env['BLOG_CONTENT_DIR'] ?? './posts', pattern: '**/*.md' }),
	schema: z.object({
		title: z.string(),
		description: z.string(),
		pubDate: z.coerce.date(),
	}),
});

export const collections = { blog };
