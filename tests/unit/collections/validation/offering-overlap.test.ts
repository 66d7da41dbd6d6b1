/** Two offerings of one course at the same time are refused once, naming both, whatever zones they are written in. */
import { describe, expect, it } from 'vitest';
import { courseRuleProblems } from '../../../../src/collections/validation/course-rules.ts';
import { courseSchema } from '../../../../src/collections/schemas/course.ts';
import { MINIMAL_COURSE } from '../../../helpers/course.ts';

const { format: _format, timeZone: _zone, sessions: _sessions, ...courseFields } = MINIMAL_COURSE;

const problems = (offerings: Record<string, unknown>[]) =>
  courseRuleProblems(courseSchema.parse({ ...courseFields, offerings }));

const live = (timeZone: string, sessions: [date: string, start: string, end: string][]) => ({
  format: 'live-online',
  timeZone,
  sessions: sessions.map(([date, start, end]) => ({ date, start, end })),
});

const FIX =
  'Correct the dates or times of one of them, or remove the one that repeats the other; a course given online and in person at the same time is one hybrid offering.';

describe('offerings that overlap in time', () => {
  it('are refused in one zone, naming both offerings', () => {
    expect(
      problems([
        {
          id: 'spring',
          ...live('America/Chicago', [
            ['2027-03-01', '12:00', '15:30'],
            ['2027-03-08', '12:00', '15:30'],
          ]),
        },
        { id: 'spring-repeat', ...live('America/Chicago', [['2027-03-08', '15:00', '18:30']]) },
      ]),
    ).toEqual([
      {
        path: ['offerings', 1, 'sessions', 0, 'date'],
        field: '',
        message:
          'Offerings 1 ("spring") and 2 ("spring-repeat") overlap in time: session 1 of offering 2 runs during session 2 of offering 1.',
        expected: 'offerings at different times',
        found: '2027-03-08 12:00–15:30 America/Chicago and 2027-03-08 15:00–18:30 America/Chicago',
        fix: FIX,
      },
    ]);
  });

  it('are refused across zones: 12:00 in Chicago is 10:00 in Los Angeles', () => {
    expect(
      problems([
        live('America/Chicago', [['2027-03-01', '12:00', '15:30']]),
        { ...live('America/Los_Angeles', [['2027-03-01', '10:00', '13:30']]), id: 'west' },
      ]),
    ).toEqual([
      {
        path: ['offerings', 1, 'sessions', 0, 'date'],
        field: '',
        message:
          'Offerings 1 ("2027-03-01") and 2 ("west") overlap in time: session 1 of offering 2 runs during session 1 of offering 1.',
        expected: 'offerings at different times',
        found:
          '2027-03-01 12:00–15:30 America/Chicago and 2027-03-01 10:00–13:30 America/Los_Angeles',
        fix: FIX,
      },
    ]);
  });

  it('are reported once when a copy also shares the first offering’s id', () => {
    const offering = live('America/Chicago', [['2027-03-01', '12:00', '15:30']]);
    expect(problems([offering, offering]).map(({ message }) => message)).toEqual([
      'Offerings 1 ("2027-03-01") and 2 ("2027-03-01") overlap in time: session 1 of offering 2 runs during session 1 of offering 1.',
    ]);
  });

  it('are accepted back to back, on other days, or when one is cancelled or on demand', () => {
    expect(
      problems([
        live('America/Chicago', [['2027-03-01', '12:00', '15:30']]),
        { ...live('America/New_York', [['2027-03-01', '16:30', '20:00']]), id: 'evening' },
        { ...live('America/Chicago', [['2027-03-02', '12:00', '15:30']]), id: 'tuesday' },
        {
          ...live('America/Chicago', [['2027-03-01', '12:00', '15:30']]),
          id: 'cancelled',
          status: 'cancelled',
        },
        { format: 'on-demand', id: 'recording' },
      ]),
    ).toEqual([]);
  });
});
