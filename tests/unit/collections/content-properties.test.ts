/**
 * Property-based tests of the content validator and of session times.
 *
 * - Whatever a course file's frontmatter holds, loading the content ends, quickly, either in
 *   valid content or in problems that each name the file and a field or line, and it never
 *   throws.
 * - A session's wall-clock time in any IANA zone, on the days that zone changes its offset,
 *   either turns into an instant that reads back as the same wall-clock time, or is reported
 *   as not existing (a gap) or happening twice (an overlap); it is never silently moved.
 */
import fc from 'fast-check';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadContent, type LoadResult } from '../../../src/collections/validation/load-content.ts';
import { zonedInstant } from '../../../src/domain/time/zoned-time.ts';
import { fixturesDir } from '../../helpers/fixtures.ts';

const COURSE = 'courses/fixture-course.md';
let contentDir = '';
let baseCourse: Record<string, unknown> = {};

beforeAll(async () => {
  contentDir = await mkdtemp(path.join(tmpdir(), 'ce-properties-'));
  await cp(path.join(fixturesDir, 'base'), contentDir, { recursive: true });
  const text = await readFile(path.join(contentDir, COURSE), 'utf8');
  baseCourse = parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '', { version: '1.2' }) as Record<
    string,
    unknown
  >;
});

async function loadWithCourse(
  fileText: string,
): Promise<{ result: LoadResult; milliseconds: number }> {
  await writeFile(path.join(contentDir, COURSE), fileText);
  const started = performance.now();
  const result = await loadContent(contentDir);
  return { result, milliseconds: performance.now() - started };
}

/** The invariant: valid content, or problems that each say where and what. */
function expectWellFormed({
  result,
  milliseconds,
}: {
  result: LoadResult;
  milliseconds: number;
}): void {
  expect(milliseconds).toBeLessThan(3000);
  if (result.ok) return;
  expect(result.problems.length).toBeGreaterThan(0);
  for (const problem of result.problems) {
    expect(problem.file.endsWith(COURSE), problem.file).toBe(true);
    expect(problem.message.trim()).not.toBe('');
    expect(problem.fix.trim()).not.toBe('');
    expect(problem.field !== '' || problem.line !== undefined, JSON.stringify(problem)).toBe(true);
    if (problem.line !== undefined) expect(problem.line).toBeGreaterThanOrEqual(1);
  }
}

const YAML_CHARACTERS = [...'abcxyz019 :-_[]{},&*!|>\'"#%@`?\n\t\\.', 'é', '文', '🙂', '\u200f'];
const yamlish = fc.string({ unit: fc.constantFrom(...YAML_CHARACTERS), maxLength: 300 });

/** Any value a YAML file can carry, including text from every script. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(
      '2020-10-19',
      '16:00',
      '25:00',
      '2021-02-30',
      'America/New_York',
      'EST',
      '../../etc',
      'https://x.org',
      'http://x.org',
      '',
      ' ',
    ),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('the content validator, on arbitrary frontmatter', () => {
  it('ends in valid content or in located problems, for any text between the fences', async () => {
    await fc.assert(
      fc.asyncProperty(yamlish, async (text) =>
        expectWellFormed(await loadWithCourse(`---\n${text}\n---\n\nBody.\n`)),
      ),
      { numRuns: 150 },
    );
  });

  it('does so for any text at all, fences or not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) =>
        expectWellFormed(await loadWithCourse(text)),
      ),
      { numRuns: 100 },
    );
  });

  it('does so when any fields of a valid course are replaced, removed or added', async () => {
    const keys = () => Object.keys(baseCourse);
    const edit = fc.record({
      replace: fc.dictionary(fc.constantFrom(...keys()), anyValue, { maxKeys: 3 }),
      remove: fc.subarray(keys(), { maxLength: 3 }),
      add: fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), anyValue, { maxKeys: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ replace, remove, add }) => {
        const course = Object.fromEntries(
          Object.entries({ ...baseCourse, ...add, ...replace }).filter(
            ([key]) => !remove.includes(key),
          ),
        );
        expectWellFormed(await loadWithCourse(`---\n${stringify(course)}---\n\nBody.\n`));
      }),
      { numRuns: 150 },
    );
  });

  it('accepts a valid course whatever text its title and summary hold', async () => {
    const text = (max: number) =>
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: max })
        .filter((value) => value.trim() !== '' && value.trim().length <= max);
    await fc.assert(
      fc.asyncProperty(text(200), text(160), async (title, summary) => {
        const { result } = await loadWithCourse(
          `---\n${stringify({ ...baseCourse, title, summary })}---\n\nBody.\n`,
        );
        expect(result.ok, JSON.stringify(result.ok ? '' : result.problems)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects anchors that would expand without bound, or contain themselves', async () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, level) =>
          `${String.fromCharCode(98 + level)}: &${String.fromCharCode(98 + level)} [${Array(10)
            .fill(`*${String.fromCharCode(97 + level)}`)
            .join(', ')}]`,
      ),
    ];
    for (const yamlText of [
      bomb.join('\n'),
      'topics: &t [*t]',
      'objectives: &o { leadIn: x, items: [*o] }',
      'title: *missing',
    ]) {
      const outcome = await loadWithCourse(
        `---\n${stringify(baseCourse)}${yamlText}\n---\n\nBody.\n`,
      );
      expectWellFormed(outcome);
      expect(outcome.result.ok).toBe(false);
    }
  });
});

describe('the content validator, on oversized files', () => {
  it('refuses a file over 4 MB before reading it', async () => {
    const { result } = await loadWithCourse(
      `---\n${stringify(baseCourse)}---\n\n${'A long description. '.repeat(230_000)}`,
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^The file takes 4\.\d MB; the limit is 4 MB\.$/),
    ]);
  });
});

const pad = (value: number) => String(value).padStart(2, '0');

/** The local dates on either side of each offset change of `timeZone` in `year`. */
function changeDays(timeZone: string, year: number): string[] {
  const days = new Set<string>();
  let cursor: Temporal.ZonedDateTime | null = Temporal.ZonedDateTime.from({
    year,
    month: 1,
    day: 1,
    timeZone,
  });
  while (cursor) {
    const change: Temporal.ZonedDateTime | null = cursor.getTimeZoneTransition('next');
    if (!change || change.year > year) break;
    days.add(change.subtract({ nanoseconds: 1 }).toPlainDate().toString());
    days.add(change.toPlainDate().toString());
    cursor = change;
  }
  return [...days];
}

