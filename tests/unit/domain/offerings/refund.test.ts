import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadHolidayRules } from '../../../../src/domain/time/holidays.ts';
import type { Money } from '../../../../src/collections/schemas/common.ts';
import type { CourseFormat } from '../../../../src/collections/schemas/format.ts';
import { policySchema } from '../../../../src/collections/schemas/policy.ts';
import { formatMoney } from '../../../../src/domain/offerings/money.ts';
import {
  fullRefundDeadline,
  refundDeadline,
  refundTerms,
  type RefundOffering,
  type RefundTerms,
} from '../../../../src/domain/offerings/refund.ts';

// The seed's own policy file, so these tests break if its published facts change.
const praxis = policySchema.parse(
  parse(
    readFileSync(
      new URL('../../../../content/policies/praxis-refund.yaml', import.meta.url),
      'utf8',
    ),
  ),
);

function course(format: CourseFormat, dates: string[], price?: Money): RefundOffering {
  return {
    format,
    timeZone: 'America/New_York',
    sessions: dates.map((date) => ({ date, start: '09:00', end: '17:00', agenda: [] })),
    ...(price === undefined ? {} : { price }),
  };
}

/** An on-demand offering: no sessions, and here no zone either. */
function onDemand(price?: Money): RefundOffering {
  return { format: 'on-demand', sessions: [], ...(price === undefined ? {} : { price }) };
}

const usd = (amount: number): Money => ({ amount, currency: 'USD' });
const summaries = (terms: RefundTerms) => terms.periods.map((p) => p.summary);
const seed = course('live-online', ['2020-10-19', '2020-10-26', '2020-11-02', '2020-11-09']);
const thirtyDollars = {
  name: 'administrative processing fee',
  label: 'online course',
  text: '$30',
  amount: { money: usd(30), text: '$30' },
};

// Business days skip public holidays, whose rules load on demand (holidays.ts).
beforeAll(loadHolidayRules);

describe('refundTerms for the seed course', () => {
  it('gives the online-course fee, a refund minus it until Oct 5 and a credit from Oct 6', () => {
    expect(refundTerms(seed, praxis)).toStrictEqual({
      dayCounting: 'calendar',
      timeZone: 'America/New_York',
      startDate: '2020-10-19',
      courseDays: 4,
      fee: thirtyDollars,
      periods: [
        {
          outcome: 'refund',
          outcomes: ['refund'],
          percent: 100,
          // 100% minus a fee is not a full refund.
          full: false,
          deductFee: true,
          minDaysBefore: 14,
          lastDay: '2020-10-05',
          fee: thirtyDollars,
          feeName: 'administrative processing fee',
          summary:
            'Cancel on or before Monday, October 5, 2020: refund minus the $30 administrative processing fee.',
        },
        {
          outcome: 'credit',
          outcomes: ['credit'],
          percent: 100,
          full: false,
          deductFee: false,
          minDaysBefore: 0,
          firstDay: '2020-10-06',
          creditValidMonths: 12,
          creditValidFrom: 'cancellation',
          summary:
            'Cancel from Tuesday, October 6, 2020: no refund; a credit for the full amount toward another learning product, valid for 12 months.',
        },
      ],
    });
  });

  it('gives Oct 5, 2020 as the refund deadline, of a refund that is not full, and no full-refund deadline', () => {
    const terms = refundTerms(seed, praxis);
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-10-05', full: false });
    expect(fullRefundDeadline(terms)).toBeUndefined();
  });

  it('states what comes back when the price is known', () => {
    const terms = refundTerms(course('live-online', ['2020-10-19'], usd(300)), praxis);
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Monday, October 5, 2020: refund minus the $30 administrative processing fee ($270 back).',
      'Cancel from Tuesday, October 6, 2020: no refund; a credit for the full amount toward another learning product, valid for 12 months ($300 credit).',
    ]);
    expect(terms.periods.map((p) => p.amount)).toStrictEqual([
      { money: usd(270), text: '$270 back' },
      { money: usd(300), text: '$300 credit' },
    ]);
  });
});

