/**
 * A damaged build cache is detected, reported in one line, rebuilt and never published, and it
 * never blocks a later build. Each test damages a warm cache of content A one way, builds A,
 * and expects the site of a clean cold build of A; the build after it reports nothing, so the
 * damage does not persist.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildSite, runScript, type BuildRun } from '../helpers/build.ts';
import { contentA, contentB } from '../helpers/content-versions.ts';
import { snapshot } from '../helpers/site-files.ts';

const NOW = '2026-11-30T12:00:00Z';
const SEED = 'attachment-theory-treatment-effectiveness';
const SECOND = 'attachment-theory-second-cohort';

let a: string;
let b: string;
let siteA: Map<string, string>;
let siteB: Map<string, string>;
let work: string;
/** A warm cache of A, made once; each test starts from a copy of it. */
let warmCache: string;
let cacheDir: string;
let outDir: string;

function build(content: string): BuildRun {
  return runScript('build', {
    CONTENT_DIR: content,
    OUT_DIR: outDir,
    ASTRO_CACHE_DIR: cacheDir,
    SITE_NOW: NOW,
  });
}

/** Builds A, expects the clean site, and returns the lines the build printed about its cache. */
async function buildAFromDamage(): Promise<string[]> {
  const run = build(a);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(await snapshot(outDir)).toEqual(siteA);
  const reported = cacheLines(run);
  const next = build(a);
  expect(next.status, next.stderr).toBe(0);
  expect(cacheLines(next), 'the build after it finds the cache sound').toEqual([]);
  expect(await snapshot(outDir)).toEqual(siteA);
  return reported;
}

const cacheLines = (run: BuildRun) =>
  `${run.stdout}\n${run.stderr}`
    .split('\n')
    .filter((line) => /^(Cache entry |The build cache )/.test(line));

const inCache = (...parts: string[]) => path.join(cacheDir, ...parts);

async function onlyFile(folder: string): Promise<string> {
  const names = (await readdir(folder)).sort();
  return path.join(folder, names[0]!);
}

/** The citation cache files: A's two courses list four references, each in a pack of its own. */
async function citationFiles(): Promise<string[]> {
  const names = await readdir(inCache('citations'));
  const files = names.map((name) => inCache('citations', name));
  expect(files).toHaveLength(4);
  return files;
}

const bodyLength = (bytes: Buffer) => bytes.length - bytes.indexOf(10) - 1;

beforeAll(async () => {
  [a, b] = await Promise.all([contentA(), contentB()]);
  siteA = await snapshot(buildSite(a, NOW).outDir);
  siteB = await snapshot(buildSite(b, NOW).outDir);
  work = await mkdtemp(path.join(tmpdir(), 'ce-damaged-'));
  outDir = path.join(work, 'site');
  warmCache = path.join(work, 'warm-cache');
  cacheDir = warmCache;
  const run = build(a);
  expect(run.status, run.stderr).toBe(0);
});

beforeEach(async () => {
  cacheDir = path.join(work, `cache-${Math.random().toString(36).slice(2)}`);
  await cp(warmCache, cacheDir, { recursive: true });
});

