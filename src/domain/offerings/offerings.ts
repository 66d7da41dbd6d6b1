/**
 * A course's offerings as one list, whichever way the file writes them (its one offering at the
 * top level, or `offerings:`), and where each stands against "now". Pure: no Astro, no disk.
 */
import type { Course } from '../../collections/schemas/course.ts';
import type { CourseFormat } from '../../collections/schemas/format.ts';
import type { OfferingStatus, Price, Venue } from '../../collections/schemas/offering.ts';
import type { Session } from '../../collections/schemas/session.ts';
import { requireZonedInstant } from '../time/zoned-time.ts';
import { registrationOpenAt, statusAt } from './course-clock.ts';

export type TimeStatus = 'upcoming' | 'in-progress' | 'past' | 'on-demand';

export interface Offering {
  /** '' for the one offering a course states at its top level; else its `id` or one derived from its dates. */
  id: string;
  /** Where its fields are in the file: `[]` at the top level, `['offerings', 2]` in the list. */
  path: (string | number)[];
  format: CourseFormat;
  timeZone?: string;
  venue?: Venue;
  sessions: Session[];
  availableFrom?: string;
  availableUntil?: string;
  prices: Price[];
  registrationUrl?: string;
  capacity?: string;
  status: OfferingStatus;
}

type OfferingSource = Pick<
  Course,
  | 'format'
  | 'timeZone'
  | 'venue'
  | 'sessions'
  | 'availableFrom'
  | 'availableUntil'
  | 'prices'
  | 'registrationUrl'
  | 'capacity'
  | 'status'
  | 'offerings'
>;

/** The fields a top-level offering may set; with `offerings:` each belongs in the list instead. */
export const TOP_LEVEL_OFFERING_FIELDS = [
  'format',
  'timeZone',
  'venue',
  'sessions',
  'availableFrom',
  'availableUntil',
  'prices',
  'registrationUrl',
  'capacity',
  'status',
] as const satisfies readonly (keyof OfferingSource)[];

/** An id for a listed offering without one: its first date, or `on-demand` (with its first day when it has one). */
function derivedOfferingId(offering: Pick<Offering, 'sessions' | 'availableFrom'>): string {
  const first = offering.sessions.map((session) => session.date).sort()[0];
  if (first !== undefined) return first;
  return offering.availableFrom === undefined ? 'on-demand' : `on-demand-${offering.availableFrom}`;
}

/** Every offering of the course, in file order; empty when the file names no format at all (the check reports that). */
export function courseOfferings(course: OfferingSource): Offering[] {
  if (course.offerings !== undefined) {
    return course.offerings.map(({ id, ...fields }, index) => {
      const offering = normalise(fields, ['offerings', index]);
      return { ...offering, id: id ?? derivedOfferingId(offering) };
    });
  }
  if (course.format === undefined) return [];
  return [normalise({ ...course, format: course.format }, [])];
}

function normalise(
  fields: Omit<OfferingSource, 'offerings' | 'format'> & { format: CourseFormat },
  path: Offering['path'],
): Offering {
  const optional = {
    timeZone: fields.timeZone,
    venue: fields.venue,
    availableFrom: fields.availableFrom,
    availableUntil: fields.availableUntil,
    registrationUrl: fields.registrationUrl,
    capacity: fields.capacity,
  };
  return {
    id: '',
    path,
    format: fields.format,
    sessions: fields.sessions ?? [],
    prices: fields.prices ?? [],
    status: fields.status ?? 'open',
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
  };
}

/** The instant a calendar day starts in `timeZone`. */
function startOfDay(date: string, timeZone: string): number {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).epochMilliseconds;
}

function dayAfter(date: string): string {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

export interface OfferingWindow {
  /** When it starts: the first session's start, or the first day on-demand access opens. */
  start?: number;
  /** When it is over: the last session's end, or the end of the last day of on-demand access. */
  end?: number;
}

/** When the offering runs, as epoch milliseconds; open-ended on a side the content leaves out. */
export function offeringWindow(offering: Offering): OfferingWindow {
  const zone = offering.timeZone;
  if (offering.format === 'on-demand' || offering.sessions.length === 0) {
    if (zone === undefined) return {};
    return {
      ...(offering.availableFrom === undefined
        ? {}
        : { start: startOfDay(offering.availableFrom, zone) }),
      ...(offering.availableUntil === undefined
        ? {}
        : { end: startOfDay(dayAfter(offering.availableUntil), zone) }),
    };
  }
  if (zone === undefined) return {};
  const starts = offering.sessions.map(
    (session) => requireZonedInstant(session.date, session.start, zone).epochMilliseconds,
  );
  const ends = offering.sessions.map(
    (session) => requireZonedInstant(session.date, session.end, zone).epochMilliseconds,
  );
  // Min and max rather than first and last, so an unsorted list cannot misreport.
  return { start: Math.min(...starts), end: Math.max(...ends) };
}

/**
 * Where the offering stands at `now`. A dated one is upcoming until its first start, in progress
 * until its last end, then past. An on-demand one is `on-demand` while it can be taken, upcoming
 * before access opens and past once it has closed.
 */
export function offeringStatus(offering: Offering, now: Date): TimeStatus {
  return statusAt(
    offering.format === 'on-demand' ? 'on-demand' : 'dated',
    offeringWindow(offering),
    now.getTime(),
  );
}

/** Whether a reader may be invited to register: the offering is open and has neither started nor closed. */
export function invitesRegistration(offering: Offering, status: TimeStatus): boolean {
  return registrationOpenAt(takesRegistrations(offering), status);
}

/** Whether the offering takes registrations at all: open, with a link to register. */
export function takesRegistrations(offering: Offering): boolean {
  return offering.registrationUrl !== undefined && offering.status === 'open';
}

const STATUS_ORDER: Record<TimeStatus, number> = {
  'in-progress': 0,
  upcoming: 1,
  'on-demand': 2,
  past: 3,
};

export interface TimedOffering {
  offering: Offering;
  status: TimeStatus;
  window: OfferingWindow;
}

/**
 * The order a reader wants: what runs now, then the next dates soonest first, then on demand,
 * then past ones by when they ended, latest first; a cancelled offering goes after the others of its kind.
 */
export function compareOfferings(a: TimedOffering, b: TimedOffering): number {
  const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (byStatus !== 0) return byStatus;
  const cancelled =
    Number(a.offering.status === 'cancelled') - Number(b.offering.status === 'cancelled');
  if (cancelled !== 0) return cancelled;
  // Past ones by when they ended, latest first: an on-demand run that closed last is the latest.
  if (a.status === 'past')
    return (b.window.end ?? 0) - (a.window.end ?? 0) || a.offering.id.localeCompare(b.offering.id);
  return (
    (a.window.start ?? 0) - (b.window.start ?? 0) || a.offering.id.localeCompare(b.offering.id)
  );
}

/**
 * The course's own status for badges, filters and the catalog: that of its first offering in
 * reading order that is not cancelled (a course whose every offering is cancelled is past).
 */
export function courseTimeStatus(ordered: readonly TimedOffering[]): TimeStatus {
  return ordered.find((timed) => timed.offering.status !== 'cancelled')?.status ?? 'past';
}

/** The formats of a course's offerings, each once, in file order. */
export function courseFormats(course: OfferingSource): CourseFormat[] {
  return [...new Set(courseOfferings(course).map((offering) => offering.format))];
}
