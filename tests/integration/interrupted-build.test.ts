/**
 * A build stopped at any point never publishes a wrong page and never loses the site. With a
 * warm cache from content A, a build of content B is stopped at each named point of the build
 * (src/build/fault-point.ts), with SIGKILL and with SIGINT (Ctrl-C); then A is built again and
 * must publish exactly what a clean cold build of A publishes, with nothing left beside it.
 * Before this, a build of B killed while pages rendered left B's pages in Astro's cache under
 * A's keys, and the revert published them with exit 0.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_POINTS, type FaultPoint } from '../../src/build/fault-point.ts';
import { buildSite, runScript } from '../helpers/build.ts';
import { startBuild, waitFor } from '../helpers/build-process.ts';
import { B_MARKER, COURSES, contentA, contentB } from '../helpers/content-versions.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { snapshot } from '../helpers/site-files.ts';

const NOW = '2026-11-30T12:00:00Z';

let a: string;
let b: string;
let siteA: Map<string, string>;
let siteB: Map<string, string>;
let work: string;
let outDir: string;
let cacheDir: string;
let shown: string;

const environment = (content: string) => ({
  CONTENT_DIR: content,
  OUT_DIR: outDir,
  ASTRO_CACHE_DIR: cacheDir,
  SITE_NOW: NOW,
});

/** What the build leaves beside the output folder, but for its lock folder. */
async function leftovers(): Promise<string[]> {
  const siblings = await readdir(work);
  const lock = `${path.basename(outDir)}.lock`;
  return siblings.filter((name) => name.startsWith(`${path.basename(outDir)}.`) && name !== lock);
}

/** Makes `holder` the holder of the output folder's lock, as if its build had been killed. */
async function lockHeldBy(holder: { pid: number; token: string }): Promise<void> {
  const lock = `${outDir}.lock`;
  await mkdir(lock, { recursive: true });
  const numbers = (await readdir(lock)).filter((name) => /^\d+$/.test(name)).map(Number);
  await writeFile(path.join(lock, String(Math.max(-1, ...numbers) + 1)), JSON.stringify(holder));
}

function buildA(): void {
  const run = runScript('build', environment(a));
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
}

beforeAll(async () => {
  [a, b] = await Promise.all([contentA(), contentB()]);
  // The references: clean cold builds, each in a folder and cache of its own.
  siteA = await snapshot(buildSite(a, NOW).outDir);
  siteB = await snapshot(buildSite(b, NOW).outDir);
  work = await mkdtemp(path.join(tmpdir(), 'ce-interrupted-'));
  outDir = path.join(work, 'site');
  cacheDir = path.join(work, 'cache');
  shown = path.relative(repoRoot, outDir);
  buildA();
});

afterAll(async () => {
  for (const dir of [a, b, work]) if (dir) await rm(dir, { recursive: true, force: true });
});

/** B's course pages are in Astro's cache: the state that used to poison the next build. */
const bPagesCached = () =>
  COURSES.every((course) => {
    const file = path.join(cacheDir, 'dist', 'courses', course, 'index.html');
    return existsSync(file) && readFileSync(file, 'utf8').includes(B_MARKER);
  });

const cases = FAULT_POINTS.flatMap((point) =>
  (['SIGKILL', 'SIGINT'] as const).map((signal) => [point, signal] as const),
);

