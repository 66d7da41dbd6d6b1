import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CITATION_PACKAGES, cachedReferences } from '../../../src/build/citation-cache.ts';
import { versionsOf } from '../../../src/build/package-versions.ts';
import { formatReferences } from '../../../src/domain/citations.ts';
import { readingSchema } from '../../../src/collections/schemas/reading.ts';

const readings = [
  readingSchema.parse({
    type: 'book',
    authors: [{ family: 'Zed', given: 'A.' }],
    year: 2019,
    title: 'Last alphabetically',
    publisher: 'P',
  }),
  readingSchema.parse({
    type: 'book',
    authors: [{ family: 'Abel', given: 'B.' }],
    year: 2020,
    title: 'First alphabetically',
    publisher: 'P',
  }),
];

describe('cachedReferences', () => {
  it('returns what formatReferences returns, and stores it by content hash', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-citations-'));
    const expected = await formatReferences(readings);
    expect(await cachedReferences(readings, dir)).toEqual(expected);
    expect(await readdir(dir)).toHaveLength(1);
  }, 60_000);

  it('answers a second identical request from the cache, keeping APA order and the readings', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-citations-'));
    await cachedReferences(readings, dir);
    const again = await cachedReferences(structuredClone(readings), dir);
    expect(again.map((reference) => reference.reading.title)).toEqual([
      'First alphabetically',
      'Last alphabetically',
    ]);
    expect(await readdir(dir)).toHaveLength(1);
  }, 60_000);

  it('formats again after an upgrade of citation-js or citeproc: their versions are part of the key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-citations-'));
    const installed = versionsOf(CITATION_PACKAGES);
    expect(installed.map((version) => version.replace(/@[^@]+$/, ''))).toEqual([
      '@citation-js/core',
      '@citation-js/plugin-csl',
      'citeproc',
    ]);
    await cachedReferences(readings, dir, installed);
    await cachedReferences(readings, dir, installed);
    expect(await readdir(dir)).toHaveLength(1);
    await cachedReferences(
      readings,
      dir,
      installed.map((version) => (version.startsWith('citeproc@') ? 'citeproc@9.9.9' : version)),
    );
    expect(await readdir(dir)).toHaveLength(2);
  }, 60_000);
});
