/**
 * A refund policy applied to one course: which fee applies, and the real dates and amounts of
 * each tier. The policy is data shared by many courses; the page needs "until Monday,
 * October 5, 2020", not "14 days before the start".
 */
import type { Money } from '../schemas/common.ts';
import type { Course } from '../schemas/course.ts';
import type { CancellationFee, Policy, RefundTier } from '../schemas/policy.ts';
import { formatMoney } from './money.ts';
import { formatSessionDate as formatLongDate } from './schedule.ts';
import { subtractDays } from './zoned-time.ts';

export type RefundCourse = Pick<Course, 'format' | 'sessions' | 'timeZone' | 'price'>;
export type RefundOutcome = RefundTier['outcome'];
export type DayCounting = Policy['dayCounting'];

/** An amount of money with its display text, such as `$270 back`. */
export interface Amount {
  money: Money;
  text: string;
}

/** The administrative fee that applies to this course. */
export interface AppliedFee {
  /** The policy's words for it, such as `online course` or `2-day workshop`. */
  label: string;
  /** `$30`, or `10% of the price`. */
  text: string;
  /** For a percentage fee: the percentage. */
  percent?: number;
  /** The fee in money: always for a fixed fee, for a percentage only when the price is known. */
  amount?: Amount;
}

/** One tier of the policy, in dates. */
export interface RefundPeriod {
  outcome: RefundOutcome;
  /** Share refunded or credited; 0 when the outcome is `none`. */
  percent: number;
  /** Whether the fee is taken off; false when the outcome is `none`, as nothing is paid back. */
  deductFee: boolean;
  /** The tier's own minimum notice, in the policy's day counting. */
  minDaysBefore: number;
  /** First day of the period (YYYY-MM-DD, course zone); absent for the first period. */
  firstDay?: string;
  /** Last day of the period (YYYY-MM-DD, course zone); absent when it runs until the start. */
  lastDay?: string;
  creditValidMonths?: number;
  /** The fee taken off, when deductFee and a fee applies. */
  fee?: AppliedFee;
  /** What comes back (`$270 back`, `$300 credit`), when the price is known. */
  amount?: Amount;
  /** One plain-English sentence, such as `Cancel on or before Monday, October 5, 2020: full refund.` */
  summary: string;
}

export interface RefundTerms {
  dayCounting: DayCounting;
  timeZone: string;
  /** First session date; absent for on-demand courses. */
  startDate?: string;
  /** Course length in days: the number of distinct session dates. */
  courseDays: number;
  fee?: AppliedFee;
  periods: RefundPeriod[];
}

const LOCALE = 'en-US';

/** The policy's terms for one course, with dates when the course has sessions. */
export function refundTerms(course: RefundCourse, policy: Policy): RefundTerms {
  const dates = sessionDates(course.sessions);
  const startDate = dates[0];
  const fee = appliedFee(matchingFee(policy.fees, course.format, dates.length), course.price);
  const periods: RefundPeriod[] = [];
  let previousTier: RefundTier | undefined;
  let previousLastDay: string | undefined;
  for (const tier of policy.tiers) {
    const bounds = startDate === undefined ? undefined : periodBounds(startDate, tier, previousLastDay, policy.dayCounting);
    periods.push(period(tier, bounds, previousTier, fee, course.price, policy.dayCounting));
    previousTier = tier;
    previousLastDay = bounds?.lastDay;
  }
  return {
    dayCounting: policy.dayCounting,
    timeZone: course.timeZone,
    ...(startDate === undefined ? {} : { startDate }),
    courseDays: dates.length,
    ...(fee === undefined ? {} : { fee }),
    periods,
  };
}

/**
 * The last day a refund is given, for the key-facts panel. A refund tier that runs until the
 * start has no last day of its own, so the start date is its deadline.
 */
export function refundDeadline(terms: RefundTerms): string | undefined {
  const refunds = terms.periods.filter((p) => p.outcome === 'refund');
  const last = refunds[refunds.length - 1];
  if (last === undefined) return undefined;
  return last.lastDay ?? terms.startDate;
}

/** Distinct session dates, earliest first (ISO dates sort as strings). */
function sessionDates(sessions: RefundCourse['sessions']): string[] {
  return [...new Set(sessions.map((s) => s.date))].sort();
}

/** The first fee whose format and length conditions both hold. */
export function matchingFee(
  fees: readonly CancellationFee[],
  format: Course['format'],
  courseDays: number,
): CancellationFee | undefined {
  return fees.find(
    (fee) => (fee.formats === undefined || fee.formats.includes(format)) && (fee.days === undefined || fee.days === courseDays),
  );
}

function appliedFee(fee: CancellationFee | undefined, price: Money | undefined): AppliedFee | undefined {
  if (fee === undefined) return undefined;
  if (fee.fixed !== undefined) {
    return { label: fee.label, text: formatMoney(fee.fixed), amount: amountOf(fee.fixed, '') };
  }
  if (fee.percent !== undefined) {
    const base = { label: fee.label, text: `${fee.percent}% of the price`, percent: fee.percent };
    if (price === undefined) return base;
    const money = fromMinor(percentOfMinor(toMinor(price), fee.percent), price.currency);
    return { ...base, amount: amountOf(money, '') };
  }
  // A fee with neither a fixed amount nor a percentage charges nothing.
  return undefined;
}

interface Bounds {
  firstDay?: string;
  lastDay?: string;
}

