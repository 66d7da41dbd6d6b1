/**
 * The build writes into a staging folder and replaces the output folder only when every step
 * succeeded. A course that passes validation but breaks while Astro renders the pages, and a
 * build killed half-way, both leave the previous site exactly as it was: every file there,
 * byte for byte, and no staging folder left behind by a failure the build could handle.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, runScript, type BuiltSite } from '../helpers/build.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { snapshot } from '../helpers/site-files.ts';
import { acquireLock } from '../../src/build/lock.ts';

const NOW = '2026-11-30T12:00:00Z';

/** What the build leaves beside the output folder, but for its lock folder: `<out>.staging`, `<out>.previous`. */
async function leftovers(outDir: string): Promise<string[]> {
  const siblings = await readdir(path.dirname(outDir));
  const lock = `${path.basename(outDir)}.lock`;
  return siblings
    .filter((name) => name.startsWith(`${path.basename(outDir)}.`) && name !== lock)
    .sort();
}

/** A course that validates (MDX is not checked) but throws while its page is rendered. */
const BREAKING_COURSE = `---
title: A Course That Breaks the Build
summary: Valid frontmatter; the MDX body throws while Astro renders the page.
instructors: [leslie-becker-phelps]
format: on-demand
timeZone: America/New_York
ceHours: 1
audience: Mental health professionals
levels: [beginner]
topics: [Attachment theory]
objectives:
  leadIn: "Participants will be able to:"
  items:
    - Watch a build fail.
approvals:
  - { board: apa, courseApproval: {} }
sponsors: [praxis-cet]
refundPolicy: on-demand-refund
---

{(() => { throw new Error('This course breaks the build mid-way') })()}
`;

const ON_DEMAND_POLICY = `name: On-demand refund policy
appliesTo: [on-demand]
tiers:
  - withinDays: 30
    outcome: refund
  - outcome: none
text: A full refund within 30 days.
`;

