import { describe, expect, it } from 'vitest';
import { offeringStatus } from '../../../../src/domain/offerings/offerings.ts';
import type { CourseStatus, Schedule } from '../../../../src/domain/time/schedule.ts';
import {
  formatDateRange,
  formatSessionDate,
  formatTimeRange,
  scheduledHours,
  sessionTimes,
  zoneAbbreviation,
} from '../../../../src/domain/time/schedule.ts';
import type { ZonedInstant } from '../../../../src/domain/time/zoned-time.ts';
import { requireZonedInstant } from '../../../../src/domain/time/zoned-time.ts';
import type { Session } from '../../../../src/collections/schemas/session.ts';

// Every expectation below is written out in UTC or in a named zone, never the host's, so the
// file passes under any TZ (it is also run with TZ=Asia/Tokyo).

function session(date: string, start: string, end: string): Session {
  return { date, start, end, agenda: [] };
}

const seed = {
  timeZone: 'America/New_York',
  sessions: [
    session('2020-10-19', '16:00', '18:00'),
    session('2020-10-26', '16:00', '18:00'),
    session('2020-11-02', '16:00', '18:00'),
    session('2020-11-09', '16:00', '18:00'),
  ],
};

/** An instant known only by its epoch: formatting reads nothing else. */
function at(epochMilliseconds: number): ZonedInstant {
  return { epochMilliseconds, offset: '', iso: '' };
}

function range(date: string, start: string, end: string, timeZone: string): string {
  return formatTimeRange(
    requireZonedInstant(date, start, timeZone),
    requireZonedInstant(date, end, timeZone),
    timeZone,
  );
}

describe('sessionTimes', () => {
  it('gives the seed sessions EDT instants before the fall-back and EST after', () => {
    const times = sessionTimes(seed);
    expect(times.map((time) => [time.index, time.start.iso, time.end.iso])).toEqual([
      [0, '2020-10-19T16:00:00-04:00', '2020-10-19T18:00:00-04:00'],
      [1, '2020-10-26T16:00:00-04:00', '2020-10-26T18:00:00-04:00'],
      [2, '2020-11-02T16:00:00-05:00', '2020-11-02T18:00:00-05:00'],
      [3, '2020-11-09T16:00:00-05:00', '2020-11-09T18:00:00-05:00'],
    ]);
    expect(times[0]?.start.epochMilliseconds).toBe(Date.UTC(2020, 9, 19, 20));
    expect(times[2]?.start.epochMilliseconds).toBe(Date.UTC(2020, 10, 2, 21));
    expect(times[3]?.session).toBe(seed.sessions[3]);
  });

  it('is empty for a course without sessions', () => {
    expect(sessionTimes({ timeZone: 'America/New_York', sessions: [] })).toEqual([]);
  });

  it('throws on a wall-clock time the zone skips', () => {
    expect(() =>
      sessionTimes({
        timeZone: 'America/New_York',
        sessions: [session('2021-03-14', '02:30', '04:00')],
      }),
    ).toThrow('2021-03-14 02:30 is nonexistent in America/New_York');
  });
});

describe('zoneAbbreviation', () => {
  it('names US zones by their letters, switching at DST', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'America/New_York')).toBe('EDT');
    expect(zoneAbbreviation(Date.UTC(2020, 10, 2, 21), 'America/New_York')).toBe('EST');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'America/Los_Angeles')).toBe('PDT');
    expect(zoneAbbreviation(Date.UTC(2020, 10, 2, 21), 'America/Los_Angeles')).toBe('PST');
  });

  it('gives the letters tzdata gives the zone, where en-US has none', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Asia/Kolkata')).toBe('IST');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Europe/London')).toBe('BST');
    expect(zoneAbbreviation(Date.UTC(2020, 10, 2, 21), 'Europe/London')).toBe('GMT');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Australia/Sydney')).toBe('AEDT');
    expect(zoneAbbreviation(Date.UTC(2020, 6, 19, 20), 'Australia/Sydney')).toBe('AEST');
  });

  it('keeps the GMT offset where tzdata has no letters for the zone', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'America/Sao_Paulo')).toBe('GMT-3');
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Europe/Istanbul')).toBe('GMT+3');
  });

  it('follows the locale', () => {
    expect(zoneAbbreviation(Date.UTC(2020, 9, 19, 20), 'Europe/London', 'en-GB')).toBe('BST');
  });
});