function periodBounds(startDate: string, tier: RefundTier, previousLastDay: string | undefined, counting: DayCounting): Bounds {
  return {
    ...(previousLastDay === undefined ? {} : { firstDay: nextDay(previousLastDay) }),
    // A tier with no minimum notice runs until the start, with no last day of its own.
    ...(tier.minDaysBefore === 0 ? {} : { lastDay: subtractDays(startDate, tier.minDaysBefore, counting) }),
  };
}

function nextDay(date: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

/** One period; `bounds` is undefined when the course has no dates (on-demand). */
function period(
  tier: RefundTier,
  bounds: Bounds | undefined,
  previousTier: RefundTier | undefined,
  fee: AppliedFee | undefined,
  price: Money | undefined,
  counting: DayCounting,
): RefundPeriod {
  const paysBack = tier.outcome !== 'none';
  const percent = paysBack ? tier.percent : 0;
  const deductFee = paysBack && tier.deductFee;
  const takenFee = deductFee ? fee : undefined;
  const amount = price === undefined || !paysBack ? undefined : periodAmount(price, percent, takenFee, tier.outcome);
  const when = bounds === undefined ? noticePhrase(tier.minDaysBefore, previousTier?.minDaysBefore, counting) : datePhrase(bounds);
  return {
    outcome: tier.outcome,
    percent,
    deductFee,
    minDaysBefore: tier.minDaysBefore,
    ...bounds,
    ...(tier.creditValidMonths === undefined ? {} : { creditValidMonths: tier.creditValidMonths }),
    ...(takenFee === undefined ? {} : { fee: takenFee }),
    ...(amount === undefined ? {} : { amount }),
    summary: `${when}: ${outcomePhrase(tier.outcome, percent, takenFee, tier.creditValidMonths)}.`,
  };
}

/** "Cancel on or before …", "Cancel between … and …", "Cancel from …". */
function datePhrase({ firstDay, lastDay }: Bounds): string {
  if (firstDay !== undefined && lastDay !== undefined) {
    return `Cancel between ${formatLongDate(firstDay)} and ${formatLongDate(lastDay)}`;
  }
  if (lastDay !== undefined) return `Cancel on or before ${formatLongDate(lastDay)}`;
  if (firstDay !== undefined) return `Cancel from ${formatLongDate(firstDay)}`;
  return 'Cancel any time before the start';
}

/** The same periods in days of notice, for courses without dates. */
function noticePhrase(minDays: number, previousMinDays: number | undefined, counting: DayCounting): string {
  if (previousMinDays === undefined) {
    return minDays === 0 ? 'Cancel any time before the start' : `Cancel at least ${dayCount(minDays, counting)} before the start`;
  }
  if (minDays === 0) return `Cancel less than ${dayCount(previousMinDays, counting)} before the start`;
  return `Cancel at least ${dayCount(minDays, counting)} but less than ${dayCount(previousMinDays, counting)} before the start`;
}

function dayCount(days: number, counting: DayCounting): string {
  const unit = counting === 'business' ? 'business day' : 'day';
  return `${days} ${unit}${days === 1 ? '' : 's'}`;
}

function outcomePhrase(outcome: RefundOutcome, percent: number, fee: AppliedFee | undefined, validMonths: number | undefined): string {
  const minusFee = fee === undefined ? '' : ` minus ${feePhrase(fee)}`;
  switch (outcome) {
    case 'none':
      return 'no refund';
    case 'refund':
      return `${percent === 100 ? 'full' : `${percent}%`} refund${minusFee}`;
    case 'credit': {
      const share = percent === 100 ? 'the full amount' : `${percent}% of the amount`;
      const validity = validMonths === undefined ? '' : `, valid for ${validMonths} month${validMonths === 1 ? '' : 's'}`;
      return `no refund; a credit for ${share}${minusFee} toward another learning product${validity}`;
    }
  }
}

function feePhrase(fee: AppliedFee): string {
  return fee.percent === undefined ? `the ${fee.text} administrative fee` : `an administrative fee of ${fee.text}`;
}

/** price × percent − fee, in the price's currency, never below zero. */
function periodAmount(price: Money, percent: number, fee: AppliedFee | undefined, outcome: RefundOutcome): Amount | undefined {
  const feeMoney = fee?.amount?.money;
  // A fee we cannot price (a percentage of an unknown price, or another currency) leaves the amount unknown.
  if (fee !== undefined && (feeMoney === undefined || feeMoney.currency !== price.currency)) return undefined;
  const minor = Math.max(0, percentOfMinor(toMinor(price), percent) - (feeMoney === undefined ? 0 : toMinor(feeMoney)));
  return amountOf(fromMinor(minor, price.currency), outcome === 'credit' ? ' credit' : ' back');
}

function amountOf(money: Money, suffix: string): Amount {
  return { money, text: `${formatMoney(money)}${suffix}` };
}

// Arithmetic in minor units (cents), so 50% of $149.99 is $75.00, not 74.99499….
function minorDigits(currency: string): number {
  return new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function toMinor(money: Money): number {
  return Math.round(money.amount * 10 ** minorDigits(money.currency));
}

function fromMinor(minor: number, currency: string): Money {
  return { amount: minor / 10 ** minorDigits(currency), currency };
}

function percentOfMinor(minor: number, percent: number): number {
  return Math.round((minor * percent) / 100);
}

/** `$30` for whole amounts, `$74.50` otherwise. */

