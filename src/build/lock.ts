/**
 * A lock file that keeps two processes out of one folder: the output folder (`dist.lock`, taken
 * by `npm run build`) and a build cache (taken by the site's integration). Crash-safe without a
 * daemon or a native module:
 *
 * - The lock is created whole and atomically: the holder's record is written to a file of its
 *   own, then hard-linked to the lock's name, which fails if the name exists.
 * - A lock whose holder is gone (exited, killed, a zombie not yet reaped, or its process id
 *   reused by another program) is stale. It is broken by renaming that exact file away, which
 *   only one process can do; a process that finds it moved someone else's fresh lock puts it
 *   back. Then the contenders race for the hard link again, and exactly one wins.
 */
import { link, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readFileSync, unlinkSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

/** Who holds a lock: a process, told apart from a later process that reuses its id. */
export interface LockHolder {
  pid: number;
  /** The process's start time in clock ticks since boot (Linux), so a reused id is not taken for it. */
  started?: string;
  token: string;
}

/** Linux's /proc/<pid>/stat: the state letter and the start time, or undefined elsewhere. */
function processStat(pid: number): { state: string; started: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', started: fields[19] ?? '' };
  } catch {
    return undefined;
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that took a lock still runs: not exited, not a zombie, not another program under its id. */
export function holderRuns(holder: Pick<LockHolder, 'pid' | 'started'>): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0 || !processRuns(holder.pid)) return false;
  const stat = processStat(holder.pid);
  if (stat === undefined) return true;
  // Z: exited, waiting for its parent to reap it; X: dead.
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return holder.started === undefined || holder.started === stat.started;
}

export function currentHolder(): LockHolder {
  const started = processStat(process.pid)?.started;
  return {
    pid: process.pid,
    ...(started === undefined ? {} : { started }),
    token: randomBytes(8).toString('hex'),
  };
}

/** A lock's record; a bare process id is what locks before this module held. */
export function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder> | number;
    if (typeof value === 'number') return { pid: value, token: String(value) };
    if (typeof value.pid === 'number' && typeof value.token === 'string')
      return {
        pid: value.pid,
        token: value.token,
        ...(typeof value.started === 'string' ? { started: value.started } : {}),
      };
  } catch {
    // Not a record this module wrote whole: nobody can be holding it.
  }
  return undefined;
}

export interface HeldLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Whether the lock file is still this holder's (checked before publishing anything). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
  /** For `process.on('exit')`, where nothing asynchronous runs. */
  releaseSync(): void;
}

export type LockResult = { held: HeldLock } | { busy: LockHolder };

const readText = (file: string) => readFile(file, 'utf8').catch(() => undefined);

async function moveAwayIfStill(lockFile: string, seen: string, aside: string): Promise<void> {
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // Between reading the stale lock and moving it, another process may have broken it and taken
  // the lock itself: that lock is not ours to break, so it goes back unless a third took the name.
  if ((await readText(aside)) !== seen) await link(aside, lockFile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Takes `lockFile`, or says who holds it. Stale locks are broken (see the module comment). */
export async function acquireLock(
  lockFile: string,
  holder: LockHolder = currentHolder(),
): Promise<LockResult> {
  const record = JSON.stringify(holder);
  const own = `${lockFile}.${holder.pid}.${holder.token}.new`;
  await writeFile(own, record, { flag: 'wx' });
  try {
    // Bounded: each round either takes the lock, finds a running holder, or removes a stale one.
    for (let round = 0; round < 50; round += 1) {
      try {
        await link(own, lockFile);
        return { held: heldLock(lockFile, holder, record) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = await readText(lockFile);
      if (seen === undefined) continue;
      const current = parseHolder(seen);
      if (current && holderRuns(current)) return { busy: current };
      await moveAwayIfStill(lockFile, seen, `${lockFile}.${holder.pid}.${holder.token}.stale`);
    }
    throw new Error(`Could not take the lock ${lockFile}: it keeps changing hands.`);
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

function heldLock(file: string, holder: LockHolder, record: string): HeldLock {
  let released = false;
  return {
    file,
    holder,
    stillHeld: async () => !released && (await readText(file)) === record,
    release: async () => {
      if (released) return;
      released = true;
      if ((await readText(file)) === record) await unlink(file).catch(() => undefined);
    },
    releaseSync: () => {
      if (released) return;
      released = true;
      try {
        if (readFileSync(file, 'utf8') === record) unlinkSync(file);
      } catch {
        // Already gone.
      }
    },
  };
}

/**
 * Removes the files a killed contender left beside the lock (`<lock>.<pid>.<token>.new` or
 * `.stale`): a process that is gone cannot be mid-way through using them.
 */
export async function removeLockLeftovers(lockFile: string): Promise<void> {
  const prefix = `${path.basename(lockFile)}.`;
  const names = await readdir(path.dirname(lockFile)).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^(\d+)\.[0-9a-f]+\.(new|stale)$/.exec(name.slice(prefix.length));
    if (name.startsWith(prefix) && match && !processRuns(Number(match[1])))
      await unlink(path.join(path.dirname(lockFile), name)).catch(() => undefined);
  }
}
