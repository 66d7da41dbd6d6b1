/** Dates far from plausible are typing mistakes: caught with the file, the field and a fix. */
import { describe, expect, it } from 'vitest';
import { courseRuleProblems } from '../../../../src/collections/validation/course-rules.ts';
import { courseWith } from '../../../helpers/course.ts';

const course = (sessions: { date: string; start: string; end: string }[]) =>
  courseWith({ timeZone: 'America/New_York', sessions, ceHours: sessions.length });
const session = (date: string) => ({ date, start: '10:00', end: '11:00' });

describe('implausible dates', () => {
  it('refuse a date before 1990', () => {
    expect(courseRuleProblems(course([session('1920-10-19')]), { today: '2026-12-02' })).toEqual([
      {
        path: ['sessions', 0, 'date'],
        field: '',
        message: 'The date 1920-10-19 is before 1990, far too early for a course on this site.',
        expected: 'a date from 1990 on',
        found: '1920-10-19',
        fix: 'Correct the year.',
      },
    ]);
  });

  it('refuse a date more than five years after today, and accept one just within', () => {
    expect(courseRuleProblems(course([session('2031-12-02')]), { today: '2026-12-02' })).toEqual(
      [],
    );
    expect(courseRuleProblems(course([session('2031-12-03')]), { today: '2026-12-02' })).toEqual([
      {
        path: ['sessions', 0, 'date'],
        field: '',
        message: 'The date 2031-12-03 is more than 5 years after today (2026-12-02).',
        expected: 'a date on or before 2031-12-02',
        found: '2031-12-03',
        fix: 'Correct the year; courses are announced at most five years ahead.',
      },
    ]);
  });

  it('refuse sessions that span more than a year', () => {
    expect(
      courseRuleProblems(course([session('2027-01-10'), session('2028-02-10')]), {
        today: '2026-12-02',
      }),
    ).toEqual([
      {
        path: ['sessions'],
        field: '',
        message:
          "The sessions run from 2027-01-10 to 2028-02-10, more than a year: one course's sessions fall within a year.",
        expected: 'sessions within 366 days',
        found: '396 days',
        fix: "Correct the dates, or list each run as one of the course's `offerings`.",
      },
    ]);
  });
});
