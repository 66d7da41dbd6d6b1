/** A mistake is reported once, where it is: not again as a missing field or a broken reference. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/collections/validation/load-content.ts';
import { contentWithOverlay } from '../../../helpers/fixtures.ts';

describe('one mistake, one problem', () => {
  it.each([
    ['unknown-venue-field', 'venue.rooom'],
    ['time-zone-case', 'timeZone'],
    ['reference-case', 'approvals[1].board'],
    ['repeated-course', 'title'],
  ])('%s is reported once, at %s', async (fixture, field) => {
    const result = await loadContent(await contentWithOverlay(`broken/${fixture}`));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.field)).toEqual([field]);
  });

  it('lets a course repeat another it says it replaces', async () => {
    const dir = await contentWithOverlay('broken/repeated-course');
    const file = path.join(dir, 'courses/fixture-course-rerun.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('title: ', 'replaces: fixture-course\ntitle: '),
    );
    expect((await loadContent(dir)).ok).toBe(true);
  });
});
