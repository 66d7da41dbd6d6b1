/**
 * A refund policy applied to one offering of a course: which tiers apply to its format,
 * which fee they take, and the real dates and amounts of each period. The policy is data
 * shared by many courses; the page needs "until Monday, October 5, 2020" and "$270 back",
 * not "14 days before the start".
 */
import type { Money } from '../../collections/schemas/common.ts';
import type { CourseFormat } from '../../collections/schemas/format.ts';
import type {
  CancellationFee,
  HolidayCalendar,
  Policy,
  RefundTier,
  TierFee,
} from '../../collections/schemas/policy.ts';
import { REFUND_OUTCOMES } from '../../collections/schemas/policy.ts';
import { isHoliday } from '../time/holidays.ts';
import { formatMoney } from './money.ts';
import { formatSessionDate as formatLongDate } from '../time/schedule.ts';
import { subtractDays } from '../time/zoned-time.ts';

/** One offering of a course: its format, dates, zone and price. On-demand ones have no sessions, maybe no zone. */
export interface RefundCourse {
  format: CourseFormat;
  sessions: readonly { date: string }[];
  timeZone?: string;
  /** The price amounts are computed on. */
  price?: Money;
}
export type RefundOffering = RefundCourse;
export type RefundOutcome = (typeof REFUND_OUTCOMES)[number];
export type DayCounting = Policy['dayCounting'];
export type OnDemandFrom = NonNullable<Policy['onDemandFrom']>;
export type CreditValidFrom = NonNullable<RefundTier['creditValidFrom']>;

/** An amount of money with its display text, such as `$270 back`. */
export interface Amount {
  money: Money;
  text: string;
}

/** A fee that applies to this offering. */
export interface AppliedFee {
  /** What the policy calls it, such as `administrative processing fee`; `fee` when it gives no name. */
  name: string;
  /** For a fee from the policy's `fees` list: what it is for, such as `online course` or `2-day workshop`. */
  label?: string;
  /** `$30`, or `10% of the price`. */
  text: string;
  /** For a percentage fee: the percentage. */
  percent?: number;
  /** The fee in money: always for a fixed fee, for a percentage only when the price is known. */
  amount?: Amount;
}

/** One tier of the policy, for this offering, in dates when it has them. */
export interface RefundPeriod {
  /** The first (usually only) outcome; kept for readers that show one. */
  outcome: RefundOutcome;
  /** What the registrant gets: one outcome, or the outcomes they choose between. */
  outcomes: RefundOutcome[];
  /** Share refunded or credited; 0 when nothing is paid back. */
  percent: number;
  /** Whether the refund is full: a refund of 100% with no fee taken off; false without a refund. */
  full: boolean;
  /** Whether the tier takes a fee; false when the outcome is `none`. */
  deductFee: boolean;
  /** The tier's minimum notice before the first session, in the policy's day counting (dated formats). */
  minDaysBefore?: number;
  /** The tier's days from purchase or first access (on-demand). */
  withinDays?: number;
  /** First day of the period (YYYY-MM-DD, course zone); absent for the first period. */
  firstDay?: string;
  /** Last day of the period (YYYY-MM-DD, course zone); absent when it runs until the start. */
  lastDay?: string;
  /** The tier's own condition, such as `if you have not started the course`. */
  condition?: string;
  creditValidMonths?: number;
  /** What a credit's validity runs from; given with creditValidMonths. */
  creditValidFrom?: CreditValidFrom;
  /** The fee taken: the tier's own, or the matching policy fee when the tier deducts it. */
  fee?: AppliedFee;
  /** The fee's name, as in the summary; given with fee. */
  feeName?: string;
  /** What comes back under the first paying outcome (`$270 back`, `$300 credit`), when the price is known. */
  amount?: Amount;
  /** One plain-English sentence, such as `Cancel on or before Monday, October 5, 2020: full refund.` */
  summary: string;
}

export interface RefundTerms {
  dayCounting: DayCounting;
  /** The offering's zone, when it has one. */
  timeZone?: string;
  /** First session date; absent for on-demand offerings. */
  startDate?: string;
  /** Course length in days: the number of distinct session dates. */
  courseDays: number;
  /** For on-demand offerings: what `withinDays` counts from. */
  countsFrom?: OnDemandFrom;
  /** The policy fee (from `fees`) matching this offering, whether or not a tier deducts it. */
  fee?: AppliedFee;
  periods: RefundPeriod[];
}

