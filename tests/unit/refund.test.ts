import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Money } from '../../src/schemas/common.ts';
import type { CourseFormat } from '../../src/schemas/format.ts';
import { policySchema } from '../../src/schemas/policy.ts';
import { formatMoney } from '../../src/lib/money.ts';
import { refundDeadline, refundTerms, type RefundCourse } from '../../src/lib/refund.ts';

// The seed's own policy file, so these tests break if its published facts change.
const praxis = policySchema.parse(parse(readFileSync(new URL('../../content/policies/praxis-refund.yaml', import.meta.url), 'utf8')));

function course(format: CourseFormat, dates: string[], price?: Money): RefundCourse {
  return {
    format,
    timeZone: 'America/New_York',
    sessions: dates.map((date) => ({ date, start: '09:00', end: '17:00', agenda: [] })),
    ...(price === undefined ? {} : { price }),
  };
}

const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const seed = course('live-online', ['2020-10-19', '2020-10-26', '2020-11-02', '2020-11-09']);
const thirtyDollars = { label: 'online course', text: '$30', amount: { money: usd(30), text: '$30' } };

describe('refundTerms for the seed course', () => {
  it('gives the online-course fee, a full refund until Oct 5 and a credit from Oct 6', () => {
    expect(refundTerms(seed, praxis)).toStrictEqual({
      dayCounting: 'calendar',
      timeZone: 'America/New_York',
      startDate: '2020-10-19',
      courseDays: 4,
      fee: thirtyDollars,
      periods: [
        {
          outcome: 'refund',
          percent: 100,
          deductFee: true,
          minDaysBefore: 14,
          lastDay: '2020-10-05',
          fee: thirtyDollars,
          summary: 'Cancel on or before Monday, October 5, 2020: full refund minus the $30 administrative fee.',
        },
        {
          outcome: 'credit',
          percent: 100,
          deductFee: false,
          minDaysBefore: 0,
          firstDay: '2020-10-06',
          creditValidMonths: 12,
          summary:
            'Cancel from Tuesday, October 6, 2020: no refund; a credit for the full amount toward another learning product, valid for 12 months.',
        },
      ],
    });
  });

  it('gives Oct 5, 2020 as the refund deadline', () => {
    expect(refundDeadline(refundTerms(seed, praxis))).toBe('2020-10-05');
  });
});

describe('the fee that applies', () => {
  it('charges $30 for a 2-day in-person workshop, counting distinct dates, in any order', () => {
    const twoDays = course('in-person', ['2020-10-20', '2020-10-19', '2020-10-19']);
    const terms = refundTerms(twoDays, praxis);
    expect(terms.courseDays).toBe(2);
    expect(terms.startDate).toBe('2020-10-19');
    expect(terms.fee).toStrictEqual({ label: '2-day workshop', text: '$30', amount: { money: usd(30), text: '$30' } });
  });

  it('charges $50 for a 4-day in-person workshop', () => {
    const terms = refundTerms(course('in-person', ['2020-10-19', '2020-10-20', '2020-10-21', '2020-10-22']), praxis);
    expect(terms.fee).toStrictEqual({ label: '4-day workshop', text: '$50', amount: { money: usd(50), text: '$50' } });
    expect(terms.periods[0]?.summary).toBe('Cancel on or before Monday, October 5, 2020: full refund minus the $50 administrative fee.');
  });

  it('charges no fee for a 3-day in-person workshop, which the policy does not price', () => {
    const terms = refundTerms(course('in-person', ['2020-10-19', '2020-10-20', '2020-10-21']), praxis);
    expect(terms.fee).toBeUndefined();
    expect(terms.periods[0]).toStrictEqual({
      outcome: 'refund',
      percent: 100,
      deductFee: true,
      minDaysBefore: 14,
      lastDay: '2020-10-05',
      summary: 'Cancel on or before Monday, October 5, 2020: full refund.',
    });
  });

  it('states a percentage fee, and its amount when the price is known', () => {
    const policy = policySchema.parse({
      name: 'Percent fee',
      appliesTo: ['live-online'],
      tiers: [{ minDaysBefore: 7, outcome: 'refund', deductFee: true }, { minDaysBefore: 0, outcome: 'none' }],
      fees: [{ label: 'processing', percent: 10 }],
      text: 'A 10% fee.',
    });
    const priced = refundTerms(course('live-online', ['2020-10-19'], usd(250)), policy);
    expect(priced.fee).toStrictEqual({ label: 'processing', text: '10% of the price', percent: 10, amount: { money: usd(25), text: '$25' } });
    expect(priced.periods.map((p) => p.amount)).toStrictEqual([{ money: usd(225), text: '$225 back' }, undefined]);
    expect(priced.periods.map((p) => p.summary)).toStrictEqual([
      'Cancel on or before Monday, October 12, 2020: full refund minus an administrative fee of 10% of the price.',
      'Cancel from Tuesday, October 13, 2020: no refund.',
    ]);

    const unpriced = refundTerms(course('live-online', ['2020-10-19']), policy);
    expect(unpriced.fee).toStrictEqual({ label: 'processing', text: '10% of the price', percent: 10 });
    expect(unpriced.periods[0]?.amount).toBeUndefined();
  });
});

