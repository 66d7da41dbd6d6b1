/**
 * A lock that keeps two processes out of one thing: the output folder (`dist.lock`, taken by
 * `npm run build`) and a build cache (`cache.lock`, taken by the site's integration). It is
 * crash-safe without a daemon or a native module, and a stale lock is taken over atomically.
 *
 * The lock is a folder of numbered generations. Each taking of the lock creates the file named
 * one above the highest number there (a hard link of a record written beforehand, so it appears
 * whole, and only one process can create a given name). Whoever created the highest number holds
 * the lock, until it adds `<n>.released` or its process ends. So nobody ever deletes a lock to
 * take it over, which is where a delete-then-create scheme lets two processes in: a lock found
 * released or stale is simply outbid by the next number, and of several processes that try,
 * exactly one creates it. The highest number is never deleted, so a number is never reused;
 * the holder clears the lower ones. A process counts as gone when it exited, is a zombie not yet
 * reaped, or its id now belongs to another program (the start time differs).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { link, lstat, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

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

/** A lock's record; a bare process id is what a lock file held before this module. */
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
    // Not a record written whole: nobody can be holding it.
  }
  return undefined;
}

export interface HeldLock {
  readonly lock: string;
  readonly holder: LockHolder;
  /** Whether this holder still holds the lock (checked before publishing anything). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
  /** For `process.on('exit')`, where nothing asynchronous runs. */
  releaseSync(): void;
}

export type LockResult = { held: HeldLock } | { busy: LockHolder };

const GENERATION = /^\d+$/;
const RELEASED = '.released';

interface Generations {
  highest: number;
  released: boolean;
  names: string[];
}

async function generations(lock: string): Promise<Generations> {
  const names = await readdir(lock);
  const numbers = names.filter((name) => GENERATION.test(name)).map(Number);
  const highest = numbers.length > 0 ? Math.max(...numbers) : -1;
  return { highest, released: names.includes(`${highest}${RELEASED}`), names };
}

/** The holder of generation `n`, or undefined when its file is gone or was never whole. */
async function holderOf(lock: string, n: number): Promise<LockHolder | undefined> {
  const text = await readFile(path.join(lock, String(n)), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseHolder(text);
}

/**
 * A lock file of the kind this module wrote before it used a folder: honoured while its holder
 * runs, otherwise removed so the folder can take its place.
 */
async function clearOldLockFile(lock: string): Promise<LockHolder | undefined> {
  const info = await lstat(lock).catch(() => undefined);
  if (!info || info.isDirectory()) return undefined;
  const holder = parseHolder(await readFile(lock, 'utf8').catch(() => ''));
  if (holder && holderRuns(holder)) return holder;
  await unlink(lock).catch(() => undefined);
  return undefined;
}

/** Takes the lock `lock` (a folder, made if missing), or says who holds it. */
export async function acquireLock(
  lock: string,
  holder: LockHolder = currentHolder(),
): Promise<LockResult> {
  const old = await clearOldLockFile(lock);
  if (old) return { busy: old };
  await mkdir(lock, { recursive: true });
  const record = JSON.stringify(holder);
  const own = path.join(lock, `new.${holder.pid}.${holder.token}`);
  await writeFile(own, record, { flag: 'wx' });
  try {
    // Bounded: each round ends with the lock taken, a running holder found, or a higher bid seen.
    for (let round = 0; round < 50; round += 1) {
      const { highest, released } = await generations(lock);
      if (highest >= 0 && !released) {
        const current = await holderOf(lock, highest);
        if (current && holderRuns(current)) return { busy: current };
      }
      const mine = highest + 1;
      try {
        await link(own, path.join(lock, String(mine)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      // A number freed by the clearing of an old generation can be taken again by a process
      // that listed long ago; a higher number then exists, and the lower bid steps back.
      const after = await generations(lock);
      if (after.highest !== mine) {
        await unlink(path.join(lock, String(mine))).catch(() => undefined);
        continue;
      }
      await clearBelow(lock, mine, after.names);
      return { held: heldLock(lock, mine, holder, record) };
    }
    throw new Error(`Could not take the lock ${lock}: it keeps changing hands.`);
  } finally {
    await unlink(own).catch(() => undefined);
  }
}

/** Removes the generations below the holder's and the records of contenders that are gone. */
async function clearBelow(lock: string, mine: number, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const number = /^(\d+)(?:\.released)?$/.exec(name)?.[1];
    const contender = /^new\.(\d+)\./.exec(name)?.[1];
    const stale =
      (number !== undefined && Number(number) < mine) ||
      (contender !== undefined && !processRuns(Number(contender)));
    if (stale) await rm(path.join(lock, name), { force: true });
  }
}

function heldLock(lock: string, mine: number, holder: LockHolder, record: string): HeldLock {
  let released = false;
  const releasedFile = path.join(lock, `${mine}${RELEASED}`);
  return {
    lock,
    holder,
    stillHeld: async () => {
      if (released) return false;
      const now = await generations(lock).catch(() => undefined);
      return (
        now?.highest === mine &&
        !now.released &&
        (await holderOf(lock, mine))?.token === holder.token
      );
    },
    release: async () => {
      if (released) return;
      released = true;
      await writeFile(releasedFile, record, { flag: 'wx' }).catch(() => undefined);
    },
    releaseSync: () => {
      if (released) return;
      released = true;
      try {
        if (!existsSync(releasedFile)) writeFileSync(releasedFile, record, { flag: 'wx' });
      } catch {
        // The folder is gone, or another process released it: nothing is held.
      }
    },
  };
}

/**
 * Takes `lock`, waiting while a running process holds it (as cargo waits for its build
 * folder): for what builds must take turns at, not refuse. `onWait` is told who holds it, once.
 */
export async function waitForLock(
  lock: string,
  onWait: (holder: LockHolder) => void,
): Promise<HeldLock> {
  let told = false;
  for (;;) {
    const result = await acquireLock(lock);
    if ('held' in result) return result.held;
    if (!told) onWait(result.busy);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
