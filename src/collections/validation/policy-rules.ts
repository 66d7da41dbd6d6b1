/**
 * Rules about a refund policy that no single field can check: each tier counts days one way
 * and for formats that have such days, the tiers of every format run in order and end with at
 * most one tier without days, every format the policy covers has a tier, fees are fixed or a
 * percentage, and holidays name a calendar the library knows. Problems come all at once, in
 * the shape of the course rules; the loader adds the file and line.
 */
import { CHOICE_OUTCOMES } from '../schemas/policy.ts';
import type { CourseFormat } from '../schemas/format.ts';
import type { CancellationFee, Policy, RefundTier, TierFee } from '../schemas/policy.ts';
import { holidayCountries, holidayRegions } from '../../domain/time/holidays.ts';
import { tierFormats, tierOutcomes, tiersFor } from '../../domain/offerings/refund.ts';
import { closestMatch } from '../../domain/search/suggest.ts';

export interface PolicyRuleProblem {
  path: (string | number)[];
  message: string;
  expected?: string;
  found?: string;
  fix: string;
}

type Problem = PolicyRuleProblem;

const FEE_FIX = 'Give the fee either `fixed: { amount: 30, currency: USD }` or `percent: 10`.';

export function policyRuleProblems(policy: Policy): PolicyRuleProblem[] {
  return [
    ...policy.tiers.flatMap((tier, index) => tierProblems(tier, index, policy)),
    ...formatProblems(policy),
    ...policy.fees.flatMap((fee, index) => feeProblem(fee, ['fees', index])),
    ...holidayProblems(policy),
  ];
}

/** Problems of one tier on its own. */
function tierProblems(tier: RefundTier, index: number, policy: Policy): Problem[] {
  const at = ['tiers', index];
  const problems: Problem[] = [];
  if (tier.minDaysBefore !== undefined && tier.withinDays !== undefined) {
    problems.push({
      path: [...at, 'withinDays'],
      message: 'A tier counts days either before the start or from purchase, not both.',
      expected: '`minDaysBefore` for courses with sessions, or `withinDays` for on-demand courses',
      found: 'both',
      fix: 'Keep one of them; a policy for both kinds of course gives each its own tier.',
    });
  }
  if (tier.formats !== undefined) {
    const listed = `formats: [${tier.formats.join(', ')}]`;
    const uncovered = tier.formats.filter((format) => !policy.appliesTo.includes(format));
    if (uncovered.length > 0) {
      const them = uncovered.length === 1 ? 'it' : 'them';
      problems.push({
        path: [...at, 'formats'],
        message: `The tier names ${joinAnd(uncovered)} courses, which the policy does not cover.`,
        expected: `formats from appliesTo (${policy.appliesTo.join(', ')})`,
        found: uncovered.join(', '),
        fix: `Remove ${them} from the tier's \`formats\`, or add ${them} to \`appliesTo\` if the policy covers ${them}.`,
      });
    }
    const dated = tier.formats.filter((format) => format !== 'on-demand');
    if (tier.withinDays !== undefined && tier.minDaysBefore === undefined && dated.length > 0) {
      problems.push({
        path: [...at, 'formats'],
        message: `A tier with \`withinDays\` counts from purchase, so it applies only to on-demand courses, not ${joinAnd(dated)}.`,
        expected: '`formats: [on-demand]`',
        found: listed,
        fix: 'Set `formats: [on-demand]`, and give courses with sessions a tier of their own with `minDaysBefore`.',
      });
    }
    if (
      tier.minDaysBefore !== undefined &&
      tier.withinDays === undefined &&
      tier.formats.includes('on-demand')
    ) {
      problems.push({
        path: [...at, 'formats'],
        message:
          'A tier with `minDaysBefore` counts days before the first session, which on-demand courses do not have.',
        expected: 'formats with sessions: in-person, live-online or hybrid',
        found: listed,
        fix: 'Remove on-demand from `formats`, and give on-demand courses a tier of their own with `withinDays`.',
      });
    }
  }
  if (tier.fee !== undefined) problems.push(...feeProblem(tier.fee, [...at, 'fee']));
  const outcomes = tierOutcomes(tier);
  const notChoices = outcomes.filter(
    (outcome) => !(CHOICE_OUTCOMES as readonly string[]).includes(outcome),
  );
  if (outcomes.length > 1 && notChoices.length > 0) {
    problems.push({
      path: [...at, 'outcome'],
      message: `A registrant may choose among a refund, a credit and a transfer; ${notChoices.join(' and ')} cannot be one of the choices.`,
      expected: 'a list of refund, credit and transfer, or one outcome alone',
      found: `[${outcomes.join(', ')}]`,
      fix: `Give \`${notChoices[0]}\` a tier of its own, or remove it from the list.`,
    });
  }
  if (!outcomes.includes('credit')) {
    for (const key of ['creditValidMonths', 'creditValidFrom'] as const) {
      if (tier[key] === undefined) continue;
      problems.push({
        path: [...at, key],
        message: `\`${key}\` is for a credit, and this tier gives none.`,
        expected: 'an outcome that includes `credit`',
        found: `outcome: ${typeof tier.outcome === 'string' ? tier.outcome : `[${tier.outcome.join(', ')}]`}`,
        fix: `Remove \`${key}\`, or make the outcome \`credit\` (or a choice such as \`[refund, credit]\`).`,
      });
    }
  }
  return problems;
}