describe('an atomic build', () => {
  let site: BuiltSite;
  let before: Map<string, string>;
  let brokenContent: string;

  beforeAll(async () => {
    site = buildSite(path.join(repoRoot, 'content'), NOW);
    before = await snapshot(site.outDir);
    brokenContent = await mkdtemp(path.join(tmpdir(), 'ce-breaking-content-'));
    await cp(path.join(repoRoot, 'content'), brokenContent, { recursive: true });
    await writeFile(path.join(brokenContent, 'policies/on-demand-refund.yaml'), ON_DEMAND_POLICY);
    await writeFile(path.join(brokenContent, 'courses/breaks-the-build.mdx'), BREAKING_COURSE);
  });

  afterAll(async () => {
    for (const dir of [brokenContent, site?.outDir, site && `${site.outDir}-cache`])
      if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('starts from a complete site: every page the sitemap lists is there', () => {
    const sitemap = site.read('sitemap-0.xml');
    const pages = [
      ...sitemap.matchAll(/<loc>https:\/\/courses\.example\.org(\/[^<]*)<\/loc>/g),
    ].map((match) => decodeURIComponent(match[1] ?? ''));
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages)
      expect(before.has(path.join(page.slice(1), 'index.html')), page).toBe(true);
    expect(before.has('pagefind/pagefind.js')).toBe(true);
    expect(before.has('_headers')).toBe(true);
  });

  it('keeps the previous site, complete and unchanged, when a course breaks while pages are rendered', async () => {
    const run = runScript('build', {
      CONTENT_DIR: brokenContent,
      OUT_DIR: site.outDir,
      SITE_NOW: NOW,
      ASTRO_CACHE_DIR: `${site.outDir}-cache`,
      ASTRO_LOG_LEVEL: 'info',
    });
    expect(run.status).toBe(1);
    // It passed validation and failed inside Astro, after other pages had been written.
    expect(run.stdout).toMatch(/generating static routes/i);
    expect(run.stdout).toMatch(/index\.html/);
    expect(`${run.stdout}\n${run.stderr}`).toMatch(/This course breaks the build mid-way/);
    // Nothing buries the real error: the pages still rendering load their modules from a bundle
    // that no longer sits in the staging folder the failure removes.
    expect(`${run.stdout}\n${run.stderr}`).not.toMatch(
      /ERR_MODULE_NOT_FOUND|Cannot find (module|package)/,
    );
    expect(run.stderr).toMatch(/The build failed; .* is unchanged\./);
    expect(await snapshot(site.outDir)).toEqual(before);
    expect(await leftovers(site.outDir)).toEqual([]);
  });

  it('keeps the previous site unchanged when the build is killed half-way', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/build.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        ASTRO_TELEMETRY_DISABLED: '1',
        CONTENT_DIR: path.join(repoRoot, 'content'),
        OUT_DIR: site.outDir,
        SITE_NOW: NOW,
        ASTRO_CACHE_DIR: `${site.outDir}-cache`,
      },
      stdio: 'ignore',
    });
    const staging = `${site.outDir}.staging`;
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    // Kill it as soon as pages have started to appear in its staging folder.
    let written = 0;
    for (let attempt = 0; attempt < 1200 && child.exitCode === null; attempt += 1) {
      written = (await readdir(staging, { recursive: true }).catch(() => [])).filter((name) =>
        String(name).endsWith('.html'),
      ).length;
      if (written > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    child.kill('SIGKILL');
    await exited;
    expect(written, 'the build was killed after it had started writing pages').toBeGreaterThan(0);
    expect(await snapshot(site.outDir)).toEqual(before);
    // A killed process cannot clean up: its staging folder stays, beside an intact site; the
    // next build takes the lock over (its process is gone) and removes the staging folder.
    expect(await leftovers(site.outDir)).toEqual([path.basename(staging)]);
  });

  it('replaces the site when the next build succeeds', async () => {
    const run = runScript('build', {
      CONTENT_DIR: path.join(repoRoot, 'content'),
      OUT_DIR: site.outDir,
      SITE_NOW: '2020-10-01T12:00:00Z',
      ASTRO_CACHE_DIR: `${site.outDir}-cache`,
    });
    expect(run.status, run.stderr).toBe(0);
    const after = await snapshot(site.outDir);
    const pages = (files: Map<string, string>) =>
      [...files.keys()].filter((file) => file.endsWith('.html')).sort();
    expect(pages(after)).toEqual(pages(before));
    // Built before the course started, the course page now says it is upcoming.
    expect(after.get('courses/attachment-theory-treatment-effectiveness/index.html')).not.toBe(
      before.get('courses/attachment-theory-treatment-effectiveness/index.html'),
    );
    expect(await leftovers(site.outDir)).toEqual([]);
  });

  it('refuses to start while another running build holds the lock, and changes nothing', async () => {
    const before = await snapshot(site.outDir);
    // This test's own process stands in for a build that is still running.
    const taken = await acquireLock(`${site.outDir}.lock`);
    if (!('held' in taken)) throw new Error('the lock is not free');
    const run = runScript('build', {
      CONTENT_DIR: path.join(repoRoot, 'content'),
      OUT_DIR: site.outDir,
      SITE_NOW: NOW,
      ASTRO_CACHE_DIR: `${site.outDir}-cache`,
    });
    await taken.held.release();
    expect(run.status).toBe(1);
    const shown = path.relative(repoRoot, site.outDir);
    expect(run.stderr).toContain(
      `Another build into ${shown} is running (process ${process.pid}); wait for it to finish.\nNothing was built; ${shown} is unchanged.`,
    );
    expect(await snapshot(site.outDir)).toEqual(before);
  });

  it('builds into a folder on another filesystem than the project, the same site, twice', async () => {
    // /dev/shm is a memory filesystem on Linux: Astro's own rename of its assets cannot reach it.
    const [project, memory] = [
      await stat(path.join(repoRoot, 'node_modules')),
      await stat('/dev/shm'),
    ];
    expect(memory.dev, 'this test needs /dev/shm on a filesystem of its own').not.toBe(project.dev);
    const parent = await mkdtemp(path.join('/dev/shm', 'ce-other-fs-'));
    const outDir = path.join(parent, 'site');
    try {
      for (const run of ['cold', 'warm']) {
        const result = runScript('build', {
          CONTENT_DIR: path.join(repoRoot, 'content'),
          OUT_DIR: outDir,
          SITE_NOW: NOW,
          ASTRO_CACHE_DIR: `${site.outDir}-other-fs-cache`,
        });
        expect(result.status, `${run}: ${result.stderr}`).toBe(0);
        expect(await snapshot(outDir), run).toEqual(before);
        expect(await leftovers(outDir), run).toEqual([]);
      }
      const bundles = await readdir(path.join(repoRoot, 'node_modules', '.ce-build'));
      expect(bundles.filter((name) => name.startsWith('site-'))).toEqual([]);
    } finally {
      await rm(parent, { recursive: true, force: true });
      await rm(`${site.outDir}-other-fs-cache`, { recursive: true, force: true });
    }
  });

  it('builds into a folder whose parent does not exist yet', async () => {
    const outDir = path.join(
      await mkdtemp(path.join(tmpdir(), 'ce-new-parent-')),
      'a',
      'b',
      'site',
    );
    const run = runScript('build', {
      CONTENT_DIR: path.join(repoRoot, 'content'),
      OUT_DIR: outDir,
      SITE_NOW: NOW,
      ASTRO_CACHE_DIR: `${outDir}-cache`,
    });
    expect(run.status, run.stderr).toBe(0);
    expect((await snapshot(outDir)).has('index.html')).toBe(true);
    expect(await leftovers(outDir)).toEqual([]);
  });
});
