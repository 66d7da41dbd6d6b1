/** A mistake is reported once, where it is: not again as a missing field or a broken reference. */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../../src/collections/validation/load-content.ts';
import { formatProblem } from '../../../../src/collections/validation/problems.ts';
import { contentWithOverlay, fixturesDir } from '../../../helpers/fixtures.ts';

describe('one mistake, one problem', () => {
  it.each([
    ['unknown-venue-field', 'venue.rooom'],
    ['time-zone-case', 'timeZone'],
    ['reference-case', 'approvals[1].board'],
    ['repeated-course', 'title'],
    // A bad date inside an offering, not also "does not say how it is given".
    ['offering-bad-date', 'offerings[0].sessions[1].date'],
    // A misspelt field, not also the missing field it was meant to be.
    ['unknown-field', 'audiance'],
    // An instructor file that cannot be read still exists: no "There is no ada-example".
    ['not-utf8', ''],
    // The parser's first error: the others follow from the same bracket left open.
    ['yaml-syntax', ''],
    // One clash of slugs, told to the course that takes another's slug.
    ['duplicate-slug', 'slug'],
    // Two offerings written twice, not also their shared id.
    ['offerings-overlap', 'offerings[1].sessions[0].date'],
  ])('%s is reported once, at %s', async (fixture, field) => {
    const result = await loadContent(await contentWithOverlay(`broken/${fixture}`));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.field)).toEqual([field]);
  });

  it('reports a mistake inside a list of relationships where it is, not as "Invalid input"', async () => {
    const dir = await contentWithOverlay();
    const file = path.join(dir, 'courses/fixture-course.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'sponsors: [praxis-cet]',
        [
          'disclosures:',
          '  people:',
          '    - instructor: ada-example',
          '      relationships:',
          '        - { company: "Example Pharma, Inc.", mitigated: true }',
          'sponsors: [praxis-cet]',
        ].join('\n'),
      ),
    );
    const result = await loadContent(dir);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      [
        `${file}:32 › disclosures.people[0].relationships[0].nature`,
        '  `disclosures.people[0].relationships[0].nature` is required.',
        '  expected: The nature of the relationship.',
        '  fix:      Add `nature`, for example `nature: Consultant`',
      ].join('\n'),
    ]);
  });

  it('reports a value of neither form once, with the forms it takes', async () => {
    const dir = await contentWithOverlay();
    const file = path.join(dir, 'courses/fixture-course.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'sponsors: [praxis-cet]',
        [
          'disclosures:',
          '  people:',
          '    - { instructor: ada-example, relationships: nothing }',
          'sponsors: [praxis-cet]',
        ].join('\n'),
      ),
    );
    const result = await loadContent(dir);
    expect(!result.ok && result.problems.map(formatProblem)).toEqual([
      [
        `${file}:30 › disclosures.people[0].relationships`,
        '  `disclosures.people[0].relationships` is none of the forms it takes.',
        '  expected: Their relevant financial relationships, or `none`: a statement for this person, never a blanket line.',
        '  found:    "nothing"',
        '  fix:      Write one of them, for example `relationships: none`',
      ].join('\n'),
    ]);
  });

  it('lets a course replace one that cannot be read, without calling it missing', async () => {
    const dir = await contentWithOverlay('broken/yaml-syntax');
    const other = path.join(dir, 'courses/fixture-course-2027.md');
    await writeFile(
      other,
      (await readFile(path.join(fixturesDir, 'base/courses/fixture-course.md'), 'utf8')).replace(
        'title: ',
        'replaces: fixture-course\ntitle: ',
      ),
    );
    const result = await loadContent(dir);
    expect(!result.ok && result.problems.map((problem) => problem.file)).toEqual([
      path.join(dir, 'courses/fixture-course.md'),
    ]);
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