type Outcome = 'round-trip' | 'nonexistent' | 'ambiguous';

/** Converts a wall-clock time and checks that nothing moved. */
function roundTrip(date: string, time: string, timeZone: string): Outcome {
  const wall = Temporal.PlainDateTime.from(`${date}T${time}`);
  const result = zonedInstant(date, time, timeZone);
  if (result.ok) {
    const back = Temporal.Instant.fromEpochMilliseconds(
      result.instant.epochMilliseconds,
    ).toZonedDateTimeISO(timeZone);
    expect(back.toPlainDateTime().toString(), `${date} ${time} ${timeZone}`).toBe(wall.toString());
    expect(result.instant.offset).toBe(back.offset);
    expect(Date.parse(result.instant.iso), result.instant.iso).toBe(
      result.instant.epochMilliseconds,
    );
    return 'round-trip';
  }
  const earlier = wall.toZonedDateTime(timeZone, { disambiguation: 'earlier' });
  const later = wall.toZonedDateTime(timeZone, { disambiguation: 'later' });
  if (result.problem === 'nonexistent') {
    expect(earlier.toPlainDateTime().equals(wall), `${date} ${time} ${timeZone} exists`).toBe(
      false,
    );
  } else {
    expect(earlier.toPlainDateTime().equals(wall)).toBe(true);
    expect(later.epochMilliseconds, `${date} ${time} ${timeZone} happens once`).toBeGreaterThan(
      earlier.epochMilliseconds,
    );
  }
  return result.problem;
}

describe('session times on the days every IANA zone changes its offset', () => {
  it('round-trip every quarter hour, or are reported as a gap or an overlap, never moved', () => {
    const counts: Record<Outcome, number> = { 'round-trip': 0, nonexistent: 0, ambiguous: 0 };
    let zonesWithChanges = 0;
    const zones = Intl.supportedValuesOf('timeZone');
    expect(zones.length).toBeGreaterThan(300);
    for (const timeZone of zones) {
      const days = changeDays(timeZone, 2026);
      if (days.length > 0) zonesWithChanges += 1;
      for (const date of days) {
        for (let minute = 0; minute < 24 * 60; minute += 15)
          counts[
            roundTrip(date, `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`, timeZone)
          ] += 1;
      }
    }
    expect(zonesWithChanges).toBeGreaterThan(50);
    // Both directions of the change occur: spring-forward gaps and fall-back overlaps.
    expect(counts.nonexistent).toBeGreaterThan(100);
    expect(counts.ambiguous).toBeGreaterThan(100);
  }, 60_000);

  it('do so at any minute, in any year from 1970 to 2037', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 1970, max: 2037 }),
        fc.nat(),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (timeZone, year, pick, minute) => {
          const days = changeDays(timeZone, year);
          const date = days[pick % Math.max(days.length, 1)] ?? `${year}-06-15`;
          roundTrip(date, `${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`, timeZone);
        },
      ),
      { numRuns: 300 },
    );
  });
});
