import { describe, expect, it } from 'vitest';
import { courseRuleProblems } from '../../../../src/collections/validation/course-rules.ts';
import { isFree, priceLines, refundBasePrice } from '../../../../src/domain/offerings/prices.ts';
import { refundTerms } from '../../../../src/domain/offerings/refund.ts';
import type { Price } from '../../../../src/collections/schemas/offering.ts';
import { policySchema } from '../../../../src/collections/schemas/policy.ts';
import { courseWith } from '../../../helpers/course.ts';

const ZONE = 'America/New_York';
const earlyBird: Price = { amount: 150, currency: 'USD', kind: 'early-bird', until: '2027-02-15' };
const standard: Price = { amount: 200, currency: 'USD' };
const member: Price = { amount: 160, currency: 'USD', kind: 'member', label: 'APA members' };
const student: Price = { amount: 90, currency: 'USD', kind: 'student' };
const group: Price = { amount: 170, currency: 'USD', kind: 'group', groupSize: 5 };

const shown = (lines: ReturnType<typeof priceLines>) =>
  lines.map(({ who, amount, until }) => [who, amount, until]);

describe('priceLines', () => {
  it('lists the early bird first with its deadline, then standard, member, student and group prices', () => {
    const lines = priceLines(
      [standard, group, student, member, earlyBird],
      ZONE,
      new Date('2027-02-01T12:00:00Z'),
    );
    expect(shown(lines)).toEqual([
      ['Early bird', '$150', 'until Monday, February 15, 2027'],
      ['Standard', '$200', undefined],
      ['APA members', '$160', undefined],
      ['Students', '$90', undefined],
      ['Groups of 5 or more, per person', '$170', undefined],
    ]);
    // The deadline ends with February 15 in New York: midnight EST is 05:00 UTC on the 16th.
    expect(lines[0]?.endsAt).toEqual({
      epochMilliseconds: Date.parse('2027-02-16T05:00:00Z'),
      iso: '2027-02-16T05:00:00Z',
    });
  });

  it('keeps the early bird through its last day and drops it at midnight after, leaving the standard price unlabelled', () => {
    expect(
      shown(priceLines([earlyBird, standard], ZONE, new Date('2027-02-16T04:59:59Z'))),
    ).toEqual([
      ['Early bird', '$150', 'until Monday, February 15, 2027'],
      ['Standard', '$200', undefined],
    ]);
    expect(
      shown(priceLines([earlyBird, standard], ZONE, new Date('2027-02-16T05:00:00Z'))),
    ).toEqual([['', '$200', undefined]]);
  });

  it('shows nothing when the content states no price', () => {
    expect(priceLines([], ZONE, new Date())).toEqual([]);
  });
});

describe('a price of nothing', () => {
  const free: Price = { amount: 0, currency: 'USD' };

  it('reads "Free", alone or beside other prices', () => {
    expect(shown(priceLines([free], ZONE, new Date('2027-02-01T12:00:00Z')))).toEqual([
      ['', 'Free', undefined],
    ]);
    expect(
      shown(
        priceLines(
          [standard, { ...free, kind: 'student' }],
          ZONE,
          new Date('2027-02-01T12:00:00Z'),
        ),
      ),
    ).toEqual([
      ['', '$200', undefined],
      ['Students', 'Free', undefined],
    ]);
  });

  it('makes an offering free only when every price is nothing', () => {
    expect(isFree([free])).toBe(true);
    expect(isFree([free, { ...free, kind: 'member' }])).toBe(true);
    expect(isFree([standard, { ...free, kind: 'student' }])).toBe(false);
    expect(isFree([])).toBe(false);
  });

  it('gives the refund terms no amounts: no "full refund ($0 back)"', () => {
    const price = refundBasePrice([free]);
    expect(price).toBeUndefined();
    const terms = refundTerms(
      {
        format: 'live-online',
        timeZone: ZONE,
        sessions: [{ date: '2027-03-10' }],
        ...(price === undefined ? {} : { price }),
      },
      policySchema.parse({
        name: 'Refunds',
        appliesTo: ['live-online'],
        dayCounting: 'calendar',
        tiers: [
          { minDaysBefore: 7, outcome: 'refund', percent: 100 },
          { minDaysBefore: 0, outcome: 'none' },
        ],
        text: 'Full refund up to 7 days before the course.',
      }),
    );
    expect(terms.periods.map((period) => [period.summary, period.amount])).toEqual([
      ['Cancel on or before Wednesday, March 3, 2027: full refund.', undefined],
      ['Cancel from Thursday, March 4, 2027: no refund.', undefined],
    ]);
  });
});

describe('refundBasePrice', () => {
  it('is the one price when there is one, and unknown when registrants may pay several', () => {
    expect(refundBasePrice([standard])).toEqual({ amount: 200, currency: 'USD' });
    expect(refundBasePrice([earlyBird, standard])).toBeUndefined();
    expect(refundBasePrice([])).toBeUndefined();
  });
});

describe('price rules', () => {
  const problems = (prices: Price[]) =>
    courseRuleProblems(
      courseWith({ prices, sessions: [{ date: '2027-03-10', start: '12:00', end: '15:30' }] }),
    ).map(({ path, message, fix }) => ({ path, message, fix }));

  it('accepts a full price list', () => {
    expect(problems([earlyBird, standard, member, student, group])).toEqual([]);
  });

  it('needs an early-bird deadline before the first session, a group size for group prices, one currency and a standard price', () => {
    expect(problems([{ ...earlyBird, until: undefined } as Price, standard])).toEqual([
      {
        path: ['prices', 0, 'until'],
        message: 'An early-bird price needs the last day it applies.',
        fix: 'Add `until:` with the early-bird deadline.',
      },
    ]);
    expect(problems([{ ...earlyBird, until: '2027-03-10' }, standard])).toEqual([
      {
        path: ['prices', 0, 'until'],
        message: 'The price applies until 2027-03-10, on or after the first session (2027-03-10).',
        fix: 'Correct `until`, or remove it if the price applies until registration closes.',
      },
    ]);
    expect(problems([standard, { amount: 170, currency: 'USD', kind: 'group' }])).toEqual([
      {
        path: ['prices', 1, 'groupSize'],
        message: 'A group price needs the smallest group it applies to.',
        fix: 'Add `groupSize:`, such as `groupSize: 5`.',
      },
    ]);
    expect(problems([{ ...standard, groupSize: 3 }])).toEqual([
      {
        path: ['prices', 0, 'groupSize'],
        message: '`groupSize` is for group prices; this is a standard price.',
        fix: 'Add `kind: group`, or remove `groupSize`.',
      },
    ]);
    expect(problems([standard, { amount: 150, currency: 'GBP', kind: 'member' }])).toEqual([
      {
        path: ['prices'],
        message: "The prices are in USD and GBP: one offering's prices share a currency.",
        fix: 'Give every price of the offering in the same currency, or make another offering for the other currency.',
      },
    ]);
    expect(problems([member])).toEqual([
      {
        path: ['prices'],
        message:
          'The prices have no standard price, so nobody knows what they pay once the others end.',
        fix: 'Add the standard price, such as `- { amount: 200, currency: USD }`.',
      },
    ]);
  });
});