const LOCALE = 'en-US';
const DEFAULT_FEE_NAME = 'fee';

/** The policy's terms for one offering, with dates when it has sessions. */
export function refundTerms(course: RefundCourse, policy: Policy): RefundTerms {
  const dates = sessionDates(course.sessions);
  const startDate = dates[0];
  const onDemand = course.format === 'on-demand';
  const countsFrom = policy.onDemandFrom ?? 'purchase';
  const policyFee = matchingFee(policy.fees, course.format, dates.length);
  const fee = policyFee === undefined ? undefined : appliedFee(policyFee, course.price);
  const tiers = tiersFor(policy, course.format).map(({ tier }) => tier);
  const isClosed = closedDays(policy.holidays);
  const periods: RefundPeriod[] = [];
  let previousLastDay: string | undefined;
  tiers.forEach((tier, index) => {
    const previous = tiers[index - 1];
    let when: string;
    let bounds: Bounds = {};
    if (onDemand) {
      when = onDemandPhrase(tier, previous, tiers.length, policy.dayCounting, countsFrom);
    } else if (startDate === undefined) {
      when = noticePhrase(tier.minDaysBefore ?? 0, previous?.minDaysBefore, policy.dayCounting);
    } else {
      bounds = periodBounds(startDate, tier, previousLastDay, policy.dayCounting, isClosed);
      when = datePhrase(bounds);
      previousLastDay = bounds.lastDay;
    }
    periods.push(period(tier, bounds, when, fee, course.price));
  });
  return {
    dayCounting: policy.dayCounting,
    ...(course.timeZone === undefined ? {} : { timeZone: course.timeZone }),
    ...(startDate === undefined ? {} : { startDate }),
    courseDays: dates.length,
    ...(onDemand ? { countsFrom } : {}),
    ...(fee === undefined ? {} : { fee }),
    periods,
  };
}

/**
 * The last day a refund is given, and whether that refund is full, for the key-facts panel. A
 * refund tier that runs until the start has no last day of its own, so the start date is its
 * deadline. On-demand offerings have no dates, so no deadline.
 */
export function refundDeadline(terms: RefundTerms): { date: string; full: boolean } | undefined {
  const last = terms.periods.findLast((p) => p.outcomes.includes('refund'));
  const date = last === undefined ? undefined : deadlineOf(last, terms);
  return last === undefined || date === undefined ? undefined : { date, full: last.full };
}

/** The last day of the last full refund: a later refund minus a fee does not move it. */
export function fullRefundDeadline(terms: RefundTerms): string | undefined {
  const last = terms.periods.findLast((p) => p.full);
  return last === undefined ? undefined : deadlineOf(last, terms);
}

/**
 * The tiers of a dated offering as the key facts say them, each with the instant it ends: the
 * start of the day after its last day in the offering's zone, or, for the tier that runs until
 * the start, the first session's start (`start`). Empty without dates, where a tier has none.
 */
export function refundTierClock(
  terms: RefundTerms,
  start: number | undefined,
): { text: string; endsAt: number }[] {
  const { startDate, timeZone } = terms;
  if (startDate === undefined || timeZone === undefined || start === undefined) return [];
  return terms.periods.map((period) => {
    const until =
      period.lastDay === undefined
        ? `the start, ${formatLongDate(startDate)}`
        : formatLongDate(period.lastDay);
    const endsAt =
      period.lastDay === undefined
        ? start
        : Temporal.PlainDate.from(nextDay(period.lastDay)).toZonedDateTime({ timeZone })
            .epochMilliseconds;
    return { text: tierShortText(period, until), endsAt };
  });
}

const SHORT_OUTCOMES: Record<Exclude<RefundOutcome, 'refund' | 'none'>, string> = {
  credit: 'credit',
  transfer: 'transfer to another date',
  substitution: 'a substitute may attend',
};

/** "Full refund until …", "Refund less the $30 fee until …", "No refund; credit until …", "No refund". */
export function tierShortText(period: RefundPeriod, until: string): string {
  if (period.outcomes.includes('none')) return 'No refund';
  const others = period.outcomes.flatMap((outcome) =>
    outcome === 'refund' || outcome === 'none' ? [] : [SHORT_OUTCOMES[outcome]],
  );
  if (!period.outcomes.includes('refund'))
    return `No refund; ${others.join(' or ')} until ${until}`;
  const kind = period.full
    ? 'Full refund'
    : period.percent === 100
      ? 'Refund'
      : `${period.percent}% refund`;
  const fee = period.fee === undefined ? '' : ` less ${shortFee(period.fee)}`;
  const choice = others.length === 0 ? '' : `, or ${others.join(' or ')}`;
  return `${kind}${fee}${choice} until ${until}`;
}