describe('period dates', () => {
  const twoDaysNotice = (dayCounting: 'calendar' | 'business') =>
    policySchema.parse({
      name: 'Two days',
      appliesTo: ['in-person'],
      dayCounting,
      tiers: [{ minDaysBefore: 2, outcome: 'refund' }, { minDaysBefore: 0, outcome: 'none' }],
      text: 'Two days.',
    });
  // Tuesday 2020-10-20: two business days back skip the weekend to Friday.
  const tuesday = course('in-person', ['2020-10-20']);

  it('counts business days back across a weekend', () => {
    const terms = refundTerms(tuesday, twoDaysNotice('business'));
    expect(terms.periods.map((p) => [p.firstDay, p.lastDay])).toStrictEqual([
      [undefined, '2020-10-16'],
      ['2020-10-17', undefined],
    ]);
    expect(terms.periods.map((p) => p.summary)).toStrictEqual([
      'Cancel on or before Friday, October 16, 2020: full refund.',
      'Cancel from Saturday, October 17, 2020: no refund.',
    ]);
  });

  it('counts calendar days through the weekend', () => {
    expect(refundTerms(tuesday, twoDaysNotice('calendar')).periods[0]?.lastDay).toBe('2020-10-18');
  });

  const threeTiers = policySchema.parse({
    name: 'Three tiers',
    appliesTo: ['in-person'],
    tiers: [
      { minDaysBefore: 8, outcome: 'refund' },
      { minDaysBefore: 3, outcome: 'refund', percent: 50, deductFee: true },
      { minDaysBefore: 0, outcome: 'none', deductFee: true },
    ],
    fees: [{ label: 'any course', fixed: usd(30) }],
    text: 'Full refund more than 7 days before; half, minus the fee, 3 to 7 days before; nothing after.',
  });

  it('gives a three-tier policy three consecutive periods with amounts', () => {
    const terms = refundTerms(course('in-person', ['2020-10-19'], usd(300)), threeTiers);
    expect(terms.periods).toStrictEqual([
      {
        outcome: 'refund',
        percent: 100,
        deductFee: false,
        minDaysBefore: 8,
        lastDay: '2020-10-11',
        amount: { money: usd(300), text: '$300 back' },
        summary: 'Cancel on or before Sunday, October 11, 2020: full refund.',
      },
      {
        outcome: 'refund',
        percent: 50,
        deductFee: true,
        minDaysBefore: 3,
        firstDay: '2020-10-12',
        lastDay: '2020-10-16',
        fee: { label: 'any course', text: '$30', amount: { money: usd(30), text: '$30' } },
        amount: { money: usd(120), text: '$120 back' },
        summary: 'Cancel between Monday, October 12, 2020 and Friday, October 16, 2020: 50% refund minus the $30 administrative fee.',
      },
      {
        // Nothing is paid back, so no share and no fee, whatever the tier's defaults say.
        outcome: 'none',
        percent: 0,
        deductFee: false,
        minDaysBefore: 0,
        firstDay: '2020-10-17',
        summary: 'Cancel from Saturday, October 17, 2020: no refund.',
      },
    ]);
    expect(refundDeadline(terms)).toBe('2020-10-16');
  });

  it('takes the start date as the deadline of a refund that runs until the start', () => {
    const untilStart = policySchema.parse({
      name: 'Any time',
      appliesTo: ['in-person'],
      tiers: [{ minDaysBefore: 0, outcome: 'refund' }],
      text: 'Full refund any time before the start.',
    });
    const terms = refundTerms(course('in-person', ['2020-10-19']), untilStart);
    expect(terms.periods.map((p) => p.summary)).toStrictEqual(['Cancel any time before the start: full refund.']);
    expect(refundDeadline(terms)).toBe('2020-10-19');
  });

  it('has no refund deadline when no tier refunds', () => {
    const creditOnly = policySchema.parse({
      name: 'Credit only',
      appliesTo: ['in-person'],
      tiers: [{ minDaysBefore: 0, outcome: 'credit', percent: 50 }],
      text: 'Half as a credit.',
    });
    const terms = refundTerms(course('in-person', ['2020-10-19'], usd(100)), creditOnly);
    expect(terms.periods[0]?.summary).toBe(
      'Cancel any time before the start: no refund; a credit for 50% of the amount toward another learning product.',
    );
    expect(terms.periods[0]?.amount).toStrictEqual({ money: usd(50), text: '$50 credit' });
    expect(refundDeadline(terms)).toBeUndefined();
  });
});