describe('the fee that applies', () => {
  it('charges $30 for a 2-day in-person workshop, counting distinct dates, in any order', () => {
    const twoDays = course('in-person', ['2020-10-20', '2020-10-19', '2020-10-19']);
    const terms = refundTerms(twoDays, praxis);
    expect(terms.courseDays).toBe(2);
    expect(terms.startDate).toBe('2020-10-19');
    expect(terms.fee).toStrictEqual({
      name: 'administrative processing fee',
      label: '2-day workshop',
      text: '$30',
      amount: { money: usd(30), text: '$30' },
    });
  });

  it('charges $50 for a 4-day in-person workshop', () => {
    const terms = refundTerms(
      course('in-person', ['2020-10-19', '2020-10-20', '2020-10-21', '2020-10-22']),
      praxis,
    );
    expect(terms.fee).toStrictEqual({
      name: 'administrative processing fee',
      label: '4-day workshop',
      text: '$50',
      amount: { money: usd(50), text: '$50' },
    });
    expect(terms.periods[0]?.summary).toBe(
      'Cancel on or before Monday, October 5, 2020: refund minus the $50 administrative processing fee.',
    );
  });

  it('charges no fee for a 3-day in-person workshop, which the policy does not price, so the refund is full', () => {
    const terms = refundTerms(
      course('in-person', ['2020-10-19', '2020-10-20', '2020-10-21']),
      praxis,
    );
    expect(terms.fee).toBeUndefined();
    expect(terms.periods[0]).toStrictEqual({
      outcome: 'refund',
      outcomes: ['refund'],
      percent: 100,
      full: true,
      deductFee: true,
      minDaysBefore: 14,
      lastDay: '2020-10-05',
      summary: 'Cancel on or before Monday, October 5, 2020: full refund.',
    });
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-10-05', full: true });
    expect(fullRefundDeadline(terms)).toBe('2020-10-05');
  });

  it('states an unnamed percentage fee, and its amount when the price is known', () => {
    const policy = policySchema.parse({
      name: 'Percent fee',
      appliesTo: ['live-online'],
      tiers: [
        { minDaysBefore: 7, outcome: 'refund', deductFee: true },
        { minDaysBefore: 0, outcome: 'none' },
      ],
      fees: [{ label: 'processing', percent: 10 }],
      text: 'A 10% fee.',
    });
    const priced = refundTerms(course('live-online', ['2020-10-19'], usd(250)), policy);
    expect(priced.fee).toStrictEqual({
      name: 'fee',
      label: 'processing',
      text: '10% of the price',
      percent: 10,
      amount: { money: usd(25), text: '$25' },
    });
    expect(priced.periods.map((p) => p.amount)).toStrictEqual([
      { money: usd(225), text: '$225 back' },
      undefined,
    ]);
    expect(summaries(priced)).toStrictEqual([
      'Cancel on or before Monday, October 12, 2020: refund minus the 10% fee ($25), $225 back.',
      'Cancel from Tuesday, October 13, 2020: no refund.',
    ]);

    const unpriced = refundTerms(course('live-online', ['2020-10-19']), policy);
    expect(unpriced.fee).toStrictEqual({
      name: 'fee',
      label: 'processing',
      text: '10% of the price',
      percent: 10,
    });
    expect(unpriced.periods[0]?.amount).toBeUndefined();
    expect(unpriced.periods[0]?.summary).toBe(
      'Cancel on or before Monday, October 12, 2020: refund minus a fee of 10% of the price.',
    );
  });

  // A policy whose only charge is a 15% processing fee: its refund is never "full".
  const fifteenPercent = policySchema.parse({
    name: 'Fifteen percent',
    appliesTo: ['live-online'],
    tiers: [{ minDaysBefore: 0, outcome: 'refund', fee: { name: 'processing fee', percent: 15 } }],
    text: 'Refunds minus a 15% processing fee.',
  });

  it('names a tier’s own percentage fee, with its amount when the price is known, and never calls that refund full', () => {
    const priced = refundTerms(course('live-online', ['2020-10-19'], usd(300)), fifteenPercent);
    expect(priced.fee).toBeUndefined();
    expect(priced.periods).toStrictEqual([
      {
        outcome: 'refund',
        outcomes: ['refund'],
        percent: 100,
        full: false,
        deductFee: true,
        minDaysBefore: 0,
        fee: {
          name: 'processing fee',
          text: '15% of the price',
          percent: 15,
          amount: { money: usd(45), text: '$45' },
        },
        feeName: 'processing fee',
        amount: { money: usd(255), text: '$255 back' },
        summary:
          'Cancel any time before the start: refund minus the 15% processing fee ($45), $255 back.',
      },
    ]);
    expect(refundDeadline(priced)).toStrictEqual({ date: '2020-10-19', full: false });
    expect(fullRefundDeadline(priced)).toBeUndefined();

    const unpriced = refundTerms(course('live-online', ['2020-10-19']), fifteenPercent);
    expect(summaries(unpriced)).toStrictEqual([
      'Cancel any time before the start: refund minus a processing fee of 15% of the price.',
    ]);
    expect(unpriced.periods[0]?.full).toBe(false);
  });

  it('takes a tier’s own fixed fee instead of the policy’s matching fee', () => {
    const policy = policySchema.parse({
      name: 'Late fee',
      appliesTo: ['in-person'],
      tiers: [
        { minDaysBefore: 14, outcome: 'refund', deductFee: true },
        {
          minDaysBefore: 3,
          outcome: 'refund',
          deductFee: true,
          fee: { name: 'late-cancel fee', fixed: usd(75) },
        },
        { minDaysBefore: 0, outcome: 'none' },
      ],
      fees: [{ label: 'any course', name: 'administrative processing fee', fixed: usd(30) }],
      text: 'A late fee.',
    });
    const terms = refundTerms(course('in-person', ['2020-10-19'], usd(300)), policy);
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Monday, October 5, 2020: refund minus the $30 administrative processing fee ($270 back).',
      'Cancel between Tuesday, October 6, 2020 and Friday, October 16, 2020: refund minus the $75 late-cancel fee ($225 back).',
      'Cancel from Saturday, October 17, 2020: no refund.',
    ]);
    expect(terms.periods.map((p) => p.feeName)).toStrictEqual([
      'administrative processing fee',
      'late-cancel fee',
      undefined,
    ]);
  });
});

