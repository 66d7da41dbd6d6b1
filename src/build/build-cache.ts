/**
 * The build cache as one build at a time uses it. A build takes the cache's own lock
 * (`cache.lock`, lock.ts); when another running build holds it, this build works in a fresh
 * cache of its own, thrown away at the end, so two builds of different content never see each
 * other's pages. Before use, Astro's part of the cache is checked against the seal of the last
 * finished build (cache-seal.ts); a finished build seals it again and lets go of the lock.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acquireLock, removeLockLeftovers, type HeldLock } from './lock.ts';
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

/** Takes the cache folder `configured` for this build, or a private one if another build has it. */
export async function openBuildCache(
  configuredDir: string,
  say: (line: string) => void,
): Promise<BuildCache> {
  const configured = path.resolve(configuredDir);
  mkdirSync(configured, { recursive: true });
  const lockFile = path.join(configured, 'cache.lock');
  await removeLockLeftovers(lockFile);
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
