/**
 * Rules about a course that no single field can check: the schedule is real and in order,
 * the CE hours agree with it, and the format's requirements are met. Each returns problems in
 * the same shape as schema errors, all at once.
 */
import type { Course } from '../../schemas/course.ts';
import type { CreditUnit } from '../../schemas/ce.ts';
import { creditInHours } from '../ce-approvals.ts';
import { slugify } from '../slug.ts';
import { zonedInstant } from '../zoned-time.ts';
import type { ContentProblem } from './problems.ts';

export type RuleProblem = Omit<ContentProblem, 'file' | 'line'> & { path: PropertyKey[] };

const MINUTES_PER_HOUR = 60;

/** "an in-person course", "a live-online course". */
function formatWithArticle(format: string): string {
  return `${/^[aeiou]/.test(format) ? 'An' : 'A'} ${format}`;
}

function formatHours(hours: number): string {
  return `${Number(hours.toFixed(2))} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "0.8 CEUs", "3 hours", "1 contact hour". */
function formatAmount(amount: number, unit: string): string {
  if (unit === 'hours') return formatHours(amount);
  const rounded = Number(amount.toFixed(2));
  return `${rounded} ${rounded === 1 ? unit.replace(/s$/, '').replace(/Credits$/, 'Credit') : unit}`;
}

/** The same calendar day `years` later (ISO dates): 2026-12-02 + 5 → 2031-12-02. */
function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
}

function minutesBetween(start: string, end: string): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * MINUTES_PER_HOUR + Number(time.slice(3, 5));
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
export function courseRuleProblems(course: Partial<Course>, context: RuleContext = {}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const add = (path: PropertyKey[], problem: Omit<RuleProblem, 'path' | 'field'>) =>
    problems.push({ path, field: '', ...problem });

  const sessions = course.sessions ?? [];
  if (course.format === 'on-demand' && sessions.length > 0) {
    add(['sessions'], { message: 'An on-demand course has no live sessions.', expected: 'no sessions', found: `${sessions.length} sessions`, fix: 'Remove `sessions`, or change `format` to live-online, in-person or hybrid.' });
  }
  if (course.format && course.format !== 'on-demand' && course.sessions && sessions.length === 0) {
    add(['sessions'], { message: `${formatWithArticle(course.format)} course needs at least one session.`, expected: 'a list of sessions with date, start and end', found: 'no sessions', fix: 'Add a session, for example `- { date: "2020-10-19", start: "16:00", end: "18:00" }`.' });
  }
  if ((course.format === 'in-person' || course.format === 'hybrid') && !course.venue && !context.presentFields?.has('venue')) {
    add(['venue'], { message: `${formatWithArticle(course.format)} course needs a venue.`, expected: 'venue with name, streetAddress, locality and country', found: 'nothing', fix: 'Add `venue:` with the address where the course meets.' });
  }

  let scheduledMinutes = 0;
  let noCreditMinutes = 0;
  let previousEnd: { epoch: number; index: number } | undefined;
  const timeZone = course.timeZone;
  sessions.forEach((session, index) => {
    if (session.end <= session.start) {
      add(['sessions', index, 'end'], { message: 'The session ends before it starts.', expected: `a time after the start, ${session.start}`, found: JSON.stringify(session.end), fix: 'Correct the end time (24-hour clock: 4 PM is "16:00"); a session cannot run past midnight.' });
      return;
    }
    if (!timeZone) return;
    const start = zonedInstant(session.date, session.start, timeZone);
    const end = zonedInstant(session.date, session.end, timeZone);
    for (const [key, result, time] of [['start', start, session.start], ['end', end, session.end]] as const) {
      if (result.ok) continue;
      const message =
        result.problem === 'nonexistent'
          ? `${session.date} ${time} does not exist in ${timeZone}: the clocks spring forward over it.`
          : `${session.date} ${time} happens twice in ${timeZone}: the clocks fall back over it.`;
      add(['sessions', index, key], { message, expected: 'a time that occurs exactly once that day', found: JSON.stringify(time), fix: 'Move the session out of the daylight-saving change, for example an hour later.' });
    }
    if (!start.ok || !end.ok) return;
    scheduledMinutes += (end.instant.epochMilliseconds - start.instant.epochMilliseconds) / 60_000;
    session.agenda.forEach((item, itemIndex) => {
      const at = ['sessions', index, 'agenda', itemIndex];
      if (item.noCredit && (item.start === undefined || item.end === undefined)) {
        add([...at, item.start === undefined ? 'start' : 'end'], { message: `"${item.title}" gives no CE credit, so the schedule needs its times to leave it out of the hours.`, expected: 'start and end, such as start: "12:00" and end: "13:00"', found: 'nothing', fix: 'Add `start` and `end` to this agenda item.' });
        return;
      }
      if (item.start === undefined || item.end === undefined) return;
      if (item.end <= item.start || item.start < session.start || item.end > session.end) {
        add([...at, 'end'], { message: `"${item.title}" does not fit its session (${session.start}–${session.end}).`, expected: `a start and end between ${session.start} and ${session.end}, end after start`, found: `${item.start}–${item.end}`, fix: 'Correct the times of the agenda item, or of the session.' });
        return;
      }
      if (item.noCredit) noCreditMinutes += minutesBetween(item.start, item.end);
    });
    if (previousEnd && start.instant.epochMilliseconds < previousEnd.epoch) {
      add(['sessions', index, 'date'], { message: `Session ${index + 1} starts before session ${previousEnd.index + 1} ends.`, expected: 'sessions in date order, not overlapping', found: `${session.date} ${session.start}`, fix: 'List the sessions in order and make sure no two overlap.' });
    }
    previousEnd = { epoch: end.instant.epochMilliseconds, index };
  });

  sessions.forEach((session, index) => {
    const at = ['sessions', index, 'date'];
    if (session.date < EARLIEST_PLAUSIBLE) {
      add(at, { message: `The date ${session.date} is before 1990, far too early for a course on this site.`, expected: 'a date from 1990 on', found: session.date, fix: 'Correct the year.' });
    } else if (context.today !== undefined && session.date > addYears(context.today, YEARS_AHEAD)) {
      add(at, { message: `The date ${session.date} is more than ${YEARS_AHEAD} years after today (${context.today}).`, expected: `a date on or before ${addYears(context.today, YEARS_AHEAD)}`, found: session.date, fix: 'Correct the year; courses are announced at most five years ahead.' });
    }
  });
  const firstDate = sessions.map((session) => session.date).sort()[0];
  const lastDate = sessions.map((session) => session.date).sort().at(-1);
  if (firstDate && lastDate && daysBetween(firstDate, lastDate) > LONGEST_SPAN_DAYS) {
    add(['sessions'], { message: `The sessions run from ${firstDate} to ${lastDate}, more than a year: one course's sessions fall within a year.`, expected: 'sessions within 366 days', found: `${daysBetween(firstDate, lastDate)} days`, fix: 'Correct the dates, or make the later sessions a course of their own.' });
  }

  const schedulingProblems = problems.length;
  const scheduleKnown = timeZone !== undefined && course.format !== 'on-demand' && sessions.length > 0 && schedulingProblems === 0;
  /** The hours of credit the schedule provides: scheduled time less the parts that give no credit. */
  const creditHours = (scheduledMinutes - noCreditMinutes) / MINUTES_PER_HOUR;
  const scheduled = noCreditMinutes > 0
    ? `${formatHours(creditHours)} of credit the schedule provides (${formatHours(scheduledMinutes / MINUTES_PER_HOUR)} less ${formatHours(noCreditMinutes / MINUTES_PER_HOUR)} without credit)`
    : `${formatHours(creditHours)} scheduled`;
  if (course.ceHours !== undefined && scheduleKnown) {
    if (course.ceHours > creditHours + 1e-9) {
      add(['ceHours'], { message: `The course awards more CE hours than the ${scheduled}.`, expected: `at most ${formatHours(creditHours)}`, found: formatHours(course.ceHours), fix: 'Correct `ceHours`, or the session times.' });
    } else if (course.ceHours < creditHours - 1e-9 && !course.ceHoursNote) {
      add(['ceHours'], { message: `The CE hours differ from the ${scheduled}.`, expected: formatHours(creditHours), found: formatHours(course.ceHours), fix: 'Correct `ceHours`, or add `ceHoursNote` saying why they differ (for example breaks that earn no credit).' });
    }
  }

  (course.approvals ?? []).forEach((approval, index) => {
    for (const [key, value] of [['note', approval.note], ['statement', approval.courseApproval?.statement]] as const) {
      if (value === undefined || !/\bpending\b/i.test(value)) continue;
      const at = key === 'note' ? ['approvals', index, 'note'] : ['approvals', index, 'courseApproval', 'statement'];
      add(at, { message: 'A course page may not advertise an approval as pending: NASW forbids the wording, and Washington forbids advertising before approval.', expected: 'an approval the body has granted', found: JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value), fix: 'Remove this approval until it is granted, then list it with its number.' });
    }
    const credit = approval.credit;
    if (!credit) return;
    const unit = credit.unit ?? context.creditUnitOf?.(approval.board);
    if (credit.parts) {
      const total = credit.parts.reduce((sum, part) => sum + part.amount, 0);
      if (Math.abs(total - credit.amount) > 1e-9) {
        const shown = (amount: number) => formatAmount(amount, unit ?? 'hours');
        add(['approvals', index, 'credit', 'parts'], { message: `The parts add up to ${shown(total)}, not the ${shown(credit.amount)} of this credit.`, expected: shown(credit.amount), found: shown(total), fix: 'Make the parts add up to `amount`, or correct `amount`.' });
      }
    }
    if (unit !== undefined && scheduleKnown && creditInHours(credit.amount, unit) > creditHours + 1e-9) {
      add(['approvals', index, 'credit', 'amount'], { message: `This credit stands for ${formatHours(creditInHours(credit.amount, unit))}, more than the ${scheduled}.`, expected: `at most ${formatAmount(unit === 'CEUs' ? creditHours / 10 : creditHours, unit)}`, found: formatAmount(credit.amount, unit), fix: 'Correct the amount (0.1 CEU is one hour), or the session times.' });
    }
  });

  const disclosures = course.disclosures;
  if (disclosures) {
    const seenPeople = new Map<string, number>();
    disclosures.people.forEach((person, index) => {
      const at = ['disclosures', 'people', index];
      if ((person.instructor === undefined) === (person.name === undefined)) {
        add(at, { message: 'A disclosure names one person: an instructor of the course, or a planner by name.', expected: 'exactly one of `instructor` or `name`', found: person.instructor === undefined ? 'neither' : 'both', fix: 'Give `instructor: <slug>` for an instructor, or `name:` and `role: planner` for someone who plans the course.' });
        return;
      }
      if (person.instructor !== undefined && course.instructors && !course.instructors.includes(person.instructor)) {
        add([...at, 'instructor'], { message: `"${person.instructor}" does not teach this course.`, expected: `one of the course's instructors: ${course.instructors.join(', ')}`, found: JSON.stringify(person.instructor), fix: 'Correct the slug, or add the instructor to `instructors`; a planner who does not teach is given by `name`.' });
      }
      const key = person.instructor ?? person.name!.toLowerCase();
      const first = seenPeople.get(key);
      if (first !== undefined) {
        add(at, { message: `${person.instructor ?? person.name} has two disclosures.`, expected: 'one disclosure per person', found: `disclosures.people[${first}] and disclosures.people[${index}]`, fix: 'Merge them into one entry listing every relationship.' });
      } else seenPeople.set(key, index);
    });
    (course.instructors ?? []).forEach((instructor) => {
      if (!seenPeople.has(instructor)) {
        add(['disclosures', 'people'], { message: `The disclosures leave out ${instructor}, who teaches the course.`, expected: 'one disclosure for every instructor and planner', found: `no entry for ${instructor}`, fix: `Add \`- { instructor: ${instructor}, relationships: none }\`, or list the relationships.` });
      }
    });
  }

  const completion = course.completion;
  if (completion && (completion.releaseDate !== undefined || completion.creditEndsOn !== undefined)) {
    if (course.format && course.format !== 'on-demand') {
      add(['completion', completion.releaseDate !== undefined ? 'releaseDate' : 'creditEndsOn'], { message: 'Release and end-of-credit dates are for on-demand courses; this one has sessions.', expected: 'no releaseDate or creditEndsOn', found: course.format, fix: 'Remove the dates, or change `format` to on-demand.' });
    } else if (completion.releaseDate !== undefined && completion.creditEndsOn !== undefined && completion.creditEndsOn < completion.releaseDate) {
      add(['completion', 'creditEndsOn'], { message: 'Credit ends before the material is released.', expected: `a date after ${completion.releaseDate}`, found: completion.creditEndsOn, fix: 'Correct `creditEndsOn` or `releaseDate`.' });
    }
  }

  if (course.ceHoursBreakdown && course.ceHours !== undefined) {
    const total = course.ceHoursBreakdown.reduce((sum, part) => sum + part.hours, 0);
    if (Math.abs(total - course.ceHours) > 1e-9) {
      add(['ceHoursBreakdown'], { message: `The parts add up to ${formatHours(total)}, not the ${formatHours(course.ceHours)} of \`ceHours\`.`, expected: formatHours(course.ceHours), found: formatHours(total), fix: 'Make the hours of the parts add up to `ceHours`.' });
    }
  }

  const seenBoards = new Map<string, number>();
  (course.approvals ?? []).forEach((approval, index) => {
    const first = seenBoards.get(approval.board);
    if (first !== undefined) {
      add(['approvals', index, 'board'], { message: `The board "${approval.board}" is listed twice.`, expected: 'each board once', found: JSON.stringify(approval.board), fix: `Remove this entry, or merge it with approvals[${first}].` });
    } else seenBoards.set(approval.board, index);
  });

  const seenTopics = new Map<string, number>();
  (course.topics ?? []).forEach((topic, index) => {
    const key = slugify(topic);
    if (key === '') {
      add(['topics', index], { message: 'The topic has no letters or digits to name a page by.', expected: 'a word or phrase', found: JSON.stringify(topic), fix: 'Write the topic in words.' });
    } else if (seenTopics.has(key)) {
      add(['topics', index], { message: `The topic "${topic}" is listed twice.`, expected: 'each topic once', found: JSON.stringify(topic), fix: 'Remove the repeated topic.' });
    } else seenTopics.set(key, index);
  });

  (course.readings ?? []).forEach((reading, index) => {
    const needsAuthors = reading.type !== 'edited-book';
    if (needsAuthors && reading.authors.length === 0) {
      add(['readings', index, 'authors'], { message: `A ${reading.type} needs its authors.`, expected: 'a list of authors', found: 'no authors', fix: 'Add `authors: [{ family: "Neff", given: "K." }]`.' });
    }
    if (reading.type === 'edited-book' && reading.editors.length === 0) {
      add(['readings', index, 'editors'], { message: 'An edited book needs its editors.', expected: 'a list of editors', found: 'no editors', fix: 'Add `editors: [{ family: "Cassidy", given: "J." }]`.' });
    }
    if ((reading.type === 'article' || reading.type === 'chapter') && !reading.containerTitle) {
      const what = reading.type === 'article' ? 'the journal' : 'the book the chapter is in';
      add(['readings', index, 'containerTitle'], { message: `A ${reading.type} needs ${what}.`, expected: `the title of ${what}`, found: 'nothing', fix: `Add \`containerTitle:\` with the title of ${what}.` });
    }
  });

  return problems;
}
