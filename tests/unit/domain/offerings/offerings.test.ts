import { describe, expect, it } from 'vitest';
import { courseRuleProblems } from '../../../../src/collections/validation/course-rules.ts';
import {
  compareOfferings,
  courseOfferings,
  courseTimeStatus,
  invitesRegistration,
  offeringStatus,
  offeringWindow,
  type TimedOffering,
} from '../../../../src/domain/offerings/offerings.ts';
import { courseWith, MINIMAL_COURSE } from '../../../helpers/course.ts';

const { format: _format, timeZone: _zone, sessions: _sessions, ...teaching } = MINIMAL_COURSE;

/** A course given three times: two live-online runs and on demand. */
const threeTimes = courseWith({
  ...teaching,
  format: undefined,
  timeZone: undefined,
  sessions: undefined,
  offerings: [
    {
      id: 'spring',
      format: 'live-online',
      timeZone: 'America/Chicago',
      sessions: [{ date: '2027-03-10', start: '12:00', end: '15:30' }],
      registrationUrl: 'https://register.example.org/spring',
    },
    {
      format: 'live-online',
      timeZone: 'America/Chicago',
      sessions: [{ date: '2027-09-15', start: '12:00', end: '15:30' }],
    },
    {
      format: 'on-demand',
      timeZone: 'America/Chicago',
      availableFrom: '2027-01-04',
      availableUntil: '2027-12-31',
      registrationUrl: 'https://register.example.org/od',
    },
  ],
});

function timed(now: Date): TimedOffering[] {
  return courseOfferings(threeTimes).map((offering) => ({
    offering,
    status: offeringStatus(offering, now),
    window: offeringWindow(offering),
  }));
}

describe('courseOfferings', () => {
  it('makes one offering with id "" from a course that states its schedule at the top level', () => {
    const [only, ...rest] = courseOfferings(courseWith({}));
    expect(rest).toEqual([]);
    expect(only).toEqual({
      id: '',
      path: [],
      format: 'live-online',
      timeZone: 'America/Chicago',
      sessions: [{ date: '2027-02-10', start: '12:00', end: '15:30', agenda: [] }],
      prices: [],
      status: 'open',
    });
  });

  it('lists offerings in file order, with ids from their first date or "on-demand" when they give none', () => {
    expect(courseOfferings(threeTimes).map((offering) => [offering.id, offering.path])).toEqual([
      ['spring', ['offerings', 0]],
      ['2027-09-15', ['offerings', 1]],
      ['on-demand-2027-01-04', ['offerings', 2]],
    ]);
  });
});

describe('offeringStatus', () => {
  const [spring, autumn, onDemand] = courseOfferings(threeTimes);

  it('counts a dated offering upcoming until its first start and past from its last end', () => {
    // March 10, 2027 is before Chicago's change to daylight time: 12:00 CST is 18:00 UTC.
    expect(offeringStatus(spring!, new Date('2027-03-10T17:59:59Z'))).toBe('upcoming');
    expect(offeringStatus(spring!, new Date('2027-03-10T18:00:00Z'))).toBe('in-progress');
    expect(offeringStatus(spring!, new Date('2027-03-10T21:30:00Z'))).toBe('past');
    expect(offeringStatus(autumn!, new Date('2027-03-10T21:30:00Z'))).toBe('upcoming');
  });

  it('counts an on-demand offering from the start of its first day to the end of its last, in its zone', () => {
    // Chicago is UTC-6 in winter: January 4 starts at 06:00 UTC, and December 31 ends at 06:00 UTC on January 1.
    expect(offeringStatus(onDemand!, new Date('2027-01-04T05:59:59Z'))).toBe('upcoming');
    expect(offeringStatus(onDemand!, new Date('2027-01-04T06:00:00Z'))).toBe('on-demand');
    expect(offeringStatus(onDemand!, new Date('2028-01-01T05:59:59Z'))).toBe('on-demand');
    expect(offeringStatus(onDemand!, new Date('2028-01-01T06:00:00Z'))).toBe('past');
  });

  it('keeps an on-demand offering without dates on demand', () => {
    const [always] = courseOfferings(
      courseWith({ format: 'on-demand', sessions: undefined, timeZone: undefined }),
    );
    expect(offeringStatus(always!, new Date('2035-01-01T00:00:00Z'))).toBe('on-demand');
  });
});

describe('invitesRegistration', () => {
  const [spring, , onDemand] = courseOfferings(threeTimes);
  it('invites only while an open offering with a link has neither started nor closed', () => {
    expect(invitesRegistration(spring!, 'upcoming')).toBe(true);
    expect(invitesRegistration(spring!, 'in-progress')).toBe(false);
    expect(invitesRegistration(onDemand!, 'on-demand')).toBe(true);
    expect(invitesRegistration(onDemand!, 'past')).toBe(false);
    expect(invitesRegistration({ ...spring!, status: 'sold-out' }, 'upcoming')).toBe(false);
    expect(
      invitesRegistration({ ...spring!, registrationUrl: undefined } as never, 'upcoming'),
    ).toBe(false);
  });
});

