/**
 * The hand-written parts of docs/CONTENT.md: how to add and preview content, and the rules
 * that no single field's schema states (they live in src/collections/validation/course-rules.ts and
 * load-content.ts). Keep them in step with that code; the field tables and the error examples
 * are generated and cannot drift.
 */

/** An example file shown in the guide. The error examples use these as their content folder, so each must pass validation. */
export interface ExampleFile {
  /** Path under content/. */
  path: string;
  text: string;
}

export const EXAMPLE_INSTRUCTOR: ExampleFile = {
  path: 'instructors/ada-example.md',
  text: `---
name: Ada Example
credentials: PsyD
role: Clinical psychologist and supervisor
links:
  - { label: Practice website, url: "https://www.example.org" }
---

Ada Example is a clinical psychologist who has supervised trainees for twenty years.
`,
};

export const EXAMPLE_BOARD: ExampleFile = {
  path: 'boards/apa.yaml',
  text: `code: APA
fullName: American Psychological Association
professions: [Psychologists]
creditUnit: hours
statementTemplate: >-
  {organization} is approved by the American Psychological Association to sponsor
  continuing education for psychologists. {organization} maintains responsibility for
  this program and its content.
requires:
  - { item: cost, source: "Arizona Psychological Association, brochure checklist of an APA sponsor" }
  - { item: approval-statement, source: "APA sponsor FAQ (apa.org/ed/sponsor/about/faq)" }
`,
};

export const EXAMPLE_SPONSOR: ExampleFile = {
  path: 'sponsors/praxis-cet.yaml',
  text: `name: Praxis CET
shortName: Praxis
url: "https://www.example.org"
approvals:
  - board: apa
contact:
  email: ce@example.org
grievancePolicy: >-
  Write to ce@example.org within 30 days of the course. You will have a reply within 14 days.
`,
};

export const EXAMPLE_POLICY: ExampleFile = {
  path: 'policies/standard-refund.yaml',
  text: `name: Refund and cancellation policy
appliesTo: [live-online, in-person, hybrid]
tiers:
  - { minDaysBefore: 14, outcome: refund, percent: 100, deductFee: true }
  - { minDaysBefore: 0, outcome: credit, percent: 100, creditValidMonths: 12 }
fees:
  - { name: administrative fee, label: any course, fixed: { amount: 30, currency: USD } }
text: >-
  Cancel up to 14 days before the first session for a full refund, minus a $30
  administrative fee. Later cancellations receive a credit valid for 12 months.
`,
};

export const EXAMPLE_SITE: ExampleFile = {
  path: 'site.yaml',
  text: `name: Praxis CET
url: "https://courses.example.org"
description: Continuing-education courses for mental-health professionals.
organization: praxis-cet
`,
};

export const EXAMPLE_FILES: readonly ExampleFile[] = [
  EXAMPLE_INSTRUCTOR,
  EXAMPLE_BOARD,
  EXAMPLE_SPONSOR,
  EXAMPLE_POLICY,
  EXAMPLE_SITE,
];

function fence(language: string, text: string): string {
  return `\`\`\`${language}\n${text.trimEnd()}\n\`\`\``;
}

export const INTRODUCTION = `Everything the site shows comes from the files in \`content/\`: one Markdown file per course
and per instructor, one YAML file per CE board, sponsor and refund policy, and \`content/site.yaml\`.
\`npm run check\` validates all of them at once, and the build refuses to publish anything until
every problem is fixed, so a mistake never reaches the live site.`;

