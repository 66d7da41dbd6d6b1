/**
 * Runs one command and measures it: wall time, and peak memory of the whole process tree
 * (Astro starts workers, Pagefind runs a native binary, so the root's own RSS undercounts).
 * Linux only: memory comes from /proc.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import {
  CLOCK_TICKS,
  groupThreads,
  readThreads,
  statFields,
  type ThreadGroup,
  type ThreadReading,
} from './threads.ts';

export interface Measurement {
  ok: boolean;
  seconds: number;
  /**
   * CPU time (user + system) of the whole tree. Less sensitive than wall time to other work
   * on the machine, so it is the steadier figure on a shared or busy host.
   */
  cpuSeconds: number;
  /** Highest sum of VmRSS over the process and all its descendants, sampled every ~50 ms. */
  peakRssBytes: number;
  /**
   * CPU seconds of every thread of the tree, by process and thread name, from the same samples
   * (a thread that lives less than 50 ms between two of them is missed).
   */
  cpuByThread: ThreadGroup[];
  /** The end of stdout and stderr, for the report when the command failed. */
  outputTail: string;
}

const SAMPLE_MS = 50;
const TAIL_BYTES = 8_000;

/** Parent of each live process, from /proc/<pid>/stat (this kernel has no task/<tid>/children). */
function parentsByPid(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      // The parent is field 4 of stat(5), the second counted from the state.
      parents.set(pid, Number(statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'))[1]));
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return parents;
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** `root` and every live process below it, right now. */
export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, parent] of parentsByPid()) {
    const list = children.get(parent);
    if (list) list.push(pid);
    else children.set(parent, [pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * CPU seconds used so far by this process's reaped children, and theirs in turn (cutime and
 * cstime). Commands run one at a time, so the difference across one run is that run's tree.
 */
export function childrenCpuSeconds(): number {
  const fields = statFields(readFileSync('/proc/self/stat', 'utf8'));
  // Fields 16 and 17 of stat(5), counted from the state field (3).
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

export function measure(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measurement> {
  return new Promise((resolve) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_BYTES);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let peak = 0;
    const threads = new Map<string, ThreadReading>();
    const sample = () => {
      if (child.pid === undefined) return;
      let rss = 0;
      for (const pid of treePids(child.pid)) {
        rss += rssBytes(pid);
        for (const [key, reading] of readThreads(pid)) threads.set(key, reading);
      }
      peak = Math.max(peak, rss);
    };
    const timer = setInterval(sample, SAMPLE_MS);
    sample();
    const finish = (ok: boolean, extra = '') => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      resolve({
        ok,
        seconds,
        cpuSeconds: childrenCpuSeconds() - cpuBefore,
        peakRssBytes: peak,
        cpuByThread: groupThreads(threads.values()),
        outputTail: tail + extra,
      });
    };
    child.on('error', (error) => finish(false, `\n${error.message}`));
    child.on('close', (code, signal) =>
      finish(code === 0, code === 0 ? '' : `\n(exit ${code ?? signal})`),
    );
  });
}
