/**
 * The facts of a course that depend on "now", as one pure function of a clock the build makes:
 * where each offering stands, whether it invites registration, which prices still apply, which
 * refund tier is in force and until when, which approvals still give credit, and whether an
 * on-demand course still gives credit. The build calls it with its clock to render the page; the
 * browser (src/scripts/course-time.ts) calls it with the reader's clock on the same data, which
 * the page carries as JSON, so the two can never disagree. Everything here is epoch
 * milliseconds and text the build already formatted: no time zones, no Intl, no Temporal, so it
 * runs in any browser.
 */
import type { TimeStatus } from './offerings.ts';

/** One offering's instants and the texts that change with them. */
export interface OfferingClock {
  /** `on-demand` runs while access is open; `dated` runs from its first session to its last. */
  kind: 'dated' | 'on-demand';
  /** When it starts: the first session's start, or the first instant of on-demand access. */
  start?: number;
  /** When it is over: the last session's end, or the end of on-demand access. */
  end?: number;
  /** Whether it takes registrations at all: open (not sold out or cancelled) with a registration link. */
  registers: boolean;
  /** A cancelled offering does not decide the course's status. */
  cancelled: boolean;
  /** Each price line the page shows, in order: the instant it stops applying, if it has one. */
  prices: { endsAt?: number }[];
  /** The refund tiers in date order: what the key facts say while each is in force, and when it ends. */
  refundTiers: { text: string; endsAt: number }[];
}

/** The course's instants: its offerings (in the page's order), its approvals and the end of on-demand credit. */
export interface CourseClock {
  offerings: OfferingClock[];
  /** Each approval the page lists, in order: the instant it lapses (the day after `validUntil`), if it has an end. */
  approvals: { endsAt?: number }[];
  /** The first instant credit is no longer given (the day after `creditEndsOn`), for an on-demand course that states one. */
  creditEndsAt?: number;
}

export interface OfferingFactsNow {
  status: TimeStatus;
  /** Whether the page invites registration: it takes registrations and has neither started nor closed. */
  registrationOpen: boolean;
  /** For each price line, whether it still applies. */
  prices: boolean[];
  /** The refund tier in force and when it ends; undefined once the offering has started (or it has no dated tiers). */
  refund?: { index: number; text: string; endsAt: number };
}

export interface CourseFactsNow {
  /** The course's own status: the first of in progress, upcoming, on demand among offerings not cancelled; else past. */
  status: TimeStatus;
  offerings: OfferingFactsNow[];
  /** For each approval, whether the page still offers its credit (see approvalOffered). */
  approvals: boolean[];
  /** Whether an on-demand course still gives credit; true when the content sets no end. */
  creditGiven: boolean;
}

/** Whether something that stops at `endsAt` (exclusive) still holds at `now`; with no end it always does. */
export function stillHolds(endsAt: number | undefined, now: number): boolean {
  return endsAt === undefined || now < endsAt;
}

/**
 * Where an offering stands at `now`. A dated one is upcoming until its first start, in progress
 * until its last end, then past. An on-demand one is `on-demand` while it can be taken, upcoming
 * before access opens and past once it has closed. An offering without dates yet is upcoming.
 */
export function statusAt(
  kind: OfferingClock['kind'],
  window: { start?: number | undefined; end?: number | undefined },
  now: number,
): TimeStatus {
  if (window.start !== undefined && now < window.start) return 'upcoming';
  if (window.end !== undefined && now >= window.end) return 'past';
  if (kind === 'on-demand') return 'on-demand';
  return window.start === undefined ? 'upcoming' : 'in-progress';
}

/** Whether a reader may be invited to register: it takes registrations and has neither started nor closed. */
export function registrationOpenAt(registers: boolean, status: TimeStatus): boolean {
  return registers && (status === 'upcoming' || status === 'on-demand');
}

const STATUS_ORDER: Record<TimeStatus, number> = {
  'in-progress': 0,
  upcoming: 1,
  'on-demand': 2,
  past: 3,
};

function offeringFactsAt(offering: OfferingClock, now: number): OfferingFactsNow {
  const status = statusAt(offering.kind, offering, now);
  // Tiers count down to the start: once the offering has begun, no cancellation term is offered.
  const index =
    status === 'upcoming' ? offering.refundTiers.findIndex((tier) => now < tier.endsAt) : -1;
  const tier = offering.refundTiers[index];
  return {
    status,
    registrationOpen: registrationOpenAt(offering.registers, status),
    prices: offering.prices.map((price) => stillHolds(price.endsAt, now)),
    ...(tier === undefined ? {} : { refund: { index, ...tier } }),
  };
}

/**
 * Every fact of the course that depends on `now` (epoch milliseconds). An approval that has
 * lapsed stops being offered while the course can still be taken; a past course keeps the
 * approvals it was given under, since the check made sure they covered its dates.
 */
export function courseFactsAt(clock: CourseClock, now: number): CourseFactsNow {
  const offerings = clock.offerings.map((offering) => offeringFactsAt(offering, now));
  const live = offerings.filter((_facts, index) => clock.offerings[index]?.cancelled !== true);
  const status = live.reduce<TimeStatus>(
    (best, facts) => (STATUS_ORDER[facts.status] < STATUS_ORDER[best] ? facts.status : best),
    'past',
  );
  return {
    status,
    offerings,
    approvals: clock.approvals.map(
      (approval) => status === 'past' || stillHolds(approval.endsAt, now),
    ),
    creditGiven: stillHolds(clock.creditEndsAt, now),
  };
}