export const ADDING_CONTENT = `## Adding a course

The quickest way is to let the generator write a draft that already passes the checks:

${fence('sh', 'npm run new-course')}

It asks for the title, format, time zone, the first session's date and times, and the
instructor (chosen from \`content/instructors/\`), suggests a slug from the title, and writes
\`content/courses/<slug>.md\` with \`draft: true\`, a comment above every field, and placeholder
text to replace. It never overwrites an existing course. Every answer can also be given as a
flag, and with all of them it asks nothing:

${fence(
  'sh',
  `npm run new-course -- --title "Ethics in Telehealth" --format live-online \\
  --time-zone America/New_York --date 2027-03-01 --start 16:00 --end 18:00 \\
  --instructor leslie-becker-phelps [--slug ethics-in-telehealth]`,
)}

Or copy an existing course, such as the seed
\`content/courses/attachment-theory-treatment-effectiveness.md\`, to \`content/courses/<slug>.md\`
and change every field. The file name is the course's URL, \`/courses/<slug>/\`: lowercase
letters, digits and hyphens.

Then fill in the placeholders, run \`npm run check\`, preview with \`npm run dev\`, and set
\`draft: false\` when the course is ready.

## Adding an instructor

Create \`content/instructors/<slug>.md\`; the slug (the file name without \`.md\`) is how courses
name the instructor, as in \`instructors: [ada-example]\`. The fields go between the \`---\`
lines and the biography below them:

${fence('markdown', EXAMPLE_INSTRUCTOR.text)}

## Adding a CE board

Create \`content/boards/<slug>.yaml\`, then list the board in a course's \`approvals\` by its slug:
\`approvals: [{ board: apa }]\`. \`creditUnit\` is how the body counts credit; \`statementTemplate\` is
the approval statement in the body's words, with \`{organization}\` (and \`{providerNumber}\`) where
the approved organisation's name (and number) go; \`requires\` lists the promotional items the body
requires a course page to state, each with its source (\`npm run check\` warns about every one a
course lacks):

${fence('yaml', EXAMPLE_BOARD.text)}

## Approvals: whose, and for what credit

An approval belongs to an organisation and a body. A sponsor's file lists the bodies that approve
it, with the provider number, the approval period and, when the body gives its own wording, the
statement (otherwise the board's \`statementTemplate\` is filled in). A course claims a body in
\`approvals\`, and the credit comes through the sponsor of the course that holds that approval
(name it with \`sponsor:\` when several do), or through the course's own approval:

${fence(
  'yaml',
  `approvals:
  - board: apa                       # through the sponsor that holds an APA approval
  - board: aswb
    courseApproval: { number: "ACE 2027-118" }   # the course's own approval
    credit:                          # when this body gives other credit than ceHours
      amount: 6
      parts:
        - { amount: 3, category: ethics, delivery: live-interactive-webinar }
        - { amount: 3, category: professional-boundaries, delivery: live-interactive-webinar }`,
)}

The check rejects a body that no sponsor and no course approval holds, an approval whose period
does not cover the course's dates, and credit parts that do not add up. An on-demand course on
sale with no end date (no \`availableUntil\`, no \`completion.creditEndsOn\`) advertises its
approvals for as long as it is online, so each must still be in force on the day of the build:
the check refuses one that has ended and warns, with the date, 60 days before one ends. A page
built before that day hides the credit in the reader's browser from the day after, and says
credit from that body is no longer offered; an approval's last day is read in the course's zone.

## Joint Accreditation and designation statements

A jointly accredited provider (ACCME, ACPE and ANCC together) holds one accreditation with one
statement, printed once and apart, before the bodies it covers. Give it in the sponsor's file,
word for word as Joint Accreditation gives it; it opens "In support of improving patient care,"
and names the organisation:

${fence(
  'yaml',
  `jointAccreditation:
  boards: [accme, ancc]              # the board files the accreditation covers
  providerNumber: JA0000001          # when the content has one
  validUntil: "2028-12-31"
  statement: >-
    In support of improving patient care, Praxis CET is jointly accredited by the Accreditation
    Council for Continuing Medical Education (ACCME), the Accreditation Council for Pharmacy
    Education (ACPE), and the American Nurses Credentialing Center (ANCC), to provide continuing
    education for the healthcare team.`,
)}

A course claims each body as usual, with its own credit and its **designation statement**, the
sentence each body asks for under its credit (physicians: the AMA PRA Category 1 Credit™
statement with the maximum; nurses: contact hours). The amounts may differ by body; the key facts
then name each ("6 AMA PRA Category 1 Credits™ · 6.25 nursing contact hours"), never one figure:

${fence(
  'yaml',
  `approvals:
  - board: accme
    credit: { amount: 6 }
    designation: >-
      Praxis CET designates this live activity for a maximum of 6.0 AMA PRA Category 1 Credits™.
      Physicians should claim only the credit commensurate with the extent of their
      participation in the activity.
  - board: ancc
    credit: { amount: 6.25 }
    designation: Praxis CET designates this activity for a maximum of 6.25 nursing contact hours.`,
)}

A board's \`designationTemplate\` (with \`{organization}\` and \`{amount}\`) stands in for a course
that gives none. The check refuses a Joint Accreditation statement in other words, a body reached
through Joint Accreditation with no designation statement, and a designation that does not state
the body's credit.

## Disclosures and how credit is earned

\`disclosures\` holds one entry per instructor and planner, each with their relevant financial
relationships or \`relationships: none\` (never one line for everybody), and the commercial
support or \`none\`; the page shows them in the key facts, before the registration button.
\`completion\` states what an attendee must do for credit; the page builds its "How do I get my
CE?" from it. An agenda item with \`noCredit: true\` (a break, lunch) needs its \`start\` and
\`end\` and is left out of the hours the schedule provides:

${fence(
  'yaml',
  `disclosures:
  people:
    - { instructor: ada-example, relationships: none }
    - name: Jordan Lee
      role: planner
      relationships:
        - { company: "Example Pharma, Inc.", nature: Consultant, mitigated: true }
  commercialSupport: none
