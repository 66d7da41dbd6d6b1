/**
 * Writes the redirects of renamed courses into the built site: `_redirects`, and a redirect
 * page at each old address (src/domain/seo/redirects.ts). They are written after the pages,
 * outside Astro's routes, so they are in no sitemap and no search index.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { loadContentOnce } from '../collections/loader.ts';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { isPublished } from '../domain/offerings/publishing.ts';
import { buildNow } from '../process/environment.ts';
import { courseRedirects, redirectPage, redirectsFile } from '../domain/seo/redirects.ts';

export function courseRedirectFiles(): AstroIntegration {
  return {
    name: 'ce-course-redirects',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        const result = await loadContentOnce(resolveContentDir());
        if (!result.ok) return;
        const { site } = result.content;
        const now = buildNow();
        const courses = result.content.courses.filter(({ data }) =>
          isPublished(data, now, 'production'),
        );
        const titles = new Map(courses.map(({ id, data }) => [`/courses/${id}/`, data.title]));
        const redirects = courseRedirects(courses);
        const outDir = fileURLToPath(dir);
        await Promise.all(
          redirects.map(async (redirect) => {
            const folder = path.join(outDir, redirect.from);
            await mkdir(folder, { recursive: true });
            const page = redirectPage(redirect, {
              siteUrl: site.url,
              title: titles.get(redirect.to) ?? 'This course',
              language: site.language,
            });
            await writeFile(path.join(folder, 'index.html'), page);
          }),
        );
        const file = redirectsFile(redirects);
        if (file) await writeFile(path.join(outDir, '_redirects'), file);
      },
    },
  };
}
