/**
 * The content collections joined into the view the pages need: each course with its
 * instructors, boards, sponsors and policy resolved, its sessions as instants, and its status
 * at build time. References were checked by the validator, so a missing one here is a bug.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import {
  approvalEndsAt,
  resolveApproval,
  type ResolvedApproval,
} from '../domain/ce/ce-approvals.ts';
import {
  courseFactsAt,
  type CourseClock,
  type CourseFactsNow,
  type OfferingClock,
} from '../domain/offerings/course-clock.ts';
import { buildNow } from '../process/environment.ts';
import { loadHolidayRules } from '../domain/time/holidays.ts';
import { paths } from '../domain/labels.ts';
import { refundTerms, refundTierClock, type RefundTerms } from '../domain/offerings/refund.ts';
import { assertNoDevProblems } from '../collections/validation/dev-problems.ts';
import {
  compareOfferings,
  courseOfferings,
  offeringStatus,
  takesRegistrations,
  offeringWindow,
  type Offering,
  type OfferingWindow,
} from '../domain/offerings/offerings.ts';
import { isFree, priceLines, refundBasePrice, type PriceLine } from '../domain/offerings/prices.ts';
import {
  formatDateRange,
  sessionTimes,
  type CourseStatus,
  type SessionTime,
} from '../domain/time/schedule.ts';
import type { CourseFormat } from '../collections/schemas/format.ts';

export type CourseEntry = CollectionEntry<'courses'>;
export type InstructorEntry = CollectionEntry<'instructors'>;
export type BoardEntry = CollectionEntry<'boards'>;

/** One offering as its page shows it at build time. */
export interface OfferingView {
  offering: Offering;
  sessions: SessionTime[];
  status: CourseStatus;
  window: OfferingWindow;
  /** The prices that apply at build time, in reading order. */
  prices: PriceLine[];
  /** Whether the page invites registration at build time (the browser re-checks it). */
  registrationOpen: boolean;
  /** The refund tier in force at build time, as the key facts say it; undefined once started, or for a free offering. */
  refundNow?: { text: string; endsAt: number };
  /** Its instants and clock-bound texts, which the browser re-reads (src/domain/offerings/course-clock.ts). */
  clock: OfferingClock;
  /** The refund terms of the course's policy for this offering, in real dates. */
  refund: RefundTerms;
  /** "October 19 – November 9, 2020"; undefined for on-demand. */
  dateRange?: string;
  /** Its calendar file's path, when it has sessions to add (not on demand, not cancelled). */
  calendarPath?: string;
}

export interface CourseView {
  entry: CourseEntry;
  slug: string;
  instructors: InstructorEntry[];
  /** Each approval the course claims, resolved to the organisation that holds it. */
  approvals: { board: BoardEntry; approval: ResolvedApproval }[];
  sponsors: CollectionEntry<'sponsors'>[];
  policy: CollectionEntry<'policies'>;
  /** Every offering in reading order: running, then next soonest first, on demand, past latest first. */
  offerings: OfferingView[];
  /** The offering the key facts show: the first in reading order that is not cancelled. */
  featured: OfferingView;
  /** The formats of its offerings, each once. */
  formats: CourseFormat[];
  /** The featured offering's sessions, status, refund terms and dates, which the catalog shows. */
  sessions: SessionTime[];
  status: CourseStatus;
  refund: RefundTerms;
  dateRange?: string;
  /** Epoch milliseconds of the featured offering's start, for sorting; undefined when it has none. */
  startsAt?: number;
  /** Every instant the page's facts depend on, carried by the page for the browser's re-check. */
  clock: CourseClock;
  /** The facts at build time, from the same function the browser runs on the reader's clock. */
  facts: CourseFactsNow;
}

function offeringView(
  slug: string,
  offering: Offering,
  policy: CollectionEntry<'policies'>,
  now: Date,
): OfferingView {
  const sessions =
    offering.timeZone === undefined
      ? []
      : sessionTimes({ sessions: offering.sessions, timeZone: offering.timeZone });
  const status = offeringStatus(offering, now);
  const first = sessions[0];
  const last = sessions.at(-1);
  const price = refundBasePrice(offering.prices);
  const window = offeringWindow(offering);
  const prices = priceLines(offering.prices, offering.timeZone, now);
  const refund = refundTerms(
    {
      format: offering.format,
      sessions: offering.sessions,
      ...(offering.timeZone ? { timeZone: offering.timeZone } : {}),
      ...(price ? { price } : {}),
    },
    policy.data,
  );
  const clock: OfferingClock = {
    kind: offering.format === 'on-demand' ? 'on-demand' : 'dated',
    ...window,
    registers: takesRegistrations(offering),
    cancelled: offering.status === 'cancelled',
    prices: prices.map((line) =>
      line.endsAt === undefined ? {} : { endsAt: line.endsAt.epochMilliseconds },
    ),
    // A free offering has nothing to refund, so no tier is named for it.
    refundTiers: isFree(offering.prices) ? [] : refundTierClock(refund, window.start),
  };
  return {
    offering,
    sessions,
    status,
    window,
    prices,
    registrationOpen: false,
    clock,
    refund,
    ...(first && last ? { dateRange: formatDateRange(first.session.date, last.session.date) } : {}),
    ...(sessions.length > 0 && offering.format !== 'on-demand' && offering.status !== 'cancelled'
      ? { calendarPath: paths.courseCalendar(slug, offering.id) }
      : {}),
  };
}