completion:
  fullAttendance: true
  evaluation: true
  certificate: Emailed within two weeks of the last session.`,
)}

## Adding a sponsor or a refund policy

A sponsor is \`content/sponsors/<slug>.yaml\`, named in a course's \`sponsors\` list:

${fence('yaml', EXAMPLE_SPONSOR.text)}

A refund policy is \`content/policies/<slug>.yaml\`, named in a course's \`refundPolicy\`. It must
list in \`appliesTo\` every format of the courses that use it:

${fence('yaml', EXAMPLE_POLICY.text)}

## Changing the site settings

\`content/site.yaml\` holds the settings of the whole site. \`url\` is the public address:
canonical links, the sitemap and the feed are built from it, so set it before deploying.
\`organization\` names the sponsor that publishes the site:

${fence('yaml', EXAMPLE_SITE.text)}

## Previewing and checking

| command | what it does |
| --- | --- |
| \`npm run check\` | Validates every file in \`content/\` and lists every problem at once. Writes nothing. |
| \`npm run dev\` | Serves the site on your computer and reloads it as you save. Drafts and courses with a future \`publishDate\` are shown here, never in the published site. |
| \`npm run build\` | Validates, then builds the published site into \`dist/\`. With any problem it stops and leaves the previous \`dist/\` untouched. |

\`CONTENT_DIR=some/folder npm run check\` checks another content folder.`;

export const WRITING_YAML = `## Writing the fields

The fields are YAML: \`name: value\`, one per line. A few habits avoid most mistakes:

- **Quote dates and times**: \`date: "2027-03-01"\`, \`start: "16:00"\`. The checker reads them as
  text either way, but many other YAML tools turn an unquoted date into a UTC timestamp and
  \`16:00\` into the number 960.
- Quote text that contains \`: \` or \` #\`, or that starts with a quote, \`[\`, \`{\`, \`&\`, \`*\`, \`!\`,
  \`|\`, \`>\`, \`%\`, \`@\` or a backtick: \`title: "Attachment: An overview"\`.
- A list is either one entry per line starting with \`- \`, or on one line in brackets:
  \`levels: [beginner, intermediate]\`.
- Indent with spaces, never tabs; the fields of a group are indented the same amount.
- \`#\` starts a comment, which the site ignores.
- Text fields cannot be empty; leave out an optional field rather than writing it empty.
- Unknown field names are errors, so a misspelt field is reported rather than silently ignored.`;

