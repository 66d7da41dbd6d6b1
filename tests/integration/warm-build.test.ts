/**
 * Rebuilds with a kept cache reuse unchanged course pages instead of rendering them (Astro's
 * incremental build, keyed by src/build/render-key.ts), and the site they produce is the one a
 * cold build produces, byte for byte; a changed course, a changed instructor and a course whose
 * status moved are rendered again. Builds go to one output folder, as an editor's do: Astro's
 * bundle holds the output path, so another folder means another build.
 */
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, runScript, type BuildRun } from '../helpers/build.ts';
import { realContentWith } from '../helpers/fixtures.ts';
import { snapshot } from '../helpers/site-files.ts';

const BEFORE_SEED = '2020-10-01T12:00:00Z';
const SEED = 'attachment-theory-treatment-effectiveness';
const FIXTURE = 'self-compassion-in-practice';

function coursePages(run: BuildRun): { rendered: number; reused: number } {
  const match = /Course pages: (\d+) rendered, (\d+) reused/.exec(run.stdout);
  if (!match) throw new Error(`no course page line in:\n${run.stdout}`);
  return { rendered: Number(match[1]), reused: Number(match[2]) };
}

let contentDir: string;
let cacheDir: string;
const build = async (now: string) => {
  const outDir = path.join(cacheDir, '..', 'dist');
  const run = runScript('build', {
    CONTENT_DIR: contentDir,
    OUT_DIR: outDir,
    SITE_NOW: now,
    ASTRO_CACHE_DIR: cacheDir,
  });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  // A copy of the site as built, since the next build replaces the folder.
  const kept = path.join(cacheDir, '..', `site-${Math.random().toString(36).slice(2)}`);
  await cp(outDir, kept, { recursive: true });
  return { run, outDir: kept };
};

beforeAll(async () => {
  contentDir = await realContentWith('e2e');
  cacheDir = path.join(await mkdtemp(path.join(tmpdir(), 'page-cache-build-')), 'cache');
});

describe('the course page cache across builds', () => {
  it('renders every course page cold, reuses them all warm, and both sites are identical', async () => {
    const cold = await build(BEFORE_SEED);
    expect(coursePages(cold.run)).toEqual({ rendered: 2, reused: 0 });
    expect(cold.run.stdout).toContain('Search index: 4 pages, indexed');
    const warm = await build(BEFORE_SEED);
    expect(coursePages(warm.run)).toEqual({ rendered: 0, reused: 2 });
    // No searchable page changed, so the search index is the cold build's, copied from the cache
    // (the snapshots below compare it too).
    expect(warm.run.stdout).toContain(
      'Search index: 4 pages, reused from the cache: no searchable page changed',
    );
    expect(await snapshot(warm.outDir)).toEqual(await snapshot(cold.outDir));
    // A reused course page's instructor photo is still in the site: the instructor page makes it.
    const photos = [
      ...(await readFile(path.join(warm.outDir, `courses/${FIXTURE}/index.html`), 'utf8')).matchAll(
        /\/_astro\/[\w.-]+\.webp/g,
      ),
    ].map((match) => match[0]);
    expect(photos.length).toBeGreaterThan(0);
    for (const photo of photos) expect(existsSync(path.join(warm.outDir, photo)), photo).toBe(true);
    // The reused pages are still listed in the sitemap and indexed for search.
    const sitemap = await readFile(path.join(warm.outDir, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`/courses/${SEED}/`);
    expect(sitemap).toContain(`/courses/${FIXTURE}/`);
    const entry = JSON.parse(
      await readFile(path.join(warm.outDir, 'pagefind/pagefind-entry.json'), 'utf8'),
    ) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages)[0]?.page_count).toBe(4);
  });

  it('renders again only what changed: an edited course, then a course whose instructor changed', async () => {
    await build(BEFORE_SEED);
    const seedFile = path.join(contentDir, `courses/${SEED}.md`);
    await writeFile(
      seedFile,
      `${await readFile(seedFile, 'utf8')}\nA sentence added by an editor.\n`,
    );
    const edited = await build(BEFORE_SEED);
    expect(coursePages(edited.run)).toEqual({ rendered: 1, reused: 1 });
    expect(edited.run.stdout).toContain('Search index: 4 pages, indexed');
    expect(
      await readFile(path.join(edited.outDir, `courses/${SEED}/index.html`), 'utf8'),
    ).toContain('A sentence added by an editor.');

    const instructorFile = path.join(contentDir, 'instructors/leslie-becker-phelps.md');
    await writeFile(
      instructorFile,
      (await readFile(instructorFile, 'utf8')).replace(
        /^name: .*$/m,
        'name: Leslie Becker-Phelps Renamed',
      ),
    );
    const renamed = await build(BEFORE_SEED);
    const page = await readFile(path.join(renamed.outDir, `courses/${SEED}/index.html`), 'utf8');
    expect(page).toContain('Leslie Becker-Phelps Renamed');
    expect(coursePages(renamed.run).rendered).toBeGreaterThanOrEqual(1);
  });

  it('renders a page again when its status changes, so a past course stops offering registration', async () => {
    const upcoming = await build(BEFORE_SEED);
    const before = await readFile(path.join(upcoming.outDir, `courses/${SEED}/index.html`), 'utf8');
    const past = await build('2021-01-01T12:00:00Z');
    const after = await readFile(path.join(past.outDir, `courses/${SEED}/index.html`), 'utf8');
    expect(coursePages(past.run).rendered).toBeGreaterThanOrEqual(1);
    expect(after).not.toBe(before);
    // The same page from a cold build at the same instant.
    const cold = buildSite(contentDir, '2021-01-01T12:00:00Z');
    expect(after).toBe(cold.read(`courses/${SEED}/index.html`));
  });
});
