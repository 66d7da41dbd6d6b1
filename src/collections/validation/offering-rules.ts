/**
 * The rules about each offering of a course: its format's needs (sessions, venue, time zone),
 * a schedule that exists on the clock and fits in a year, plausible dates, prices a reader can
 * trust, and no two offerings at the same time. `courseSchedule` runs them once per course and
 * gives the credit hours the schedule provides, which the CE-hour rules compare against.
 *
 * Offerings that run at the same time: the same instructors teach every offering, so two
 * offerings whose sessions overlap are almost always one offering written twice (often in two
 * time zones), and publishing both would sell the same seat twice or show a time that is not
 * the real one. Sessions are compared as instants, whatever zone each offering is written in; a
 * cancelled offering is left out, since its replacement may well keep its time.
 */
import { hoursAmountText } from '../../domain/ce/ce-text.ts';
import { courseOfferings, type Offering } from '../../domain/offerings/offerings.ts';
import { priceKind } from '../../domain/offerings/prices.ts';
import { zonedInstant } from '../../domain/time/zoned-time.ts';
import type { RuleProblem } from './rules.ts';

const MINUTES_PER_HOUR = 60;

/** "an in-person course", "a live-online course". */
function formatWithArticle(format: string): string {
  return `${/^[aeiou]/.test(format) ? 'An' : 'A'} ${format}`;
}

/** The same calendar day `years` later (ISO dates): 2026-12-02 + 5 → 2031-12-02. */
function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