export const RULES = `## Rules beyond the fields

The tables above are what each field accepts on its own. These rules involve several fields or
files; \`npm run check\` enforces them too, and no editor completion knows them.

### Schedule and time zones

- **Times are wall-clock times in the course's \`timeZone\`.** A session written \`16:00\` is at
  4 PM in that zone on both sides of a daylight-saving change; the site converts it for visitors
  and calendar files. Write the times as the course announces them, in one zone for the whole
  course.
- **A time the clocks skip or repeat is rejected.** On the night clocks spring forward, times
  such as 02:30 do not exist; on the night they fall back, 01:30 happens twice. Move the session
  rather than guess which was meant.
- **Each session ends after it starts, on the same day.** Sessions cannot run past midnight; use
  the 24-hour clock (4 PM is \`"16:00"\`).
- **Sessions are listed in date order and do not overlap.**
- **Live-online, in-person and hybrid courses need at least one session; on-demand courses have
  none.**
- **In-person and hybrid courses need a \`venue\`.**
- **\`timeZone\` is needed wherever something is dated**: sessions, on-demand \`availableFrom\` /
  \`availableUntil\`, or a price with \`until\`. An on-demand course with none of these needs no zone.

### Offerings and prices

- **A course given once** writes its \`format\`, \`timeZone\`, \`venue\`, \`sessions\`, \`prices\`,
  \`registrationUrl\`, \`capacity\` and \`status\` at the top level. **A course given more than
  once** lists them in \`offerings:\`, one entry per run (each with its own format: a course can
  run live twice and on demand), and then none of them may stay at the top level. Each offering
  gets its own calendar file and its own dates in the refund terms; the page shows the next one
  in the key facts and every other one under "Dates and formats".
- **Offerings have different ids.** An offering without \`id\` takes its first date (or
  \`on-demand\`); give an \`id\` when two would be the same.
- **On-demand availability**: \`availableFrom\` and \`availableUntil\` are for on-demand offerings
  only, and the page stops inviting registration after \`availableUntil\`.
- **Prices**: one standard price (no \`kind\`) and any of \`early-bird\` (with \`until\`, before the
  first session), \`member\`, \`student\` and \`group\` (with \`groupSize\`), all in one currency.
  The page shows the prices that apply on the day it is built, and in the browser removes an
  early-bird price once its last day is over. With no \`prices\`, no price is shown.

### CE hours

- **\`ceHours\` may not exceed the scheduled hours**: the sum of the sessions' lengths, measured
  in real time (a session across a daylight-saving change counts its real length).
- **Fewer CE hours than scheduled hours need a \`ceHoursNote\`** saying why, such as breaks that
  earn no credit. Neither rule applies to on-demand courses.
- **\`ceHoursBreakdown\`, when given, adds up to \`ceHours\`.**

### References and names

- **References must exist.** \`instructors\`, \`approvals[].board\`, \`sponsors\`, \`refundPolicy\`
  and \`organization\` in site.yaml name files in \`content/instructors/\`, \`content/boards/\`,
  \`content/sponsors/\` and \`content/policies/\` by their file name without extension. A near miss
  gets a "Did you mean …?", and so does a name in the wrong case (\`NBCC\` for \`nbcc\`).
- **A course does not repeat another**: the same title on the same dates, or the same
  description, in two files is an error naming both, unless one says \`replaces: <slug>\`.
- **Dates are plausible**: none before 1990, none more than five years after today, and one
  course's sessions within a year. A time zone in the wrong case (\`america/new_york\`) is
  refused with the right spelling.
- **The refund policy covers the course's formats**: its \`appliesTo\` lists the format of every
  offering.
- **Slugs are unique.** No two courses may have the same slug, whether it comes from the file
  name or from a \`slug\` field.
- **File names are lowercase letters, digits and hyphens**, as they become URLs (a course with a
  \`slug\` field may have another file name). Each folder holds only its kind of file: \`.md\` or
  \`.mdx\` for courses (\`.mdx\` only while \`allowMdx\` in site.yaml is true), \`.md\` for
  instructors, \`.yaml\` or \`.yml\` for the rest.
- **Each board appears once in \`approvals\`, and each topic once in \`topics\`** (topics are
  compared by their URL form, so "Self-compassion" and "self compassion" are the same topic).

### Readings

- **Books, chapters and articles need \`authors\`; edited books need \`editors\`.**
- **Articles need \`containerTitle\` (the journal); chapters need it too (the book).**

### Refund policies

- **Tiers may differ by format** (\`formats:\` on a tier; all of \`appliesTo\` when left out), and
  every format in \`appliesTo\` needs a tier that applies to it.
- **Dated formats count \`minDaysBefore\` the first session; on-demand counts \`withinDays\` of
  purchase** (or of first opening the course, with \`onDemandFrom: access\`). A tier has one or
  the other; only the last tier of its formats may have neither (for example \`outcome: none\`,
  "all sales are final").
- **Tiers run from the earliest cancellation to the latest**: \`minDaysBefore\` decreases from one
  tier to the next, \`withinDays\` increases, each number once.
- **Outcomes** are \`refund\`, \`credit\`, \`transfer\` (to another date), \`substitution\`
  (someone else attends) or \`none\`, or a list of refund, credit and transfer for the
  registrant to choose from. \`creditValidMonths\` needs a credit among them.
- **A fee is either \`fixed\` or \`percent\`**, never both and never neither; give it the
  policy's own \`name\` ("late-cancel fee"), which the page uses. A tier's own \`fee\` replaces
  the \`fees\` table for that tier.
- **Business days** skip weekends and, with \`holidays: { country: US }\` (and a \`region\`), the
  public holidays of the date-holidays library, plus any \`dates\` the policy lists.
- **"Full refund"** is said only of a refund of the whole price with no fee taken off.

### Links, files and publishing

- **Every URL is absolute and starts with \`https://\`.**
- **Files are UTF-8 text.** The fields of one file may take at most 256 KB, and YAML anchors and
  aliases are limited to 50 per file.
- **\`draft: true\` keeps a course out of the published site**; a \`publishDate\` keeps it out until
  that date in the course's time zone. \`npm run dev\` shows both.`;

