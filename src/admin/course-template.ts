/**
 * The file `npm run new-course` writes: a draft course whose placeholder values pass
 * validation as written, each field preceded by a comment taken from the schema's metadata.
 */
import { LEVELS } from '../collections/schemas/course.ts';
import { hoursAmountText } from '../domain/ce/ce-text.ts';
import { COURSE_FORMATS, type CourseFormat } from '../collections/schemas/format.ts';
import { slugify } from '../domain/slug.ts';
import { zonedInstant } from '../domain/time/zoned-time.ts';
import { fieldDocs, type FieldDoc } from './field-docs.ts';
import { collectionJsonSchema } from './json-schema.ts';
import { yamlInline, yamlString } from './yaml-text.ts';

/** Long enough for a readable URL, short enough to type; the schema allows 80. */
export const MAX_SUGGESTED_SLUG = 60;

/** A slug for a title: ASCII letters, digits and hyphens, cut at a word boundary. */
export function suggestSlug(title: string): string {
  const slug = slugify(title)
    // slugify keeps letters of every script; a URL slug must be plain ASCII.
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SUGGESTED_SLUG) return slug;
  const cut = slug.slice(0, MAX_SUGGESTED_SLUG + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 0 ? cut.slice(0, lastHyphen) : cut.slice(0, MAX_SUGGESTED_SLUG)).replace(
    /-+$/,
    '',
  );
}

export interface FirstSession {
  date: string;
  start: string;
  end: string;
}

export interface NewCourse {
  title: string;
  format: CourseFormat;
  timeZone: string;
  /** Left out for on-demand courses, which have no sessions. */
  session?: FirstSession;
  instructor: string;
  board: string;
  sponsor: string;
  /** Whether the approval is the course's own rather than its sponsor's. */
  courseApproval?: boolean;
  policy: string;
}

export type SessionLength = { ok: true; hours: number } | { ok: false; message: string };

/** Why a wall-clock time cannot be used in the time zone (a daylight-saving gap or overlap), if it cannot. */
export function wallClockProblem(date: string, time: string, timeZone: string): string | undefined {
  const result = zonedInstant(date, time, timeZone);
  if (result.ok) return undefined;
  const what =
    result.problem === 'nonexistent'
      ? 'does not exist (the clocks spring forward over it)'
      : 'happens twice (the clocks fall back over it)';
  return `${date} ${time} ${what} in ${timeZone}; move the session out of the daylight-saving change.`;
}

/** How long a session lasts, on the clocks of its time zone; the same arithmetic as `npm run check`. */
export function sessionLength(session: FirstSession, timeZone: string): SessionLength {
  if (session.end <= session.start) {
    return {
      ok: false,
      message: `The session must end after it starts (${session.start}); use the 24-hour clock, such as "18:00" for 6 PM.`,
    };
  }
  const problem =
    wallClockProblem(session.date, session.start, timeZone) ??
    wallClockProblem(session.date, session.end, timeZone);
  if (problem) return { ok: false, message: problem };
  const start = zonedInstant(session.date, session.start, timeZone);
  const end = zonedInstant(session.date, session.end, timeZone);
  if (!start.ok || !end.ok) throw new Error('unreachable: both times were checked above');
  return {
    ok: true,
    hours: (end.instant.epochMilliseconds - start.instant.epochMilliseconds) / 3_600_000,
  };
}

/** CE hours equal to the schedule when it allows (steps of 0.25), else the quarter hour below it. */
export function ceHoursFor(scheduledHours: number): { ceHours: number; exact: boolean } {
  const ceHours = Math.floor(scheduledHours * 4 + 1e-9) / 4;
  return { ceHours, exact: Math.abs(ceHours - scheduledHours) < 1e-9 };
}

function docsByPath(): Map<string, FieldDoc> {
  return new Map(fieldDocs(collectionJsonSchema('courses').schema).map((doc) => [doc.path, doc]));
}

/** One comment line: the field's description from the schema, with a hint on what to write. */
function commentFor(docs: Map<string, FieldDoc>, path: string, hint?: string): string {
  const doc = docs.get(path);
  if (!doc)
    throw new Error(`The course schema has no field ${path}; update src/admin/course-template.ts.`);
  const description = doc.description ?? path;
  return `# ${hint ? `${description.replace(/\.$/, '')}: ${hint}.` : description}`;
}

/** An example of a group of fields built from the examples of its own fields. */
function groupExample(docs: Map<string, FieldDoc>, path: string): Record<string, unknown> {
  const example: Record<string, unknown> = {};
  for (const [fieldPath, doc] of docs) {
    const name = fieldPath.slice(path.length + 1);
    if (fieldPath.startsWith(`${path}.`) && !name.includes('.') && doc.example !== undefined)
      example[name] = doc.example;
  }
  return example;
}

