import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { sealAstroCache, verifyAstroCache } from '../../../src/build/cache-seal.ts';

let cache: string;
const lines: string[] = [];
const report = (line: string) => void lines.push(line);

async function put(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(cache, file)), { recursive: true });
  await writeFile(path.join(cache, file), text);
}

async function files(): Promise<string[]> {
  const entries = await readdir(cache, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(cache, path.join(entry.parentPath, entry.name)))
    .sort();
}

beforeEach(async () => {
  cache = await mkdtemp(path.join(tmpdir(), 'ce-seal-'));
  lines.length = 0;
  await put('incremental-build.json', '{"routes":{}}');
  await put('data-store.json', '{}');
  await put('dist/courses/a/index.html', '<p>A</p>');
  await put('dist/courses/b/index.html', '<p>B</p>');
  // The build's own caches verify their entries themselves and are not sealed.
  await put('og-images/x.png', 'not checked here');
});

describe('the seal of Astro’s cache', () => {
  it('keeps everything a finished build sealed', async () => {
    await sealAstroCache(cache);
    const verified = await verifyAstroCache(cache, report);
    expect(verified.discarded).toEqual([]);
    expect(lines).toEqual([]);
    expect([...verified.seen.keys()].sort()).toEqual([
      'data-store.json',
      'dist/courses/a/index.html',
      'dist/courses/b/index.html',
      'incremental-build.json',
    ]);
  });

  it('discards a page a stopped build rewrote, and a file no finished build wrote', async () => {
    await sealAstroCache(cache);
    await put('dist/courses/a/index.html', '<p>B</p>');
    await put('dist/courses/c/index.html', '<p>C</p>');
    const { discarded } = await verifyAstroCache(cache, report);
    expect(discarded).toEqual(['dist/courses/a/index.html', 'dist/courses/c/index.html']);
    expect(lines).toEqual([
      `The build cache ${cache}: 2 files (dist/courses/a/index.html, dist/courses/c/index.html) do not match their digests in the seal of the last finished build; they are discarded and made again.`,
    ]);
    expect(await files()).toEqual([
      'cache-seal',
      'data-store.json',
      'dist/courses/b/index.html',
      'incremental-build.json',
      'og-images/x.png',
    ]);
  });

  it('discards every cached page when the manifest that keys them does not match', async () => {
    await sealAstroCache(cache);
    await put('incremental-build.json', '');
    const { discarded } = await verifyAstroCache(cache, report);
    expect(discarded).toEqual([
      'dist/courses/a/index.html',
      'dist/courses/b/index.html',
      'incremental-build.json',
    ]);
    expect(lines).toEqual([
      `The build cache ${cache}: incremental-build.json does not match its digest in the seal of the last finished build, and without its manifest no cached page can be trusted; 3 files are discarded and made again.`,
    ]);
  });

  it('trusts nothing when there is no seal, and says so', async () => {
    const { discarded } = await verifyAstroCache(cache, report);
    expect(discarded).toHaveLength(4);
    expect(lines).toEqual([
      `The build cache ${cache} has no seal from a finished build (it predates sealed caches, or its seal was lost); its 4 files are discarded and made again.`,
    ]);
    expect(await files()).toEqual(['og-images/x.png']);
  });

  it('seals again without hashing files the build did not touch, and hashes those it rewrote', async () => {
    await sealAstroCache(cache);
    const { seen } = await verifyAstroCache(cache, report);
    // A build rewrites one page with other bytes of the same length, then seals.
    await put('dist/courses/a/index.html', '<p>Z</p>');
    await sealAstroCache(cache, seen);
    await rm(path.join(cache, 'dist/courses/b/index.html'));
    expect((await verifyAstroCache(cache, report)).discarded).toEqual([]);
    expect(lines).toEqual([]);
  });
});