/** "the $30 fee", "the $45 fee" (15% of a known price), "a 15% fee". */
function shortFee(fee: AppliedFee): string {
  if (fee.percent === undefined || fee.amount !== undefined)
    return `the ${fee.amount?.text ?? fee.text} fee`;
  return `a ${fee.percent}% fee`;
}

function deadlineOf(period: RefundPeriod, terms: RefundTerms): string | undefined {
  if (terms.startDate === undefined) return undefined;
  return period.lastDay ?? terms.startDate;
}

/** The outcomes of a tier, one or the registrant's choice. */
export function tierOutcomes(tier: RefundTier): RefundOutcome[] {
  return typeof tier.outcome === 'string' ? [tier.outcome] : [...tier.outcome];
}

/** Formats the tier names, or every format the policy covers. */
export function tierFormats(tier: RefundTier, policy: Policy): readonly CourseFormat[] {
  return tier.formats ?? policy.appliesTo;
}

/** Whether a tier's counting suits a format: days before a start need dates, days from purchase need on demand. */
export function tierCountsFor(tier: RefundTier, format: CourseFormat): boolean {
  return format === 'on-demand' ? tier.minDaysBefore === undefined : tier.withinDays === undefined;
}

/** The tiers that apply to a format, in the policy's order, with their index in `tiers`. */
export function tiersFor(
  policy: Policy,
  format: CourseFormat,
): { tier: RefundTier; index: number }[] {
  return policy.tiers.flatMap((tier, index) =>
    tierFormats(tier, policy).includes(format) && tierCountsFor(tier, format)
      ? [{ tier, index }]
      : [],
  );
}

/** Distinct session dates, earliest first (ISO dates sort as strings). */
function sessionDates(sessions: RefundCourse['sessions']): string[] {
  return [...new Set(sessions.map((s) => s.date))].sort();
}

/** The first fee whose format and length conditions both hold. */
export function matchingFee(
  fees: readonly CancellationFee[],
  format: CourseFormat,
  courseDays: number,
): CancellationFee | undefined {
  return fees.find(
    (fee) =>
      (fee.formats === undefined || fee.formats.includes(format)) &&
      (fee.days === undefined || fee.days === courseDays),
  );
}

function appliedFee(
  fee: CancellationFee | TierFee,
  price: Money | undefined,
): AppliedFee | undefined {
  const named = {
    name: fee.name ?? DEFAULT_FEE_NAME,
    ...('label' in fee ? { label: fee.label } : {}),
  };
  if (fee.fixed !== undefined) {
    return { ...named, text: formatMoney(fee.fixed), amount: amountOf(fee.fixed, '') };
  }
  if (fee.percent !== undefined) {
    const base = { ...named, text: `${fee.percent}% of the price`, percent: fee.percent };
    if (price === undefined) return base;
    const money = fromMinor(percentOfMinor(toMinor(price), fee.percent), price.currency);
    return { ...base, amount: amountOf(money, '') };
  }
  // A fee with neither a fixed amount nor a percentage charges nothing (policy-rules refuses it).
  return undefined;
}

/** Business days skip the policy's holidays; without a calendar, only weekends. */
function closedDays(
  calendar: HolidayCalendar | undefined,
): ((date: string) => boolean) | undefined {
  return calendar === undefined ? undefined : (date) => isHoliday(calendar, date);
}

interface Bounds {
  firstDay?: string;
  lastDay?: string;
}

function periodBounds(
  startDate: string,
  tier: RefundTier,
  previousLastDay: string | undefined,
  counting: DayCounting,
  isClosed: ((date: string) => boolean) | undefined,
): Bounds {
  const days = tier.minDaysBefore ?? 0;
  return {
    ...(previousLastDay === undefined ? {} : { firstDay: nextDay(previousLastDay) }),
    // A tier with no minimum notice runs until the start, with no last day of its own.
    ...(days === 0 ? {} : { lastDay: subtractDays(startDate, days, counting, isClosed) }),
  };
}

