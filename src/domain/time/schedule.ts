/**
 * A course's schedule at build time: session instants, display strings in the course's zone,
 * and where the course stands against "now". Nothing here reads the host's time zone; dates
 * are formatted in UTC from Date.UTC and times in the named zone.
 */
import type { Session } from '../../collections/schemas/session.ts';
import {
  dateTimeFormat,
  formatRangeInZone,
  useZoneAbbreviations,
  zoneAbbreviation,
} from './local-time.ts';
import { ZONE_ABBREVIATIONS } from './zone-abbreviations.ts';

// Pages are built with tzdata's letters for every zone (AEDT, then AEST).
useZoneAbbreviations(ZONE_ABBREVIATIONS);
import { requireZonedInstant } from './zoned-time.ts';
import type { ZonedInstant } from './zoned-time.ts';

export { zoneAbbreviation };

export type { TimeStatus as CourseStatus } from '../offerings/offerings.ts';

export interface SessionTime {
  /** Position in the course's session list, from 0. */
  index: number;
  session: Session;
  start: ZonedInstant;
  end: ZonedInstant;
}

/** The dated part of one offering. */
export interface Schedule {
  sessions: readonly Session[];
  timeZone: string;
}

/** Each session with its start and end instants; throws on a wall-clock time the zone skips or repeats (validation reports those first). */
export function sessionTimes(course: Schedule): SessionTime[] {
  return course.sessions.map((session, index) => ({
    index,
    session,
    start: requireZonedInstant(session.date, session.start, course.timeZone),
    end: requireZonedInstant(session.date, session.end, course.timeZone),
  }));
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Expected a date as YYYY-MM-DD; found "${date}".`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

// Formatting a UTC midnight in UTC keeps the calendar date whatever the host's zone is.
function formatDate(date: string, options: Intl.DateTimeFormatOptions): string {
  const { year, month, day } = parseDate(date);
  return dateTimeFormat('en-US', { ...options, timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}

/** "Monday, October 19, 2020". */
export function formatSessionDate(date: string): string {
  return formatDate(date, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' });
}

/** "4–6 PM EDT" on the clock of `timeZone`; see formatRangeInZone for the other shapes. */
export function formatTimeRange(start: ZonedInstant, end: ZonedInstant, timeZone: string): string {
  return formatRangeInZone(start.epochMilliseconds, end.epochMilliseconds, timeZone);
}

/**
 * "October 19 – November 9, 2020", "March 1–8, 2021", "October 19, 2020", or across years
 * "December 28, 2020 – January 4, 2021". Spaced dash between full dates, tight within a month.
 */
export function formatDateRange(firstDate: string, lastDate: string): string {
  const first = parseDate(firstDate);
  const last = parseDate(lastDate);
  if (lastDate < firstDate)
    throw new RangeError(`The date range ends (${lastDate}) before it starts (${firstDate}).`);
  if (firstDate === lastDate)
    return formatDate(firstDate, { year: 'numeric', month: 'long', day: 'numeric' });
  const lastFull = formatDate(lastDate, { year: 'numeric', month: 'long', day: 'numeric' });
  if (first.year !== last.year)
    return `${formatDate(firstDate, { year: 'numeric', month: 'long', day: 'numeric' })} – ${lastFull}`;
  const firstMonthDay = formatDate(firstDate, { month: 'long', day: 'numeric' });
  if (first.month !== last.month) return `${firstMonthDay} – ${lastFull}`;
  return `${firstMonthDay}–${last.day}, ${last.year}`;
}

/** Hours actually elapsed across the sessions, so one spanning a DST change counts its real length. */
export function scheduledHours(course: Schedule): number {
  // Sum whole minutes and divide once: adding thirds of an hour would drift (0.333… × 3 ≠ 1).
  const minutes = sessionTimes(course).reduce(
    (sum, time) => sum + (time.end.epochMilliseconds - time.start.epochMilliseconds) / 60_000,
    0,
  );
  return minutes / 60;
}
