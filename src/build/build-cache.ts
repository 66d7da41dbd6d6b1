/**
 * What one build holds while it runs. First the project: Astro keeps generated modules for the
 * content (such as the map of content images) in the project's `.astro/` folder, whatever the
 * cache, so two builds of one project must take turns; the second waits. Then the build cache,
 * with a lock of its own (`cache.lock`, lock.ts): when a build of another project holds it, this
 * build works in a fresh cache of its own, thrown away at the end, so two builds of different
 * content never see each other's pages. Before use, Astro's part of the cache is checked against
 * the seal of the last finished build (cache-seal.ts); a finished build seals it again and lets
 * go of both locks.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acquireLock, waitForLock, type HeldLock } from './lock.ts';
import { processSingleton } from '../process/process-shared.ts';
import { sealAstroCache, verifyAstroCache, type SeenFiles } from './cache-seal.ts';

export interface BuildCache {
  /** The folder this build caches in: the configured one, or a private one when that is busy. */
  readonly dir: string;
  /** Whether `dir` is a private cache, thrown away when the build ends. */
  readonly isPrivate: boolean;
  /** Paths inside the cache that verification discarded (Astro renders them again). */
  readonly discarded: ReadonlySet<string>;
  /** Seals the cache as this build left it and lets go of it; for a build that finished. */
  finish(): Promise<void>;
}

/**
 * Takes the project at `root` (waiting for a build of it that runs), then the cache folder
 * `configuredDir`, or a private one if a build of another project has it.
 */
export async function openBuildCache(
  root: string,
  configuredDir: string,
  say: (line: string) => void,
): Promise<BuildCache> {
  // A build that failed earlier in this process never reached `finish`; builds in one process
  // run one after another, so its locks are let go now.
  const held = processSingleton('build-locks', () => new Set<HeldLock>());
  for (const lock of held) lock.releaseSync();
  held.clear();
  // Kept in the folder it guards, so two checkouts of the project never wait for each other.
  const project = await waitForLock(path.join(root, '.astro', 'build.lock'), (holder) =>
    say(`Waiting for another build of this project to finish (process ${holder.pid}).`),
  );
  held.add(project);
  process.once('exit', () => project.releaseSync());
  const cache = await openCacheFolder(path.resolve(configuredDir), say, held);
  return {
    ...cache,
    finish: async () => {
      await cache.finish();
      await project.release();
    },
  };
}

async function openCacheFolder(
  configured: string,
  say: (line: string) => void,
  held: Set<HeldLock>,
): Promise<BuildCache> {
  mkdirSync(configured, { recursive: true });
  const lockFile = path.join(configured, 'cache.lock');
  const taken = await acquireLock(lockFile);
  if ('busy' in taken) {
    const own = mkdtempSync(path.join(tmpdir(), 'ce-build-cache-'));
    process.once('exit', () => rmSync(own, { recursive: true, force: true }));
    say(
      `The build cache ${configured} is in use by another build (process ${taken.busy.pid}); this build uses a fresh cache of its own.`,
    );
    return { dir: own, isPrivate: true, discarded: new Set(), finish: async () => undefined };
  }
  const lock: HeldLock = taken.held;
  held.add(lock);
  // A build that fails or is stopped lets go of the cache when its process ends.
  process.once('exit', () => lock.releaseSync());
  let seen: SeenFiles;
  let discarded: string[];
  try {
    ({ seen, discarded } = await verifyAstroCache(configured));
  } catch (error) {
    await lock.release();
    throw error;
  }
  return {
    dir: configured,
    isPrivate: false,
    discarded: new Set(discarded),
    finish: async () => {
      await sealAstroCache(configured, seen);
      await lock.release();
    },
  };
}
