/**
 * The sitemap: every public page, with `lastmod` from the content it shows
 * (src/domain/seo/sitemap-dates.ts). A course page takes its own; an instructor page the newest
 * of the courses it lists; any other page the newest of all courses. A page with no such date
 * has no `lastmod`. The 404 page and the admin are left out; the search page is in, its result
 * URLs (`/search/?q=…`) are kept out of crawls by robots.txt.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { loadContentOnce } from '../collections/loader.ts';
import { paths } from '../domain/labels.ts';
import { courseLastmod, latestDateBy } from '../domain/seo/sitemap-dates.ts';
import { isPublished } from '../domain/offerings/publishing.ts';
import { buildNow } from '../process/environment.ts';

const EXCLUDED = [/\/404\/?$/, /\/admin\//];

interface Lastmods {
  byPath: Map<string, string>;
  newest: string | undefined;
}

async function contentLastmods(): Promise<Lastmods> {
  const result = await loadContentOnce(resolveContentDir());
  const byPath = new Map<string, string>();
  if (!result.ok) return { byPath, newest: undefined };
  const now = buildNow();
  const today = now.toISOString().slice(0, 10);
  const byInstructor = new Map<string, string[]>();
  for (const { id, data } of result.content.courses) {
    // A draft, or a course published later, has no page.
    if (!isPublished(data, now, 'production')) continue;
    const lastmod = courseLastmod(data, today);
    if (lastmod === undefined) continue;
    byPath.set(paths.course(id), lastmod);
    for (const instructor of data.instructors)
      byInstructor.set(instructor, [...(byInstructor.get(instructor) ?? []), lastmod]);
  }
  for (const [instructor, dates] of byInstructor)
    byPath.set(paths.instructor(instructor), latestDateBy(dates, today)!);
  return { byPath, newest: latestDateBy(byPath.values(), today) };
}

export function siteMap(): AstroIntegration {
  let lastmods: Promise<Lastmods> | undefined;
  return sitemap({
    filter: (page) => !EXCLUDED.some((pattern) => pattern.test(new URL(page).pathname)),
    serialize: async (item) => {
      lastmods ??= contentLastmods();
      const { byPath, newest } = await lastmods;
      const lastmod = byPath.get(new URL(item.url).pathname) ?? newest;
      return lastmod === undefined ? item : { ...item, lastmod };
    },
  });
}
