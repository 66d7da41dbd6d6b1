/**
 * The error messages shown in the guide, produced by running the real validator on small
 * broken courses each time the guide is generated, so the guide quotes what `npm run check`
 * prints today. Each broken course is a valid example with one mistake made in it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../collections/validation/load-content.ts';
import type { ContentProblem } from '../collections/validation/problems.ts';
import { EXAMPLE_FILES } from './guide-text.ts';

/** A valid course that names only the example instructor, board, sponsor and policy of the guide. */
export const VALID_COURSE = `---
title: Example Course
summary: A short example course.
instructors: [ada-example]
format: live-online
timeZone: America/New_York
sessions:
  - { date: "2027-03-01", start: "16:00", end: "18:00" }
ceHours: 2
audience: Mental health professionals
levels: [beginner]
topics: [Mentalizing]
objectives:
  leadIn: "Participants will be able to:"
  items: [Describe mentalizing.]
approvals:
  - board: apa
sponsors: [praxis-cet]
refundPolicy: standard-refund
---

The course description.
`;

type Edit = [from: string, to: string];

function applyEdits(text: string, edits: readonly Edit[]): string {
  return edits.reduce((current, [from, to]) => {
    if (!current.includes(from))
      throw new Error(
        `The example course has no "${from}" to change; update src/admin/error-examples.ts.`,
      );
    return current.replace(from, to);
  }, text);
}

/** The broken course shown whole in the guide, with the report it produces. */
export const BROKEN_COURSE_EDITS: readonly Edit[] = [
  ['timeZone: America/New_York', 'timeZone: America/New York'],
  ['end: "18:00"', 'end: "15:00"'],
  ['audience:', 'audiance:'],
  ['board: apa', 'board: apaa'],
];

