/**
 * Rules about a course that no single field can check: the schedule is real and in order,
 * the CE hours agree with it, and the format's requirements are met. Each returns problems in
 * the same shape as schema errors, all at once.
 */
import type { Course } from '../schemas/course.ts';
import type { CreditUnit } from '../schemas/ce.ts';
import { creditInHours } from '../../domain/ce/ce-approvals.ts';
import { shownAmount } from '../../domain/ce/ce-text.ts';
import { slugify } from '../../domain/slug.ts';
import {
  courseOfferings,
  TOP_LEVEL_OFFERING_FIELDS,
  type Offering,
} from '../../domain/offerings/offerings.ts';
import { priceKind } from '../../domain/offerings/prices.ts';
import { zonedInstant } from '../../domain/time/zoned-time.ts';
import { disclosureProblems } from './disclosure-rules.ts';
import { offeringOverlaps } from './offering-overlap.ts';
import type { ContentProblem } from './problems.ts';

export type RuleProblem = Omit<ContentProblem, 'file' | 'line'> & { path: PropertyKey[] };

const MINUTES_PER_HOUR = 60;

/** "an in-person course", "a live-online course". */
function formatWithArticle(format: string): string {
  return `${/^[aeiou]/.test(format) ? 'An' : 'A'} ${format}`;
}

function formatHours(hours: number): string {
  const shown = shownAmount(hours);
  return `${shown} ${shown === 1 ? 'hour' : 'hours'}`;
}

/** "0.8 CEUs", "3 hours", "1 contact hour", to two decimals as pages print credit. */
function formatAmount(amount: number, unit: string): string {
  if (unit === 'hours') return formatHours(amount);
  const rounded = shownAmount(amount);
  return `${rounded} ${rounded === 1 ? unit.replace(/s$/, '').replace(/Credits$/, 'Credit') : unit}`;
}

