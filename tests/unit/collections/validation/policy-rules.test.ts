import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadHolidayRules } from '../../../../src/domain/time/holidays.ts';
import { policySchema, type Policy } from '../../../../src/collections/schemas/policy.ts';
import { policyRuleProblems } from '../../../../src/collections/validation/policy-rules.ts';

const usd = (amount: number) => ({ amount, currency: 'USD' });

/** A valid policy for courses with sessions, with `changes` on top. */
function policy(changes: Record<string, unknown>): Policy {
  return policySchema.parse({
    name: 'Test policy',
    appliesTo: ['in-person'],
    tiers: [
      { minDaysBefore: 14, outcome: 'refund' },
      { minDaysBefore: 0, outcome: 'none' },
    ],
    text: 'Test.',
    ...changes,
  });
}

// Business days skip public holidays, whose rules load on demand (holidays.ts).
beforeAll(loadHolidayRules);

describe('policyRuleProblems', () => {
  it('finds nothing wrong with the seed policy', () => {
    const praxis = policySchema.parse(
      parse(
        readFileSync(
          new URL('../../../../content/policies/praxis-refund.yaml', import.meta.url),
          'utf8',
        ),
      ),
    );
    expect(policyRuleProblems(praxis)).toStrictEqual([]);
  });

  it('finds nothing wrong with tiers by format, each group in order and ending with one tier without days', () => {
    const byFormat = policy({
      appliesTo: ['in-person', 'live-online', 'on-demand'],
      dayCounting: 'business',
      holidays: { country: 'US', region: 'NY', dates: ['2027-12-27'] },
      tiers: [
        {
          formats: ['in-person'],
          minDaysBefore: 14,
          outcome: 'refund',
          fee: { name: 'processing fee', percent: 15 },
        },
        {
          formats: ['live-online'],
          minDaysBefore: 7,
          outcome: ['refund', 'credit'],
          creditValidMonths: 12,
          creditValidFrom: 'purchase',
        },
        { formats: ['in-person', 'live-online'], outcome: 'transfer' },
        { formats: ['on-demand'], withinDays: 7, outcome: 'refund' },
        { formats: ['on-demand'], withinDays: 30, outcome: 'credit' },
        { formats: ['on-demand'], outcome: 'none' },
      ],
    });
    expect(policyRuleProblems(byFormat)).toStrictEqual([]);
  });

  it('refuses dated tiers out of order', () => {
    const problems = policyRuleProblems(
      policy({
        tiers: [
          { minDaysBefore: 7, outcome: 'refund' },
          { minDaysBefore: 14, outcome: 'credit' },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 1, 'minDaysBefore'],
        message: 'Tiers must run from the earliest cancellation to the latest.',
        expected: 'fewer days than the tier before (7)',
        found: '14',
        fix: 'Order the tiers by minDaysBefore, largest first, each number once.',
      },
    ]);
  });

  it('orders the tiers of each format on their own, naming the tier before of the same format', () => {
    const problems = policyRuleProblems(
      policy({
        appliesTo: ['in-person', 'live-online'],
        tiers: [
          { formats: ['in-person'], minDaysBefore: 14, outcome: 'refund' },
          // Fewer days than the tier before, but that one is for in-person courses.
          { formats: ['live-online'], minDaysBefore: 7, outcome: 'refund' },
          { formats: ['in-person'], minDaysBefore: 21, outcome: 'credit' },
          { minDaysBefore: 0, outcome: 'none' },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 2, 'minDaysBefore'],
        message: 'Tiers must run from the earliest cancellation to the latest.',
        expected: 'fewer days than tiers[0], the tier before it for in-person courses (14)',
        found: '21',
        fix: 'Order the tiers by minDaysBefore, largest first, each number once.',
      },
    ]);
  });

  it('refuses on-demand tiers out of order', () => {
    const problems = policyRuleProblems(
      policy({
        appliesTo: ['on-demand'],
        tiers: [
          { withinDays: 14, outcome: 'refund' },
          { withinDays: 7, outcome: 'credit' },
          { outcome: 'none' },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 1, 'withinDays'],
        message: 'Tiers must run from the earliest cancellation to the latest.',
        expected: 'more days than the tier before (14)',
        found: '7',
        fix: 'Order the on-demand tiers by withinDays, smallest first, each number once.',
      },
    ]);
  });

  it('refuses a tier without days before the last of its formats, once for all the formats it serves', () => {
    const dated = policyRuleProblems(
      policy({
        appliesTo: ['in-person', 'hybrid'],
        tiers: [{ outcome: 'credit' }, { minDaysBefore: 14, outcome: 'refund' }],
      }),
    );
    expect(dated).toStrictEqual([
      {
        path: ['tiers', 0],
        message:
          'A tier without `minDaysBefore` runs until the start, so it must be the last: a tier after it would never apply.',
        expected: 'the last tier for in-person courses',
        found: 'tiers[1] after it',
        fix: 'Give the tier `minDaysBefore`, or move it to the end of the list.',
      },
    ]);
    const onDemand = policyRuleProblems(
      policy({
        appliesTo: ['on-demand'],
        tiers: [{ outcome: 'none' }, { withinDays: 7, outcome: 'refund' }],
      }),
    );
    expect(onDemand).toStrictEqual([
      {
        path: ['tiers', 0],
        message:
          'An on-demand tier without `withinDays` holds after the tiers before it, so it must be the last: a tier after it would never apply.',
        expected: 'the last tier for on-demand courses',
        found: 'tiers[1] after it',
        fix: 'Give the tier `withinDays`, or move it to the end of the list.',
      },
    ]);
  });

  it('refuses a tier that counts both ways, or one way for formats that count the other', () => {
    const problems = policyRuleProblems(
      policy({
        appliesTo: ['in-person', 'on-demand'],
        tiers: [
          { minDaysBefore: 14, withinDays: 7, outcome: 'refund' },
          { formats: ['in-person', 'on-demand'], withinDays: 7, outcome: 'refund' },
          { formats: ['in-person', 'on-demand'], minDaysBefore: 7, outcome: 'refund' },
          { outcome: 'none' },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 0, 'withinDays'],
        message: 'A tier counts days either before the start or from purchase, not both.',
        expected:
          '`minDaysBefore` for courses with sessions, or `withinDays` for on-demand courses',
        found: 'both',
        fix: 'Keep one of them; a policy for both kinds of course gives each its own tier.',
      },
      {
        path: ['tiers', 1, 'formats'],
        message:
          'A tier with `withinDays` counts from purchase, so it applies only to on-demand courses, not in-person.',
        expected: '`formats: [on-demand]`',
        found: 'formats: [in-person, on-demand]',
        fix: 'Set `formats: [on-demand]`, and give courses with sessions a tier of their own with `minDaysBefore`.',
      },
      {
        path: ['tiers', 2, 'formats'],
        message:
          'A tier with `minDaysBefore` counts days before the first session, which on-demand courses do not have.',
        expected: 'formats with sessions: in-person, live-online or hybrid',
        found: 'formats: [in-person, on-demand]',
        fix: 'Remove on-demand from `formats`, and give on-demand courses a tier of their own with `withinDays`.',
      },
    ]);
  });

  it("refuses a tier's formats the policy does not cover", () => {
    const problems = policyRuleProblems(
      policy({
        tiers: [
          { formats: ['in-person', 'hybrid', 'live-online'], minDaysBefore: 0, outcome: 'refund' },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 0, 'formats'],
        message: 'The tier names hybrid and live-online courses, which the policy does not cover.',
        expected: 'formats from appliesTo (in-person)',
        found: 'hybrid, live-online',
        fix: "Remove them from the tier's `formats`, or add them to `appliesTo` if the policy covers them.",
      },
    ]);
  });

  it('refuses a format the policy covers but no tier applies to', () => {
    const onDemand = policyRuleProblems(policy({ appliesTo: ['in-person', 'on-demand'] }));
    expect(onDemand).toStrictEqual([
      {
        path: ['appliesTo', 1],
        message: 'The policy covers on-demand courses, but none of its tiers applies to them.',
        expected: 'a tier for on-demand courses, with `withinDays` or without days',
        found: 'only tiers with `minDaysBefore`, which counts days before a first session',
        fix: 'Add a tier with `formats: [on-demand]` and `withinDays`, or one with `outcome: none` if on-demand sales are final.',
      },
    ]);
    const hybrid = policyRuleProblems(
      policy({
        appliesTo: ['in-person', 'hybrid'],
        tiers: [
          { formats: ['in-person'], minDaysBefore: 14, outcome: 'refund' },
          { formats: ['in-person'], outcome: 'none' },
        ],
      }),
    );
    expect(hybrid).toStrictEqual([
      {
        path: ['appliesTo', 1],
        message: 'The policy covers hybrid courses, but none of its tiers applies to them.',
        expected: 'a tier for hybrid courses, with `minDaysBefore` or without days',
        found: 'no tier whose formats include hybrid',
        fix: 'Add a tier with `minDaysBefore` for hybrid courses, or remove hybrid from `appliesTo`.',
      },
    ]);
  });

  it('refuses a fee that is neither fixed nor a percentage, or both, in `fees` and on a tier', () => {
    const problems = policyRuleProblems(
      policy({
        tiers: [
          {
            minDaysBefore: 14,
            outcome: 'refund',
            fee: { name: 'late fee', fixed: usd(30), percent: 10 },
          },
          { minDaysBefore: 0, outcome: 'none' },
        ],
        fees: [{ label: 'any course' }],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 0, 'fee'],
        message: 'A fee is either fixed or a percentage.',
        expected: 'exactly one of `fixed` or `percent`',
        found: 'both',
        fix: 'Give the fee either `fixed: { amount: 30, currency: USD }` or `percent: 10`.',
      },
      {
        path: ['fees', 0],
        message: 'A fee is either fixed or a percentage.',
        expected: 'exactly one of `fixed` or `percent`',
        found: 'neither',
        fix: 'Give the fee either `fixed: { amount: 30, currency: USD }` or `percent: 10`.',
      },
    ]);
  });

  it('refuses a credit validity on a tier that gives no credit', () => {
    const problems = policyRuleProblems(
      policy({
        tiers: [
          {
            minDaysBefore: 14,
            outcome: ['refund', 'transfer'],
            creditValidMonths: 12,
            creditValidFrom: 'purchase',
          },
          { minDaysBefore: 0, outcome: 'none' },
        ],
      }),
    );
    expect(problems).toStrictEqual([
      {
        path: ['tiers', 0, 'creditValidMonths'],
        message: '`creditValidMonths` is for a credit, and this tier gives none.',
        expected: 'an outcome that includes `credit`',
        found: 'outcome: [refund, transfer]',
        fix: 'Remove `creditValidMonths`, or make the outcome `credit` (or a choice such as `[refund, credit]`).',
      },
      {
        path: ['tiers', 0, 'creditValidFrom'],
        message: '`creditValidFrom` is for a credit, and this tier gives none.',
        expected: 'an outcome that includes `credit`',
        found: 'outcome: [refund, transfer]',
        fix: 'Remove `creditValidFrom`, or make the outcome `credit` (or a choice such as `[refund, credit]`).',
      },
    ]);
  });

  it('refuses holidays under calendar days', () => {
    expect(policyRuleProblems(policy({ holidays: { country: 'US' } }))).toStrictEqual([
      {
        path: ['holidays'],
        message:
          'Holidays only matter when days are counted as business days, and this policy counts calendar days.',
        expected: '`dayCounting: business`',
        found: 'dayCounting: calendar',
        fix: 'Set `dayCounting: business` if the policy skips holidays, or remove `holidays`.',
      },
    ]);
  });

  it('refuses a holiday country or region the calendar does not know, suggesting the code meant', () => {
    const business = (holidays: Record<string, unknown>) =>
      policyRuleProblems(policy({ dayCounting: 'business', holidays }));
    expect(business({ country: 'us' })).toStrictEqual([
      {
        path: ['holidays', 'country'],
        message: 'The holiday calendar knows no country "us".',
        expected: 'a two-letter ISO 3166 country code, such as US',
        found: '"us"',
        fix: 'Did you mean "US" (United States of America)?',
      },
    ]);
    expect(business({ country: 'Untied Kingdom' })[0]?.fix).toBe(
      'Did you mean "GB" (United Kingdom)?',
    );
    expect(business({ country: 'XQ' })[0]?.fix).toBe(
      'Use the two-letter code of the country, such as US, CA or GB.',
    );
    expect(business({ country: 'US', region: 'New Yrok' })).toStrictEqual([
      {
        path: ['holidays', 'region'],
        message: 'The holiday calendar knows no region "New Yrok" of United States of America.',
        expected: 'a region code of US, such as AL',
        found: '"New Yrok"',
        fix: 'Did you mean "NY" (New York)?',
      },
    ]);
    expect(business({ country: 'US', region: 'QQ' })[0]?.fix).toBe(
      'Use the code of one of its regions: AL, AK, AZ, AR, CA, ….',
    );
    expect(business({ region: 'NY' })).toStrictEqual([
      {
        path: ['holidays', 'region'],
        message: 'A region needs its country.',
        expected: '`country` beside `region`',
        found: 'no country',
        fix: "Add the country's two-letter code, such as `country: US` for a US state.",
      },
    ]);
  });
});

describe('choices among outcomes', () => {
  it('takes a list of one as the outcome alone, and refuses none or substitution among several', () => {
    expect(
      policyRuleProblems(
        policy({
          tiers: [
            { minDaysBefore: 14, outcome: ['refund'] },
            { minDaysBefore: 0, outcome: ['none'] },
          ],
        }),
      ),
    ).toStrictEqual([]);
    expect(
      policyRuleProblems(
        policy({
          tiers: [
            { minDaysBefore: 14, outcome: 'refund' },
            { minDaysBefore: 0, outcome: ['credit', 'none'] },
          ],
        }),
      ),
    ).toStrictEqual([
      {
        path: ['tiers', 1, 'outcome'],
        message:
          'A registrant may choose among a refund, a credit and a transfer; none cannot be one of the choices.',
        expected: 'a list of refund, credit and transfer, or one outcome alone',
        found: '[credit, none]',
        fix: 'Give `none` a tier of its own, or remove it from the list.',
      },
    ]);
  });
});