/**
 * For each format the policy covers: a tier applies to it, the tiers run in order, and only
 * the last may leave its days out. A tier shared by several formats is reported once.
 */
function formatProblems(policy: Policy): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  const once = (key: string, problem: Problem) => {
    if (reported.has(key)) return;
    reported.add(key);
    problems.push(problem);
  };
  policy.appliesTo.forEach((format, formatIndex) => {
    const group = tiersFor(policy, format);
    if (group.length === 0) {
      problems.push(uncoveredFormat(policy, format, formatIndex));
      return;
    }
    const onDemand = format === 'on-demand';
    const kind = onDemand ? 'on-demand' : 'dated';
    const daysOf = (tier: RefundTier) => (onDemand ? tier.withinDays : tier.minDaysBefore);
    const field = onDemand ? 'withinDays' : 'minDaysBefore';
    group.forEach(({ tier, index }, position) => {
      const next = group[position + 1];
      if (daysOf(tier) === undefined && next !== undefined) {
        once(`last:${kind}:${index}`, {
          path: ['tiers', index],
          message: onDemand
            ? 'An on-demand tier without `withinDays` holds after the tiers before it, so it must be the last: a tier after it would never apply.'
            : 'A tier without `minDaysBefore` runs until the start, so it must be the last: a tier after it would never apply.',
          expected: `the last tier for ${format} courses`,
          found: `tiers[${next.index}] after it`,
          fix: `Give the tier \`${field}\`, or move it to the end of the list.`,
        });
      }
    });
    // Tiers with days, in order; a misplaced tier without days is reported above.
    const counted = group.flatMap(({ tier, index }) => {
      const days = daysOf(tier);
      return days === undefined ? [] : [{ days, index }];
    });
    counted.forEach(({ days, index }, position) => {
      const previous = counted[position - 1];
      if (previous === undefined) return;
      const before =
        previous.index === index - 1
          ? 'the tier before'
          : `tiers[${previous.index}], the tier before it for ${format} courses`;
      if (!onDemand && days >= previous.days) {
        once(`order:${kind}:${index}`, {
          path: ['tiers', index, 'minDaysBefore'],
          message: 'Tiers must run from the earliest cancellation to the latest.',
          expected: `fewer days than ${before} (${previous.days})`,
          found: String(days),
          fix: 'Order the tiers by minDaysBefore, largest first, each number once.',
        });
      }
      if (onDemand && days <= previous.days) {
        once(`order:${kind}:${index}`, {
          path: ['tiers', index, 'withinDays'],
          message: 'Tiers must run from the earliest cancellation to the latest.',
          expected: `more days than ${before} (${previous.days})`,
          found: String(days),
          fix: 'Order the on-demand tiers by withinDays, smallest first, each number once.',
        });
      }
    });
  });
  return problems;
}

