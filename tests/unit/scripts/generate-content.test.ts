import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countWords, generateContent } from '../../../scripts/bench/generate-content.ts';
import { loadContent, type ContentSet } from '../../../src/collections/validation/load-content.ts';
import { requireZonedInstant } from '../../../src/domain/time/zoned-time.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
// Under .bench/ (gitignored), the one place generated content may go.
const workDir = path.join(repoRoot, '.bench', `test-generate-${process.pid}`);
const first = path.join(workDir, 'a');
const second = path.join(workDir, 'b');

async function filesUnder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const absolute = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, absolute), await readFile(absolute, 'utf8'));
  }
  return files;
}

let content: ContentSet;

beforeAll(async () => {
  await mkdir(workDir, { recursive: true });
  await generateContent({ dir: first, count: 20, seed: 7 });
  await generateContent({ dir: second, count: 20, seed: 7 });
  const result = await loadContent(first);
  if (!result.ok)
    throw new Error(
      `generated content is invalid:\n${JSON.stringify(result.problems.slice(0, 5), null, 2)}`,
    );
  content = result.content;
}, 60_000);

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('generateContent', () => {
  it('writes the same files, byte for byte, from the same seed', async () => {
    const [a, b] = await Promise.all([filesUnder(first), filesUnder(second)]);
    expect(a.size).toBeGreaterThan(20);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
  });

  it('writes different courses from another seed', async () => {
    const other = path.join(workDir, 'c');
    await generateContent({ dir: other, count: 20, seed: 8 });
    const [a, c] = await Promise.all([
      filesUnder(path.join(first, 'courses')),
      filesUnder(path.join(other, 'courses')),
    ]);
    expect([...a.values()].join()).not.toBe([...c.values()].join());
  });

  it('passes the validator with the requested counts of shared entries', () => {
    expect(content.courses).toHaveLength(20);
    expect(content.instructors).toHaveLength(50);
    expect(content.boards).toHaveLength(12);
  });

  it('refuses to replace a folder it did not write', async () => {
    const foreign = path.join(workDir, 'foreign');
    await mkdir(foreign, { recursive: true });
    await writeFile(path.join(foreign, 'site.yaml'), 'name: Someone else\n');
    await expect(generateContent({ dir: foreign, count: 1, seed: 1 })).rejects.toThrow(/refusing/);
    expect(await readFile(path.join(foreign, 'site.yaml'), 'utf8')).toBe('name: Someone else\n');
  });

  it('covers every format, with venues and policies that fit', async () => {
    // 20 courses may miss a format by chance; 200 from the same generator cannot, in practice.
    const larger = path.join(workDir, 'd');
    await generateContent({ dir: larger, count: 200, seed: 7 });
    const result = await loadContent(larger);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const formats = new Set(result.content.courses.map((course) => course.data.format));
    expect([...formats].sort()).toEqual(['hybrid', 'in-person', 'live-online', 'on-demand']);
    for (const { data } of result.content.courses) {
      if (data.format === 'on-demand') expect(data.sessions ?? []).toEqual([]);
      else expect(data.sessions?.length).toBeGreaterThanOrEqual(1);
      if (data.format === 'in-person' || data.format === 'hybrid') expect(data.venue).toBeDefined();
    }
    expect(
      result.content.courses.some((course) => course.data.prices && course.data.registrationUrl),
    ).toBe(true);
  }, 60_000);

  it('schedules sessions across DST changes in several zones', () => {
    const crossing = content.courses.filter(({ data }) => {
      const offsets = new Set(
        (data.sessions ?? []).map(
          (session) => requireZonedInstant(session.date, session.start, data.timeZone!).offset,
        ),
      );
      return offsets.size > 1;
    });
    expect(crossing.length).toBeGreaterThanOrEqual(3);
    expect(new Set(crossing.map(({ data }) => data.timeZone)).size).toBeGreaterThanOrEqual(2);
  });

  it('gives each course a 600-1,200 word body with lists and a table, and readings of every type', () => {
    for (const { id, body, data } of content.courses) {
      const words = countWords(body);
      expect(words, id).toBeGreaterThanOrEqual(600);
      expect(words, id).toBeLessThanOrEqual(1200);
      expect(body, id).toMatch(/^- /m);
      expect(body, id).toMatch(/^1\. /m);
      expect(body, id).toMatch(/^\| --- \|/m);
      expect(data.readings.length, id).toBeGreaterThanOrEqual(2);
      expect(data.readings.length, id).toBeLessThanOrEqual(8);
      expect(data.objectives.items.length, id).toBeGreaterThanOrEqual(3);
      expect(data.objectives.items.length, id).toBeLessThanOrEqual(10);
    }
    const types = new Set(
      content.courses.flatMap(({ data }) => data.readings.map((reading) => reading.type)),
    );
    expect([...types].sort()).toEqual(['article', 'book', 'chapter', 'edited-book']);
  });
});