export interface CatalogueEntry {
  id: string;
  /** Section of the catalogue. */
  group: string;
  edits: Edit[];
  /** The field whose problem is shown; '' for a problem with the whole file. */
  field: string;
  /** Other fields the same mistake is expected to report. */
  alsoFields?: string[];
  /** A file name other than `<id>.md`. */
  fileName?: string;
  /** Other course files the case needs, by file name, as edits of the valid course. */
  others?: Record<string, Edit[]>;
  /** Hand-written: what the message means and what to do. */
  meaning: string;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'yaml-syntax',
    group: 'Reading the file',
    edits: [['title: Example Course', 'title: "Example Course']],
    field: '',
    meaning:
      'The file could not be read as YAML, so none of its fields were checked. Look at the line given and the one before it: a quote left open, a missing colon, a tab, or a line indented differently from its neighbours.',
  },
  {
    id: 'file-name',
    group: 'Reading the file',
    fileName: 'Example Course.md',
    edits: [],
    field: '',
    meaning:
      'The file name becomes the URL. Rename the file with lowercase letters, digits and hyphens.',
  },
  {
    id: 'missing-field',
    group: 'Fields',
    edits: [['summary: A short example course.\n', '']],
    field: 'summary',
    meaning:
      'A required field is missing. (A misspelt one is reported once, as a field that is not known, with the name it should have.)',
  },
  {
    id: 'unknown-field',
    group: 'Fields',
    edits: [['topics:', 'topic:']],
    field: 'topic',
    meaning:
      'The schema has no field of that name: usually a typo, and the fix names the closest field. Unknown fields are errors so that a typo never silently loses information.',
  },
  {
    id: 'wrong-type',
    group: 'Fields',
    edits: [['ceHours: 2', 'ceHours: two']],
    field: 'ceHours',
    meaning:
      'The value is the wrong kind: text where a number belongs, a single value where a list belongs, and so on.',
  },
  {
    id: 'not-allowed',
    group: 'Fields',
    edits: [['format: live-online', 'format: live online']],
    field: 'format',
    meaning:
      'The field accepts only the values listed in its table above; the fix suggests the nearest one.',
  },
  {
    id: 'empty-list',
    group: 'Fields',
    edits: [['topics: [Mentalizing]', 'topics: []']],
    field: 'topics',
    meaning: 'The list needs at least one entry.',
  },
  {
    id: 'too-long',
    group: 'Fields',
    edits: [
      [
        'summary: A short example course.',
        `summary: ${'A summary that goes on and on. '.repeat(6).trim()}`,
      ],
    ],
    field: 'summary',
    meaning: "The text is over the length limit in the field's table; shorten it.",
  },
  {
    id: 'not-a-date',
    group: 'Fields',
    edits: [['"2027-03-01"', '"2027-02-30"']],
    field: 'sessions[0].date',
    meaning: 'Dates are real calendar dates written YYYY-MM-DD, in quotes.',
  },
  {
    id: 'not-a-time',
    group: 'Fields',
    edits: [['end: "18:00"', 'end: "6 PM"']],
    field: 'sessions[0].end',
    meaning: 'Times are 24-hour HH:MM, in quotes: 6 PM is "18:00".',
  },
  {
    id: 'time-zone',
    group: 'Fields',
    edits: [['America/New_York', 'America/Chicgo']],
    field: 'timeZone',
    meaning:
      'The time zone is an IANA name such as America/New_York; abbreviations such as EST are not zones.',
  },
  {
    id: 'http-url',
    group: 'Fields',
    edits: [
      [
        'refundPolicy: standard-refund',
        'refundPolicy: standard-refund\nregistrationUrl: http://www.example.org/register',
      ],
    ],
    field: 'registrationUrl',
    meaning: 'Links must be absolute and start with https://.',
  },
  {
    id: 'end-before-start',
    group: 'Schedule',
    edits: [['end: "18:00"', 'end: "15:00"']],
    field: 'sessions[0].end',
    meaning: 'The session ends before it starts, often a 12-hour time: 3 PM is "15:00".',
  },
  {
    id: 'dst-gap',
    group: 'Schedule',
    edits: [
      [
        '{ date: "2027-03-01", start: "16:00", end: "18:00" }',
        '{ date: "2027-03-14", start: "02:30", end: "04:00" }',
      ],
    ],
    field: 'sessions[0].start',
    meaning:
      'The clocks skip this time on that day (daylight-saving time starts). Move the session.',
  },
  {
    id: 'dst-overlap',
    group: 'Schedule',
    edits: [
      [
        '{ date: "2027-03-01", start: "16:00", end: "18:00" }',
        '{ date: "2027-11-07", start: "01:30", end: "03:00" }',
      ],
    ],
    field: 'sessions[0].start',
    meaning:
      'The clocks pass this time twice on that day (daylight-saving time ends), so it is unclear which is meant. Move the session.',
  },
  {
    id: 'out-of-order',
    group: 'Schedule',
    edits: [
      [
        '  - { date: "2027-03-01", start: "16:00", end: "18:00" }',
        '  - { date: "2027-03-08", start: "16:00", end: "18:00" }\n  - { date: "2027-03-01", start: "16:00", end: "18:00" }',
      ],
    ],
    field: 'sessions[1].date',
    meaning: 'Sessions are listed in date order and may not overlap.',
  },
  {
    id: 'no-sessions',
    group: 'Schedule',
    edits: [
      ['sessions:\n  - { date: "2027-03-01", start: "16:00", end: "18:00" }', 'sessions: []'],
    ],
    field: 'sessions',
    meaning:
      'A live-online, in-person or hybrid course needs its sessions (an on-demand course has none).',
  },
  {
    id: 'no-venue',
    group: 'Schedule',
    edits: [['format: live-online', 'format: in-person']],
    field: 'venue',
    meaning: 'An in-person or hybrid course needs the address where it meets.',
  },
  {
    id: 'offerings-overlap',
    group: 'Schedule',
    edits: [
      [
        'format: live-online\ntimeZone: America/New_York\nsessions:\n  - { date: "2027-03-01", start: "16:00", end: "18:00" }',
        [
          'offerings:',
          '  - format: live-online',
          '    timeZone: America/New_York',
          '    sessions: [{ date: "2027-03-01", start: "16:00", end: "18:00" }]',
          '  - id: west-coast',
          '    format: live-online',
          '    timeZone: America/Los_Angeles',
          '    sessions: [{ date: "2027-03-01", start: "13:00", end: "15:00" }]',
        ].join('\n'),
      ],
    ],
    field: 'offerings[1].sessions[0].date',
    meaning:
      'Two offerings of the course run at the same time, compared as instants whatever zone each is written in: usually one offering written twice. Correct the dates or times, or remove the copy. A cancelled offering is not compared.',
  },
  {
    id: 'too-many-hours',
    group: 'CE hours',
    edits: [['ceHours: 2', 'ceHours: 3']],
    field: 'ceHours',
    meaning:
      'A course cannot award more CE hours than it schedules. Check `ceHours` and the session times.',
  },
  {
    id: 'fewer-hours',
    group: 'CE hours',
    edits: [['ceHours: 2', 'ceHours: 1.5']],
    field: 'ceHours',
    meaning:
      'Fewer CE hours than scheduled hours are allowed only with a `ceHoursNote` that says why.',
  },
  {
    id: 'quarter-hours',
    group: 'CE hours',
    edits: [['ceHours: 2', 'ceHours: 1.9']],
    field: 'ceHours',
    meaning: 'CE hours come in quarter hours: 1.75 or 2, not 1.9.',
  },
  {
    id: 'unmitigated-relationship',
    group: 'Disclosures',
    edits: [
      [
        'sponsors: [praxis-cet]',
        [
          'disclosures:',
          '  people:',
          '    - instructor: ada-example',
          '      relationships:',
          '        - { company: "Example Pharma, Inc.", nature: Consultant, mitigated: false }',
          'sponsors: [praxis-cet]',
        ].join('\n'),
      ],
    ],
    field: 'disclosures.people[0].relationships[0].mitigated',
    meaning:
      'A relevant financial relationship must be mitigated before the course (ACCME Standard 3); only then may the person control content, and the page discloses it as mitigated. Mitigate it and write `mitigated: true`, or give the person’s part to someone else. Never write `relationships: none` for someone who has one.',
  },
  {
    id: 'unknown-reference',
    group: 'References',
    edits: [['board: apa', 'board: apaa']],
    field: 'approvals[0].board',
    meaning:
      'No file in that folder has this name. Correct the name (see the suggestion) or add the file.',
  },
  {
    id: 'policy-format',
    group: 'References',
    edits: [
      ['format: live-online', 'format: on-demand'],
      ['sessions:\n  - { date: "2027-03-01", start: "16:00", end: "18:00" }\n', ''],
    ],
    field: 'refundPolicy',
    meaning:
      "The refund policy does not list the course's format in its `appliesTo`. Choose a policy that covers it.",
  },
  {
    id: 'duplicate-slug',
    group: 'References',
    edits: [['title: Example Course', 'title: Example Course\nslug: shared-slug']],
    others: { 'shared-slug.md': [] },
    field: 'slug',
    meaning:
      'Two courses would have the same URL. Give one a different `slug`, or rename its file.',
  },
  {
    id: 'board-twice',
    group: 'References',
    edits: [['  - board: apa', '  - board: apa\n  - board: apa']],
    field: 'approvals[1].board',
    meaning: 'Each board is listed once in `approvals`.',
  },
];