describe('formatSessionDate', () => {
  it('spells out the weekday and date', () => {
    expect(formatSessionDate('2020-10-19')).toBe('Monday, October 19, 2020');
    expect(formatSessionDate('2020-11-09')).toBe('Monday, November 9, 2020');
  });

  it('keeps dates at the edges of the year and a leap day', () => {
    expect(formatSessionDate('2021-01-01')).toBe('Friday, January 1, 2021');
    expect(formatSessionDate('2020-12-31')).toBe('Thursday, December 31, 2020');
    expect(formatSessionDate('2024-02-29')).toBe('Thursday, February 29, 2024');
  });

  it('rejects anything but YYYY-MM-DD', () => {
    expect(() => formatSessionDate('2020-10-19T16:00')).toThrow(
      'Expected a date as YYYY-MM-DD; found "2020-10-19T16:00".',
    );
  });
});

describe('formatTimeRange', () => {
  it('gives the seed sessions in EDT and then EST', () => {
    const times = sessionTimes(seed).map((time) =>
      formatTimeRange(time.start, time.end, seed.timeZone),
    );
    expect(times).toEqual(['4–6 PM EDT', '4–6 PM EDT', '4–6 PM EST', '4–6 PM EST']);
  });

  it('shows minutes only when they are not zero', () => {
    expect(range('2020-10-19', '16:30', '18:00', 'America/New_York')).toBe('4:30–6 PM EDT');
    expect(range('2020-10-19', '16:00', '17:45', 'America/New_York')).toBe('4–5:45 PM EDT');
  });

  it('names both halves of the day when the range crosses noon', () => {
    expect(range('2020-10-19', '11:00', '13:00', 'America/New_York')).toBe('11 AM–1 PM EDT');
    expect(range('2020-10-19', '00:00', '01:30', 'America/New_York')).toBe('12–1:30 AM EDT');
    expect(range('2020-10-19', '09:15', '12:00', 'America/New_York')).toBe('9:15 AM–12 PM EDT');
  });

  it('names both zones when the clocks change during the session', () => {
    // 1:30 AM happens twice on 2020-11-01 in New York; this is the first, daylight one.
    expect(
      formatTimeRange(
        at(Date.UTC(2020, 10, 1, 5, 30)),
        at(Date.UTC(2020, 10, 1, 8)),
        'America/New_York',
      ),
    ).toBe('1:30 AM EDT–3 AM EST');
    expect(range('2021-03-14', '01:00', '04:00', 'America/New_York')).toBe('1 AM EST–4 AM EDT');
  });

  it('formats Los Angeles, London and Kolkata in their own zones', () => {
    expect(range('2020-10-19', '13:00', '15:00', 'America/Los_Angeles')).toBe('1–3 PM PDT');
    expect(range('2020-11-02', '13:00', '15:00', 'America/Los_Angeles')).toBe('1–3 PM PST');
    expect(range('2020-10-19', '18:00', '20:00', 'Europe/London')).toBe('6–8 PM BST');
    expect(range('2020-11-02', '18:00', '20:00', 'Europe/London')).toBe('6–8 PM GMT');
    expect(range('2020-10-19', '10:30', '12:30', 'Asia/Kolkata')).toBe('10:30 AM–12:30 PM IST');
  });

  it('shows the half-hour fall-back on Lord Howe Island', () => {
    // 2021-04-04: 2:00 +11:00 becomes 1:30 +10:30.
    expect(range('2021-04-04', '01:00', '03:00', 'Australia/Lord_Howe')).toBe(
      '1 AM GMT+11–3 AM GMT+10:30',
    );
    expect(range('2021-04-05', '09:00', '11:00', 'Australia/Lord_Howe')).toBe('9–11 AM GMT+10:30');
  });

  it('shows the course-zone clock, not another zone', () => {
    const [first] = sessionTimes(seed);
    if (!first) throw new Error('no seed session');
    expect(formatTimeRange(first.start, first.end, 'Asia/Tokyo')).toBe('5–7 AM JST');
  });
});

