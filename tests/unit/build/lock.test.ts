import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  acquireLock,
  currentHolder,
  holderRuns,
  type LockHolder,
} from '../../../src/build/lock.ts';
import { repoRoot } from '../../helpers/fixtures.ts';

let dir: string;
let lockFile: string;
/** A process id that no process has: above Linux's largest (2^22). */
const GONE = 2 ** 22 + 11;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ce-lock-'));
  lockFile = path.join(dir, 'site.lock');
});

/** A process that has exited but that its parent never reaps: a zombie. */
async function zombie(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  for (let tries = 0; tries < 250; tries += 1) {
    if (readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z')) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { pid, stop: () => parent.kill() };
}

describe('acquireLock', () => {
  it('takes a free lock, refuses it to another holder while held, and frees it on release', async () => {
    const first = await acquireLock(lockFile);
    expect('held' in first).toBe(true);
    const other: LockHolder = { ...currentHolder(), token: 'another' };
    const second = await acquireLock(lockFile, other);
    expect(second).toEqual({ busy: (first as { held: { holder: LockHolder } }).held.holder });
    if ('held' in first) {
      expect(await first.held.stillHeld()).toBe(true);
      await first.held.release();
      expect(await first.held.stillHeld()).toBe(false);
    }
    // Released: the next taker outbids it, and clears the older generation.
    expect('held' in (await acquireLock(lockFile, other))).toBe(true);
    expect((await readdir(lockFile)).sort()).toEqual(['1']);
  });

  it.each([
    ['an exited process', () => JSON.stringify({ pid: GONE, token: 't' })],
    ['a bare process id of an exited process (older locks)', () => String(GONE)],
    ['a half-written record', () => '{"pid":'],
    ['an empty file', () => ''],
    [
      'a running process id that another program now has (its start time differs)',
      () => JSON.stringify({ pid: process.pid, started: '1', token: 't' }),
    ],
  ])('takes over a lock held by %s', async (_, record) => {
    await mkdir(lockFile);
    await writeFile(path.join(lockFile, '4'), record());
    const result = await acquireLock(lockFile);
    expect('held' in result).toBe(true);
    expect(JSON.parse(await readFile(path.join(lockFile, '5'), 'utf8'))).toEqual(holderOf(result));
    expect(await readdir(lockFile)).toEqual(['5']);
  });

  it.each([
    ['an exited process', () => String(GONE), true],
    ['a running process', () => String(process.pid), false],
  ])(
    'honours a lock file of the older kind held by %s only while it runs',
    async (_, record, taken) => {
      await writeFile(lockFile, record());
      const result = await acquireLock(lockFile);
      expect('held' in result).toBe(taken);
      if (!taken)
        expect(result).toEqual({ busy: { pid: process.pid, token: String(process.pid) } });
    },
  );

  it('takes over a lock whose holder is a zombie (exited, not yet reaped)', async () => {
    const { pid, stop } = await zombie();
    try {
      expect(holderRuns({ pid })).toBe(false);
      await mkdir(lockFile);
      await writeFile(path.join(lockFile, '0'), JSON.stringify({ pid, token: 'z' }));
      expect('held' in (await acquireLock(lockFile))).toBe(true);
    } finally {
      stop();
    }
  });

  it('lets exactly one of twelve processes take a stale lock at once, round after round', async () => {
    const rounds = 5;
    for (let round = 0; round < rounds; round += 1) {
      // Each round starts from a stale lock: the last round's holder exited without letting go.
      if (round === 0) {
        await mkdir(lockFile);
        await writeFile(path.join(lockFile, '0'), JSON.stringify({ pid: GONE, token: 'gone' }));
      }
      const start = path.join(dir, `start-${round}`);
      const stop = path.join(dir, `stop-${round}`);
      let told = 0;
      let allTold: () => void;
      const everyoneTold = new Promise<void>((resolve) => (allTold = resolve));
      const contenders = Array.from({ length: 12 }, () => {
        const child = spawn(
          process.execPath,
          [path.join(repoRoot, 'tests/helpers/lock-contender.ts'), lockFile, start, stop],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let said = '';
        child.stdout.on('data', (chunk: Buffer) => {
          said += chunk.toString();
          if (said.endsWith('\n') && (told += 1) === 12) allTold();
        });
        return new Promise<string>((resolve) => child.on('close', () => resolve(said.trim())));
      });
      // Let every contender start and wait at the line before the race begins.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await writeFile(start, '');
      // The holder keeps the lock until every contender has had its answer, so a contender
      // the machine's load delays cannot find the lock stale and rightly take it.
      await everyoneTold;
      await writeFile(stop, '');
      const outcomes = await Promise.all(contenders);
      expect(
        outcomes.filter((outcome) => outcome === 'held'),
        `round ${round}`,
      ).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'busy')).toHaveLength(11);
      // One generation a round, each outbidding the last, whose holder exited holding it.
      expect(await readdir(lockFile)).toEqual([String(round + 1)]);
    }
  }, 60_000);
});

function holderOf(result: Awaited<ReturnType<typeof acquireLock>>): LockHolder {
  if (!('held' in result)) throw new Error('not held');
  return result.held.holder;
}

describe('a held lock', () => {
  it('is no longer held once a later taker outbids a release, and clears what exited contenders left', async () => {
    const first = await acquireLock(lockFile);
    if (!('held' in first)) throw new Error('not held');
    await writeFile(path.join(lockFile, `new.${GONE}.abcd`), '{}');
    await writeFile(path.join(lockFile, `new.${process.pid}.beef`), '{}');
    first.held.releaseSync();
    expect(await first.held.stillHeld()).toBe(false);
    const second = await acquireLock(lockFile);
    if (!('held' in second)) throw new Error('not held');
    expect(await second.held.stillHeld()).toBe(true);
    expect((await readdir(lockFile)).sort()).toEqual(['1', `new.${process.pid}.beef`]);
  });
});