function uncoveredFormat(policy: Policy, format: CourseFormat, formatIndex: number): Problem {
  const named = policy.tiers.some((tier) => tierFormats(tier, policy).includes(format));
  const onDemand = format === 'on-demand';
  return {
    path: ['appliesTo', formatIndex],
    message: `The policy covers ${format} courses, but none of its tiers applies to them.`,
    expected: onDemand
      ? 'a tier for on-demand courses, with `withinDays` or without days'
      : `a tier for ${format} courses, with \`minDaysBefore\` or without days`,
    found: !named
      ? `no tier whose formats include ${format}`
      : onDemand
        ? 'only tiers with `minDaysBefore`, which counts days before a first session'
        : 'only tiers with `withinDays`, which counts days from purchase',
    fix: onDemand
      ? 'Add a tier with `formats: [on-demand]` and `withinDays`, or one with `outcome: none` if on-demand sales are final.'
      : `Add a tier with \`minDaysBefore\` for ${format} courses, or remove ${format} from \`appliesTo\`.`,
  };
}

function feeProblem(fee: CancellationFee | TierFee, path: (string | number)[]): Problem[] {
  if ((fee.fixed === undefined) !== (fee.percent === undefined)) return [];
  return [
    {
      path,
      message: 'A fee is either fixed or a percentage.',
      expected: 'exactly one of `fixed` or `percent`',
      found: fee.fixed ? 'both' : 'neither',
      fix: FEE_FIX,
    },
  ];
}

function holidayProblems(policy: Policy): Problem[] {
  const holidays = policy.holidays;
  if (holidays === undefined) return [];
  const problems: Problem[] = [];
  if (policy.dayCounting === 'calendar') {
    problems.push({
      path: ['holidays'],
      message:
        'Holidays only matter when days are counted as business days, and this policy counts calendar days.',
      expected: '`dayCounting: business`',
      found: 'dayCounting: calendar',
      fix: 'Set `dayCounting: business` if the policy skips holidays, or remove `holidays`.',
    });
  }
  const { country, region } = holidays;
  if (country === undefined) {
    if (region !== undefined) {
      problems.push({
        path: ['holidays', 'region'],
        message: 'A region needs its country.',
        expected: '`country` beside `region`',
        found: 'no country',
        fix: `Add the country's two-letter code, such as \`country: US\` for a US state.`,
      });
    }
    return problems;
  }
  const countries = holidayCountries();
  if (countries[country] === undefined) {
    const suggestion = suggestCode(country, countries);
    problems.push({
      path: ['holidays', 'country'],
      message: `The holiday calendar knows no country "${country}".`,
      expected: 'a two-letter ISO 3166 country code, such as US',
      found: JSON.stringify(country),
      fix: suggestion
        ? `Did you mean "${suggestion}" (${countries[suggestion]})?`
        : 'Use the two-letter code of the country, such as US, CA or GB.',
    });
    return problems;
  }
  if (region === undefined) return problems;
  const regions = holidayRegions(country);
  const codes = Object.keys(regions);
  if (codes.length === 0) {
    problems.push({
      path: ['holidays', 'region'],
      message: `The holiday calendar has no regions of ${countries[country]}.`,
      expected: 'no region',
      found: JSON.stringify(region),
      fix: "Remove `region`: the country's public holidays apply.",
    });
  } else if (regions[region] === undefined) {
    const suggestion = suggestCode(region, regions);
    problems.push({
      path: ['holidays', 'region'],
      message: `The holiday calendar knows no region "${region}" of ${countries[country]}.`,
      expected: `a region code of ${country}, such as ${codes[0]}`,
      found: JSON.stringify(region),
      fix: suggestion
        ? `Did you mean "${suggestion}" (${regions[suggestion]})?`
        : `Use the code of one of its regions: ${codes.slice(0, 5).join(', ')}${codes.length > 5 ? ', …' : ''}.`,
    });
  }
  return problems;
}

/** The code meant by a code in the wrong case, or by a name (close to) written out: "us", "New Yrok". */
function suggestCode(value: string, names: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(names);
  const byCode = entries.find(([code]) => code.toLowerCase() === value.toLowerCase());
  if (byCode) return byCode[0];
  // Two-letter codes are all within a typo of each other; only names are close enough to guess.
  if (value.length <= 3) return undefined;
  const name = closestMatch(
    value,
    entries.map(([, each]) => each),
  );
  return entries.find(([, each]) => each === name)?.[0];
}

/** "hybrid", "hybrid and on-demand", "in-person, hybrid and on-demand". */
function joinAnd(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