describe('amounts', () => {
  it('keeps cents, rounds half a cent up, and never goes below zero', () => {
    const cents = refundTerms(course('live-online', ['2020-10-19'], usd(149.99)), praxis);
    expect(cents.periods.map((p) => p.amount)).toStrictEqual([
      { money: usd(119.99), text: '$119.99 back' },
      { money: usd(149.99), text: '$149.99 credit' },
    ]);

    const half = policySchema.parse({
      name: 'Half',
      appliesTo: ['live-online'],
      tiers: [{ minDaysBefore: 0, outcome: 'refund', percent: 50 }],
      text: 'Half back.',
    });
    expect(refundTerms(course('live-online', ['2020-10-19'], usd(149.99)), half).periods[0]?.amount).toStrictEqual({
      money: usd(75),
      text: '$75 back',
    });

    const cheap = refundTerms(course('live-online', ['2020-10-19'], usd(20)), praxis);
    expect(cheap.periods[0]?.amount).toStrictEqual({ money: usd(0), text: '$0 back' });
  });

  it('leaves the amount out when the fee is in another currency than the price', () => {
    const euros = refundTerms(course('live-online', ['2020-10-19'], { amount: 300, currency: 'EUR' }), praxis);
    expect(euros.periods.map((p) => p.amount)).toStrictEqual([undefined, { money: { amount: 300, currency: 'EUR' }, text: '€300 credit' }]);
  });

  it('formats money without decimals only when whole', () => {
    expect([usd(30), usd(74.5), usd(1234.56), { amount: 5000, currency: 'JPY' }].map((money) => formatMoney(money))).toStrictEqual([
      '$30',
      '$74.50',
      '$1,234.56',
      '¥5,000',
    ]);
  });
});

describe('on-demand courses', () => {
  it('states the periods in days of notice, without dates', () => {
    const terms = refundTerms(course('on-demand', []), praxis);
    expect(terms).toStrictEqual({
      dayCounting: 'calendar',
      timeZone: 'America/New_York',
      courseDays: 0,
      periods: [
        {
          outcome: 'refund',
          percent: 100,
          deductFee: true,
          minDaysBefore: 14,
          summary: 'Cancel at least 14 days before the start: full refund.',
        },
        {
          outcome: 'credit',
          percent: 100,
          deductFee: false,
          minDaysBefore: 0,
          creditValidMonths: 12,
          summary:
            'Cancel less than 14 days before the start: no refund; a credit for the full amount toward another learning product, valid for 12 months.',
        },
      ],
    });
    expect(refundDeadline(terms)).toBeUndefined();
  });

  it('names business days and the middle tier of three', () => {
    const policy = policySchema.parse({
      name: 'Business',
      appliesTo: ['on-demand'],
      dayCounting: 'business',
      tiers: [
        { minDaysBefore: 10, outcome: 'refund' },
        { minDaysBefore: 1, outcome: 'refund', percent: 50 },
        { minDaysBefore: 0, outcome: 'none' },
      ],
      text: 'Business days.',
    });
    expect(refundTerms(course('on-demand', []), policy).periods.map((p) => p.summary)).toStrictEqual([
      'Cancel at least 10 business days before the start: full refund.',
      'Cancel at least 1 business day but less than 10 business days before the start: 50% refund.',
      'Cancel less than 1 business day before the start: no refund.',
    ]);
  });
});
