/**
 * One collection over <content>/courses/*.md. The schema accepts anything: the baseline
 * measures Astro itself, so it must not pay for validation the project does.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const contentDir = path.resolve(process.env['BENCH_CONTENT_DIR'] ?? fileURLToPath(new URL('../../../../content/', import.meta.url)));

export const collections = {
  courses: defineCollection({
    loader: glob({ pattern: '*.md', base: pathToFileURL(path.join(contentDir, 'courses') + path.sep) }),
    schema: z.looseObject({}),
  }),
};
