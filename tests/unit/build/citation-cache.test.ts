import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  CITATION_PACKAGES,
  cachedReferences,
  prepareReferences,
} from '../../../src/build/citation-cache.ts';
import { versionsOf } from '../../../src/build/package-versions.ts';
import { formatReferences } from '../../../src/domain/citations.ts';
import { readingSchema, type Reading } from '../../../src/collections/schemas/reading.ts';

const book = (family: string, year: number, title: string): Reading =>
  readingSchema.parse({
    type: 'book',
    authors: [{ family, given: 'A.' }],
    year,
    title,
    publisher: 'P',
  });

const readings = [
  book('Zed', 2019, 'Last alphabetically'),
  book('Abel', 2020, 'First alphabetically'),
];
/** The module as a new build process sees it: only the files of earlier builds are left. */
async function inNextProcess(): Promise<typeof import('../../../src/build/citation-cache.ts')> {
  for (const name of ['citation-references', 'citation-lists', 'citation-packs'])
    Reflect.deleteProperty(globalThis, Symbol.for(`ce-site.${name}`));
  vi.resetModules();
  return import('../../../src/build/citation-cache.ts');
}

const newDir = () => mkdtemp(path.join(tmpdir(), 'ce-citations-'));

describe('cachedReferences', () => {
  it('returns what formatReferences returns, and stores each reference in its pack (two here)', async () => {
    const dir = await newDir();
    const expected = await formatReferences(readings);
    expect(await cachedReferences(readings, dir)).toEqual(expected);
    expect(await readdir(dir)).toHaveLength(2);
  }, 60_000);

  it('answers a second identical request from the cache, keeping APA order and the readings', async () => {
    const dir = await newDir();
    await cachedReferences(readings, dir);
    const again = await cachedReferences(structuredClone(readings), dir);
    expect(again.map((reference) => reference.reading.title)).toEqual([
      'First alphabetically',
      'Last alphabetically',
    ]);
    expect(await readdir(dir)).toHaveLength(2);
  }, 60_000);

  it('formats again after an upgrade of citation-js or citeproc: their versions are part of the key', async () => {
    const dir = await newDir();
    const installed = versionsOf(CITATION_PACKAGES);
    expect(installed.map((version) => version.replace(/@[^@]+$/, ''))).toEqual([
      '@citation-js/core',
      '@citation-js/plugin-csl',
      'citeproc',
    ]);
    await cachedReferences(readings, dir, installed);
    await cachedReferences(readings, dir, installed);
    expect(await readdir(dir)).toHaveLength(2);
    await cachedReferences(
      readings,
      dir,
      installed.map((version) => (version.startsWith('citeproc@') ? 'citeproc@9.9.9' : version)),
    );
    expect(await readdir(dir)).toHaveLength(4);
  }, 60_000);

  it('formats a list whose readings may be cited alike (2019a, 2019b) whole, and caches it as one entry', async () => {
    const dir = await newDir();
    const twins = [
      book('Roe', 2019, 'Second'),
      book('Roe', 2019, 'First'),
      book('Abel', 2001, 'X'),
    ];
    const references = await cachedReferences(twins, dir);
    expect(references).toEqual(await formatReferences(twins));
    expect(references.map(({ text }) => text.slice(0, 16))).toEqual([
      'Abel, A. (2001).',
      'Roe, A. (2019a).',
      'Roe, A. (2019b).',
    ]);
    expect(await readdir(dir)).toHaveLength(1);
  }, 60_000);
});

