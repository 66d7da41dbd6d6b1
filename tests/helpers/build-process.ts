/**
 * Builds run as child processes that a test can stop at a named point (src/build/fault-point.ts),
 * kill there with a signal, or let go on, and whose outcome it then reads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultPoint } from '../../src/build/fault-point.ts';
import { repoRoot } from './fixtures.ts';

export interface BuildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface BuildProcess {
  child: ChildProcess;
  /** Settles when the build has reached its pause point (rejects if it ended first). */
  paused: Promise<void>;
  /** Lets a paused build go on. */
  resume(): void;
  /** Kills the build with `signal` and waits for it to end. */
  kill(signal: NodeJS.Signals): Promise<BuildOutcome>;
  ended: Promise<BuildOutcome>;
}

/**
 * Starts `npm run build` with `environment`, pausing at `pauseAt` if given; `project` is the
 * folder of the project whose build script runs (this one unless a test copied it).
 */
export function startBuild(
  environment: Record<string, string>,
  pauseAt?: FaultPoint,
  project = repoRoot,
): BuildProcess {
  const ready = path.join(mkdtempSync(path.join(tmpdir(), 'ce-pause-')), 'ready');
  const child = spawn(process.execPath, [path.join(project, 'scripts/build.ts')], {
    cwd: project,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      ...environment,
      ...(pauseAt ? { CE_BUILD_PAUSE_AT: pauseAt, CE_BUILD_PAUSE_READY: ready } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<BuildOutcome>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  let done = false;
  void ended.then(() => (done = true));
  const paused = (async () => {
    if (pauseAt === undefined) return;
    // The build writes the file when it reaches the point: a known point, not a guess in time.
    while (!existsSync(ready) || readFileSync(ready, 'utf8') === '') {
      if (done) throw new Error(`the build ended before ${pauseAt}:\n${stdout}\n${stderr}`);
      await sleep(20);
    }
  })();
  // Awaited only by tests that pause; a build that ends first must not be an unhandled error.
  paused.catch(() => undefined);
  return {
    child,
    paused,
    ended,
    resume: () => rmSync(ready, { force: true }),
    kill: async (signal) => {
      child.kill(signal);
      return ended;
    },
  };
}

/** Waits until `condition` holds, checking every 20 ms, for at most `limit` ms. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  limit = 60_000,
): Promise<void> {
  for (const started = Date.now(); !condition(); await sleep(20))
    if (Date.now() - started > limit) throw new Error(`waited ${limit} ms for ${what}`);
}
