/**
 * A course's sessions as an iCalendar (RFC 5545) file, for "Add to calendar".
 *
 * Times are written as wall-clock times in the course's zone (`DTSTART;TZID=America/New_York:
 * 20201019T160000`) with a VTIMEZONE for that zone, so a calendar app shows the session at the
 * right instant wherever the reader is, and the file never depends on the build machine's zone:
 * events get Temporal.ZonedDateTime values and a per-event zone. (ical-generator formats plain
 * Dates with the host's clock, and a calendar-wide zone drops the `Z` from DTSTAMP.)
 */
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Course, Venue } from '../../collections/schemas/course.ts';
import type { Offering } from '../offerings/offerings.ts';
import type { Session } from '../../collections/schemas/session.ts';
import { venueLocation } from '../offerings/venue.ts';
import { requireZonedInstant } from './zoned-time.ts';

export interface CourseCalendarInput {
  course: Pick<Course, 'title'>;
  /** The offering whose sessions the file holds; its id is part of every UID (none for a course given once). */
  offering: Offering;
  /** The course's URL slug; part of every event's UID, so it must not change once published. */
  slug: string;
  /** Absolute URL of the course page. */
  courseUrl: string;
  /** Goes into PRODID. */
  siteName: string;
  /** The site's host name, such as `courses.example.org`; the domain part of every UID. */
  siteHost: string;
  instructorNames: string[];
  /**
   * DTSTAMP for every event instead of the one derived from the schedule. Pass an instant that
   * changes only when the course does (such as the course file's last commit time), never the
   * build clock: that would make every build's file differ.
   */
  now?: Date;
}

interface TimedSession {
  session: Session;
  start: Temporal.ZonedDateTime;
  end: Temporal.ZonedDateTime;
}

/**
 * The iCalendar text for a course's sessions, one VEVENT each, or undefined for a course with
 * no sessions (on-demand). Throws on a session time that does not exist or happens twice in
 * the course's zone; the content rules reject those before a build gets here.
 *
 * DTSTAMP: apps that follow iTIP (RFC 5546), given an event whose UID they already have, keep
 * the copy with the higher SEQUENCE, then the later DTSTAMP. The build keeps no history, so
 * SEQUENCE stays 0 and each event is stamped with its own start unless `now` is given. The
 * file is then identical between builds of the same content, and a session moved later (the
 * usual reschedule) gets a later DTSTAMP, so the new time wins. One moved earlier does not:
 * only a stamp that records when the content changed (`now`) can get that right.
 */
