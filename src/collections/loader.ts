/**
 * Astro content-layer loaders over the validated content set. The whole content folder is
 * validated once per change (shared by all collections, even across module instances), so
 * references between collections are checked and every problem is reported together.
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { buildNow } from '../process/environment.ts';
import { setDevProblems } from './validation/dev-problems.ts';
import { ContentValidationError, formatReport } from './validation/problems.ts';
import {
  loadContent,
  resolveContentDir,
  type ContentEntry,
  type LoadResult,
} from './validation/load-content.ts';
import { isPublished } from '../domain/offerings/publishing.ts';
import { processSingleton } from '../process/process-shared.ts';
import type { CollectionName } from './registry.ts';

// Shared by every copy of this module: the build script, the integration and Astro's content
// loaders load it separately, and validating the content twice would double every build's cost.
const cache = processSingleton('content-cache', () => new Map<string, Promise<LoadResult>>());

/** Drops the validated content of a folder, so its memory can be reclaimed once a build no longer needs it. */
export function forgetContent(contentDir: string): void {
  cache.delete(contentDir);
}

export function loadContentOnce(contentDir: string): Promise<LoadResult> {
  let pending = cache.get(contentDir);
  if (!pending) {
    pending = loadContent(contentDir);
    cache.set(contentDir, pending);
  }
  return pending;
}

/**
 * Part of every entry's digest: Astro keeps the store across builds and skips entries whose
 * digest is unchanged, so a change to what this loader stores must change every digest.
 */
const STORE_FORMAT = 'entries-v3';

type Subscriber = (result: LoadResult) => Promise<void>;

const hasPhoto = (data: unknown): data is Record<string, unknown> =>
  typeof data === 'object' &&
  data !== null &&
  typeof (data as { photo?: unknown }).photo === 'string';

/**
 * In `astro dev`, one validation per burst of file events feeds every collection. Letting each
 * collection re-validate on its own raced: an editor's save truncates the file before writing
 * it, so one collection could read the half-written file, fail, and leave its store empty while
 * another read the finished file and cleared the reported problems.
 */
interface DevWatch {
  watcher: NonNullable<LoaderContext['watcher']>;
  subscribers: Map<string, Subscriber>;
  timer?: ReturnType<typeof setTimeout>;
  generation: number;
}
const watches = processSingleton('content-watch', () => new Map<string, DevWatch>());
/** Long enough for a save (truncate, then write) to finish; short enough to feel immediate. */
const SETTLE_MS = 150;

function watchContent(
  contentDir: string,
  watcher: NonNullable<LoaderContext['watcher']>,
): DevWatch {
  const existing = watches.get(contentDir);
  // A restarted dev server brings a new watcher; the old one is closed.
  if (existing?.watcher === watcher) return existing;
  // A save may have landed between the old server's last validation and the restart, and the
  // old watcher's pending validation feeds the old stores: the new server reads the files again.
  clearTimeout(existing?.timer);
  cache.delete(contentDir);
  const created: DevWatch = { watcher, subscribers: new Map(), generation: 0 };
  watches.set(contentDir, created);
  watcher.add(contentDir);
  watcher.on('all', (_event, changed) => {
    if (!changed.startsWith(contentDir + path.sep)) return;
    clearTimeout(created.timer);
    created.timer = setTimeout(() => void revalidate(contentDir, created), SETTLE_MS);
  });
  return created;
}

async function revalidate(contentDir: string, watch: DevWatch): Promise<void> {
  const generation = ++watch.generation;
  cache.delete(contentDir);
  const result = await loadContentOnce(contentDir);
  // A newer change arrived while this one was validated: its own run will apply.
  if (generation !== watch.generation) return;
  await Promise.all([...watch.subscribers.values()].map((apply) => apply(result)));
}

async function applyResult(
  name: CollectionName,
  result: LoadResult,
  context: LoaderContext,
): Promise<void> {
  const { store, logger, renderMarkdown, generateDigest, watcher } = context;
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
  const { content } = result;
  if (name === 'site') {
    store.set({ id: 'site', data: content.site, digest: generateDigest(content.site) });
  } else {
    const mode = watcher ? 'development' : 'production';
    const now = buildNow();
    const entries = (content[name] as ContentEntry<Record<string, unknown>>[]).filter(
      (entry) => name !== 'courses' || isPublished(entry.data as never, now, mode),
    );
    const keep = new Set(entries.map((entry) => entry.id));
    for (const id of store.keys()) if (!keep.has(id)) store.delete(id);

    await Promise.all(
      entries.map(async (entry) => {
        const withBody = entry.body.trim() !== '';
        const digest = generateDigest(
          `${STORE_FORMAT}\n${withBody}\n${entry.file}\n${JSON.stringify(entry.data)}\n${entry.body}`,
        );
        if (store.get(entry.id)?.digest === digest) return;
        const filePath = path.relative(context.config.root.pathname, entry.absolutePath);
        // A photo goes through Astro's own parsing, whose image() makes it an optimisable import.
        const data =
          name === 'instructors' && hasPhoto(entry.data)
            ? await context.parseData({ id: entry.id, data: entry.data, filePath })
            : entry.data;
        if (!withBody) {
          store.set({ id: entry.id, data, filePath, digest });
        } else if (entry.extension === '.mdx') {
          store.set({
            id: entry.id,
            data,
            body: entry.body,
            filePath,
            digest,
            deferredRender: true,
          });
        } else {
          const rendered = await renderMarkdown(entry.body, {
            fileURL: new URL(`file://${entry.absolutePath}`),
          });
          // A course page reads only the rendered HTML, so courses leave their Markdown source
          // out of the store (a third of its size); an instructor page tests its bio's source.
          const source = name === 'courses' ? {} : { body: entry.body };
          store.set({ id: entry.id, data, ...source, filePath, digest, rendered });
        }
      }),
    );
  }
  // Cleared only once this collection holds the good content, so a page never sees "no
  // problems" next to an empty store.
  if (watcher) setDevProblems([]);
}

/** A loader for one collection of the content folder (CONTENT_DIR, default content/). */
export function contentLoader(name: CollectionName): Loader {
  return {
    name: `ce-content:${name}`,
    load: async (context) => {
      const contentDir = resolveContentDir();
      // Watched before loading, so a restarted server's first load reads the files afresh.
      const watch = context.watcher ? watchContent(contentDir, context.watcher) : undefined;
      const generation = watch?.generation;
      await applyResult(name, await loadContentOnce(contentDir), context);
      // Astro may call load again (a config change): the latest context replaces the old one.
      watch?.subscribers.set(name, (result) => applyResult(name, result, context));
      // A save validated while this collection loaded was not applied here: catch up with it.
      if (watch && watch.generation !== generation)
        await applyResult(name, await loadContentOnce(contentDir), context);
    },
  };
}