export const ERROR_FORMAT = `## Reading error messages

\`npm run check\` and \`npm run build\` report every problem in every file at once, each in the
same five parts:

${fence(
  'text',
  `content/courses/<file>.md:<line> › <field>
  <what is wrong, in one sentence>
  expected: <what the field should hold>
  found:    <what the file holds instead>
  fix:      <how to fix it>`,
)}

- **file:line** is the file to open and the line of the field (or of the nearest enclosing
  field that exists). A problem with the whole file, such as a YAML syntax error or a file name,
  has no field.
- **› field** is the path of the field: \`sessions[1].end\` is \`end\` in the second session
  (counting from 0), \`objectives.items\` is \`items\` inside \`objectives\`.
- **expected** and **found** are left out when they would say nothing more.
- **fix** often quotes an example from the schema, or a "Did you mean …?" for a near miss.

One mistake can cause two messages: a misspelt field is both unknown and, under its right name,
missing. Fix the first and run the check again.`;

export const EDITOR_COMPLETION = `## Completion in the editor

\`npm run guide\` also writes a JSON Schema of every kind of content to \`docs/schemas/\`, from the
same zod schemas as the tables above. In VS Code with the
[YAML extension by Red Hat](https://marketplace.visualstudio.com/items?itemName=redhat.vscode-yaml)
(\`redhat.vscode-yaml\`), \`.vscode/settings.json\` maps them to the YAML files, so editing
\`content/boards/\`, \`content/sponsors/\`, \`content/policies/\` and \`content/site.yaml\` offers field
names and allowed values as you type (Ctrl+Space), shows each field's description on hover, and
underlines unknown fields and wrong values.

**Markdown frontmatter gets no completion from the YAML extension**: it reads \`.yaml\` files only,
not the fields between the \`---\` lines of \`.md\` files, so courses and instructors are not
checked while you type. For those, start from \`npm run new-course\` (every field is commented),
keep the tables above at hand, and run \`npm run check\`. \`docs/schemas/courses.schema.json\` and
\`instructors.schema.json\` describe the frontmatter for any tool that can check it against a JSON
Schema.

The JSON Schemas hold what JSON Schema can express: field names, types, allowed values, patterns
and limits. The rules in "Rules beyond the fields" and the references between files are checked
by \`npm run check\` alone.`;

export const MAINTAINING = `## Keeping this guide current

This file and \`docs/schemas/\` are generated by \`npm run guide\` from the schemas in
\`src/collections/schemas/\` (descriptions and examples come from each field's \`.meta()\`), the hand-written
text in \`src/admin/guide-text.ts\`, and real runs of the validator. Do not edit them by hand:
change the source and run \`npm run guide\`. \`npm run guide -- --check\` fails when they are out of
date, and so does the test suite.`;
