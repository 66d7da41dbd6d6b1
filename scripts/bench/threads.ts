/**
 * CPU time by thread, read from /proc: what `thread-cpu.ts` prints and what the benchmark
 * records for each build. A thread's last reading is its total, so the caller reads every
 * thread it can while the command runs and keeps the latest reading of each. Linux only.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second for /proc times; 100 on every Linux this runs on (getconf CLK_TCK). */
export const CLOCK_TICKS = 100;

export interface ThreadReading {
  /** The process's name (`comm`). */
  process: string;
  /** `(main)` for a process's main thread, the thread's own name for the others. */
  thread: string;
  userSeconds: number;
  systemSeconds: number;
}

/**
 * The fields of a /proc stat line after the name, from the state (field 3 of stat(5)) on. The
 * name is in parentheses and may hold spaces and parentheses itself, so they are counted from
 * the last ')'.
 */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** One thread's line of /proc/<pid>/task/<tid>/stat. */
export function parseTaskStat(stat: string): {
  name: string;
  userSeconds: number;
  systemSeconds: number;
} {
  const fields = statFields(stat);
  // utime and stime are fields 14 and 15 of stat(5), 12 and 13 counted from the state (3).
  return {
    name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    userSeconds: Number(fields[11]) / CLOCK_TICKS,
    systemSeconds: Number(fields[12]) / CLOCK_TICKS,
  };
}

export interface ThreadGroup {
  process: string;
  thread: string;
  threads: number;
  userSeconds: number;
  systemSeconds: number;
}

/** Threads of the same process and thread name added up, the costliest first. */
export function groupThreads(readings: Iterable<ThreadReading>): ThreadGroup[] {
  const groups = new Map<string, ThreadGroup>();
  for (const reading of readings) {
    const key = `${reading.process}\u0000${reading.thread}`;
    const group = groups.get(key) ?? {
      process: reading.process,
      thread: reading.thread,
      threads: 0,
      userSeconds: 0,
      systemSeconds: 0,
    };
    group.threads += 1;
    group.userSeconds += reading.userSeconds;
    group.systemSeconds += reading.systemSeconds;
    groups.set(key, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      b.userSeconds + b.systemSeconds - (a.userSeconds + a.systemSeconds) ||
      a.process.localeCompare(b.process) ||
      a.thread.localeCompare(b.thread),
  );
}

/** What a build's threads do, by the names Node, V8, libuv, Rolldown and Pagefind give them. */
export const THREAD_KINDS = [
  'Node main thread',
  'Node worker threads',
  "V8's helpers",
  "libuv's file threads",
  'Rolldown',
  'Pagefind',
  'other',
] as const;
export type ThreadKind = (typeof THREAD_KINDS)[number];

export function threadKind({ process, thread }: { process: string; thread: string }): ThreadKind {
  if (process.startsWith('pagefind')) return 'Pagefind';
  if (!process.startsWith('node')) return 'other';
  if (thread === '(main)') return 'Node main thread';
  if (thread === 'WorkerThread') return 'Node worker threads';
  if (thread === 'node-V8Worker') return "V8's helpers";
  if (thread === 'libuv-worker') return "libuv's file threads";
  if (thread === 'rolldown-worker') return 'Rolldown';
  return 'other';
}

/** CPU seconds (user + system) of each kind of thread, every kind present, in THREAD_KINDS order. */
export function cpuByKind(groups: readonly ThreadGroup[]): Record<ThreadKind, number> {
  const seconds = Object.fromEntries(THREAD_KINDS.map((kind) => [kind, 0])) as Record<
    ThreadKind,
    number
  >;
  for (const group of groups) seconds[threadKind(group)] += group.userSeconds + group.systemSeconds;
  return seconds;
}

/** Every thread of `pid`, read now, keyed `pid/tid`; nothing for a process that has ended. */
export function readThreads(pid: number): Map<string, ThreadReading> {
  const readings = new Map<string, ThreadReading>();
  try {
    const processName = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const { name, userSeconds, systemSeconds } = parseTaskStat(
        readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'),
      );
      readings.set(`${pid}/${tid}`, {
        process: processName,
        thread: tid === String(pid) ? '(main)' : name,
        userSeconds,
        systemSeconds,
      });
    }
  } catch {
    // The process or a thread ended between the listing and the read.
  }
  return readings;
}
