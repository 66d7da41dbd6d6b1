/**
 * Rules about a course that no single field can check: the schedule is real and in order,
 * the CE hours agree with it, and the format's requirements are met. Each returns problems in
 * the same shape as schema errors, all at once.
 */
import type { Course } from '../../schemas/course.ts';
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

/**
 * Checks a course whose fields passed the schema. When some fields failed, the caller passes
 * only those that passed, and each rule runs if the fields it needs are there.
 */
export function courseRuleProblems(course: Partial<Course>): RuleProblem[] {
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
  if ((course.format === 'in-person' || course.format === 'hybrid') && !course.venue) {
    add(['venue'], { message: `${formatWithArticle(course.format)} course needs a venue.`, expected: 'venue with name, streetAddress, locality and country', found: 'nothing', fix: 'Add `venue:` with the address where the course meets.' });
  }

  let scheduledMinutes = 0;
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
    if (previousEnd && start.instant.epochMilliseconds < previousEnd.epoch) {
      add(['sessions', index, 'date'], { message: `Session ${index + 1} starts before session ${previousEnd.index + 1} ends.`, expected: 'sessions in date order, not overlapping', found: `${session.date} ${session.start}`, fix: 'List the sessions in order and make sure no two overlap.' });
    }
    previousEnd = { epoch: end.instant.epochMilliseconds, index };
  });

  const schedulingProblems = problems.length;
  if (course.ceHours !== undefined && timeZone && course.format !== 'on-demand' && sessions.length > 0 && schedulingProblems === 0) {
    const scheduledHours = scheduledMinutes / MINUTES_PER_HOUR;
    if (course.ceHours > scheduledHours + 1e-9) {
      add(['ceHours'], { message: `The course awards more CE hours than it schedules (${formatHours(scheduledHours)}).`, expected: `at most ${formatHours(scheduledHours)}`, found: formatHours(course.ceHours), fix: 'Correct `ceHours`, or the session times.' });
    } else if (course.ceHours < scheduledHours - 1e-9 && !course.ceHoursNote) {
      add(['ceHours'], { message: `The CE hours differ from the ${formatHours(scheduledHours)} scheduled.`, expected: formatHours(scheduledHours), found: formatHours(course.ceHours), fix: 'Correct `ceHours`, or add `ceHoursNote` saying why they differ (for example breaks that earn no credit).' });
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
