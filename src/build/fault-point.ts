/**
 * Named points where a test can stop a build, to prove that a kill at any of them never
 * publishes a wrong page nor loses the site. With `CE_BUILD_PAUSE_AT=<point>` and
 * `CE_BUILD_PAUSE_READY=<file>`, the build writes its process id to that file at the point and
 * waits there until the file is deleted (the build goes on) or the process is killed (SIGKILL,
 * or SIGINT as Ctrl-C sends). Without the variables a point costs one comparison.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildPauseSetting } from '../process/environment.ts';

export const FAULT_POINTS = [
  'locked',
  'social-images',
  'rendering',
  'pages-written',
  'search-index-stored',
  'sealed',
  'swap',
  'swapped',
] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export const pauseRequested = (point: FaultPoint): boolean => buildPauseSetting()?.at === point;

export async function faultPoint(point: FaultPoint): Promise<void> {
  const pause = buildPauseSetting();
  if (pause?.at !== point) return;
  const ready = pause.readyFile;
  writeFileSync(ready, `${process.pid} ${point}`);
  // Polling leaves the event loop free, so a SIGINT handler still runs while paused.
  while (existsSync(ready)) await sleep(20);
}
