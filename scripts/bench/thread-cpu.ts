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
import { childrenCpuSeconds, treePids } from './measure.ts';
import { groupThreads, readThreads, type ThreadGroup, type ThreadReading } from './threads.ts';

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
  const cpuBefore = childrenCpuSeconds();
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
    `Exit ${code}, ${wall.toFixed(1)} s wall; CPU of the tree ${(childrenCpuSeconds() - cpuBefore).toFixed(1)} s, of the threads read ${(sum((g) => g.userSeconds) + sum((g) => g.systemSeconds)).toFixed(1)} s (user ${sum((g) => g.userSeconds).toFixed(1)}, system ${sum((g) => g.systemSeconds).toFixed(1)}).`,
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