function nextDay(date: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

const PAYING: readonly RefundOutcome[] = ['refund', 'credit'];

function period(
  tier: RefundTier,
  bounds: Bounds,
  when: string,
  policyFee: AppliedFee | undefined,
  price: Money | undefined,
): RefundPeriod {
  const outcomes = tierOutcomes(tier);
  const gives = !outcomes.includes('none');
  const paysBack = outcomes.some((outcome) => PAYING.includes(outcome));
  const percent = paysBack ? tier.percent : 0;
  // The tier's own fee wins over the policy's; nothing given, nothing charged.
  const fee = !gives
    ? undefined
    : tier.fee !== undefined
      ? appliedFee(tier.fee, price)
      : tier.deductFee
        ? policyFee
        : undefined;
  const full = outcomes.includes('refund') && percent === 100 && fee === undefined;
  const money = price === undefined || !paysBack ? undefined : paidBack(price, percent, fee);
  const validity =
    outcomes.includes('credit') && tier.creditValidMonths !== undefined
      ? {
          creditValidMonths: tier.creditValidMonths,
          creditValidFrom: tier.creditValidFrom ?? 'cancellation',
        }
      : undefined;
  const firstPaying = outcomes.find((outcome) => PAYING.includes(outcome));
  const phraseTerms: OutcomeTerms = {
    percent,
    full,
    ...(fee === undefined ? {} : { fee }),
    ...(money === undefined ? {} : { money }),
    ...(validity === undefined ? {} : { validity }),
  };
  return {
    outcome: outcomes[0] ?? 'none',
    outcomes,
    percent,
    full,
    deductFee: gives && (tier.deductFee || tier.fee !== undefined),
    ...(tier.minDaysBefore === undefined ? {} : { minDaysBefore: tier.minDaysBefore }),
    ...(tier.withinDays === undefined ? {} : { withinDays: tier.withinDays }),
    ...bounds,
    ...(tier.condition === undefined ? {} : { condition: tier.condition }),
    ...validity,
    ...(fee === undefined ? {} : { fee, feeName: fee.name }),
    ...(money === undefined || firstPaying === undefined
      ? {}
      : { amount: amountOf(money, amountSuffix(firstPaying)) }),
    summary: `${when}${tier.condition === undefined ? '' : `, ${tier.condition}`}: ${outcomesPhrase(outcomes, phraseTerms)}.`,
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

/** The same periods in days of notice, for a dated offering whose sessions are not set yet. */
function noticePhrase(
  minDays: number,
  previousMinDays: number | undefined,
  counting: DayCounting,
): string {
  if (previousMinDays === undefined) {
    return minDays === 0
      ? 'Cancel any time before the start'
      : `Cancel at least ${dayCount(minDays, counting)} before the start`;
  }
  if (minDays === 0)
    return `Cancel less than ${dayCount(previousMinDays, counting)} before the start`;
  return `Cancel at least ${dayCount(minDays, counting)} but less than ${dayCount(previousMinDays, counting)} before the start`;
}

/** On demand there is no start: periods count from purchase or from first opening the course. */
function onDemandPhrase(
  tier: RefundTier,
  previous: RefundTier | undefined,
  tierCount: number,
  counting: DayCounting,
  from: OnDemandFrom,
): string {
  const of = from === 'access' ? 'of first opening the course' : 'of purchase';
  const after = previous?.withinDays;
  if (tier.withinDays !== undefined) {
    const within = `within ${dayCount(tier.withinDays, counting)} ${of}`;
    return after === undefined
      ? capitalise(within)
      : `After ${dayCount(after, counting)} and ${within}`;
  }
  if (after !== undefined) return `After ${dayCount(after, counting)} ${of}`;
  // The one tier, without days: it holds whenever the registrant asks.
  return tierCount === 1 && tierOutcomes(tier).includes('none')
    ? 'All sales are final'
    : 'At any time';
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

function dayCount(days: number, counting: DayCounting): string {
  const unit = counting === 'business' ? 'business day' : 'day';
  return `${days} ${unit}${days === 1 ? '' : 's'}`;
}

interface OutcomeTerms {
  percent: number;
  full: boolean;
  fee?: AppliedFee;
  /** What comes back, when the price is known. */
  money?: Money;
  validity?: { creditValidMonths: number; creditValidFrom: CreditValidFrom };
}

/** One outcome as a phrase; a choice lists them: "your choice of a full refund or a credit …". */
function outcomesPhrase(outcomes: readonly RefundOutcome[], terms: OutcomeTerms): string {
  if (outcomes.length === 1) {
    const [outcome] = outcomes as [RefundOutcome];
    if (outcome === 'none') return 'no refund';
    if (outcome === 'refund') return refundPhrase(terms, false);
    // Anything but a refund keeps the money: say so first, as the policy texts do.
    return `no refund; ${outcomePhrase(outcome, terms)}`;
  }
  const phrases = outcomes.map((outcome) => outcomePhrase(outcome, terms));
  return `your choice of ${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1)}`;
}

function outcomePhrase(outcome: RefundOutcome, terms: OutcomeTerms): string {
  const forFee = terms.fee === undefined ? '' : `, for ${feePhrase(terms.fee)}`;
  switch (outcome) {
    case 'refund':
      return refundPhrase(terms, true);
    case 'credit':
      return creditPhrase(terms);
    case 'transfer':
      return `a transfer to another date of this course${forFee}`;
    case 'substitution':
      return `a substitute may attend in your place${forFee}`;
    case 'none':
      return 'no refund';
  }
}

/** "Full" only when nothing is kept back: 100% minus a fee is a "refund minus the … fee". */
function refundPhrase({ percent, full, fee, money }: OutcomeTerms, withArticle: boolean): string {
  const kind = full ? 'full refund' : percent === 100 ? 'refund' : `${percent}% refund`;
  const phrase = `${withArticle ? `${indefiniteArticle(kind)} ` : ''}${kind}${fee === undefined ? '' : ` minus ${feePhrase(fee)}`}`;
  return withAmount(phrase, money, 'refund');
}

function creditPhrase({ percent, fee, money, validity }: OutcomeTerms): string {
  const share = percent === 100 ? 'the full amount' : `${percent}% of the amount`;
  const minusFee = fee === undefined ? '' : ` minus ${feePhrase(fee)}`;
  const months =
    validity === undefined
      ? ''
      : `, valid for ${validity.creditValidMonths} month${validity.creditValidMonths === 1 ? '' : 's'}`;
  const from = validity?.creditValidFrom === 'purchase' ? ' from purchase' : '';
  return withAmount(
    `a credit for ${share}${minusFee} toward another learning product${months}${from}`,
    money,
    'credit',
  );
}

/** "the $30 administrative processing fee", "the 15% processing fee ($45)", "a processing fee of 15% of the price". */
function feePhrase(fee: AppliedFee): string {
  if (fee.percent === undefined) return `the ${fee.text} ${fee.name}`;
  if (fee.amount !== undefined) return `the ${fee.percent}% ${fee.name} (${fee.amount.text})`;
  return `${indefiniteArticle(fee.name)} ${fee.name} of ${fee.text}`;
}

/** "… ($270 back)"; after a parenthesis already there (a percentage fee's amount), ", $255 back". */
function withAmount(
  phrase: string,
  money: Money | undefined,
  outcome: 'refund' | 'credit',
): string {
  if (money === undefined) return phrase;
  const text = `${formatMoney(money)}${amountSuffix(outcome)}`;
  return phrase.endsWith(')') ? `${phrase}, ${text}` : `${phrase} (${text})`;
}

function amountSuffix(outcome: RefundOutcome): string {
  return outcome === 'credit' ? ' credit' : ' back';
}

/** "an 85% refund", "an administrative fee", "a full refund": by the sound of the first word. */
function indefiniteArticle(phrase: string): 'a' | 'an' {
  const percent = /^(\d+)/.exec(phrase)?.[1];
  if (percent !== undefined)
    return percent.startsWith('8') || percent === '11' || percent === '18' ? 'an' : 'a';
  return /^[aeiou]/i.test(phrase) ? 'an' : 'a';
}

/** price × percent − fee, in the price's currency, never below zero; unknown when the fee cannot be priced. */
function paidBack(price: Money, percent: number, fee: AppliedFee | undefined): Money | undefined {
  const feeMoney = fee?.amount?.money;
  // A fee we cannot price (a percentage of an unknown price, or another currency) leaves the amount unknown.
  if (fee !== undefined && (feeMoney === undefined || feeMoney.currency !== price.currency))
    return undefined;
  const minor = Math.max(
    0,
    percentOfMinor(toMinor(price), percent) - (feeMoney === undefined ? 0 : toMinor(feeMoney)),
  );
  return fromMinor(minor, price.currency);
}

function amountOf(money: Money, suffix: string): Amount {
  return { money, text: `${formatMoney(money)}${suffix}` };
}

// Arithmetic in minor units (cents), so 50% of $149.99 is $75.00, not 74.99499….
function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
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
