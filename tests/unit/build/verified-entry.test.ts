import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  encodeEntry,
  entryProblem,
  readEntry,
  writeEntry,
} from '../../../src/build/verified-entry.ts';

const payload = Buffer.from('the formatted references of one course');

describe('a verified cache entry', () => {
  it('gives back what was stored under its key', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-entry-'));
    const file = path.join(dir, 'a', 'k1.json');
    await writeEntry(file, 'k1', payload);
    expect(Buffer.from((await readEntry(file, 'k1'))!)).toEqual(payload);
    // Written through a temporary file renamed into place: nothing else is left.
    expect(await readdir(path.dirname(file))).toEqual(['k1.json']);
  });

  it.each([
    ['an empty file', () => Buffer.alloc(0), 'no header'],
    ['a file without a header', () => payload, 'no header'],
    [
      'a truncated entry',
      () => encodeEntry('k1', payload).subarray(0, -5),
      `${payload.length - 5} bytes where ${payload.length} were stored`,
    ],
    [
      'an entry whose bytes changed',
      () => Buffer.from(Buffer.from(encodeEntry('k1', payload)).toString().replace('one', 'two')),
      'its bytes do not match their digest',
    ],
    [
      "another key's entry",
      () => encodeEntry('k2', payload),
      'it holds the entry for another key (k2)',
    ],
  ])('refuses %s, deletes it and says why in one line', async (_, bytes, problem) => {
    const stored = bytes();
    expect(entryProblem(stored, 'k1')).toBe(problem);
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-entry-'));
    const file = path.join(dir, 'k1.json');
    await writeFile(file, stored);
    const lines: string[] = [];
    expect(await readEntry(file, 'k1', (line) => lines.push(line))).toBeUndefined();
    expect(lines).toEqual([
      `Cache entry ${file} failed verification (${problem}); it is discarded and made again.`,
    ]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('is a miss, not an error, when there is no file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ce-entry-'));
    expect(await readEntry(path.join(dir, 'none'), 'k1', () => undefined)).toBeUndefined();
  });

  it('keeps a key free of spaces, which would break its header', () => {
    expect(() => encodeEntry('a b', payload)).toThrow('A cache key has no spaces: "a b"');
  });
});