afterAll(async () => {
  for (const dir of [a, b, work]) if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a damaged cache entry is rebuilt and reported, never published', () => {
  it('a truncated social image', async () => {
    const file = await onlyFile(inCache('og-images'));
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length - 500));
    expect(await buildAFromDamage()).toEqual([
      `Cache entry ${file} failed verification (${bodyLength(bytes) - 500} bytes where ${bodyLength(bytes)} were stored); it is discarded and made again.`,
    ]);
  });

  it('an emptied social image', async () => {
    const file = await onlyFile(inCache('og-images'));
    await writeFile(file, '');
    expect(await buildAFromDamage()).toEqual([
      `Cache entry ${file} failed verification (no header); it is discarded and made again.`,
    ]);
  });

  it("a cached page replaced by another course's page", async () => {
    await cp(
      inCache('dist', 'courses', SECOND, 'index.html'),
      inCache('dist', 'courses', SEED, 'index.html'),
      { preserveTimestamps: true },
    );
    expect(await buildAFromDamage()).toEqual([
      `The build cache ${cacheDir}: dist/courses/${SEED}/index.html does not match its digest in the seal of the last finished build; it is discarded and made again.`,
    ]);
  });

  it('a cached page cut short, and a cached calendar emptied', async () => {
    const page = inCache('dist', 'courses', SEED, 'index.html');
    await writeFile(page, (await readFile(page)).subarray(0, 2000));
    await writeFile(inCache('dist', 'courses', SECOND, 'calendar.ics'), '');
    expect(await buildAFromDamage()).toEqual([
      `The build cache ${cacheDir}: 2 files (dist/courses/${SECOND}/calendar.ics, dist/courses/${SEED}/index.html) do not match their digests in the seal of the last finished build; they are discarded and made again.`,
    ]);
  });

  it("another reference's entry in a citation cache file, and a garbled one", async () => {
    const [first, second] = await citationFiles();
    await writeFile(first!, await readFile(second!));
    const stored = await readFile(second!);
    await writeFile(
      second!,
      Buffer.concat([stored.subarray(0, stored.length - 10), Buffer.from('"}]garbled')]),
    );
    // Pages are rendered again, as after an upgrade of Astro, so they read the references.
    await rm(inCache('incremental-build.json'));
    const secondKey = path.basename(second!, '.json');
    expect((await buildAFromDamage()).sort()).toEqual(
      [
        `Cache entry ${first} failed verification (it holds the entry for another key (${secondKey})); it is discarded and made again.`,
        `Cache entry ${second} failed verification (its bytes do not match their digest); it is discarded and made again.`,
      ].sort(),
    );
  });

  it('an empty citation cache file (a kill while it was written) does not block the build', async () => {
    const [first] = await citationFiles();
    await writeFile(first!, '');
    await rm(inCache('incremental-build.json'));
    expect(await buildAFromDamage()).toEqual([
      `Cache entry ${first} failed verification (no header); it is discarded and made again.`,
    ]);
  });

  it.each([
    ['an empty manifest', ''],
    ['a garbled manifest', '{"version":1,"configHash":"'],
  ])('%s does not block the build, and its pages are rendered again', async (_, text) => {
    await writeFile(inCache('incremental-build.json'), text);
    const lines = await buildAFromDamage();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^The build cache ${cacheDir}: incremental-build\\.json does not match its digest in the seal of the last finished build, and without its manifest no cached page can be trusted; \\d+ files are discarded and made again\\.$`,
      ),
    );
  });

  it('a lost seal: nothing in the cache is trusted', async () => {
    await writeFile(inCache('cache-seal'), '');
    const lines = await buildAFromDamage();
    expect(lines[0]).toBe(
      `Cache entry ${inCache('cache-seal')} failed verification (no header); it is discarded and made again.`,
    );
    expect(lines[1]).toMatch(
      new RegExp(
        `^The build cache ${cacheDir} has no seal from a finished build \\(it predates sealed caches, or its seal was lost\\); its \\d+ files are discarded and made again\\.$`,
      ),
    );
    expect(lines).toHaveLength(2);
  });
});

describe('a damaged search index in the cache is indexed again', () => {
  const indexEntry = async () => onlyFile(inCache('search-index'));

  it.each([
    ['a garbage record', async (entry: string) => writeFile(path.join(entry, 'entry'), 'garbage')],
    [
      'a garbage Pagefind entry file',
      async (entry: string) => writeFile(path.join(entry, 'pagefind', 'pagefind-entry.json'), '{'),
    ],
    [
      'truncated index files',
      async (entry: string) => {
        const folder = path.join(entry, 'pagefind', 'index');
        for (const name of await readdir(folder)) await writeFile(path.join(folder, name), 'x');
      },
    ],
    [
      'its fragments gone',
      async (entry: string) => rm(path.join(entry, 'pagefind', 'fragment'), { recursive: true }),
    ],
  ])('%s', async (what, damage) => {
    const entry = await indexEntry();
    await damage(entry);
    const expected =
      what === 'a garbage record'
        ? `Cache entry ${path.join(entry, 'entry')} failed verification (no header); it is discarded and made again.`
        : `Cache entry ${entry} failed verification (its files do not match their digests); it is discarded and made again.`;
    expect(await buildAFromDamage()).toEqual([expected]);
  });
});

describe('a cache restored from another run', () => {
  it("a cache of B's build serves a build of A, and the other way round", async () => {
    const run = build(b);
    expect(run.status, run.stderr).toBe(0);
    expect(await snapshot(outDir)).toEqual(siteB);
    expect(cacheLines(run)).toEqual([]);
    // The same cache, restored into a later run from an older one: B's, then A's.
    const older = path.join(work, 'older-cache');
    await cp(cacheDir, older, { recursive: true });
    expect(build(a).status).toBe(0);
    expect(await snapshot(outDir)).toEqual(siteA);
    await rm(cacheDir, { recursive: true });
    await cp(older, cacheDir, { recursive: true });
    expect(await buildAFromDamage()).toEqual([]);
  });
});