/** The most credit a page may print (two decimals) without exceeding `limit`: rounded down. */
function printableLimit(limit: number): number {
  return Math.floor(limit * 100 + 1e-9) / 100;
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

/** What the rules may know of other files. */
export interface RuleContext {
  /** The unit a board counts credit in, for credits that leave `unit` out. */
  creditUnitOf?: (board: string) => CreditUnit | undefined;
  /** Fields the file has, valid or not: a field with its own error is not also reported missing. */
  presentFields?: ReadonlySet<string>;
  /** Today, for dates too far ahead to be plausible; left out (in the browser), that check is skipped. */
  today?: string;
}

/** Dates outside this window are almost certainly typing mistakes. */
const EARLIEST_PLAUSIBLE = '1990-01-01';
const YEARS_AHEAD = 5;
const LONGEST_SPAN_DAYS = 366;

/**
 * Checks a course whose fields passed the schema. When some fields failed, the caller passes
 * only those that passed, and each rule runs if the fields it needs are there.
 */
export function courseRuleProblems(
  course: Partial<Course>,
  context: RuleContext = {},
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (path: PropertyKey[], problem: Omit<RuleProblem, 'path' | 'field'>) =>
    problems.push({ path, field: '', ...problem });

  if (course.offerings !== undefined) {
    for (const field of TOP_LEVEL_OFFERING_FIELDS) {
      if (course[field] === undefined) continue;
      add([field], {
        message: `\`${field}\` belongs in each offering when the course lists \`offerings\`.`,
        expected: `\`${field}\` inside each entry of \`offerings\``,
        found: `\`${field}\` at the top level`,
        fix: `Move \`${field}\` into the offerings it applies to.`,
      });
    }
  } else if (
    course.format === undefined &&
    // A format, or a list of offerings, that the file has but the schema refused has its own
    // error: a bad date inside an offering must not also read as a course without a format.
    !context.presentFields?.has('format') &&
    !context.presentFields?.has('offerings')
  ) {
    add(['format'], {
      message: 'The course does not say how it is given.',
      expected:
        'format: live-online, in-person, hybrid or on-demand (or a list of `offerings`, each with its format)',
      found: 'nothing',
      fix: 'Add `format: live-online` (or the format it has).',
    });
  }

  // Top-level fields the file has but the schema refused: each has its own error, so none is also "missing".
  const failed = new Set(
    [...(context.presentFields ?? [])].filter(
      (field) => course[field as keyof Course] === undefined,
    ),
  );
  const offerings = courseOfferings(course);
  const overlaps = offeringOverlaps(offerings);
  problems.push(...overlaps.map(({ problem }) => problem));
  const seenIds = new Map<string, number>();
  offerings.forEach((offering, index) => {
    if (offering.path.length === 0) return;
    const first = seenIds.get(offering.id);
    if (first === undefined) seenIds.set(offering.id, index);
    // An offering written twice is reported once, as an overlap, not also for its shared id.
    else if (!overlaps.some((overlap) => overlap.first === first && overlap.second === index))
      add([...offering.path, 'id'], {
        message: `Offerings ${first + 1} and ${index + 1} have the same id, "${offering.id}", so their calendar files would share an address.`,
        expected: 'a different id for each offering',
        found: JSON.stringify(offering.id),
        fix: 'Give one of them its own `id:`, such as `spring-2027`.',
      });
  });

  /** The credit hours each dated offering's schedule provides, when its schedule is sound. */
  const schedules: { scheduled: string; creditHours: number }[] = [];
  for (const offering of offerings) {
    const before = problems.length;
    const schedule = offeringScheduleProblems(
      offering,
      offering.path.length === 0 ? failed : new Set(),
      context,
      add,
    );
    if (schedule !== undefined && problems.length === before) schedules.push(schedule);
  }
  // Every offering gives the course's credit, so the shortest schedule is the one to check against.
  const shortest = schedules.sort((a, b) => a.creditHours - b.creditHours)[0];
  const scheduleKnown = shortest !== undefined;
  const creditHours = shortest?.creditHours ?? 0;
  const scheduled = shortest?.scheduled ?? '';
  if (course.ceHours !== undefined && scheduleKnown) {
    if (course.ceHours > creditHours + 1e-9) {
      add(['ceHours'], {
        message: `The course awards more CE hours than the ${scheduled}.`,
        expected: `at most ${formatHours(creditHours)}`,
        found: formatHours(course.ceHours),
        fix: 'Correct `ceHours`, or the session times.',
      });
    } else if (course.ceHours < creditHours - 1e-9 && !course.ceHoursNote) {
      add(['ceHours'], {
        message: `The CE hours differ from the ${scheduled}.`,
        expected: formatHours(creditHours),
        found: formatHours(course.ceHours),
        fix: 'Correct `ceHours`, or add `ceHoursNote` saying why they differ (for example breaks that earn no credit).',
      });
    }
  }

  (course.approvals ?? []).forEach((approval, index) => {
    for (const [key, value] of [
      ['note', approval.note],
      ['statement', approval.courseApproval?.statement],
    ] as const) {
      if (value === undefined || !/\bpending\b/i.test(value)) continue;
      const at =
        key === 'note'
          ? ['approvals', index, 'note']
          : ['approvals', index, 'courseApproval', 'statement'];
      add(at, {
        message:
          'A course page may not advertise an approval as pending: NASW forbids the wording, and Washington forbids advertising before approval.',
        expected: 'an approval the body has granted',
        found: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value),
        fix: 'Remove this approval until it is granted, then list it with its number.',
      });
    }
    const credit = approval.credit;
    if (!credit) return;
    const unit = credit.unit ?? context.creditUnitOf?.(approval.board);
    // Amounts are compared as the page prints them (two decimals), so that a message never
    // says "at most 0.63 CEUs, found 0.63 CEUs" and a page never shows more than is allowed.
    const printed = shownAmount(credit.amount);
    if (credit.parts) {
      const total = credit.parts.reduce((sum, part) => sum + shownAmount(part.amount), 0);
      if (Math.abs(total - printed) > 1e-9) {
        const shown = (amount: number) => formatAmount(amount, unit ?? 'hours');
        add(['approvals', index, 'credit', 'parts'], {
          message: `The parts add up to ${shown(total)}, not the ${shown(printed)} of this credit.`,
          expected: shown(printed),
          found: shown(total),
          fix: 'Make the parts add up to `amount`, or correct `amount`.',
        });
      }
    }
    const limit =
      unit === undefined || !scheduleKnown
        ? undefined
        : printableLimit(unit === 'CEUs' ? creditHours / 10 : creditHours);
    if (unit !== undefined && limit !== undefined && printed > limit + 1e-9) {
      add(['approvals', index, 'credit', 'amount'], {
        message: `This credit stands for ${formatHours(creditInHours(printed, unit))}, more than the ${scheduled}.`,
        expected: `at most ${formatAmount(limit, unit)}`,
        found:
          printed === credit.amount
            ? formatAmount(printed, unit)
            : `${credit.amount} ${unit}, which the page prints as ${formatAmount(printed, unit)}`,
        fix: 'Correct the amount (0.1 CEU is one hour), or the session times.',
      });
    }
  });

  problems.push(...disclosureProblems(course));

  const completion = course.completion;
  if (
    completion &&
    (completion.releaseDate !== undefined || completion.creditEndsOn !== undefined)
  ) {
    if (offerings.length > 0 && !offerings.some((offering) => offering.format === 'on-demand')) {
      add(['completion', completion.releaseDate !== undefined ? 'releaseDate' : 'creditEndsOn'], {
        message:
          'Release and end-of-credit dates are for on-demand courses; this one has sessions.',
        expected: 'no releaseDate or creditEndsOn',
        found: offerings.map((offering) => offering.format).join(', '),
        fix: 'Remove the dates, or change `format` to on-demand.',
      });
    } else if (
      completion.releaseDate !== undefined &&
      completion.creditEndsOn !== undefined &&
      completion.creditEndsOn < completion.releaseDate
    ) {
      add(['completion', 'creditEndsOn'], {
        message: 'Credit ends before the material is released.',
        expected: `a date after ${completion.releaseDate}`,
        found: completion.creditEndsOn,
        fix: 'Correct `creditEndsOn` or `releaseDate`.',
      });
    }
  }

  if (course.ceHoursBreakdown && course.ceHours !== undefined) {
    const total = course.ceHoursBreakdown.reduce((sum, part) => sum + part.hours, 0);
    if (Math.abs(total - course.ceHours) > 1e-9) {
      add(['ceHoursBreakdown'], {
        message: `The parts add up to ${formatHours(total)}, not the ${formatHours(course.ceHours)} of \`ceHours\`.`,
        expected: formatHours(course.ceHours),
        found: formatHours(total),
        fix: 'Make the hours of the parts add up to `ceHours`.',
      });
    }
  }

  const seenBoards = new Map<string, number>();
  (course.approvals ?? []).forEach((approval, index) => {
    const first = seenBoards.get(approval.board);
    if (first !== undefined) {
      add(['approvals', index, 'board'], {
        message: `The board "${approval.board}" is listed twice.`,
        expected: 'each board once',
        found: JSON.stringify(approval.board),
        fix: `Remove this entry, or merge it with approvals[${first}].`,
      });
    } else seenBoards.set(approval.board, index);
  });

  const seenTopics = new Map<string, number>();
  (course.topics ?? []).forEach((topic, index) => {
    const key = slugify(topic);
    if (key === '') {
      add(['topics', index], {
        message: 'The topic has no letters or digits to name a page by.',
        expected: 'a word or phrase',
        found: JSON.stringify(topic),
        fix: 'Write the topic in words.',
      });
    } else if (seenTopics.has(key)) {
      add(['topics', index], {
        message: `The topic "${topic}" is listed twice.`,
        expected: 'each topic once',
        found: JSON.stringify(topic),
        fix: 'Remove the repeated topic.',
      });
    } else seenTopics.set(key, index);
  });

  (course.readings ?? []).forEach((reading, index) => {
    const needsAuthors = reading.type !== 'edited-book';
    if (needsAuthors && reading.authors.length === 0) {
      add(['readings', index, 'authors'], {
        message: `A ${reading.type} needs its authors.`,
        expected: 'a list of authors',
        found: 'no authors',
        fix: 'Add `authors: [{ family: "Neff", given: "K." }]`.',
      });
    }
    if (reading.type === 'edited-book' && reading.editors.length === 0) {
      add(['readings', index, 'editors'], {
        message: 'An edited book needs its editors.',
        expected: 'a list of editors',
        found: 'no editors',
        fix: 'Add `editors: [{ family: "Cassidy", given: "J." }]`.',
      });
    }
    if ((reading.type === 'article' || reading.type === 'chapter') && !reading.containerTitle) {
      const what = reading.type === 'article' ? 'the journal' : 'the book the chapter is in';
      add(['readings', index, 'containerTitle'], {
        message: `A ${reading.type} needs ${what}.`,
        expected: `the title of ${what}`,
        found: 'nothing',
        fix: `Add \`containerTitle:\` with the title of ${what}.`,
      });
    }
  });

  return problems;
}