/**
 * The course's clock and its facts at `now`; each offering view takes its status, registration
 * and refund tier from those facts, the same ones the browser computes on the reader's clock.
 */
function withFacts(
  offerings: OfferingView[],
  approvals: readonly { approval: ResolvedApproval }[],
  creditEndsOn: string | undefined,
  now: Date,
): { offerings: OfferingView[]; clock: CourseClock; facts: CourseFactsNow } {
  const zone = offerings.find(({ offering }) => offering.timeZone)?.offering.timeZone ?? 'UTC';
  const creditEndsAt = approvalEndsAt({ validUntil: creditEndsOn }, zone);
  const clock: CourseClock = {
    offerings: offerings.map((view) => view.clock),
    approvals: approvals.map(({ approval }) => {
      const endsAt = approvalEndsAt(approval.period, zone);
      return endsAt === undefined ? {} : { endsAt };
    }),
    ...(creditEndsAt === undefined ? {} : { creditEndsAt }),
  };
  const facts = courseFactsAt(clock, now.getTime());
  return {
    clock,
    facts,
    offerings: offerings.map((view, index) => {
      const { status, registrationOpen, refund } = facts.offerings[index]!;
      return {
        ...view,
        status,
        registrationOpen,
        ...(refund === undefined
          ? {}
          : { refundNow: { text: refund.text, endsAt: refund.endsAt } }),
      };
    }),
  };
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Unresolved reference: ${what}`);
  return value;
}

let cached: Promise<CourseView[]> | undefined;

async function loadCourses(): Promise<CourseView[]> {
  // Deadlines counted in business days skip a policy's public holidays.
  await loadHolidayRules();
  const [courses, instructors, boards, sponsors, policies] = await Promise.all([
    getCollection('courses'),
    getCollection('instructors'),
    getCollection('boards'),
    getCollection('sponsors'),
    getCollection('policies'),
  ]);
  const byId = <T extends { id: string }>(entries: T[]) =>
    new Map(entries.map((entry) => [entry.id, entry]));
  const instructorById = byId(instructors);
  const boardById = byId(boards);
  const sponsorById = byId(sponsors);
  const sponsorData = new Map(sponsors.map((sponsor) => [sponsor.id, sponsor.data]));
  const policyById = byId(policies);
  const now = buildNow();

  return courses.map((entry) => {
    const { data } = entry;
    const policy = required(policyById.get(data.refundPolicy), `policy ${data.refundPolicy}`);
    const approvals = data.approvals.map((claim) => {
      const board = required(boardById.get(claim.board), `board ${claim.board}`);
      const resolution = resolveApproval(claim, data, board.data, sponsorData);
      if (!resolution.ok)
        throw new Error(
          `Unresolved approval: ${claim.board} of ${entry.id} (${resolution.problem})`,
        );
      return { board, approval: resolution.approval };
    });
    const sorted = courseOfferings(data)
      .map((offering) => offeringView(entry.id, offering, policy, now))
      .sort((a, b) => compareOfferings(a, b));
    const { offerings, clock, facts } = withFacts(
      sorted,
      approvals,
      data.completion?.creditEndsOn,
      now,
    );
    const featured = required(
      offerings.find((view) => view.offering.status !== 'cancelled') ?? offerings[0],
      `an offering of ${entry.id}`,
    );
    return {
      entry,
      slug: entry.id,
      instructors: data.instructors.map((id) =>
        required(instructorById.get(id), `instructor ${id}`),
      ),
      approvals,
      sponsors: data.sponsors.map((id) => required(sponsorById.get(id), `sponsor ${id}`)),
      policy,
      offerings,
      featured,
      formats: [...new Set(offerings.map((view) => view.offering.format))],
      sessions: featured.sessions,
      status: facts.status,
      refund: featured.refund,
      clock,
      facts,
      ...(featured.dateRange === undefined ? {} : { dateRange: featured.dateRange }),
      ...(featured.window.start === undefined ? {} : { startsAt: featured.window.start }),
    };
  });
}

/** Every published course: upcoming and running ones first (soonest first), then past ones (latest first). */
export async function allCourses(): Promise<CourseView[]> {
  if (import.meta.env.DEV) {
    // The dev server's content changes under it: no cache, and bad content is reported.
    assertNoDevProblems();
    return sortForCatalog(await loadCourses());
  }
  cached ??= loadCourses().then((views) => sortForCatalog(views));
  return cached;
}

const STATUS_ORDER: Record<CourseStatus, number> = {
  'in-progress': 0,
  upcoming: 1,
  'on-demand': 2,
  past: 3,
};

export function sortForCatalog(views: CourseView[]): CourseView[] {
  return [...views].sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    const direction = a.status === 'past' ? -1 : 1;
    return (
      direction * ((a.startsAt ?? 0) - (b.startsAt ?? 0)) ||
      a.entry.data.title.localeCompare(b.entry.data.title)
    );
  });
}

export async function siteSettings() {
  if (import.meta.env.DEV) assertNoDevProblems();
  return required(await getEntry('site', 'site'), 'site settings').data;
}

export async function publisher() {
  const site = await siteSettings();
  return required(await getEntry('sponsors', site.organization), `sponsor ${site.organization}`)
    .data;
}
