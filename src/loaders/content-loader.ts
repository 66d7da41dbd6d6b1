/**
 * Astro content-layer loaders over the validated content set. The whole content folder is
 * validated once per change (shared by all collections, even across module instances), so
 * references between collections are checked and every problem is reported together.
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { buildNow } from '../lib/clock.ts';
import { setDevProblems } from '../lib/content/dev-problems.ts';
import { ContentValidationError, formatReport } from '../lib/content/problems.ts';
import { loadContent, resolveContentDir, type ContentEntry, type ContentSet, type LoadResult } from '../lib/content/load-content.ts';
import { isPublished } from '../lib/publishing.ts';

type CollectionName = keyof Omit<ContentSet, 'site'>;

// Shared through globalThis: the build script and Astro's own module graph load this file
// separately, and validating the content twice would double the cost of every build.
const CACHE_KEY = Symbol.for('ce-site.content-cache');
const cache: Map<string, Promise<LoadResult>> = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= new Map()) as Map<string, Promise<LoadResult>>;

export function loadContentOnce(contentDir: string): Promise<LoadResult> {
  let pending = cache.get(contentDir);
  if (!pending) {
    pending = loadContent(contentDir);
    cache.set(contentDir, pending);
  }
  return pending;
}

async function syncCollection(name: CollectionName | 'site', contentDir: string, context: LoaderContext): Promise<void> {
  const { store, logger, renderMarkdown, generateDigest, watcher } = context;
  const result = await loadContentOnce(contentDir);
  if (!result.ok) {
    // In development the server keeps the last good content, shows the report in the
    // terminal and (through BaseLayout) in the browser overlay, and waits for a fix.
    if (watcher) {
      setDevProblems(result.problems);
      if (name === 'site') logger.error(`\n${formatReport(result.problems)}`);
      return;
    }
    throw new ContentValidationError(result.problems);
  }
  if (watcher) setDevProblems([]);
  const { content } = result;
  if (name === 'site') {
    store.set({ id: 'site', data: content.site, digest: generateDigest(content.site) });
    return;
  }

  const mode = watcher ? 'development' : 'production';
  const now = buildNow();
  const entries = (content[name] as ContentEntry<Record<string, unknown>>[]).filter(
    (entry) => name !== 'courses' || isPublished(entry.data as never, now, mode),
  );
  const keep = new Set(entries.map((entry) => entry.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);

  await Promise.all(
    entries.map(async (entry) => {
      const digest = generateDigest(`${entry.file}\n${JSON.stringify(entry.data)}\n${entry.body}`);
      if (store.get(entry.id)?.digest === digest) return;
      const filePath = path.relative(context.config.root.pathname, entry.absolutePath);
      if (entry.extension === '.mdx') {
        store.set({ id: entry.id, data: entry.data, body: entry.body, filePath, digest, deferredRender: true });
      } else if (entry.body.trim() !== '') {
        const rendered = await renderMarkdown(entry.body, { fileURL: new URL(`file://${entry.absolutePath}`) });
        store.set({ id: entry.id, data: entry.data, body: entry.body, filePath, digest, rendered });
      } else {
        store.set({ id: entry.id, data: entry.data, filePath, digest });
      }
    }),
  );
}

/** A loader for one collection of the content folder (CONTENT_DIR, default content/). */
export function contentLoader(name: CollectionName | 'site'): Loader {
  return {
    name: `ce-content:${name}`,
    load: async (context) => {
      const contentDir = resolveContentDir();
      await syncCollection(name, contentDir, context);
      context.watcher?.add(contentDir);
      context.watcher?.on('all', (_event, changed) => {
        if (!changed.startsWith(contentDir + path.sep)) return;
        cache.delete(contentDir);
        void syncCollection(name, contentDir, context);
      });
    },
  };
}
