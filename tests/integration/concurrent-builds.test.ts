/**
 * Builds that run at the same time each publish their own site. Two builds of different content
 * into different folders, sharing one cache, used to publish each other's pages with exit 0 or
 * fail with ENOTEMPTY; output folders outside the project, or whose path merely starts with the
 * project's, used to share or lose Astro's prerender bundle. (A build that finds the cache held
 * by another project's build uses a private one: tests/unit/build/build-cache.test.ts.)
 */
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../helpers/build.ts';
import { startBuild, waitFor } from '../helpers/build-process.ts';
import { contentA, contentB } from '../helpers/content-versions.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { snapshot } from '../helpers/site-files.ts';

const NOW = '2026-11-30T12:00:00Z';

let a: string;
let b: string;
let siteA: Map<string, string>;
let siteB: Map<string, string>;
let work: string;

const environment = (content: string, outDir: string, cacheDir: string) => ({
  CONTENT_DIR: content,
  OUT_DIR: outDir,
  ASTRO_CACHE_DIR: cacheDir,
  SITE_NOW: NOW,
});

beforeAll(async () => {
  [a, b] = await Promise.all([contentA(), contentB()]);
  siteA = await snapshot(buildSite(a, NOW).outDir);
  siteB = await snapshot(buildSite(b, NOW).outDir);
  work = await mkdtemp(path.join(tmpdir(), 'ce-concurrent-'));
});

afterAll(async () => {
  for (const dir of [a, b, work]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two builds of different content sharing one cache', () => {
  it('take turns at the project: the second waits for the first, and each publishes its own site', async () => {
    const cache = path.join(work, 'shared-cache');
    const [outA, outB] = [path.join(work, 'a', 'site'), path.join(work, 'b', 'site')];
    // A holds the project and the cache (it pauses once its images are drawn).
    const first = startBuild(environment(a, outA, cache), 'social-images');
    await first.paused;
    const second = startBuild(environment(b, outB, cache));
    let said = '';
    second.child.stdout!.on('data', (chunk: Buffer) => (said += chunk.toString()));
    await waitFor(() => said.includes('Waiting'), 'the second build to wait');
    expect(said).toContain(
      `Waiting for another build of this project to finish (process ${first.child.pid}).`,
    );
    first.resume();
    const [doneA, doneB] = await Promise.all([first.ended, second.ended]);
    expect(doneA.code, doneA.stderr).toBe(0);
    expect(doneB.code, doneB.stderr).toBe(0);
    expect(await snapshot(outA)).toEqual(siteA);
    expect(await snapshot(outB)).toEqual(siteB);
  });

  it.each([1, 2])('started together, both publish their own site (run %i)', async (run) => {
    const cache = path.join(work, `race-cache-${run}`);
    const [outA, outB] = [path.join(work, `race-a-${run}`), path.join(work, `race-b-${run}`)];
    const [first, second] = await Promise.all([
      startBuild(environment(a, outA, cache)).ended,
      startBuild(environment(b, outB, cache)).ended,
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(await snapshot(outA)).toEqual(siteA);
    expect(await snapshot(outB)).toEqual(siteB);
  });
});

describe('output folders anywhere', () => {
  it('two builds into folders outside the project, at once, each with its own cache', async () => {
    const [outA, outB] = [path.join(work, 'outside-a'), path.join(work, 'outside-b')];
    const [first, second] = await Promise.all([
      startBuild(environment(a, outA, `${outA}-cache`)).ended,
      startBuild(environment(b, outB, `${outB}-cache`)).ended,
    ]);
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(0);
    expect(await snapshot(outA)).toEqual(siteA);
    expect(await snapshot(outB)).toEqual(siteB);
  });

  it("a folder whose path starts with the project's path (/x/site and /x/site-out)", async () => {
    // A copy of the project whose output folder is its sibling: /x/site builds into /x/site-out.
    const project = path.join(work, 'x', 'site');
    await mkdir(project, { recursive: true });
    for (const entry of [
      'src',
      'public',
      'scripts',
      'astro.config.mjs',
      'package.json',
      'package-lock.json',
      'tsconfig.json',
    ])
      await cp(path.join(repoRoot, entry), path.join(project, entry), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(project, 'node_modules'));
    const outDir = `${project}-out`;
    const built = await startBuild(environment(a, outDir, `${outDir}-cache`), undefined, project)
      .ended;
    expect(built.code, `${built.stdout}\n${built.stderr}`).toBe(0);
    expect(await snapshot(outDir)).toEqual(siteA);
  });
});