describe('outcomes', () => {
  const outcomes = policySchema.parse({
    name: 'Every outcome',
    appliesTo: ['in-person'],
    tiers: [
      { minDaysBefore: 30, outcome: ['refund', 'credit', 'transfer'], deductFee: true },
      { minDaysBefore: 10, outcome: 'transfer', fee: { name: 'transfer fee', fixed: usd(40) } },
      { outcome: 'substitution' },
    ],
    fees: [{ label: 'workshop', name: 'administrative processing fee', fixed: usd(30) }],
    text: 'Refund, credit or transfer a month ahead; then a transfer; then a substitute.',
  });

  it('offers a choice, a transfer and a substitute, each with its fee', () => {
    const terms = refundTerms(course('in-person', ['2020-10-19'], usd(300)), outcomes);
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Saturday, September 19, 2020: your choice of a refund minus the $30 administrative processing fee ($270 back), a credit for the full amount minus the $30 administrative processing fee toward another learning product ($270 credit) or a transfer to another date of this course, for the $30 administrative processing fee.',
      'Cancel between Sunday, September 20, 2020 and Friday, October 9, 2020: no refund; a transfer to another date of this course, for the $40 transfer fee.',
      'Cancel from Saturday, October 10, 2020: no refund; a substitute may attend in your place.',
    ]);
    expect(
      terms.periods.map((p) => [p.outcome, p.outcomes, p.percent, p.full, p.amount?.text]),
    ).toStrictEqual([
      ['refund', ['refund', 'credit', 'transfer'], 100, false, '$270 back'],
      ['transfer', ['transfer'], 0, false, undefined],
      ['substitution', ['substitution'], 0, false, undefined],
    ]);
    // A choice that includes a refund counts as a refund.
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-09-19', full: false });
    expect(fullRefundDeadline(terms)).toBeUndefined();
  });

  it('states a share below 100% as a percentage, alone and in a choice', () => {
    const policy = policySchema.parse({
      name: 'Eighty-five',
      appliesTo: ['in-person'],
      tiers: [
        { minDaysBefore: 7, outcome: 'refund', percent: 85 },
        { minDaysBefore: 0, outcome: ['refund', 'credit'], percent: 85, creditValidMonths: 1 },
      ],
      text: '85% back.',
    });
    const terms = refundTerms(course('in-person', ['2020-10-19'], usd(200)), policy);
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Monday, October 12, 2020: 85% refund ($170 back).',
      'Cancel from Tuesday, October 13, 2020: your choice of an 85% refund ($170 back) or a credit for 85% of the amount toward another learning product, valid for 1 month ($170 credit).',
    ]);
    expect(terms.periods.map((p) => p.full)).toStrictEqual([false, false]);
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-10-19', full: false });
  });
});