describe('prepareReferences', () => {
  it('formats each distinct reference once, whatever lists share it, and the pages then find them', async () => {
    const dir = await newDir();
    const shared = book('Shared', 2010, 'In both lists');
    const lists = [
      [readings[0]!, shared],
      [shared, readings[1]!],
    ];
    expect(await prepareReferences(lists, dir)).toEqual({ references: 3, formatted: 3 });
    expect(await readdir(dir)).toHaveLength(3);
    for (const list of lists)
      expect(await cachedReferences(list, dir)).toEqual(await formatReferences(list));
    expect(await readdir(dir)).toHaveLength(3);
  }, 60_000);

  it('stores many references in at most 256 packs, which the next build reads whole', async () => {
    const dir = await newDir();
    const many = Array.from({ length: 300 }, (_, index) =>
      book(`Author${index}`, 1990 + (index % 30), `Title ${index}`),
    );
    const versions = ['@citation-js/core@packs'];
    expect(await prepareReferences([many], dir, versions)).toEqual({
      references: 300,
      formatted: 300,
    });
    const files = await readdir(dir);
    expect(files.length).toBeLessThanOrEqual(256);
    expect(files.length).toBeLessThan(many.length);
    const fresh = await inNextProcess();
    expect(await fresh.prepareReferences([many], dir, versions)).toEqual({
      references: 300,
      formatted: 0,
    });
    expect(await fresh.cachedReferences(many.slice(0, 3), dir, versions)).toEqual(
      await formatReferences(many.slice(0, 3)),
    );
  }, 60_000);

  it('formats on a worker thread exactly what it formats on this one, single references and whole lists', async () => {
    const many = Array.from({ length: 250 }, (_, index) =>
      book(`Writer${index}`, 1980 + (index % 40), `Book ${index}`),
    );
    const twins = [book('Roe', 2019, 'Second'), book('Roe', 2019, 'First')];
    const lists = [many, twins, [book('Poe', 2020, 'B'), book('Poe', 2020, 'A')]];
    const versions = ['@citation-js/core@worker'];
    const [here, onWorker] = [await newDir(), await newDir()];
    expect(await prepareReferences(lists, here, versions)).toEqual({
      references: 250,
      formatted: 250,
    });
    const fresh = await inNextProcess();
    expect(await fresh.prepareReferences(lists, onWorker, versions, { onWorker: true })).toEqual({
      references: 250,
      formatted: 250,
    });
    const files = (await readdir(here)).sort();
    expect(files.length).toBeGreaterThan(2);
    expect((await readdir(onWorker)).sort()).toEqual(files);
    for (const file of files)
      expect(await readFile(path.join(onWorker, file))).toEqual(
        await readFile(path.join(here, file)),
      );
    // What the pages then read: the lists, whole, as formatReferences gives them.
    expect(await fresh.cachedReferences(twins, onWorker, versions)).toEqual(
      await formatReferences(twins),
    );
  }, 60_000);

  it('rejects, naming the cause, when the worker thread cannot format a reference', async () => {
    // Content that bypassed the schema: a title that is not text.
    const broken = { ...book('Roe', 2019, 'Broken'), title: 42 } as unknown as Reading;
    const fresh = await inNextProcess();
    await expect(
      fresh.prepareReferences([[broken]], await newDir(), ['@citation-js/core@broken'], {
        onWorker: true,
      }),
    ).rejects.toThrow(new Error('Formatting references: text.replaceAll is not a function'));
  }, 60_000);

  it('reuses the entries of an earlier build and formats only the new references', async () => {
    const dir = await newDir();
    const versions = ['@citation-js/core@earlier-build'];
    await prepareReferences([readings], dir, versions);
    const fresh = await inNextProcess();
    expect(
      await fresh.prepareReferences([[...readings, book('New', 2021, 'Added')]], dir, versions),
    ).toEqual({
      references: 3,
      formatted: 1,
    });
  }, 60_000);

  it('reports a damaged entry in one line, discards it and formats the reference again', async () => {
    const dir = await newDir();
    const versions = ['@citation-js/core@damaged'];
    await prepareReferences([readings], dir, versions);
    const [name] = (await readdir(dir)).sort();
    const file = path.join(dir, name!);
    const stored = await readFile(file);
    await writeFile(file, stored.subarray(0, stored.length - 3));
    const fresh = await inNextProcess();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await fresh.prepareReferences([readings], dir, versions)).toEqual({
        references: 2,
        formatted: 1,
      });
      const length = stored.length - stored.indexOf(10) - 1;
      expect(warn.mock.calls).toEqual([
        [
          `Cache entry ${file} failed verification (${length - 3} bytes where ${length} were stored); it is discarded and made again.`,
        ],
      ]);
    } finally {
      warn.mockRestore();
    }
    expect(await readFile(file)).toEqual(stored);
  }, 60_000);
});
