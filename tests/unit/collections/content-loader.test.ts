/**
 * The content loader in `astro dev`: every collection follows one validation of the folder, so a
 * save seen half-written can never leave one collection empty while the problems are cleared.
 */
import { EventEmitter } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { setTimeout as realDelay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { devProblems, setDevProblems } from '../../../src/collections/validation/dev-problems.ts';
import { contentLoader } from '../../../src/collections/loader.ts';
import { contentWithOverlay } from '../../helpers/fixtures.ts';

interface StoredEntry {
  id: string;
  data: unknown;
  digest?: string;
}

/** The parts of Astro's loader context the loader uses, with an in-memory store and a watcher we drive. */
function fakeContext(watcher: EventEmitter & { add: (dir: string) => void }) {
  const entries = new Map<string, StoredEntry>();
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => {
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => void entries.delete(id),
  };
  const context = {
    store,
    logger: { error: () => undefined, warn: () => undefined, info: () => undefined },
    renderMarkdown: async (body: string) => ({ html: body }),
    generateDigest: (value: unknown) => JSON.stringify(value),
    watcher,
    config: { root: new URL('file:///') },
  } as unknown as LoaderContext;
  return { context, entries };
}

function fakeWatcher() {
  return Object.assign(new EventEmitter(), { add: () => undefined });
}

const COLLECTIONS = ['site', 'courses', 'instructors', 'boards', 'sponsors', 'policies'] as const;
const previousContentDir = process.env['CONTENT_DIR'];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});

afterEach(() => {
  vi.useRealTimers();
  setDevProblems([]);
  if (previousContentDir === undefined) delete process.env['CONTENT_DIR'];
  else process.env['CONTENT_DIR'] = previousContentDir;
});

describe('the content loader in the dev server', () => {
  it('reports broken content, then fills every collection from one validation once the save settles', async () => {
    const contentDir = await contentWithOverlay('broken/end-before-start');
    process.env['CONTENT_DIR'] = contentDir;
    const watcher = fakeWatcher();
    const stores = Object.fromEntries(COLLECTIONS.map((name) => [name, fakeContext(watcher)]));
    for (const name of COLLECTIONS) await contentLoader(name).load(stores[name]!.context);

    expect(devProblems().map((problem) => problem.field)).toEqual(['sessions[0].end']);
    for (const name of COLLECTIONS) expect(stores[name]!.entries.size).toBe(0);

    // An editor's save: the watcher reports the file while it is still empty (the truncate), and
    // the write that follows raises no second event (the watcher saw the same modification time).
    const file = path.join(contentDir, 'courses/fixture-course.md');
    const fixed = (await readFile(file, 'utf8')).replace('end: "15:00"', 'end: "18:00"');
    await writeFile(file, '');
    watcher.emit('all', 'change', file);
    await realDelay(50);
    await writeFile(file, fixed);

    await vi.runAllTimersAsync();
    await vi.waitFor(() => expect(stores['courses']!.entries.has('fixture-course')).toBe(true));
    expect(devProblems()).toEqual([]);
    for (const name of COLLECTIONS) expect(stores[name]!.entries.size, name).toBeGreaterThan(0);
  });

  it('reads the files again when the dev server restarts, so a save its old watcher left pending is not lost', async () => {
    const contentDir = await contentWithOverlay('broken/end-before-start');
    process.env['CONTENT_DIR'] = contentDir;
    const before = Object.fromEntries(
      COLLECTIONS.map((name) => [name, fakeContext(fakeWatcher())]),
    );
    const oldWatcher = fakeWatcher();
    for (const name of COLLECTIONS)
      await contentLoader(name).load({
        ...before[name]!.context,
        watcher: oldWatcher,
      } as unknown as LoaderContext);
    expect(devProblems().map((problem) => problem.field)).toEqual(['sessions[0].end']);

    // The fix is saved, and Vite restarts the server (re-optimising its dependencies) before the
    // old watcher's validation runs: only the new server's first load can pick the fix up.
    const file = path.join(contentDir, 'courses/fixture-course.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('end: "15:00"', 'end: "18:00"'));
    const newWatcher = fakeWatcher();
    const after = Object.fromEntries(COLLECTIONS.map((name) => [name, fakeContext(newWatcher)]));
    for (const name of COLLECTIONS) await contentLoader(name).load(after[name]!.context);

    expect(after['courses']!.entries.has('fixture-course')).toBe(true);
    expect(devProblems()).toEqual([]);
  });

  it('ignores files outside the content folder', async () => {
    const contentDir = await contentWithOverlay('broken/end-before-start');
    process.env['CONTENT_DIR'] = contentDir;
    const watcher = fakeWatcher();
    const { context } = fakeContext(watcher);
    await contentLoader('site').load(context);
    const problemsBefore = devProblems();

    watcher.emit('all', 'change', path.join(path.dirname(contentDir), 'elsewhere.md'));
    await vi.runAllTimersAsync();
    expect(devProblems()).toBe(problemsBefore);
  });
});