/** The first session, when the scaffold asked for one, and the CE hours its length gives. */
function scheduleLines(
  course: NewCourse,
  docs: Map<string, FieldDoc>,
): { lines: string[]; ceHours: number; ceHoursNote?: string } {
  if (!course.session) return { lines: [], ceHours: 1 };
  const length = sessionLength(course.session, course.timeZone);
  if (!length.ok) throw new Error(length.message);
  const hours = ceHoursFor(length.hours);
  if (hours.ceHours <= 0)
    throw new Error(
      'The session is shorter than a quarter of an hour, the smallest step of CE hours.',
    );
  const lines = [
    commentFor(docs, 'sessions'),
    '# Dates and times stay in quotes. Add one entry per session, in date order.',
    'sessions:',
    `  - date: ${JSON.stringify(course.session.date)}`,
    `    start: ${JSON.stringify(course.session.start)}`,
    `    end: ${JSON.stringify(course.session.end)}`,
  ];
  return hours.exact
    ? { lines, ceHours: hours.ceHours }
    : {
        lines,
        ceHours: hours.ceHours,
        ceHoursNote: `Replace: why the course awards ${hoursAmountText(hours.ceHours)} of CE for ${hoursAmountText(length.hours)} scheduled.`,
      };
}

/** The optional top-level fields not yet written, commented out with an example each. */
function optionalFieldLines(docs: Map<string, FieldDoc>, written: readonly string[]): string[] {
  const names = new Set(written.flatMap((line) => /^([A-Za-z]+):/.exec(line)?.[1] ?? []));
  const optional = [...docs.values()].filter(
    (doc) =>
      !doc.path.includes('.') && !doc.path.includes('[') && !doc.required && !names.has(doc.path),
  );
  if (optional.length === 0) return [];
  const lines = ['', '# Optional fields: remove the # in front of one to use it.'];
  for (const doc of optional) {
    lines.push(`# ${doc.description ?? doc.path}`);
    if (doc.example !== undefined) lines.push(`# ${doc.path}: ${yamlInline(doc.example)}`);
    else if (doc.type === 'text') lines.push(`# ${doc.path}: ${yamlString('Replace with text')}`);
    else if (doc.type === 'group of fields')
      lines.push(`# ${doc.path}: ${yamlInline(groupExample(docs, doc.path))}`);
    else lines.push(`# ${doc.path}: (a ${doc.type}; see docs/CONTENT.md)`);
  }
  return lines;
}

/** The course file, frontmatter and placeholder description. */
export function courseTemplate(course: NewCourse): string {
  const docs = docsByPath();
  const lines: string[] = ['---'];
  const field = (path: string, value: string, hint?: string) =>
    lines.push(commentFor(docs, path, hint), `${path}: ${value}`);

  lines.push(
    '# Written by `npm run new-course`. Replace each placeholder, run `npm run check`, and set',
    '# `draft: false` when the course is ready to publish. docs/CONTENT.md describes every field.',
    '',
  );
  field('title', JSON.stringify(course.title));
  field(
    'summary',
    yamlString(
      'Replace with one or two sentences about the course for search results and link previews.',
    ),
  );
  field('draft', 'true');
  field('instructors', yamlInline([course.instructor]), 'file names in content/instructors/');
  field(
    'format',
    course.format,
    `${COURSE_FORMATS.slice(0, -1).join(', ')} or ${COURSE_FORMATS.at(-1)}`,
  );
  field('timeZone', yamlString(course.timeZone));

  if (course.format === 'in-person' || course.format === 'hybrid') {
    lines.push(commentFor(docs, 'venue', 'replace the example address'), 'venue:');
    for (const [name, value] of Object.entries(groupExample(docs, 'venue')))
      lines.push(`  ${name}: ${yamlInline(value)}`);
  }

  const schedule = scheduleLines(course, docs);
  lines.push(...schedule.lines);
  const { ceHours, ceHoursNote } = schedule;
  field(
    'ceHours',
    String(ceHours),
    course.session
      ? 'equal to the scheduled hours, unless ceHoursNote says why not'
      : 'replace with the hours the course awards',
  );
  if (ceHoursNote) field('ceHoursNote', yamlString(ceHoursNote));
  field(
    'audience',
    yamlString(String(docs.get('audience')?.example ?? 'Mental health professionals')),
  );
  field('levels', yamlInline(['beginner']), `any of ${LEVELS.join(', ')}`);
  field('topics', yamlInline(['Replace with a topic']));
  lines.push(
    commentFor(docs, 'objectives'),
    'objectives:',
    `  leadIn: ${yamlString(String(docs.get('objectives.leadIn')?.example ?? 'Participants will be able to:'))}`,
    '  items:',
    `    - ${yamlString('Describe the first thing participants will be able to do (replace this placeholder).')}`,
  );
  const approval = course.courseApproval
    ? `  - { board: ${course.board}, courseApproval: {} }  # the course's own approval: add its number, or claim it through a sponsor`
    : `  - board: ${course.board}`;
  lines.push(
    commentFor(
      docs,
      'approvals',
      'file names in content/boards/; list the boards that approve this course',
    ),
    'approvals:',
    approval,
  );
  field('sponsors', yamlInline([course.sponsor]), 'file names in content/sponsors/');
  field('refundPolicy', course.policy, 'a file name in content/policies/');

  lines.push(...optionalFieldLines(docs, lines));

  lines.push(
    '---',
    '',
    'Replace this paragraph with the course description: what the course covers, for whom, and how it is taught. It is Markdown: blank lines separate paragraphs, and `**bold**` and `- lists` work.',
    '',
  );
  return lines.join('\n');
}
