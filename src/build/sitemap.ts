/**
 * The sitemap: every public page, with `lastmod` from the content it shows. A course or
 * instructor page takes its file's modification time; a list page takes the newest of all
 * content files. The 404 page and the admin are left out; the search page is in, its result
 * URLs (`/search/?q=…`) are kept out of crawls by robots.txt.
 */
import sitemap from '@astrojs/sitemap';
import { stat } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { resolveContentDir } from '../collections/validation/load-content.ts';
import { loadContentOnce } from '../collections/loader.ts';

const EXCLUDED = [/\/404\/?$/, /\/admin\//];

async function modificationTimes(): Promise<{ byPath: Map<string, Date>; newest: Date }> {
  const result = await loadContentOnce(resolveContentDir());
  const byPath = new Map<string, Date>();
  let newest = new Date(0);
  if (!result.ok) return { byPath, newest };
  const { courses, instructors } = result.content;
  await Promise.all(
    [
      ...courses.map((entry) => ['courses', entry] as const),
      ...instructors.map((entry) => ['instructors', entry] as const),
    ].map(async ([kind, entry]) => {
      const { mtime } = await stat(entry.absolutePath);
      byPath.set(`/${kind}/${entry.id}/`, mtime);
      if (mtime > newest) newest = mtime;
    }),
  );
  return { byPath, newest };
}

export function siteMap(): AstroIntegration {
  let times: ReturnType<typeof modificationTimes> | undefined;
  return sitemap({
    filter: (page) => !EXCLUDED.some((pattern) => pattern.test(new URL(page).pathname)),
    serialize: async (item) => {
      times ??= modificationTimes();
      const { byPath, newest } = await times;
      const lastmod = byPath.get(new URL(item.url).pathname) ?? newest;
      return { ...item, lastmod: lastmod.toISOString() };
    },
  });
}