describe('tiers by format', () => {
  // One policy for three formats: in-person and live-online count days before the start, each
  // with its own notice; on-demand counts from purchase.
  const byFormat = policySchema.parse({
    name: 'By format',
    appliesTo: ['in-person', 'live-online', 'on-demand'],
    tiers: [
      { formats: ['in-person'], minDaysBefore: 14, outcome: 'refund', deductFee: true },
      { formats: ['live-online'], minDaysBefore: 7, outcome: 'refund' },
      { formats: ['in-person', 'live-online'], outcome: 'credit', creditValidMonths: 12 },
      {
        formats: ['on-demand'],
        withinDays: 7,
        outcome: 'refund',
        condition: 'if you have not started the course',
      },
      { formats: ['on-demand'], outcome: 'none' },
    ],
    fees: [{ label: 'any course', name: 'administrative fee', fixed: usd(25) }],
    text: 'By format.',
  });

  it('gives an in-person offering its own tiers', () => {
    expect(
      summaries(refundTerms(course('in-person', ['2020-10-19'], usd(200)), byFormat)),
    ).toStrictEqual([
      'Cancel on or before Monday, October 5, 2020: refund minus the $25 administrative fee ($175 back).',
      'Cancel from Tuesday, October 6, 2020: no refund; a credit for the full amount toward another learning product, valid for 12 months ($200 credit).',
    ]);
  });

  it('gives a live-online offering its own tiers', () => {
    const terms = refundTerms(course('live-online', ['2020-10-19'], usd(200)), byFormat);
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Monday, October 12, 2020: full refund ($200 back).',
      'Cancel from Tuesday, October 13, 2020: no refund; a credit for the full amount toward another learning product, valid for 12 months ($200 credit).',
    ]);
    expect(fullRefundDeadline(terms)).toBe('2020-10-12');
  });

  it('gives an on-demand offering periods from purchase, without dates or a zone', () => {
    const terms = refundTerms(onDemand(usd(200)), byFormat);
    expect(terms).toStrictEqual({
      dayCounting: 'calendar',
      courseDays: 0,
      countsFrom: 'purchase',
      fee: {
        name: 'administrative fee',
        label: 'any course',
        text: '$25',
        amount: { money: usd(25), text: '$25' },
      },
      periods: [
        {
          outcome: 'refund',
          outcomes: ['refund'],
          percent: 100,
          full: true,
          deductFee: false,
          withinDays: 7,
          condition: 'if you have not started the course',
          amount: { money: usd(200), text: '$200 back' },
          summary:
            'Within 7 days of purchase, if you have not started the course: full refund ($200 back).',
        },
        {
          outcome: 'none',
          outcomes: ['none'],
          percent: 0,
          full: false,
          deductFee: false,
          summary: 'After 7 days of purchase: no refund.',
        },
      ],
    });
    // No dates, so no deadline to show.
    expect(refundDeadline(terms)).toBeUndefined();
    expect(fullRefundDeadline(terms)).toBeUndefined();
  });

  it('says all sales are final when the one on-demand tier gives nothing', () => {
    const policy = policySchema.parse({
      name: 'Final',
      appliesTo: ['live-online', 'on-demand'],
      tiers: [
        { minDaysBefore: 14, outcome: 'refund' },
        { minDaysBefore: 0, outcome: 'credit' },
        { formats: ['on-demand'], outcome: 'none' },
      ],
      text: 'On-demand sales are final.',
    });
    expect(summaries(refundTerms(onDemand(), policy))).toStrictEqual([
      'All sales are final: no refund.',
    ]);
    expect(summaries(refundTerms(course('live-online', ['2020-10-19']), policy))).toStrictEqual([
      'Cancel on or before Monday, October 5, 2020: full refund.',
      'Cancel from Tuesday, October 6, 2020: no refund; a credit for the full amount toward another learning product.',
    ]);
  });

  it('gives an on-demand offering no periods under tiers that all count days before a start', () => {
    const dated = policySchema.parse({
      name: 'Dated only',
      appliesTo: ['live-online', 'on-demand'],
      tiers: [
        { minDaysBefore: 14, outcome: 'refund' },
        { minDaysBefore: 0, outcome: 'none' },
      ],
      text: 'Dated only.',
    });
    expect(refundTerms(onDemand(), dated).periods).toStrictEqual([]);
    expect(refundTerms(onDemand(), praxis).periods).toStrictEqual([]);
  });
});