describe('formatDateRange', () => {
  it('gives the seed course its range across two months', () => {
    expect(formatDateRange('2020-10-19', '2020-11-09')).toBe('October 19 – November 9, 2020');
  });

  it('names the month once within a month', () => {
    expect(formatDateRange('2021-03-01', '2021-03-08')).toBe('March 1–8, 2021');
  });

  it('gives a single day as one date', () => {
    expect(formatDateRange('2020-10-19', '2020-10-19')).toBe('October 19, 2020');
  });

  it('gives both years across a new year', () => {
    expect(formatDateRange('2020-12-28', '2021-01-04')).toBe('December 28, 2020 – January 4, 2021');
    expect(formatDateRange('2020-03-01', '2021-03-08')).toBe('March 1, 2020 – March 8, 2021');
  });

  it('rejects a range that ends before it starts', () => {
    expect(() => formatDateRange('2020-11-09', '2020-10-19')).toThrow(
      'The date range ends (2020-10-19) before it starts (2020-11-09).',
    );
  });
});

/** A schedule as the one offering of a course that states it at the top level (on demand without sessions). */
function courseStatus(schedule: Schedule, now: Date): CourseStatus {
  const format = schedule.sessions.length > 0 ? 'live-online' : 'on-demand';
  return offeringStatus(
    {
      id: '',
      path: [],
      format,
      timeZone: schedule.timeZone,
      sessions: [...schedule.sessions],
      prices: [],
      status: 'open',
    },
    now,
  );
}

describe('the status of a dated offering (offeringStatus)', () => {
  const firstStart = Date.UTC(2020, 9, 19, 20); // 2020-10-19 16:00 EDT
  const lastEnd = Date.UTC(2020, 10, 9, 23); // 2020-11-09 18:00 EST

  it('is upcoming until the first start, to the millisecond', () => {
    expect(courseStatus(seed, new Date('2020-10-01T12:00:00Z'))).toBe('upcoming');
    expect(courseStatus(seed, new Date(firstStart - 1))).toBe('upcoming');
  });

  it('is in progress from the first start instant itself', () => {
    expect(courseStatus(seed, new Date(firstStart))).toBe('in-progress');
    // Between sessions still counts as in progress.
    expect(courseStatus(seed, new Date('2020-10-22T12:00:00Z'))).toBe('in-progress');
    expect(courseStatus(seed, new Date(lastEnd - 1))).toBe('in-progress');
  });

  it('is past from the last end instant itself', () => {
    expect(courseStatus(seed, new Date(lastEnd))).toBe('past');
    expect(courseStatus(seed, new Date('2021-01-01T00:00:00Z'))).toBe('past');
  });

  it('reads the last end in EST, an hour later in UTC than the EDT sessions', () => {
    // 22:30 UTC is 17:30 EST on Nov 9, inside the last session; in EDT it would be after 18:00.
    expect(courseStatus(seed, new Date('2020-11-09T22:30:00Z'))).toBe('in-progress');
  });

  it('is on-demand without sessions', () => {
    expect(
      courseStatus(
        { timeZone: 'America/New_York', sessions: [] },
        new Date('2020-10-19T20:00:00Z'),
      ),
    ).toBe('on-demand');
  });

  it('uses the earliest start and latest end even when sessions are out of order', () => {
    const unsorted = { ...seed, sessions: [...seed.sessions].reverse() };
    expect(courseStatus(unsorted, new Date(firstStart - 1))).toBe('upcoming');
    expect(courseStatus(unsorted, new Date(lastEnd))).toBe('past');
  });
});

describe('scheduledHours', () => {
  it('adds up the seed sessions', () => {
    expect(scheduledHours(seed)).toBe(8);
  });

  it('is zero without sessions', () => {
    expect(scheduledHours({ timeZone: 'America/New_York', sessions: [] })).toBe(0);
  });

  it('counts the hours that elapse when the clocks change during a session', () => {
    expect(
      scheduledHours({
        timeZone: 'America/New_York',
        sessions: [session('2021-03-14', '01:00', '04:00')],
      }),
    ).toBe(2);
    expect(
      scheduledHours({
        timeZone: 'America/New_York',
        sessions: [session('2020-11-01', '00:00', '03:00')],
      }),
    ).toBe(4);
    expect(
      scheduledHours({
        timeZone: 'Australia/Lord_Howe',
        sessions: [session('2021-04-04', '01:00', '03:00')],
      }),
    ).toBe(2.5);
  });

  it('adds thirds of an hour without drifting', () => {
    const thirds = ['2020-10-19', '2020-10-20', '2020-10-21'].map((date) =>
      session(date, '16:00', '16:20'),
    );
    expect(scheduledHours({ timeZone: 'America/New_York', sessions: thirds })).toBe(1);
  });
});
