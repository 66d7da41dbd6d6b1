/**
 * The search index: Pagefind over the built site, written into its `pagefind/` folder. Pagefind
 * has no incremental mode and its index is a function of the pages it reads, so when every
 * searchable page is byte for byte what the last build indexed, the index that build wrote is
 * copied from the cache instead of made again (about 3.5 s at 1,000 courses). The cached index
 * keeps the digest of each of its files; it is copied only if every file is there and matches.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { versionsOf } from './package-versions.ts';
import { readEntry, sha256, warnDamage, writeEntry } from './verified-entry.ts';
import { faultPoint } from './fault-point.ts';

/**
 * The folders whose `<slug>/index.html` pages carry `data-pagefind-body`: course and instructor
 * pages; and the provider's own pages, each `<slug>/index.html` at the top (content/pages/).
 */
const SEARCHABLE_FOLDERS = ['courses', 'instructors'];

function searchableGlob(pageSlugs: readonly string[]): string {
  return `{${[...SEARCHABLE_FOLDERS.map((folder) => `${folder}/*`), ...pageSlugs].join(',')}}/index.html`;
}

async function searchablePages(siteDir: string, pageSlugs: readonly string[]): Promise<string[]> {
  const pages: string[] = pageSlugs.map((slug) => path.join(slug, 'index.html'));
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
export async function searchInputKey(
  siteDir: string,
  pageSlugs: readonly string[] = [],
): Promise<string> {
  const hash = createHash('sha256').update(versionsOf(['pagefind']).join('\n'));
  for (const page of await searchablePages(siteDir, pageSlugs)) {
    const bytes = await readFile(path.join(siteDir, page)).catch(() => undefined);
    // A folder without an index.html (a calendar's folder) is not a page.
    if (bytes) hash.update('\0').update(page).update('\0').update(bytes);
  }
  return hash.digest('hex').slice(0, 40);
}

async function runPagefind(siteDir: string, pageSlugs: readonly string[]): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only the pages whose layout marks them searchable (BaseLayout's `searchable`): reading the
  // list pages too would double Pagefind's parsing and change nothing in the index.
  const added = await index.addDirectory({ path: siteDir, glob: searchableGlob(pageSlugs) });
  if (added.errors.length > 0)
    throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0)
    throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  return added.page_count;
}

/** Every file of a folder, as sorted relative paths with the digest of their bytes. */
async function fileDigests(dir: string): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  for (const file of files) digests[file] = sha256(await readFile(path.join(dir, file)));
  return digests;
}

interface StoredIndex {
  pages: number;
  files: Record<string, string>;
}

/** The cached index for `key`, if its record is sound and its files are exactly the ones recorded. */
async function verifiedIndex(entryDir: string, key: string): Promise<StoredIndex | undefined> {
  const record = await readEntry(path.join(entryDir, 'entry'), key);
  if (record === undefined) return undefined;
  const stored = JSON.parse(Buffer.from(record).toString('utf8')) as StoredIndex;
  const found = await fileDigests(path.join(entryDir, 'pagefind')).catch(() => ({}));
  if (JSON.stringify(found) === JSON.stringify(stored.files)) return stored;
  warnDamage(
    `Cache entry ${entryDir} failed verification (its files do not match their digests); it is discarded and made again.`,
  );
  await rm(entryDir, { recursive: true, force: true });
  return undefined;
}

/**
 * Indexes the built site in `siteDir`, or copies the index of the last build from `cacheDir`
 * when the searchable pages are unchanged. Returns how many pages the index holds. `pageSlugs`
 * are the provider's pages (content/pages/), searchable beside courses and instructors.
 */
export async function indexForSearch(
  siteDir: string,
  cacheDir?: string,
  beforeIndexing?: () => void,
  pageSlugs: readonly string[] = [],
): Promise<{ pages: number; reused: boolean }> {
  const pagefindDir = path.join(siteDir, 'pagefind');
  const indexNow = async () => {
    beforeIndexing?.();
    try {
      return await runPagefind(siteDir, pageSlugs);
    } finally {
      const pagefind = await import('pagefind');
      await pagefind.close();
    }
  };
  if (cacheDir === undefined) return { pages: await indexNow(), reused: false };
  const key = await searchInputKey(siteDir, pageSlugs);
  const cached = path.join(cacheDir, key);
  const stored = await verifiedIndex(cached, key);
  if (stored) {
    await cp(path.join(cached, 'pagefind'), pagefindDir, { recursive: true });
    return { pages: stored.pages, reused: true };
  }
  const indexed = await indexNow();
  // Stored through a temporary folder, so a build killed midway never leaves half an index;
  // only the latest index is kept.
  const temporary = `${cached}.${process.pid}.tmp`;
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  await cp(pagefindDir, path.join(temporary, 'pagefind'), { recursive: true });
  const record: StoredIndex = {
    pages: indexed,
    files: await fileDigests(path.join(temporary, 'pagefind')),
  };
  await writeEntry(path.join(temporary, 'entry'), key, Buffer.from(JSON.stringify(record)));
  await faultPoint('search-index-stored');
  await rename(temporary, cached);
  return { pages: indexed, reused: false };
}