describe('offering order and the course status', () => {
  it('puts running first, then upcoming soonest first, then on demand, then past latest first', () => {
    const ordered = timed(new Date('2027-03-10T19:00:00Z')).sort(compareOfferings);
    expect(ordered.map(({ offering, status }) => [offering.id, status])).toEqual([
      ['spring', 'in-progress'],
      ['2027-09-15', 'upcoming'],
      ['on-demand-2027-01-04', 'on-demand'],
    ]);
    expect(courseTimeStatus(ordered)).toBe('in-progress');
  });

  it('is past only when every offering is, and skips cancelled offerings', () => {
    const later = timed(new Date('2027-10-01T00:00:00Z')).sort(compareOfferings);
    expect(later.map(({ offering, status }) => [offering.id, status])).toEqual([
      ['on-demand-2027-01-04', 'on-demand'],
      ['2027-09-15', 'past'],
      ['spring', 'past'],
    ]);
    expect(courseTimeStatus(later)).toBe('on-demand');
    expect(courseTimeStatus(timed(new Date('2028-02-01T00:00:00Z')).sort(compareOfferings))).toBe(
      'past',
    );
    const cancelled = later.map((entry) =>
      entry.status === 'on-demand'
        ? { ...entry, offering: { ...entry.offering, status: 'cancelled' as const } }
        : entry,
    );
    expect(courseTimeStatus(cancelled)).toBe('past');
  });
});

describe('offering rules', () => {
  const problems = (changes: Record<string, unknown>) =>
    courseRuleProblems(courseWith(changes), {}).map(({ path, message, fix }) => ({
      path,
      message,
      fix,
    }));

  it('accepts the course given three times', () => {
    expect(courseRuleProblems(threeTimes)).toEqual([]);
  });

  it('refuses schedule fields at the top level beside `offerings`', () => {
    expect(problems({ offerings: threeTimes.offerings })).toEqual([
      {
        path: ['format'],
        message: '`format` belongs in each offering when the course lists `offerings`.',
        fix: 'Move `format` into the offerings it applies to.',
      },
      {
        path: ['timeZone'],
        message: '`timeZone` belongs in each offering when the course lists `offerings`.',
        fix: 'Move `timeZone` into the offerings it applies to.',
      },
      {
        path: ['sessions'],
        message: '`sessions` belongs in each offering when the course lists `offerings`.',
        fix: 'Move `sessions` into the offerings it applies to.',
      },
    ]);
  });

  it('refuses two offerings with the same id', () => {
    // The same first date, at other hours: two offerings that do not overlap, with one id.
    const morning = {
      ...threeTimes.offerings![1]!,
      sessions: [{ date: '2027-09-15', start: '08:00', end: '11:30', agenda: [] }],
    };
    const twice = [threeTimes.offerings![1], morning];
    expect(
      problems({ format: undefined, timeZone: undefined, sessions: undefined, offerings: twice }),
    ).toContainEqual({
      path: ['offerings', 1, 'id'],
      message:
        'Offerings 1 and 2 have the same id, "2027-09-15", so their calendar files would share an address.',
      fix: 'Give one of them its own `id:`, such as `spring-2027`.',
    });
  });

  it('needs a time zone only where something is scheduled', () => {
    expect(problems({ format: 'on-demand', sessions: undefined, timeZone: undefined })).toEqual([]);
    expect(
      problems({
        format: 'on-demand',
        sessions: undefined,
        timeZone: undefined,
        availableUntil: '2027-12-31',
      }),
    ).toEqual([
      {
        path: ['timeZone'],
        message: 'The offering has dates but no time zone to read them in.',
        fix: 'Add `timeZone:` with the zone the dates and times are written in.',
      },
    ]);
    expect(problems({ timeZone: undefined })).toEqual([
      {
        path: ['timeZone'],
        message: 'The offering has dates but no time zone to read them in.',
        fix: 'Add `timeZone:` with the zone the dates and times are written in.',
      },
    ]);
  });

  it('keeps availability dates for on-demand offerings, closing after they open', () => {
    expect(problems({ availableUntil: '2027-12-31' })).toEqual([
      {
        path: ['availableUntil'],
        message: '`availableUntil` is for on-demand courses; this one meets in sessions.',
        fix: 'Remove `availableUntil`, or change `format` to on-demand.',
      },
    ]);
    expect(
      problems({
        format: 'on-demand',
        sessions: undefined,
        availableFrom: '2027-06-01',
        availableUntil: '2027-05-31',
      }),
    ).toEqual([
      {
        path: ['availableUntil'],
        message: 'On-demand access closes before it opens.',
        fix: 'Correct `availableUntil` or `availableFrom`.',
      },
    ]);
  });

  it('asks for the format when the file gives none and lists no offerings', () => {
    expect(problems({ format: undefined })).toEqual([
      {
        path: ['format'],
        message: 'The course does not say how it is given.',
        fix: 'Add `format: live-online` (or the format it has).',
      },
    ]);
  });

  it('checks each offering’s schedule at its own path', () => {
    const offerings = [
      {
        ...threeTimes.offerings![0],
        sessions: [{ date: '2027-03-10', start: '15:00', end: '12:00' }],
      },
      threeTimes.offerings![2],
    ];
    expect(
      problems({ format: undefined, timeZone: undefined, sessions: undefined, offerings }),
    ).toEqual([
      {
        path: ['offerings', 0, 'sessions', 0, 'end'],
        message: 'The session ends before it starts.',
        fix: 'Correct the end time (24-hour clock: 4 PM is "16:00"); a session cannot run past midnight.',
      },
    ]);
  });
});
