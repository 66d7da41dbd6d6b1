/**
 * An offering's price list as a reader reads it on a given day: the prices that still apply,
 * each with who it is for, and the instant it stops applying so the browser can drop an
 * early-bird price at its deadline on a page built before it.
 */
import type { Money } from '../../collections/schemas/common.ts';
import type { Price, PriceKind } from '../../collections/schemas/offering.ts';
import { stillHolds } from './course-clock.ts';
import { formatMoney } from './money.ts';
import { formatSessionDate } from '../time/schedule.ts';

export interface PriceLine {
  price: Price;
  kind: PriceKind;
  /** `$150`, or `Free` for nothing to pay. */
  amount: string;
  /** Who it is for, such as `Early bird`, `APA members`, `Groups of 5 or more, per person`; empty for the one general price. */
  who: string;
  /** `until Monday, February 15, 2027`, for a price with a last day. */
  until?: string;
  /** The instant it stops applying: the start of the day after `until`, in the offering's zone. */
  endsAt?: { epochMilliseconds: number; iso: string };
}

const KIND_ORDER: Record<PriceKind, number> = {
  'early-bird': 0,
  standard: 1,
  member: 2,
  student: 3,
  group: 4,
};
const KIND_LABELS: Record<PriceKind, string> = {
  'early-bird': 'Early bird',
  standard: 'Standard',
  member: 'Members',
  student: 'Students',
  group: 'Groups',
};

export function priceKind(price: Price): PriceKind {
  return price.kind ?? 'standard';
}

/** The instant a price with a last day stops applying; undefined for one without. */
function priceEndsAt(
  price: Price,
  timeZone: string,
): { epochMilliseconds: number; iso: string } | undefined {
  if (price.until === undefined) return undefined;
  const end = Temporal.PlainDate.from(price.until).add({ days: 1 }).toZonedDateTime({ timeZone });
  return {
    epochMilliseconds: end.epochMilliseconds,
    iso: end.toInstant().toString({ smallestUnit: 'second' }),
  };
}

function who(price: Price, general: boolean): string {
  const kind = priceKind(price);
  const base = price.label ?? (kind === 'standard' && general ? '' : KIND_LABELS[kind]);
  if (kind !== 'group' || price.groupSize === undefined) return base;
  return `${price.label ?? 'Groups'} of ${price.groupSize} or more, per person`;
}

/**
 * The prices that apply at `now` (a price whose last day has passed is left out), early bird
 * first, then standard, member, student and group. The standard price goes unlabelled when it
 * is the only price everyone may pay.
 */
export function priceLines(
  prices: readonly Price[],
  timeZone: string | undefined,
  now: Date,
): PriceLine[] {
  const current = currentPrices(prices, timeZone, now);
  const general =
    current.filter(({ price }) => ['standard', 'early-bird'].includes(priceKind(price))).length ===
    1;
  return current
    .map((entry, index) => ({ ...entry, index }))
    .sort(
      (a, b) =>
        KIND_ORDER[priceKind(a.price)] - KIND_ORDER[priceKind(b.price)] || a.index - b.index,
    )
    .map(({ price, endsAt }) => ({
      price,
      kind: priceKind(price),
      amount: priceText(price),
      who: who(price, general),
      ...(price.until === undefined ? {} : { until: `until ${formatSessionDate(price.until)}` }),
      ...(endsAt === undefined ? {} : { endsAt }),
    }));
}

/** The prices still applying at `now`, in file order, each with the instant it stops (none for one without a last day). */
export function currentPrices(
  prices: readonly Price[],
  timeZone: string | undefined,
  now: Date,
): { price: Price; endsAt?: { epochMilliseconds: number; iso: string } }[] {
  const zone = timeZone ?? 'UTC';
  return prices.flatMap((price) => {
    const endsAt = priceEndsAt(price, zone);
    if (endsAt === undefined) return [{ price }];
    return stillHolds(endsAt.epochMilliseconds, now.getTime()) ? [{ price, endsAt }] : [];
  });
}

/** A price as a reader reads it: "$150", and "Free" rather than "$0". */
export function priceText(price: Money): string {
  return price.amount === 0 ? 'Free' : formatMoney(price);
}

/** Whether the offering costs nothing: it has prices, and every one is zero. */
export function isFree(prices: readonly Price[]): boolean {
  return prices.length > 0 && prices.every((price) => price.amount === 0);
}

/**
 * The one price refunds are reckoned on, when there is one: the offering's only price. With
 * several (early bird, member, group), what a registrant paid is not known, so amounts are not
 * shown; nor for a free offering, where "a full refund ($0 back)" would only mislead.
 */
export function refundBasePrice(prices: readonly Price[]): Money | undefined {
  const [only, ...others] = prices;
  return only !== undefined && others.length === 0 && only.amount > 0
    ? { amount: only.amount, currency: only.currency }
    : undefined;
}
