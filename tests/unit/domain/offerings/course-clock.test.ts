/**
 * The facts of a course that depend on "now", at several instants: across a refund tier's end,
 * the start, an early bird's last day, an approval's end and the last day of on-demand credit.
 * The clock is the one the build makes for the seed course (its own policy file), plus an
 * on-demand offering, so these are the instants the page and the browser both read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policySchema } from '../../../../src/collections/schemas/policy.ts';
import {
  courseFactsAt,
  statusAt,
  type CourseClock,
} from '../../../../src/domain/offerings/course-clock.ts';
import { refundTerms, refundTierClock } from '../../../../src/domain/offerings/refund.ts';

const praxis = policySchema.parse(
  parse(
    readFileSync(
      new URL('../../../../content/policies/praxis-refund.yaml', import.meta.url),
      'utf8',
    ),
  ),
);
const at = (iso: string) => Date.parse(iso);

// The seed: four sessions from Monday, October 19, 2020, 4 PM EDT, to November 9, 6 PM EST.
const start = at('2020-10-19T20:00:00Z');
const end = at('2020-11-09T23:00:00Z');
const seedTerms = refundTerms(
  {
    format: 'live-online',
    timeZone: 'America/New_York',
    sessions: ['2020-10-19', '2020-10-26', '2020-11-02', '2020-11-09'].map((date) => ({ date })),
  },
  praxis,
);

const clock: CourseClock = {
  offerings: [
    {
      kind: 'dated',
      start,
      end,
      registers: true,
      cancelled: false,
      // An early bird until September 30 (New York), then the standard price.
      prices: [{ endsAt: at('2020-10-01T04:00:00Z') }, {}],
      refundTiers: refundTierClock(seedTerms, start),
    },
    {
      kind: 'on-demand',
      start: at('2020-12-01T05:00:00Z'),
      registers: true,
      cancelled: false,
      prices: [{}],
      refundTiers: [],
    },
  ],
  // APA with no end; ASWB until December 31, 2020 (New York).
  approvals: [{}, { endsAt: at('2021-01-01T05:00:00Z') }],
  creditEndsAt: at('2021-06-01T04:00:00Z'),
};

describe('refundTierClock for the seed course', () => {
  it('ends the refund tier at midnight after October 5 in New York, and the credit tier at the start', () => {
    expect(refundTierClock(seedTerms, start)).toEqual([
      {
        text: 'Refund less the $30 fee until Monday, October 5, 2020',
        endsAt: at('2020-10-06T04:00:00Z'),
      },
      {
        text: 'No refund; credit until the start, Monday, October 19, 2020',
        endsAt: start,
      },
    ]);
  });

  it('has no tiers without dates or a start instant', () => {
    expect(refundTierClock(seedTerms, undefined)).toEqual([]);
    expect(refundTierClock({ ...seedTerms, startDate: undefined } as never, start)).toEqual([]);
  });
});

describe('courseFactsAt', () => {
  it('on September 30: upcoming, registration open, the early bird and the refund less the fee', () => {
    const facts = courseFactsAt(clock, at('2020-09-30T12:00:00Z'));
    expect(facts.status).toBe('upcoming');
    expect(facts.offerings[0]).toEqual({
      status: 'upcoming',
      registrationOpen: true,
      prices: [true, true],
      refund: {
        index: 0,
        text: 'Refund less the $30 fee until Monday, October 5, 2020',
        endsAt: at('2020-10-06T04:00:00Z'),
      },
    });
    expect(facts.offerings[1]).toEqual({
      status: 'upcoming',
      registrationOpen: true,
      prices: [true],
    });
    expect(facts.approvals).toEqual([true, true]);
    expect(facts.creditGiven).toBe(true);
  });

  it('drops the early bird at midnight after its last day', () => {
    expect(courseFactsAt(clock, at('2020-10-01T03:59:59Z')).offerings[0]?.prices).toEqual([
      true,
      true,
    ]);
    expect(courseFactsAt(clock, at('2020-10-01T04:00:00Z')).offerings[0]?.prices).toEqual([
      false,
      true,
    ]);
  });

  it('moves from the refund tier to the credit tier at midnight after October 5, New York time', () => {
    expect(courseFactsAt(clock, at('2020-10-06T03:59:59Z')).offerings[0]?.refund?.index).toBe(0);
    const after = courseFactsAt(clock, at('2020-10-06T04:00:00Z')).offerings[0];
    expect(after?.refund).toEqual({
      index: 1,
      text: 'No refund; credit until the start, Monday, October 19, 2020',
      endsAt: start,
    });
    expect(after?.status).toBe('upcoming');
  });

  it('names no tier, and closes registration, once the course has started', () => {
    const running = courseFactsAt(clock, start).offerings[0];
    expect(running).toEqual({
      status: 'in-progress',
      registrationOpen: false,
      prices: [false, true],
    });
    expect(courseFactsAt(clock, start).status).toBe('in-progress');
    expect(courseFactsAt(clock, start - 1).offerings[0]?.refund?.index).toBe(1);
  });

  it('is past after the last session; the course is on demand once that opens', () => {
    const facts = courseFactsAt(clock, at('2020-12-01T05:00:00Z'));
    expect(facts.offerings.map((offering) => offering.status)).toEqual(['past', 'on-demand']);
    expect(facts.status).toBe('on-demand');
    expect(facts.offerings[1]?.registrationOpen).toBe(true);
  });

  it('stops offering an approval at midnight after its last day while the course is on sale', () => {
    expect(courseFactsAt(clock, at('2021-01-01T04:59:59Z')).approvals).toEqual([true, true]);
    expect(courseFactsAt(clock, at('2021-01-01T05:00:00Z')).approvals).toEqual([true, false]);
  });

  it('keeps the approvals of a course that is over: they covered its dates', () => {
    const over: CourseClock = { ...clock, offerings: [clock.offerings[0]!] };
    expect(courseFactsAt(over, at('2021-02-01T00:00:00Z'))).toMatchObject({
      status: 'past',
      approvals: [true, true],
    });
  });

  it('stops giving on-demand credit after its last day', () => {
    expect(courseFactsAt(clock, at('2021-06-01T03:59:59Z')).creditGiven).toBe(true);
    expect(courseFactsAt(clock, at('2021-06-01T04:00:00Z')).creditGiven).toBe(false);
    expect(
      courseFactsAt({ offerings: clock.offerings, approvals: clock.approvals }, 0).creditGiven,
    ).toBe(true);
  });

  it('leaves a cancelled offering out of the course status, and never invites registration for it', () => {
    const cancelled: CourseClock = {
      ...clock,
      offerings: [{ ...clock.offerings[0]!, cancelled: true, registers: false }],
    };
    const facts = courseFactsAt(cancelled, at('2020-09-30T12:00:00Z'));
    expect(facts.status).toBe('past');
    expect(facts.offerings[0]?.registrationOpen).toBe(false);
  });

  it('survives a round trip through the JSON the page carries', () => {
    const now = at('2020-10-10T12:00:00Z');
    expect(courseFactsAt(JSON.parse(JSON.stringify(clock)) as CourseClock, now)).toEqual(
      courseFactsAt(clock, now),
    );
  });
});

describe('statusAt', () => {
  it('reads an offering without dates as upcoming, and on-demand without bounds as on demand', () => {
    expect(statusAt('dated', {}, 0)).toBe('upcoming');
    expect(statusAt('on-demand', {}, 0)).toBe('on-demand');
    expect(statusAt('on-demand', { end: 10 }, 10)).toBe('past');
  });
});
