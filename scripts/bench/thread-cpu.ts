/**
 * Where a command's CPU time goes, thread by thread:
 *
 *   npx node scripts/bench/thread-cpu.ts -- node scripts/build.ts
 *
 * runs the command, reads every thread of it and of its descendants from /proc every 50 ms, and
 * prints user and system seconds per process and thread name: Node's main thread, its worker
 * threads (social images, references), V8's helpers (concurrent garbage collection and
 * compilation), libuv's file threads, Rolldown's and Pagefind's. A thread's last reading is its
 * total, so a thread that lives less than 50 ms is missed; the sum is printed beside the
 * process tree's own total (from the kernel, when the command is reaped) to show how much.
 * Linux only.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { CLOCK_TICKS, treePids } from './measure.ts';

export interface ThreadReading {
  /** The process's name (`comm`) for its main thread, the thread's own name for the others. */
  process: string;
  thread: string;
  userSeconds: number;
  systemSeconds: number;
}

/**
 * One thread's line of /proc/<pid>/task/<tid>/stat. The name is in parentheses and may hold
 * spaces and parentheses itself, so the fields are counted from the last ')'.
 */
export function parseTaskStat(stat: string): {
  name: string;
  userSeconds: number;
  systemSeconds: number;
} {
  const close = stat.lastIndexOf(')');
  const fields = stat.slice(close + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5), 12 and 13 counted from the state (3).
  return {
    name: stat.slice(stat.indexOf('(') + 1, close),
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

/** Every thread of `pid`, read now; nothing for a process that has ended. */
function readThreads(pid: number): Map<string, ThreadReading> {
  const readings = new Map<string, ThreadReading>();
  try {
    const processName = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const { name, userSeconds, systemSeconds } = parseTaskStat(
        readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'),
      );
      const thread = tid === String(pid) ? '(main)' : name;
      readings.set(`${pid}/${tid}`, {
        process: processName,
        thread,
        userSeconds,
        systemSeconds,
      });
    }
  } catch {
    // The process or thread ended between the listing and the read.
  }
  return readings;
}

function treeCpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

async function main(): Promise<void> {
  const separator = process.argv.indexOf('--');
  const [command, ...args] = process.argv.slice(separator === -1 ? 2 : separator + 1);
  if (command === undefined) {
    console.error('Usage: npx node scripts/bench/thread-cpu.ts -- <command> [arguments…]');
    process.exitCode = 2;
    return;
  }
  const latest = new Map<string, ThreadReading>();
  const started = performance.now();
  const cpuBefore = treeCpuSeconds();
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const sample = () => {
    if (child.pid === undefined) return;
    for (const pid of treePids(child.pid)) {
      for (const [key, reading] of readThreads(pid)) latest.set(key, reading);
    }
  };
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const groups = groupThreads(latest.values());
  const sum = (pick: (group: ThreadGroup) => number) =>
    groups.reduce((total, group) => total + pick(group), 0);
  console.log(
    `Exit ${code}, ${wall.toFixed(1)} s wall; CPU of the tree ${(treeCpuSeconds() - cpuBefore).toFixed(1)} s, of the threads read ${(sum((g) => g.userSeconds) + sum((g) => g.systemSeconds)).toFixed(1)} s (user ${sum((g) => g.userSeconds).toFixed(1)}, system ${sum((g) => g.systemSeconds).toFixed(1)}).`,
  );
  console.log(
    '\n| process | thread | threads | user s | system s |\n| --- | --- | ---: | ---: | ---: |',
  );
  for (const group of groups) {
    if (group.userSeconds + group.systemSeconds < 0.05) continue;
    console.log(
      `| ${group.process} | ${group.thread} | ${group.threads} | ${group.userSeconds.toFixed(2)} | ${group.systemSeconds.toFixed(2)} |`,
    );
  }
}

if (import.meta.main) await main();
