/**
 * The search index: Pagefind over the built site, written into its `pagefind/` folder. Pagefind
 * has no incremental mode and its index is a function of the pages it reads, so when every
 * searchable page is byte for byte what the last build indexed, the index that build wrote is
 * copied from the cache instead of made again (about 3.5 s at 1,000 courses).
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { versionsOf } from './package-versions.ts';

/** The folders whose `<slug>/index.html` pages carry `data-pagefind-body`: course and instructor pages. */
const SEARCHABLE_FOLDERS = ['courses', 'instructors'];
const SEARCHABLE_PAGES = `{${SEARCHABLE_FOLDERS.join(',')}}/*/index.html`;

async function searchablePages(siteDir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const folder of SEARCHABLE_FOLDERS) {
    const entries = await readdir(path.join(siteDir, folder), { withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries)
      if (entry.isDirectory()) pages.push(path.join(folder, entry.name, 'index.html'));
  }
  return pages.sort();
}

/** A hash of every searchable page (its path and bytes) and of Pagefind's version. */
export async function searchInputKey(siteDir: string): Promise<string> {
  const hash = createHash('sha256').update(versionsOf(['pagefind']).join('\n'));
  for (const page of await searchablePages(siteDir)) {
    const bytes = await readFile(path.join(siteDir, page)).catch(() => undefined);
    // A folder without an index.html (a calendar's folder) is not a page.
    if (bytes) hash.update('\0').update(page).update('\0').update(bytes);
  }
  return hash.digest('hex').slice(0, 40);
}

async function runPagefind(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only the pages whose layout marks them searchable (BaseLayout's `searchable`): reading the
  // list pages too would double Pagefind's parsing and change nothing in the index.
  const added = await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES });
  if (added.errors.length > 0)
    throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}

/**
 * Indexes the built site in `siteDir`, or copies the index of the last build from `cacheDir`
 * when the searchable pages are unchanged. Returns how many pages the index holds.
 */
export async function indexForSearch(
  siteDir: string,
  cacheDir?: string,
  beforeIndexing?: () => void,
): Promise<{ pages: number; reused: boolean }> {
  if (cacheDir === undefined) {
    beforeIndexing?.();
    return { pages: await runPagefind(siteDir), reused: false };
  }
  const key = await searchInputKey(siteDir);
  const cached = path.join(cacheDir, key);
  const pages = Number(await readFile(path.join(cached, 'pages.txt'), 'utf8').catch(() => 'NaN'));
  if (Number.isInteger(pages)) {
    await cp(path.join(cached, 'pagefind'), path.join(siteDir, 'pagefind'), { recursive: true });
    return { pages, reused: true };
  }
  beforeIndexing?.();
  const indexed = await runPagefind(siteDir);
  // Stored through a temporary folder, so a build killed midway never leaves half an index;
  // only the latest index is kept.
  const temporary = `${cached}.${process.pid}.tmp`;
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  await cp(path.join(siteDir, 'pagefind'), path.join(temporary, 'pagefind'), { recursive: true });
  await writeFile(path.join(temporary, 'pages.txt'), String(indexed));
  await rename(temporary, cached);
  return { pages: indexed, reused: false };
}