type AddProblem = (path: PropertyKey[], problem: Omit<RuleProblem, 'path' | 'field'>) => void;

/**
 * One offering's schedule, place, availability and prices. Returns the credit hours its
 * schedule provides when it is a dated offering whose times are all real, else undefined.
 */
function offeringScheduleProblems(
  offering: Offering,
  failed: ReadonlySet<string>,
  context: RuleContext,
  add: AddProblem,
): { scheduled: string; creditHours: number } | undefined {
  const at = (...rest: PropertyKey[]) => [...offering.path, ...rest];
  const { format, sessions } = offering;
  if (format === 'on-demand' && sessions.length > 0) {
    add(at('sessions'), {
      message: 'An on-demand course has no live sessions.',
      expected: 'no sessions',
      found: `${sessions.length} sessions`,
      fix: 'Remove `sessions`, or change `format` to live-online, in-person or hybrid.',
    });
  }
  if (format !== 'on-demand' && sessions.length === 0 && !failed.has('sessions')) {
    add(at('sessions'), {
      message: `${formatWithArticle(format)} course needs at least one session.`,
      expected: 'a list of sessions with date, start and end',
      found: 'no sessions',
      fix: 'Add a session, for example `- { date: "2020-10-19", start: "16:00", end: "18:00" }`.',
    });
  }
  if ((format === 'in-person' || format === 'hybrid') && !offering.venue && !failed.has('venue')) {
    add(at('venue'), {
      message: `${formatWithArticle(format)} course needs a venue.`,
      expected: 'venue with name, streetAddress, locality and country',
      found: 'nothing',
      fix: 'Add `venue:` with the address where the course meets.',
    });
  }
  for (const key of ['availableFrom', 'availableUntil'] as const) {
    if (offering[key] !== undefined && format !== 'on-demand') {
      add(at(key), {
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
    add(at('availableUntil'), {
      message: 'On-demand access closes before it opens.',
      expected: `a date on or after ${offering.availableFrom}`,
      found: offering.availableUntil,
      fix: 'Correct `availableUntil` or `availableFrom`.',
    });
  }
  const timeZone = offering.timeZone;
  const needsZone =
    sessions.length > 0 ||
    offering.availableFrom !== undefined ||
    offering.availableUntil !== undefined ||
    offering.prices.some((price) => price.until !== undefined);
  if (needsZone && timeZone === undefined && !failed.has('timeZone')) {
    add(at('timeZone'), {
      message: 'The offering has dates but no time zone to read them in.',
      expected: 'an IANA time zone such as America/New_York',
      found: 'nothing',
      fix: 'Add `timeZone:` with the zone the dates and times are written in.',
    });
  }
  pricesProblems(offering, add);

  let scheduledMinutes = 0;
  let noCreditMinutes = 0;
  let previousEnd: { epoch: number; index: number } | undefined;
  let sound = true;
  const flag: AddProblem = (path, problem) => {
    sound = false;
    add(path, problem);
  };
  sessions.forEach((session, index) => {
    if (session.end <= session.start) {
      flag(at('sessions', index, 'end'), {
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
      flag(at('sessions', index, key), {
        message,
        expected: 'a time that occurs exactly once that day',
        found: JSON.stringify(time),
        fix: 'Move the session out of the daylight-saving change, for example an hour later.',
      });
    }
    if (!start.ok || !end.ok) return;
    scheduledMinutes += (end.instant.epochMilliseconds - start.instant.epochMilliseconds) / 60_000;
    session.agenda.forEach((item, itemIndex) => {
      const itemAt = at('sessions', index, 'agenda', itemIndex);
      if (item.noCredit && (item.start === undefined || item.end === undefined)) {
        flag([...itemAt, item.start === undefined ? 'start' : 'end'], {
          message: `"${item.title}" gives no CE credit, so the schedule needs its times to leave it out of the hours.`,
          expected: 'start and end, such as start: "12:00" and end: "13:00"',
          found: 'nothing',
          fix: 'Add `start` and `end` to this agenda item.',
        });
        return;
      }
      if (item.start === undefined || item.end === undefined) return;
      if (item.end <= item.start || item.start < session.start || item.end > session.end) {
        flag([...itemAt, 'end'], {
          message: `"${item.title}" does not fit its session (${session.start}–${session.end}).`,
          expected: `a start and end between ${session.start} and ${session.end}, end after start`,
          found: `${item.start}–${item.end}`,
          fix: 'Correct the times of the agenda item, or of the session.',
        });
        return;
      }
      if (item.noCredit) noCreditMinutes += minutesBetween(item.start, item.end);
    });
    if (previousEnd && start.instant.epochMilliseconds < previousEnd.epoch) {
      flag(at('sessions', index, 'date'), {
        message: `Session ${index + 1} starts before session ${previousEnd.index + 1} ends.`,
        expected: 'sessions in date order, not overlapping',
        found: `${session.date} ${session.start}`,
        fix: 'List the sessions in order and make sure no two overlap.',
      });
    }
    previousEnd = { epoch: end.instant.epochMilliseconds, index };
  });

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
      flag(path, {
        message: `The date ${date} is before 1990, far too early for a course on this site.`,
        expected: 'a date from 1990 on',
        found: date,
        fix: 'Correct the year.',
      });
    } else if (context.today !== undefined && date > addYears(context.today, YEARS_AHEAD)) {
      flag(path, {
        message: `The date ${date} is more than ${YEARS_AHEAD} years after today (${context.today}).`,
        expected: `a date on or before ${addYears(context.today, YEARS_AHEAD)}`,
        found: date,
        fix: 'Correct the year; courses are announced at most five years ahead.',
      });
    }
  }
  const dates = sessions.map((session) => session.date).sort();
  const firstDate = dates[0];
  const lastDate = dates.at(-1);
  if (firstDate && lastDate && daysBetween(firstDate, lastDate) > LONGEST_SPAN_DAYS) {
    flag(at('sessions'), {
      message: `The sessions run from ${firstDate} to ${lastDate}, more than a year: one course's sessions fall within a year.`,
      expected: 'sessions within 366 days',
      found: `${daysBetween(firstDate, lastDate)} days`,
      fix:
        offering.path.length === 0
          ? "Correct the dates, or list each run as one of the course's `offerings`."
          : 'Correct the dates, or make the later sessions an offering of their own.',
    });
  }

  if (!sound || timeZone === undefined || format === 'on-demand' || sessions.length === 0)
    return undefined;
  /** The hours of credit the schedule provides: scheduled time less the parts that give no credit. */
  const creditHours = (scheduledMinutes - noCreditMinutes) / MINUTES_PER_HOUR;
  const scheduled =
    noCreditMinutes > 0
      ? `${formatHours(creditHours)} of credit the schedule provides (${formatHours(scheduledMinutes / MINUTES_PER_HOUR)} less ${formatHours(noCreditMinutes / MINUTES_PER_HOUR)} without credit)`
      : `${formatHours(creditHours)} scheduled`;
  return { scheduled, creditHours };
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