describe('on-demand counting', () => {
  const fromAccess = policySchema.parse({
    name: 'From access',
    appliesTo: ['on-demand'],
    onDemandFrom: 'access',
    tiers: [
      {
        withinDays: 14,
        outcome: ['refund', 'credit'],
        creditValidMonths: 6,
        creditValidFrom: 'purchase',
      },
      { withinDays: 30, outcome: 'credit', percent: 50 },
      { outcome: 'none' },
    ],
    text: 'Counted from first access.',
  });

  it('counts from first opening the course', () => {
    const terms = refundTerms(onDemand(usd(100)), fromAccess);
    expect(terms.countsFrom).toBe('access');
    expect(summaries(terms)).toStrictEqual([
      'Within 14 days of first opening the course: your choice of a full refund ($100 back) or a credit for the full amount toward another learning product, valid for 6 months from purchase ($100 credit).',
      'After 14 days and within 30 days of first opening the course: no refund; a credit for 50% of the amount toward another learning product ($50 credit).',
      'After 30 days of first opening the course: no refund.',
    ]);
    expect(
      terms.periods.map((p) => [p.withinDays, p.creditValidMonths, p.creditValidFrom]),
    ).toStrictEqual([
      [14, 6, 'purchase'],
      [30, undefined, undefined],
      [undefined, undefined, undefined],
    ]);
  });

  it('counts business days from purchase', () => {
    const policy = policySchema.parse({
      name: 'Business',
      appliesTo: ['on-demand'],
      dayCounting: 'business',
      tiers: [
        { withinDays: 1, outcome: 'refund' },
        { withinDays: 5, outcome: 'refund', percent: 50 },
        { outcome: 'none' },
      ],
      text: 'Business days.',
    });
    expect(summaries(refundTerms(onDemand(), policy))).toStrictEqual([
      'Within 1 business day of purchase: full refund.',
      'After 1 business day and within 5 business days of purchase: 50% refund.',
      'After 5 business days of purchase: no refund.',
    ]);
  });
});

