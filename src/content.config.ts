/**
 * Chapters: MDX files in content/en/ and content/zh/ with the same file names.
 * An entry's id is "<lang>/<slug>", e.g. "en/forward-process".
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';

const chapters = defineCollection({
  loader: glob({ pattern: '{en,zh}/*.mdx', base: './content' }),
  schema: z.object({
    title: z.string(),
    /** One sentence shown in chapter lists and as the page description. */
    description: z.string(),
    /** Position in the chapter list, ascending. Must match across languages. */
    order: z.number().int(),
  }),
});

export const collections = { chapters };