function daysBetween(first: string, last: string): number {
  return Math.round(
    (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000,
  );
}

function minutesBetween(start: string, end: string): number {
  const minutes = (time: string) =>
    Number(time.slice(0, 2)) * MINUTES_PER_HOUR + Number(time.slice(3, 5));
  return minutes(end) - minutes(start);
}

/** Dates outside this window are almost certainly typing mistakes. */
const EARLIEST_PLAUSIBLE = '1990-01-01';
const YEARS_AHEAD = 5;
const LONGEST_SPAN_DAYS = 366;

interface TimedSession {
  index: number;
  start: number;
  end: number;
  /** "2027-03-01 16:00–18:00 America/New_York". */
  text: string;
}

/** The sessions of an offering as instants; those with times that do not exist have their own error. */
function timedSessions(offering: Offering): TimedSession[] {
  const zone = offering.timeZone;
  if (zone === undefined || offering.format === 'on-demand' || offering.status === 'cancelled')
    return [];
  return offering.sessions.flatMap((session, index) => {
    const start = zonedInstant(session.date, session.start, zone);
    const end = zonedInstant(session.date, session.end, zone);
    if (!start.ok || !end.ok || session.end <= session.start) return [];
    return [
      {
        index,
        start: start.instant.epochMilliseconds,
        end: end.instant.epochMilliseconds,
        text: `${session.date} ${session.start}–${session.end} ${zone}`,
      },
    ];
  });
}

export interface OfferingOverlap {
  /** Positions in the list of offerings, the earlier first. */
  first: number;
  second: number;
  problem: RuleProblem;
}

/** One problem for each pair of listed offerings with sessions at the same time, at the later one's session. */
export function offeringOverlaps(offerings: readonly Offering[]): OfferingOverlap[] {
  const timed = offerings.map((offering) =>
    offering.path.length === 0 ? [] : timedSessions(offering),
  );
  const overlaps: OfferingOverlap[] = [];
  offerings.forEach((second, secondIndex) => {
    for (let firstIndex = 0; firstIndex < secondIndex; firstIndex += 1) {
      const first = offerings[firstIndex]!;
      let clash: [TimedSession, TimedSession] | undefined;
      for (const later of timed[secondIndex]!) {
        const earlier = timed[firstIndex]!.find(
          (other) => other.start < later.end && later.start < other.end,
        );
        if (earlier) {
          clash = [earlier, later];
          break;
        }
      }
      if (!clash) continue;
      const [earlier, later] = clash;
      const name = (offering: Offering, index: number) => `${index + 1} ("${offering.id}")`;
      overlaps.push({
        first: firstIndex,
        second: secondIndex,
        problem: {
          path: [...second.path, 'sessions', later.index, 'date'],
          field: '',
          message: `Offerings ${name(first, firstIndex)} and ${name(second, secondIndex)} overlap in time: session ${later.index + 1} of offering ${secondIndex + 1} runs during session ${earlier.index + 1} of offering ${firstIndex + 1}.`,
          expected: 'offerings at different times',
          found: `${earlier.text} and ${later.text}`,
          fix: 'Correct the dates or times of one of them, or remove the one that repeats the other; a course given online and in person at the same time is one hybrid offering.',
        },
      });
    }
  });
  return overlaps;
}

type AddProblem = (path: PropertyKey[], problem: Omit<RuleProblem, 'path' | 'field'>) => void;

/**
 * The checks of an offering, each a rule of its own in course-rules.ts (which names the fields
 * each reads), so that a field that failed the schema silences only the checks that read it.
 */
export const OFFERING_CHECKS = [
  'sessions-for-format',
  'venue-for-format',
  'availability-on-demand',
  'dates-have-time-zone',
  'prices-complete',
  'session-ends-after-start',
  'session-times-exist',
  'plausible-dates',
] as const;
export type OfferingCheck = (typeof OFFERING_CHECKS)[number];
type AddTo = (check: OfferingCheck) => AddProblem;

/** What a format needs: sessions or none, a venue, a time zone for its dates, availability only on demand. */
function formatNeedsProblems(offering: Offering, add: AddTo): void {
  const at = (...rest: PropertyKey[]) => [...offering.path, ...rest];
  const { format, sessions } = offering;
  if (format === 'on-demand' && sessions.length > 0) {
    add('sessions-for-format')(at('sessions'), {
      message: 'An on-demand course has no live sessions.',
      expected: 'no sessions',
      found: `${sessions.length} sessions`,
      fix: 'Remove `sessions`, or change `format` to live-online, in-person or hybrid.',
    });
  }
  if (format !== 'on-demand' && sessions.length === 0) {
    add('sessions-for-format')(at('sessions'), {
      message: `${formatWithArticle(format)} course needs at least one session.`,
      expected: 'a list of sessions with date, start and end',
      found: 'no sessions',
      fix: 'Add a session, for example `- { date: "2020-10-19", start: "16:00", end: "18:00" }`.',
    });
  }
  if ((format === 'in-person' || format === 'hybrid') && !offering.venue) {
    add('venue-for-format')(at('venue'), {
      message: `${formatWithArticle(format)} course needs a venue.`,
      expected: 'venue with name, streetAddress, locality and country',
      found: 'nothing',
      fix: 'Add `venue:` with the address where the course meets.',
    });
  }
  for (const key of ['availableFrom', 'availableUntil'] as const) {
    if (offering[key] !== undefined && format !== 'on-demand') {
      add('availability-on-demand')(at(key), {
        message: `\`${key}\` is for on-demand courses; this one meets in sessions.`,
        expected: `no ${key}`,
        found: offering[key]!,
        fix: `Remove \`${key}\`, or change \`format\` to on-demand.`,
      });
    }
  }
  if (
    offering.availableFrom !== undefined &&
    offering.availableUntil !== undefined &&
    offering.availableUntil < offering.availableFrom
  ) {
    add('availability-on-demand')(at('availableUntil'), {
      message: 'On-demand access closes before it opens.',
      expected: `a date on or after ${offering.availableFrom}`,
      found: offering.availableUntil,
      fix: 'Correct `availableUntil` or `availableFrom`.',
    });
  }
  const needsZone =
    sessions.length > 0 ||
    offering.availableFrom !== undefined ||
    offering.availableUntil !== undefined ||
    offering.prices.some((price) => price.until !== undefined);
  if (needsZone && offering.timeZone === undefined) {
    add('dates-have-time-zone')(at('timeZone'), {
      message: 'The offering has dates but no time zone to read them in.',
      expected: 'an IANA time zone such as America/New_York',
      found: 'nothing',
      fix: 'Add `timeZone:` with the zone the dates and times are written in.',
    });
  }
}

/** A session's agenda items: inside the session, with times for those that give no credit. Returns their minutes without credit. */
function agendaProblems(
  session: Offering['sessions'][number],
  at: PropertyKey[],
  add: AddProblem,
): number {
  let noCreditMinutes = 0;
  session.agenda.forEach((item, itemIndex) => {
    const itemAt = [...at, 'agenda', itemIndex];
    if (item.noCredit && (item.start === undefined || item.end === undefined)) {
      add([...itemAt, item.start === undefined ? 'start' : 'end'], {
        message: `"${item.title}" gives no CE credit, so the schedule needs its times to leave it out of the hours.`,
        expected: 'start and end, such as start: "12:00" and end: "13:00"',
        found: 'nothing',
        fix: 'Add `start` and `end` to this agenda item.',
      });
      return;
    }
    if (item.start === undefined || item.end === undefined) return;
    if (item.end <= item.start || item.start < session.start || item.end > session.end) {
      add([...itemAt, 'end'], {
        message: `"${item.title}" does not fit its session (${session.start}–${session.end}).`,
        expected: `a start and end between ${session.start} and ${session.end}, end after start`,
        found: `${item.start}–${item.end}`,
        fix: 'Correct the times of the agenda item, or of the session.',
      });
      return;
    }
    if (item.noCredit) noCreditMinutes += minutesBetween(item.start, item.end);
  });
  return noCreditMinutes;
}

/**
 * Sessions that exist on the clock of their zone, end after they start and follow each other.
 * Returns the minutes they take and the minutes of agenda items without credit.
 */
function sessionTimeProblems(
  offering: Offering,
  add: AddTo,
): { scheduledMinutes: number; noCreditMinutes: number } {
  const { sessions, timeZone } = offering;
  const at = (...rest: PropertyKey[]) => [...offering.path, 'sessions', ...rest];
  let scheduledMinutes = 0;
  let noCreditMinutes = 0;
  let previousEnd: { epoch: number; index: number } | undefined;
  sessions.forEach((session, index) => {
    if (session.end <= session.start) {
      add('session-ends-after-start')(at(index, 'end'), {
        message: 'The session ends before it starts.',
        expected: `a time after the start, ${session.start}`,
        found: JSON.stringify(session.end),
        fix: 'Correct the end time (24-hour clock: 4 PM is "16:00"); a session cannot run past midnight.',
      });
      return;
    }
    if (!timeZone) return;
    const start = zonedInstant(session.date, session.start, timeZone);
    const end = zonedInstant(session.date, session.end, timeZone);
    for (const [key, result, time] of [
      ['start', start, session.start],
      ['end', end, session.end],
    ] as const) {
      if (result.ok) continue;
      const message =
        result.problem === 'nonexistent'
          ? `${session.date} ${time} does not exist in ${timeZone}: the clocks spring forward over it.`
          : `${session.date} ${time} happens twice in ${timeZone}: the clocks fall back over it.`;
      add('session-times-exist')(at(index, key), {
        message,
        expected: 'a time that occurs exactly once that day',
        found: JSON.stringify(time),
        fix: 'Move the session out of the daylight-saving change, for example an hour later.',
      });
    }
    if (!start.ok || !end.ok) return;
    scheduledMinutes += (end.instant.epochMilliseconds - start.instant.epochMilliseconds) / 60_000;
    noCreditMinutes += agendaProblems(session, at(index), add('session-times-exist'));
    if (previousEnd && start.instant.epochMilliseconds < previousEnd.epoch) {
      add('session-times-exist')(at(index, 'date'), {
        message: `Session ${index + 1} starts before session ${previousEnd.index + 1} ends.`,
        expected: 'sessions in date order, not overlapping',
        found: `${session.date} ${session.start}`,
        fix: 'List the sessions in order and make sure no two overlap.',
      });
    }
    previousEnd = { epoch: end.instant.epochMilliseconds, index };
  });
  return { scheduledMinutes, noCreditMinutes };
}

/** Dates far in the past or future, almost certainly typing mistakes, and sessions spread over more than a year. */
function plausibleDateProblems(
  offering: Offering,
  today: string | undefined,
  add: AddProblem,
): void {
  const at = (...rest: PropertyKey[]) => [...offering.path, ...rest];
  const { sessions } = offering;
  const datedFields: [PropertyKey[], string][] = [
    ...sessions.map((session, index): [PropertyKey[], string] => [
      at('sessions', index, 'date'),
      session.date,
    ]),
    ...(['availableFrom', 'availableUntil'] as const).flatMap((key): [PropertyKey[], string][] =>
      offering[key] === undefined ? [] : [[at(key), offering[key]!]],
    ),
  ];
  for (const [path, date] of datedFields) {
    if (date < EARLIEST_PLAUSIBLE) {
      add(path, {
        message: `The date ${date} is before 1990, far too early for a course on this site.`,
        expected: 'a date from 1990 on',
        found: date,
        fix: 'Correct the year.',
      });
    } else if (today !== undefined && date > addYears(today, YEARS_AHEAD)) {
      add(path, {
        message: `The date ${date} is more than ${YEARS_AHEAD} years after today (${today}).`,
        expected: `a date on or before ${addYears(today, YEARS_AHEAD)}`,
        found: date,
        fix: 'Correct the year; courses are announced at most five years ahead.',
      });
    }
  }
  const dates = sessions.map((session) => session.date).sort();
  const firstDate = dates[0];
  const lastDate = dates.at(-1);
  if (firstDate && lastDate && daysBetween(firstDate, lastDate) > LONGEST_SPAN_DAYS) {
    add(at('sessions'), {
      message: `The sessions run from ${firstDate} to ${lastDate}, more than a year: one course's sessions fall within a year.`,
      expected: 'sessions within 366 days',
      found: `${daysBetween(firstDate, lastDate)} days`,
      fix:
        offering.path.length === 0
          ? "Correct the dates, or list each run as one of the course's `offerings`."
          : 'Correct the dates, or make the later sessions an offering of their own.',
    });
  }
}

/** The credit hours a schedule provides, and how a message names them. */
export interface ScheduledCredit {
  scheduled: string;
  creditHours: number;
}

/**
 * One offering's format needs, prices, session times and dates. Its credit is known when it is
 * a dated offering and none of these found anything.
 */
function offeringProblems(
  offering: Offering,
  today: string | undefined,
): { problems: Record<OfferingCheck, RuleProblem[]>; credit?: ScheduledCredit } {
  const problems = Object.fromEntries(
    OFFERING_CHECKS.map((check) => [check, [] as RuleProblem[]]),
  ) as Record<OfferingCheck, RuleProblem[]>;
  const add: AddTo = (check) => (path, problem) =>
    problems[check].push({ path, field: '', ...problem });
  formatNeedsProblems(offering, add);
  pricesProblems(offering, add('prices-complete'));
  const { scheduledMinutes, noCreditMinutes } = sessionTimeProblems(offering, add);
  plausibleDateProblems(offering, today, add('plausible-dates'));
  const { format, sessions, timeZone } = offering;
  const sound = Object.values(problems).every((found) => found.length === 0);
  if (!sound || timeZone === undefined || format === 'on-demand' || sessions.length === 0)
    return { problems };
  /** The hours of credit the schedule provides: scheduled time less the parts that give no credit. */
  const creditHours = (scheduledMinutes - noCreditMinutes) / MINUTES_PER_HOUR;
  const scheduled =
    noCreditMinutes > 0
      ? `${hoursAmountText(creditHours)} of credit the schedule provides (${hoursAmountText(scheduledMinutes / MINUTES_PER_HOUR)} less ${hoursAmountText(noCreditMinutes / MINUTES_PER_HOUR)} without credit)`
      : `${hoursAmountText(creditHours)} scheduled`;
  return { problems, credit: { scheduled, creditHours } };
}

export interface CourseSchedule {
  offerings: Offering[];
  overlaps: OfferingOverlap[];
  /** What each check found, over the offerings in order. */
  problems: Record<OfferingCheck, RuleProblem[]>;
  /** Every offering gives the course's credit, so the shortest sound schedule is the one credit is checked against. */
  shortest?: ScheduledCredit;
}

const schedules = new WeakMap<object, { today: string | undefined; schedule: CourseSchedule }>();

/** The offerings of a course and what their schedules provide, worked out once for all the rules that read them. */
export function courseSchedule(
  course: Parameters<typeof courseOfferings>[0],
  today: string | undefined,
): CourseSchedule {
  const cached = schedules.get(course);
  if (cached && cached.today === today) return cached.schedule;
  const offerings = courseOfferings(course);
  const checked = offerings.map((offering) => offeringProblems(offering, today));
  const credits = checked.flatMap(({ credit }) => (credit ? [credit] : []));
  const shortest = credits.sort((a, b) => a.creditHours - b.creditHours)[0];
  const schedule: CourseSchedule = {
    offerings,
    overlaps: offeringOverlaps(offerings),
    problems: Object.fromEntries(
      OFFERING_CHECKS.map((check) => [check, checked.flatMap(({ problems }) => problems[check])]),
    ) as Record<OfferingCheck, RuleProblem[]>,
    ...(shortest ? { shortest } : {}),
  };
  schedules.set(course, { today, schedule });
  return schedule;
}

/** A price list a reader can trust: who each price is for, early birds with a deadline before the start, one currency. */
function pricesProblems(offering: Offering, add: AddProblem): void {
  const at = (...rest: PropertyKey[]) => [...offering.path, 'prices', ...rest];
  const firstDate = offering.sessions.map((session) => session.date).sort()[0];
  const currencies = new Set(offering.prices.map((price) => price.currency));
  offering.prices.forEach((price, index) => {
    const kind = priceKind(price);
    if (kind === 'early-bird' && price.until === undefined) {
      add(at(index, 'until'), {
        message: 'An early-bird price needs the last day it applies.',
        expected: 'until: a date such as "2027-02-15"',
        found: 'nothing',
        fix: 'Add `until:` with the early-bird deadline.',
      });
    }
    if (kind === 'group' && price.groupSize === undefined) {
      add(at(index, 'groupSize'), {
        message: 'A group price needs the smallest group it applies to.',
        expected: 'groupSize: a number of 2 or more',
        found: 'nothing',
        fix: 'Add `groupSize:`, such as `groupSize: 5`.',
      });
    }
    if (kind !== 'group' && price.groupSize !== undefined) {
      add(at(index, 'groupSize'), {
        message: `\`groupSize\` is for group prices; this is a${kind === 'early-bird' ? 'n' : ''} ${kind} price.`,
        expected: 'kind: group, or no groupSize',
        found: String(price.groupSize),
        fix: 'Add `kind: group`, or remove `groupSize`.',
      });
    }
    if (price.until !== undefined && firstDate !== undefined && price.until >= firstDate) {
      add(at(index, 'until'), {
        message: `The price applies until ${price.until}, on or after the first session (${firstDate}).`,
        expected: `a date before ${firstDate}`,
        found: price.until,
        fix: 'Correct `until`, or remove it if the price applies until registration closes.',
      });
    }
  });
  if (currencies.size > 1) {
    add(at(), {
      message: `The prices are in ${[...currencies].join(' and ')}: one offering's prices share a currency.`,
      expected: 'one currency',
      found: [...currencies].join(', '),
      fix: 'Give every price of the offering in the same currency, or make another offering for the other currency.',
    });
  }
  if (
    offering.prices.length > 0 &&
    !offering.prices.some((price) => priceKind(price) === 'standard')
  ) {
    add(at(), {
      message:
        'The prices have no standard price, so nobody knows what they pay once the others end.',
      expected: 'one price without `kind` (or with `kind: standard`)',
      found: offering.prices.map((price) => priceKind(price)).join(', '),
      fix: 'Add the standard price, such as `- { amount: 200, currency: USD }`.',
    });
  }
}
