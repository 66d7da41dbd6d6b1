/** The search index: Pagefind over the built site, written into its `pagefind/` folder. */
import path from 'node:path';

/** The pages that carry `data-pagefind-body`: course and instructor pages. */
const SEARCHABLE_PAGES = '{courses,instructors}/*/index.html';

/** Indexes the built site in `siteDir` and returns how many pages went into the index. */
export async function indexForSearch(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only the pages whose layout marks them searchable (BaseLayout's `searchable`): reading the
  // list pages too would double Pagefind's parsing and change nothing in the index.
  const added = await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES });
  if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}