export interface ShownProblem {
  entry: CatalogueEntry;
  problem: ContentProblem;
}

export interface ErrorExamples {
  /** The broken course shown whole, as it is in the file. */
  brokenCourse: string;
  /** The report `npm run check` prints for it. */
  brokenReport: ContentProblem[];
  catalogue: ShownProblem[];
}

/**
 * Loads `courses` (file name to text) with the guide's example instructor, board, sponsor,
 * policy and site, and returns the problems with paths as an editor sees them (content/...).
 */
async function validate(courses: Record<string, string>): Promise<ContentProblem[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ce-guide-'));
  try {
    for (const example of EXAMPLE_FILES) {
      await mkdir(path.dirname(path.join(dir, example.path)), { recursive: true });
      await writeFile(path.join(dir, example.path), example.text);
    }
    await mkdir(path.join(dir, 'courses'), { recursive: true });
    for (const [name, text] of Object.entries(courses))
      await writeFile(path.join(dir, 'courses', name), text);
    const result = await loadContent(dir);
    if (result.ok) return [];
    // The loader shows paths from the working directory, which differ from run to run; the
    // guide shows them as they are in a checkout: content/...
    const prefixes = [dir, path.relative(process.cwd(), dir)]
      .map((prefix) => prefix + path.sep)
      .sort((a, b) => b.length - a.length);
    const asInCheckout = (text: string) => {
      let result = text;
      for (const prefix of prefixes) result = result.split(prefix).join('content/');
      return result.replace(/content\/[^\s,)]+/g, (match) => match.split(path.sep).join('/'));
    };
    return result.problems.map((problem) => {
      const shown: ContentProblem = {
        ...problem,
        file: asInCheckout(problem.file),
        message: asInCheckout(problem.message),
        fix: asInCheckout(problem.fix),
      };
      if (problem.expected !== undefined) shown.expected = asInCheckout(problem.expected);
      if (problem.found !== undefined) shown.found = asInCheckout(problem.found);
      return shown;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The catalogue's examples share one folder, so each gets a title of its own: otherwise every
 * one would also be reported as repeating the others.
 */
function distinct(text: string, name: string): string {
  return text.replace(/^title: Example Course$/m, `title: Example Course (${name})`);
}

function fail(message: string): never {
  throw new Error(`${message} Update src/admin/error-examples.ts to match the validator.`);
}

/** Runs the validator over the examples; throws when one no longer fails as described. */
export async function errorExamples(): Promise<ErrorExamples> {
  const brokenCourse = applyEdits(VALID_COURSE, BROKEN_COURSE_EDITS);
  const [brokenReport, valid, catalogueProblems] = await Promise.all([
    validate({ 'example-course.md': brokenCourse }),
    validate({ 'example-course.md': VALID_COURSE }),
    validate(
      Object.fromEntries(
        CATALOGUE.flatMap((entry) => [
          [
            entry.fileName ?? `${entry.id}.md`,
            distinct(applyEdits(VALID_COURSE, entry.edits), entry.id),
          ],
          ...Object.entries(entry.others ?? {}).map(([name, edits]) => [
            name,
            distinct(applyEdits(VALID_COURSE, edits), name),
          ]),
        ]),
      ),
    ),
  ]);
  if (valid.length > 0)
    fail(
      `The valid example course or an example file fails validation:\n${valid.map((problem) => `${problem.file} › ${problem.field}: ${problem.message}`).join('\n')}`,
    );
  if (brokenReport.length === 0) fail('The broken example course passes validation.');
  if (brokenReport.some((problem) => problem.file !== 'content/courses/example-course.md'))
    fail('The broken example reports problems in other files.');

  const catalogue = CATALOGUE.map((entry) => {
    const file = `content/courses/${entry.fileName ?? `${entry.id}.md`}`;
    const own = catalogueProblems.filter((problem) => problem.file === file);
    const expected = new Set([entry.field, ...(entry.alsoFields ?? [])]);
    const unexpected = own.filter((problem) => !expected.has(problem.field));
    if (unexpected.length > 0)
      fail(
        `The "${entry.id}" example also reports ${unexpected.map((problem) => `${problem.field || 'the file'}: ${problem.message}`).join('; ')}.`,
      );
    const problem = own.find((candidate) => candidate.field === entry.field);
    if (!problem)
      fail(
        `The "${entry.id}" example no longer reports a problem with ${entry.field || 'the file'}.`,
      );
    return { entry, problem };
  });
  return { brokenCourse, brokenReport, catalogue };
}