describe('a build of other content stopped at each point, then the previous content built again', () => {
  it('starts from a site equal to a clean build of A', async () => {
    expect(siteA).not.toEqual(siteB);
    expect(await snapshot(outDir)).toEqual(siteA);
  });

  it.each(cases)('stopped at %s by %s', async (point: FaultPoint, signal) => {
    const build = startBuild(environment(b), point);
    await build.paused;
    if (point === 'rendering') await waitFor(bPagesCached, "B's pages in Astro's cache");
    // Ctrl-C during the swap lets the swap finish first (it takes a moment): let the pause go.
    const deferred = signal === 'SIGINT' && (point === 'swap' || point === 'swapped');
    const ending = build.kill(signal);
    if (deferred) build.resume();
    const stopped = await ending;
    if (signal === 'SIGKILL') expect(stopped.signal).toBe('SIGKILL');
    else {
      expect(stopped.code).toBe(130);
      expect(stopped.stderr).toContain(
        deferred
          ? `The build was stopped after ${shown} was replaced.`
          : `The build was stopped; ${shown} is unchanged.`,
      );
    }
    // What the stop left: the old site, or the new one; between the swap's two renames the old
    // site waits beside the folder, and the next build puts it back first.
    const published = signal === 'SIGINT' && deferred ? siteB : point === 'swapped' ? siteB : siteA;
    if (point === 'swap' && signal === 'SIGKILL') {
      expect(existsSync(outDir)).toBe(false);
      expect(await snapshot(`${outDir}.previous`)).toEqual(siteA);
    } else expect(await snapshot(outDir)).toEqual(published);

    buildA();
    expect(await snapshot(outDir)).toEqual(siteA);
    expect(await leftovers()).toEqual([]);
  });

  it('puts the old site back before a build that then fails, when a kill fell between the swap', async () => {
    const build = startBuild(environment(b), 'swap');
    await build.paused;
    await build.kill('SIGKILL');
    expect(existsSync(outDir)).toBe(false);
    // Content that passes validation and breaks while pages render.
    const breaking = await contentA();
    await writeFile(
      path.join(breaking, 'courses', 'self-compassion-in-practice.mdx'),
      readFileSync(path.join(breaking, 'courses', 'self-compassion-in-practice.md'), 'utf8') +
        "\n{(() => { throw new Error('This course breaks the build') })()}\n",
    );
    await rm(path.join(breaking, 'courses', 'self-compassion-in-practice.md'));
    const failed = runScript('build', environment(breaking));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`The build failed; ${shown} is unchanged.`);
    expect(await snapshot(outDir)).toEqual(siteA);
    expect(await leftovers()).toEqual([]);
    await rm(breaking, { recursive: true, force: true });
  });
});

describe('the lock on the output folder', () => {
  it('does not count a killed build that is not yet reaped (a zombie) as running', async () => {
    // `sleep 0` exits at once, and its parent, now `sleep 30`, never reaps it.
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const zombie = await new Promise<number>((resolve) =>
      parent.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
    );
    const state = () => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0];
    await waitFor(() => state() === 'Z', 'the child to become a zombie', 5_000);
    await lockHeldBy({ pid: zombie, token: 'zombie' });
    const run = runScript('build', environment(a));
    parent.kill();
    expect(run.status, run.stderr).toBe(0);
    expect(await snapshot(outDir)).toEqual(siteA);
    expect(await leftovers()).toEqual([]);
  });

  it('lets exactly one of three builds take over a stale lock at once; the others stop and change nothing', async () => {
    await lockHeldBy({ pid: 2 ** 22 + 7, token: 'gone' });
    // Each pauses once it holds the lock, so the other two meet a running holder.
    const builds = [0, 1, 2].map(() => startBuild(environment(b), 'locked'));
    const outcomes = builds.map((build) =>
      Promise.race([build.paused.then(() => 'paused' as const), build.ended]),
    );
    const first = await Promise.all(outcomes);
    const winners = builds.filter((_, index) => first[index] === 'paused');
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    for (const outcome of first) {
      if (outcome === 'paused') continue;
      expect(outcome.code).toBe(1);
      expect(outcome.stderr).toContain(
        `Another build into ${shown} is running (process ${winner.child.pid}); wait for it to finish.\nNothing was built; ${shown} is unchanged.`,
      );
    }
    expect(await snapshot(outDir)).toEqual(siteA);
    winner.resume();
    const done = await winner.ended;
    expect(done.code, done.stderr).toBe(0);
    expect(await snapshot(outDir)).toEqual(siteB);
    buildA();
    expect(await leftovers()).toEqual([]);
  });
});