describe('period dates', () => {
  const twoDaysNotice = (dayCounting: 'calendar' | 'business') =>
    policySchema.parse({
      name: 'Two days',
      appliesTo: ['in-person'],
      dayCounting,
      tiers: [
        { minDaysBefore: 2, outcome: 'refund' },
        { minDaysBefore: 0, outcome: 'none' },
      ],
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
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Friday, October 16, 2020: full refund.',
      'Cancel from Saturday, October 17, 2020: no refund.',
    ]);
  });

  it('counts calendar days through the weekend', () => {
    expect(refundTerms(tuesday, twoDaysNotice('calendar')).periods[0]?.lastDay).toBe('2020-10-18');
  });

  const tenBusinessDays = (holidays?: { country?: string; dates?: string[] }) =>
    policySchema.parse({
      name: 'Ten business days',
      appliesTo: ['in-person'],
      dayCounting: 'business',
      ...(holidays === undefined ? {} : { holidays }),
      tiers: [
        { minDaysBefore: 10, outcome: 'refund' },
        { minDaysBefore: 0, outcome: 'none' },
      ],
      text: 'Ten business days.',
    });
  const july12 = course('in-person', ['2027-07-12']);

  it('skips a public holiday: Independence Day 2027 is observed on Monday, July 5', () => {
    expect(summaries(refundTerms(july12, tenBusinessDays({ country: 'US' })))).toStrictEqual([
      'Cancel on or before Friday, June 25, 2027: full refund.',
      'Cancel from Saturday, June 26, 2027: no refund.',
    ]);
    // Without holidays, Monday, July 5 counts.
    expect(refundTerms(july12, tenBusinessDays()).periods[0]?.lastDay).toBe('2027-06-28');
  });

  it('skips the dates a policy lists', () => {
    expect(
      refundTerms(july12, tenBusinessDays({ dates: ['2027-07-08', '2027-07-09'] })).periods[0]
        ?.lastDay,
    ).toBe('2027-06-24');
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
        outcomes: ['refund'],
        percent: 100,
        full: true,
        deductFee: false,
        minDaysBefore: 8,
        lastDay: '2020-10-11',
        amount: { money: usd(300), text: '$300 back' },
        summary: 'Cancel on or before Sunday, October 11, 2020: full refund ($300 back).',
      },
      {
        outcome: 'refund',
        outcomes: ['refund'],
        percent: 50,
        full: false,
        deductFee: true,
        minDaysBefore: 3,
        firstDay: '2020-10-12',
        lastDay: '2020-10-16',
        fee: {
          name: 'fee',
          label: 'any course',
          text: '$30',
          amount: { money: usd(30), text: '$30' },
        },
        feeName: 'fee',
        amount: { money: usd(120), text: '$120 back' },
        summary:
          'Cancel between Monday, October 12, 2020 and Friday, October 16, 2020: 50% refund minus the $30 fee ($120 back).',
      },
      {
        // Nothing is paid back, so no share and no fee, whatever the tier's defaults say.
        outcome: 'none',
        outcomes: ['none'],
        percent: 0,
        full: false,
        deductFee: false,
        minDaysBefore: 0,
        firstDay: '2020-10-17',
        summary: 'Cancel from Saturday, October 17, 2020: no refund.',
      },
    ]);
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-10-16', full: false });
  });

  it('keeps the full-refund deadline at the last full refund, before a later refund minus a fee', () => {
    const policy = policySchema.parse({
      name: 'Full, late, none',
      appliesTo: ['in-person'],
      tiers: [
        { minDaysBefore: 30, outcome: 'refund' },
        { minDaysBefore: 7, outcome: 'refund', fee: { name: 'late-cancel fee', fixed: usd(50) } },
        { outcome: 'none' },
      ],
      text: 'Full refund until 30 days before, minus a late-cancel fee until 7 days before, then none.',
    });
    const terms = refundTerms(course('in-person', ['2020-10-19'], usd(300)), policy);
    expect(summaries(terms)).toStrictEqual([
      'Cancel on or before Saturday, September 19, 2020: full refund ($300 back).',
      'Cancel between Sunday, September 20, 2020 and Monday, October 12, 2020: refund minus the $50 late-cancel fee ($250 back).',
      'Cancel from Tuesday, October 13, 2020: no refund.',
    ]);
    expect(fullRefundDeadline(terms)).toBe('2020-09-19');
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-10-12', full: false });
  });

  it('takes the start date as the deadline of a refund that runs until the start', () => {
    const untilStart = policySchema.parse({
      name: 'Any time',
      appliesTo: ['in-person'],
      tiers: [{ minDaysBefore: 0, outcome: 'refund' }],
      text: 'Full refund any time before the start.',
    });
    const terms = refundTerms(course('in-person', ['2020-10-19']), untilStart);
    expect(summaries(terms)).toStrictEqual(['Cancel any time before the start: full refund.']);
    expect(refundDeadline(terms)).toStrictEqual({ date: '2020-10-19', full: true });
    expect(fullRefundDeadline(terms)).toBe('2020-10-19');
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
      'Cancel any time before the start: no refund; a credit for 50% of the amount toward another learning product ($50 credit).',
    );
    expect(terms.periods[0]?.amount).toStrictEqual({ money: usd(50), text: '$50 credit' });
    expect(refundDeadline(terms)).toBeUndefined();
    expect(fullRefundDeadline(terms)).toBeUndefined();
  });

  it('states days of notice for a dated offering whose sessions are not set yet', () => {
    const policy = policySchema.parse({
      name: 'Business',
      appliesTo: ['in-person'],
      dayCounting: 'business',
      tiers: [
        { minDaysBefore: 10, outcome: 'refund' },
        { minDaysBefore: 1, outcome: 'refund', percent: 50 },
        { minDaysBefore: 0, outcome: 'none' },
      ],
      text: 'Business days.',
    });
    const terms = refundTerms(course('in-person', []), policy);
    expect(summaries(terms)).toStrictEqual([
      'Cancel at least 10 business days before the start: full refund.',
      'Cancel at least 1 business day but less than 10 business days before the start: 50% refund.',
      'Cancel less than 1 business day before the start: no refund.',
    ]);
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
    expect(
      refundTerms(course('live-online', ['2020-10-19'], usd(149.99)), half).periods[0]?.amount,
    ).toStrictEqual({
      money: usd(75),
      text: '$75 back',
    });

    const cheap = refundTerms(course('live-online', ['2020-10-19'], usd(20)), praxis);
    expect(cheap.periods[0]?.amount).toStrictEqual({ money: usd(0), text: '$0 back' });
  });

  it('leaves the amount out when the fee is in another currency than the price', () => {
    const euros = refundTerms(
      course('live-online', ['2020-10-19'], { amount: 300, currency: 'EUR' }),
      praxis,
    );
    expect(euros.periods.map((p) => p.amount)).toStrictEqual([
      undefined,
      { money: { amount: 300, currency: 'EUR' }, text: '€300 credit' },
    ]);
    expect(euros.periods[0]?.summary).toBe(
      'Cancel on or before Monday, October 5, 2020: refund minus the $30 administrative processing fee.',
    );
  });

  it('formats money without decimals only when whole', () => {
    expect(
      [usd(30), usd(74.5), usd(1234.56), { amount: 5000, currency: 'JPY' }].map((money) =>
        formatMoney(money),
      ),
    ).toStrictEqual(['$30', '$74.50', '$1,234.56', '¥5,000']);
  });
});