export function courseCalendar(input: CourseCalendarInput): string | undefined {
  const { course, offering } = input;
  const timeZone = offering.timeZone;
  // A cancelled offering gets no file: nobody should add its sessions.
  if (
    offering.format === 'on-demand' ||
    offering.sessions.length === 0 ||
    timeZone === undefined ||
    offering.status === 'cancelled'
  )
    return undefined;

  const timed: TimedSession[] = offering.sessions.map((session) => ({
    session,
    start: zoned(session.date, session.start, timeZone),
    end: zoned(session.date, session.end, timeZone),
  }));

  const calendar = ical({
    name: course.title,
    prodId: { company: input.siteName, product: 'Course sessions', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  // Only the generator is set: a calendar-wide zone name would make ical-generator write
  // DTSTAMP without its `Z`.
  calendar.timezone({ name: null, generator: (zone) => vtimezoneFor(zone, timed) });

  const location = eventLocation(offering.format, offering.venue);
  const uidPrefix = offering.id === '' ? input.slug : `${input.slug}-${offering.id}`;
  const total = timed.length;
  timed.forEach(({ session, start, end }, index) => {
    const number = index + 1;
    calendar.createEvent({
      id: `${uidPrefix}-session-${number}@${input.siteHost}`,
      sequence: 0,
      stamp: input.now ?? new Date(start.epochMilliseconds),
      start,
      end,
      timezone: timeZone,
      summary: eventSummary(course.title, session, number, total),
      description: eventDescription(session, number, total, input.instructorNames, input.courseUrl),
      location,
      url: input.courseUrl,
    });
  });

  // RFC 5545 ends every content line with CRLF, the last one included; ical-generator omits it.
  return `${calendar.toString()}\r\n`;
}

function zoned(date: string, time: string, timeZone: string): Temporal.ZonedDateTime {
  // Through requireZonedInstant, so the calendar rejects the same times the content rules do.
  const instant = requireZonedInstant(date, time, timeZone);
  return Temporal.Instant.fromEpochMilliseconds(instant.epochMilliseconds).toZonedDateTimeISO(
    timeZone,
  );
}

function eventSummary(
  courseTitle: string,
  session: Session,
  number: number,
  total: number,
): string {
  if (session.title) return `${courseTitle} — ${session.title}`;
  return total === 1 ? courseTitle : `${courseTitle} — Session ${number} of ${total}`;
}

function eventDescription(
  session: Session,
  number: number,
  total: number,
  instructors: string[],
  courseUrl: string,
): string {
  const paragraphs: string[] = [];
  // A titled session's SUMMARY carries its title instead of its number; keep the number here.
  const agenda = session.agenda.map((item) =>
    item.label ? `${item.label}: ${item.title}` : item.title,
  );
  if (session.title && total > 1) agenda.unshift(`Session ${number} of ${total}`);
  if (agenda.length > 0) paragraphs.push(agenda.join('\n'));
  if (instructors.length > 0) {
    const names = new Intl.ListFormat('en', { type: 'conjunction' }).format(instructors);
    paragraphs.push(`${instructors.length === 1 ? 'Instructor' : 'Instructors'}: ${names}`);
  }
  paragraphs.push(courseUrl);
  return paragraphs.join('\n\n');
}

function eventLocation(format: Course['format'], venue: Venue | undefined): string | null {
  if (format === 'live-online') return 'Online';
  if (venue) return venueLocation(venue);
  // The content rules require a venue for in-person and hybrid courses; without one, a hybrid
  // course can still be joined online.
  return format === 'hybrid' ? 'Online' : null;
}

// ---------------------------------------------------------------------------------------------
// VTIMEZONE

/**
 * The VTIMEZONE for the course's zone. @touch4it/ical-timezones ships tzurl.org's definitions
 * (one yearly rule per zone, from tzdata 2018g), which Outlook reads best; but zones have
 * changed since (Brazil dropped DST in 2019, Mexico in 2022) and newer names such as
 * Europe/Kyiv are missing. Apps that trust the VTIMEZONE over their own data would then show
 * a session at the wrong hour, so the shipped definition is used only when it gives the same
 * UTC offset as Temporal (the runtime's current tzdata) at every session start and end;
 * otherwise the VTIMEZONE is built from Temporal's transitions around the sessions.
 */
function vtimezoneFor(timeZone: string, sessions: TimedSession[]): string {
  const instants = sessions.flatMap(({ start, end }) => [start, end]);
  const shipped = getVtimezoneComponent(timeZone);
  // The package answers some names with another zone's definition (UTC with Etc/UTC,
  // US/East-Indiana with America/Halifax), which the events' TZID would not match.
  if (shipped && /^TZID:(.*?)\r?$/m.exec(shipped)?.[1] === timeZone) {
    const definition = parsedVtimezone(shipped);
    const agrees =
      definition !== undefined &&
      instants.every(
        (instant) =>
          offsetFromDefinition(definition, instant.epochMilliseconds) === offsetMinutes(instant),
      );
    if (agrees) return shipped;
  }
  return vtimezoneFromTemporal(timeZone, instants);
}

interface Observance {
  /** Onset as a local date-time in the offset before it: YYYYMMDDTHHMMSS. */
  dtstart: string;
  offsetFrom: number;
  offsetTo: number;
  /** FREQ=YEARLY;BYMONTH=m;BYDAY=nXX, the only rule form in the shipped definitions. */
  rule?: { month: number; week: number; weekday: number };
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

// A build writes a calendar per course in a handful of zones: each definition is read once, and
// each rule's onset worked out once a year, not once per session of every course.
const definitions = new Map<string, Observance[] | undefined>();
const onsets = new WeakMap<Observance, Map<number, number>>();

function parsedVtimezone(text: string): Observance[] | undefined {
  if (!definitions.has(text)) definitions.set(text, parseVtimezone(text));
  return definitions.get(text);
}

/** When a rule's observance begins in `year`, in epoch milliseconds. */
function ruleOnset(
  observance: Observance,
  rule: NonNullable<Observance['rule']>,
  year: number,
): number {
  let byYear = onsets.get(observance);
  if (!byYear) {
    byYear = new Map();
    onsets.set(observance, byYear);
  }
  let onset = byYear.get(year);
  if (onset === undefined) {
    onset = localToEpoch(nthWeekday(year, observance.dtstart, rule), observance.offsetFrom);
    byYear.set(year, onset);
  }
  return onset;
}

/** Reads a VTIMEZONE in the tzurl.org form; undefined for anything else, which then is not trusted. */
function parseVtimezone(text: string): Observance[] | undefined {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const observances: Observance[] = [];
  let current: Record<string, string> | undefined;
  for (const line of lines) {
    if (line === 'BEGIN:STANDARD' || line === 'BEGIN:DAYLIGHT') {
      current = {};
    } else if (line === 'END:STANDARD' || line === 'END:DAYLIGHT') {
      if (!current) return undefined;
      const observance = toObservance(current);
      if (!observance) return undefined;
      observances.push(observance);
      current = undefined;
    } else if (current) {
      const colon = line.indexOf(':');
      if (colon > 0) current[line.slice(0, colon)] = line.slice(colon + 1);
    }
  }
  return observances.length > 0 ? observances : undefined;
}

function toObservance(fields: Record<string, string>): Observance | undefined {
  const dtstart = fields['DTSTART'];
  const offsetFrom = parseOffset(fields['TZOFFSETFROM']);
  const offsetTo = parseOffset(fields['TZOFFSETTO']);
  if (
    !dtstart ||
    !/^\d{8}T\d{6}$/.test(dtstart) ||
    offsetFrom === undefined ||
    offsetTo === undefined ||
    fields['RDATE']
  ) {
    return undefined;
  }
  const rrule = fields['RRULE'];
  if (rrule === undefined) return { dtstart, offsetFrom, offsetTo };
  const match = /^FREQ=YEARLY;BYMONTH=(\d{1,2});BYDAY=(-?[1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(rrule);
  if (!match) return undefined;
  return {
    dtstart,
    offsetFrom,
    offsetTo,
    rule: {
      month: Number(match[1]),
      week: Number(match[2]),
      weekday: WEEKDAYS.indexOf(match[3] ?? '') + 1,
    },
  };
}

function parseOffset(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^([+-])(\d{2})(\d{2})$/.exec(value);
  if (!match) return undefined;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** The UTC offset, in minutes, that a parsed VTIMEZONE gives at an instant. */
function offsetFromDefinition(observances: Observance[], epochMilliseconds: number): number {
  const year = new Date(epochMilliseconds).getUTCFullYear();
  let latest: { onset: number; offset: number } | undefined;
  for (const observance of observances) {
    const { dtstart, offsetFrom, rule } = observance;
    const first = localToEpoch(dtstart, offsetFrom);
    const candidates = rule
      ? [year - 1, year, year + 1].map((y) => ruleOnset(observance, rule, y))
      : [first];
    for (const onset of candidates) {
      if (onset < first || onset > epochMilliseconds) continue;
      if (!latest || onset > latest.onset) latest = { onset, offset: observance.offsetTo };
    }
  }
  // Before every onset, the offset is the one the first onset changes from.
  return (
    latest?.offset ??
    [...observances].sort((a, b) => a.dtstart.localeCompare(b.dtstart))[0]!.offsetFrom
  );
}

/** The local date-time of a rule's onset in `year`, such as the second Sunday of March at 02:00. */
function nthWeekday(year: number, dtstart: string, rule: NonNullable<Observance['rule']>): string {
  const month = Temporal.PlainYearMonth.from({ year, month: rule.month });
  let day: Temporal.PlainDate;
  if (rule.week > 0) {
    const first = month.toPlainDate({ day: 1 });
    day = first.add({ days: ((rule.weekday - first.dayOfWeek + 7) % 7) + (rule.week - 1) * 7 });
  } else {
    const last = month.toPlainDate({ day: month.daysInMonth });
    day = last.subtract({ days: ((last.dayOfWeek - rule.weekday + 7) % 7) + (-rule.week - 1) * 7 });
  }
  return `${day.toString().replaceAll('-', '')}${dtstart.slice(8)}`;
}

function localToEpoch(local: string, offsetMinutes: number): number {
  const [y, mo, d, h, mi, s] = [
    local.slice(0, 4),
    local.slice(4, 6),
    local.slice(6, 8),
    local.slice(9, 11),
    local.slice(11, 13),
    local.slice(13, 15),
  ].map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!) - offsetMinutes * 60_000;
}

/** Minutes, with a fraction for the few historical offsets that have seconds. */
function offsetMinutes(zoned: Temporal.ZonedDateTime): number {
  return zoned.offsetNanoseconds / 60e9;
}

const HALF_YEAR = { hours: 24 * 182 };

/**
 * A VTIMEZONE with one observance per offset change that Temporal knows from the last change
 * before the first instant to the last instant, each without a rule. Exact for the sessions,
 * which is all this file needs.
 */
function vtimezoneFromTemporal(timeZone: string, instants: Temporal.ZonedDateTime[]): string {
  const sorted = [...instants].sort(Temporal.ZonedDateTime.compare);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];

  const onsets: Temporal.ZonedDateTime[] = [];
  const previous = first.getTimeZoneTransition('previous');
  if (previous) onsets.push(previous);
  for (
    let next = first.getTimeZoneTransition('next');
    next && Temporal.ZonedDateTime.compare(next, last) <= 0;
    next = next.getTimeZoneTransition('next')
  ) {
    onsets.push(next);
  }

  if (onsets.length === 0) {
    // No change ever (UTC, or a zone whose history Temporal does not reach): one fixed offset.
    const offset = formatOffset(offsetMinutes(first));
    lines.push(
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      'END:STANDARD',
    );
  }
  for (const onset of onsets) {
    const before = onset.subtract({ nanoseconds: 1 });
    // STANDARD or DAYLIGHT is only a label (the offsets say everything); call it daylight when
    // the offset is above the lowest one in force around it, which is the standard time.
    const lowest = Math.min(
      offsetMinutes(before),
      offsetMinutes(onset.subtract(HALF_YEAR)),
      offsetMinutes(onset.add(HALF_YEAR)),
    );
    const kind = offsetMinutes(onset) > lowest ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      // The onset as the clock showed it just before, in the offset that was then in force.
      `DTSTART:${compactLocal(onset.epochMilliseconds + offsetMinutes(before) * 60_000)}`,
      `TZOFFSETFROM:${formatOffset(offsetMinutes(before))}`,
      `TZOFFSETTO:${formatOffset(offsetMinutes(onset))}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return `${lines.join('\r\n')}\r\n`;
}

/** YYYYMMDDTHHMMSS for the wall clock that reads `localMilliseconds` as if it were UTC. */
function compactLocal(localMilliseconds: number): string {
  return new Date(localMilliseconds)
    .toISOString()
    .slice(0, 19)
    .replaceAll('-', '')
    .replaceAll(':', '');
}

/** ±HHMM, or ±HHMMSS for an offset with seconds (RFC 5545 utc-offset). */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const seconds = Math.round(Math.abs(minutes) * 60);
  const parts = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  if (parts[2] === 0) parts.pop();
  return sign + parts.map((part) => String(part).padStart(2, '0')).join('');
}
