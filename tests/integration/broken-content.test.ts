/**
 * Every broken fixture (tests/fixtures/broken/<case>, laid over tests/fixtures/base) must be
 * rejected by `npm run build` with its whole list of messages, each naming the file, the field
 * and the fix, one message for one mistake, and leave the previous output untouched.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/build.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

/** One problem as `npm run check` and the build print it, `<content>` standing for the content folder. */
const problem = (...lines: string[]) => lines.join('\n');

/** Each fixture's report, whole: every problem it prints, in order. */
const cases: Record<string, string[]> = {
  'ambiguous-time': [
    problem(
      '<content>/courses/fixture-course.md:15 › sessions[1].start',
      '  2021-11-07 01:30 happens twice in America/New_York: the clocks fall back over it.',
      '  expected: a time that occurs exactly once that day',
      '  found:    "01:30"',
      '  fix:      Move the session out of the daylight-saving change, for example an hour later.',
    ),
  ],
  'approval-no-holder': [
    problem(
      '<content>/courses/fixture-course.md:26 › approvals[0].board',
      '  No sponsor of this course (praxis-cet) is approved by APA, and the course gives no approval of its own.',
      "  expected: an approval from APA in a sponsor's file, or `courseApproval`",
      '  found:    no APA approval',
      '  fix:      Add `- board: apa` under `approvals` in the file of the sponsor that holds it (content/sponsors/praxis-cet.yaml), or give the course its own approval: `courseApproval: { number: "…" }`.',
    ),
  ],
  'bad-time-zone': [
    problem(
      '<content>/courses/fixture-course.md:6 › timeZone',
      '  `timeZone` is not an IANA time zone.',
      '  expected: an IANA time zone such as "America/New_York"',
      '  found:    "America/New_Yrok"',
      '  fix:      Did you mean "America/New_York"?',
    ),
  ],
  'ce-hours-mismatch': [
    problem(
      '<content>/courses/fixture-course.md:17 › ceHours',
      '  The CE hours differ from the 4 hours scheduled.',
      '  expected: 4 hours',
      '  found:    3 hours',
      '  fix:      Correct `ceHours`, or add `ceHoursNote` saying why they differ (for example breaks that earn no credit).',
    ),
  ],
  'credit-over-schedule-ceus': [
    problem(
      '<content>/courses/fixture-course.md:28 › approvals[1].credit.amount',
      '  This credit stands for 4.3 hours, more than the 4.25 hours scheduled.',
      '  expected: at most 0.42 CEUs',
      '  found:    0.43 CEUs',
      '  fix:      Correct the amount (0.1 CEU is one hour), or the session times.',
    ),
  ],
  'credit-sums-disagree': [
    problem(
      '<content>/courses/fixture-course.md:30 › approvals[0].credit.parts',
      '  The parts add up to 3 hours, not the 4 hours of this credit.',
      '  expected: 4 hours',
      '  found:    3 hours',
      '  fix:      Make the parts add up to `amount`, or correct `amount`.',
    ),
  ],
  'dates-without-time-zone': [
    problem(
      '<content>/courses/fixture-course.md:2 › timeZone',
      '  The offering has dates but no time zone to read them in.',
      '  expected: an IANA time zone such as America/New_York',
      '  found:    nothing',
      '  fix:      Add `timeZone:` with the zone the dates and times are written in.',
    ),
  ],
  'designation-amount': [
    problem(
      '<content>/courses/fixture-course.md:31 › approvals[2].designation',
      "  The ACCME designation statement does not state this approval's credit, 3.5 AMA PRA Category 1 Credits™.",
      '  expected: a statement naming 3.5',
      '  found:    "Praxis CET designates this live activity for a maximum of..."',
      '  fix:      Correct the amount in `designation`, or `credit.amount` if the statement is right.',
    ),
  ],
  'designation-missing': [
    problem(
      '<content>/courses/fixture-course.md:32 › approvals[3]',
      "  The ANCC credit comes through the Joint Accreditation of Praxis CET, which prints each body's credit designation statement, and this approval has none.",
      '  expected: a designation statement naming 4 contact hours',
      '  found:    no `designation`',
      '  fix:      Add `designation:` to this approval with the statement as ANCC words it, or a `designationTemplate` with {organization} and {amount} to content/boards/ancc.yaml.',
    ),
  ],
  'disclosure-missing-instructor': [
    problem(
      '<content>/courses/fixture-course.md:30 › disclosures.people',
      '  The disclosures leave out ada-example, who teaches the course.',
      '  expected: one disclosure for every instructor and planner',
      '  found:    no entry for ada-example',
      '  fix:      Add `- { instructor: ada-example, relationships: none }`, or list the relationships.',
    ),
  ],
  'dot-file': [
    problem(
      '<content>/courses/.fixture-course-draft.md',
      '  This file is not read, because its name starts with a dot.',
      '  fix:      Rename it to fixture-course-draft.md (with `draft: true` to keep it unpublished), or delete it.',
    ),
  ],
  'dst-gap': [
    problem(
      '<content>/courses/fixture-course.md:15 › sessions[1].start',
      '  2021-03-14 02:30 does not exist in America/New_York: the clocks spring forward over it.',
      '  expected: a time that occurs exactly once that day',
      '  found:    "02:30"',
      '  fix:      Move the session out of the daylight-saving change, for example an hour later.',
    ),
  ],
  'duplicate-slug': [
    problem(
      '<content>/courses/another-course.md:3 › slug',
      '  Another course already uses the slug "fixture-course" (<content>/courses/fixture-course.md).',
      '  expected: a slug no other course uses',
      '  found:    "fixture-course"',
      '  fix:      Give one of the courses a different `slug`, or rename its file.',
    ),
  ],
  'early-bird-without-deadline': [
    problem(
      '<content>/courses/fixture-course.md:19 › prices[0].until',
      '  An early-bird price needs the last day it applies.',
      '  expected: until: a date such as "2027-02-15"',
      '  found:    nothing',
      '  fix:      Add `until:` with the early-bird deadline.',
    ),
  ],
  'empty-objectives': [
    problem(
      '<content>/courses/fixture-course.md:23 › objectives.items',
      '  `objectives.items` needs at least 1 entry.',
      '  expected: a list of 1 or more',
      '  found:    an empty list',
      '  fix:      Add an entry',
    ),
  ],
  'end-before-start': [
    problem(
      '<content>/courses/fixture-course.md:10 › sessions[0].end',
      '  The session ends before it starts.',
      '  expected: a time after the start, 16:00',
      '  found:    "15:00"',
      '  fix:      Correct the end time (24-hour clock: 4 PM is "16:00"); a session cannot run past midnight.',
    ),
  ],
  'event-handler-in-body': [
    problem(
      '<content>/courses/fixture-course.md:34',
      '  In the course description: the event-handler attribute `onerror` on <img> is not allowed: content runs no scripts.',
      '  expected: Markdown, and only the HTML listed in docs/security.md',
      '  found:    onerror',
      '  fix:      Remove `onerror`.',
    ),
  ],
  'expired-approval': [
    problem(
      '<content>/courses/fixture-course.md:26 › approvals[0].board',
      "  The APA approval of Praxis CET ended on 2020-12-31, before the course's last date, 2021-03-08.",
      "  expected: an approval valid from the course's first date to its last",
      '  found:    2018-01-01 to 2020-12-31',
      "  fix:      Correct the approval's `validUntil` in content/sponsors/praxis-cet.yaml if it was renewed, or remove this approval from the course.",
    ),
  ],
  'frontmatter-too-large': [
    problem(
      '<content>/courses/fixture-course.md',
      '  The fields take 290 KB; the limit is 256 KB.',
      '  fix:      Move long text into the Markdown body, or split the content.',
    ),
  ],
  'http-url': [
    problem(
      '<content>/courses/fixture-course.md:30 › registrationUrl',
      '  `registrationUrl` must be an absolute https URL.',
      '  expected: an absolute URL starting with https://',
      '  found:    "http://register.example.org/fixture"',
      '  fix:      Write it, for example `registrationUrl: "https://www.example.org/register"`',
    ),
  ],
  'iframe-in-body': [
    problem(
      '<content>/courses/fixture-course.md:34',
      '  In the course description: the HTML element <iframe> is not allowed in content.',
      '  expected: Markdown, and only the HTML listed in docs/security.md',
      '  found:    <iframe>',
      '  fix:      Link to it instead: [title](https://…). The site loads nothing from other sites, so embedded frames, objects and media are blocked.',
    ),
  ],
  'javascript-link': [
    problem(
      '<content>/courses/fixture-course.md:34',
      '  In the course description: a `javascript:` link is not allowed; links may only go to web pages (https:), e-mail (mailto:) or phone numbers (tel:).',
      '  expected: Markdown, and only the HTML listed in docs/security.md',
      '  found:    link to "javascript:alert(1)"',
      '  fix:      Remove the link. Content runs no scripts.',
    ),
  ],
  'joint-accreditation-statement': [
    problem(
      '<content>/sponsors/praxis-cet.yaml:8 › jointAccreditation.statement',
      `  The Joint Accreditation statement must be the accreditors' wording, opening "In support of improving patient care," and naming Praxis CET.`,
      '  expected: "In support of improving patient care, Praxis CET is jointly accredited by the Accreditation Council for Continuing Medical Education (ACCME), the Accreditation Council for Pharmacy Education (ACPE), and the American Nurses Credentialing Center (ANCC), to provide continuing education for the healthcare team."',
      '  found:    "Praxis CET is accredited by ACCME and ANCC to provide con..."',
      '  fix:      Copy the statement as Joint Accreditation gives it to Praxis CET, word for word.',
    ),
  ],
  'lapsed-approval': [
    problem(
      '<content>/courses/fixture-course.md:16 › approvals[0].board',
      '  The APA approval of Praxis CET ended on 2024-12-31, and this on-demand course is on sale with no end date, so its page would advertise a lapsed approval.',
      '  expected: an approval in force for as long as the course is on sale',
      '  found:    2018-01-01 to 2024-12-31',
      '  fix:      Correct the approval\'s `validUntil` in content/sponsors/praxis-cet.yaml if it was renewed; otherwise end the on-demand offering by then (`availableUntil: "2024-12-31"`) or remove this approval from the course.',
    ),
  ],
  'long-file-name': [
    problem(
      '<content>/instructors/ada-example-whose-file-name-runs-past-the-eighty-characters-that-a-slug-may-have-too.md',
      '  The file name is too long: it names the page and the files of the built site, so it takes at most 80 characters.',
      '  expected: a name of at most 80 characters before .md',
      '  found:    84 characters',
      '  fix:      Shorten the file name, such as attachment-theory.md.',
    ),
  ],
  'missing-photo': [
    problem(
      '<content>/instructors/ada-example.md:3 › photo',
      '  There is no image file photos/ada-example.jpg in content/instructors/.',
      '  expected: the path of an image file, from this file',
      '  found:    "photos/ada-example.jpg"',
      '  fix:      Save the photo as content/instructors/photos/ada-example.jpg, or correct the path.',
    ),
  ],
  'missing-title': [
    problem(
      '<content>/courses/fixture-course.md:2 › title',
      '  `title` is required.',
      '  expected: The course title.',
      '  fix:      Add `title`, for example `title: Improving Treatment Effectiveness with Attachment Theory`',
    ),
  ],
  'not-utf8': [
    problem(
      '<content>/instructors/ada-example.md',
      '  The file is not UTF-8 text.',
      '  fix:      Save the file with UTF-8 encoding (in most editors: "Save with encoding" › UTF-8).',
    ),
  ],
  'offering-bad-date': [
    problem(
      '<content>/courses/fixture-course.md:10 › offerings[0].sessions[1].date',
      '  `offerings[0].sessions[1].date` must be a real calendar date written YYYY-MM-DD.',
      '  expected: a date written YYYY-MM-DD, in quotes',
      '  found:    "2021-02-30"',
      '  fix:      Write it, for example `date: "2020-10-19"`',
    ),
  ],
  'offering-fields-at-top-level': [
    problem(
      '<content>/courses/fixture-course.md:12 › sessions',
      '  `sessions` belongs in each offering when the course lists `offerings`.',
      '  expected: `sessions` inside each entry of `offerings`',
      '  found:    `sessions` at the top level',
      '  fix:      Move `sessions` into the offerings it applies to.',
    ),
  ],
  'offerings-overlap': [
    problem(
      '<content>/courses/fixture-course.md:16 › offerings[1].sessions[0].date',
      '  Offerings 1 ("2021-03-01") and 2 ("west-coast") overlap in time: session 1 of offering 2 runs during session 1 of offering 1.',
      '  expected: offerings at different times',
      '  found:    2021-03-01 16:00–18:00 America/New_York and 2021-03-01 13:00–15:00 America/Los_Angeles',
      '  fix:      Correct the dates or times of one of them, or remove the one that repeats the other; a course given online and in person at the same time is one hybrid offering.',
    ),
  ],
  'on-demand-policy-without-tier': [
    problem(
      '<content>/policies/praxis-refund.yaml:3 › appliesTo[3]',
      '  The policy covers on-demand courses, but none of its tiers applies to them.',
      '  expected: a tier for on-demand courses, with `withinDays` or without days',
      '  found:    only tiers with `minDaysBefore`, which counts days before a first session',
      '  fix:      Add a tier with `formats: [on-demand]` and `withinDays`, or one with `outcome: none` if on-demand sales are final.',
    ),
  ],
  'path-traversal-slug': [
    problem(
      '<content>/courses/fixture-course.md:3 › slug',
      '  `slug` is not in the right form.',
      '  expected: lowercase letters, digits and single hyphens only',
      '  found:    "../../etc"',
      '  fix:      Write it, for example `slug: attachment-theory`',
    ),
  ],
  'reference-case': [
    problem(
      '<content>/courses/fixture-course.md:27 › approvals[1].board',
      '  There is no "NBCC" in content/boards/.',
      '  expected: one of: apa, nbcc',
      '  found:    "NBCC"',
      '  fix:      Did you mean "nbcc"?',
    ),
  ],
  'repeated-course': [
    problem(
      '<content>/courses/fixture-course.md:2 › title',
      '  This course repeats <content>/courses/fixture-course-rerun.md: the same title on the same dates.',
      '  expected: a course no other file already publishes',
      '  found:    <content>/courses/fixture-course.md and <content>/courses/fixture-course-rerun.md',
      "  fix:      Remove one of the two files, or add `replaces: fixture-course-rerun` to the one that takes the other's place.",
    ),
  ],
  'script-in-body': [
    problem(
      '<content>/courses/fixture-course.md:36',
      '  In the course description: the HTML element <script> is not allowed in content.',
      '  expected: Markdown, and only the HTML listed in docs/security.md',
      '  found:    <script>',
      '  fix:      Remove it. Content runs no scripts; the Content-Security-Policy would block it anyway.',
    ),
  ],
  'site-url-relative': [
    problem(
      '<content>/site.yaml:4 › url',
      '  `url` must be an absolute https URL.',
      '  expected: an absolute URL starting with https://',
      '  found:    "/courses"',
      '  fix:      Write it, for example `url: "https://courses.example.org"`',
    ),
  ],
  'style-in-body': [
    problem(
      '<content>/courses/fixture-course.md:34',
      '  In the course description: the HTML element <style> is not allowed in content.',
      '  expected: Markdown, and only the HTML listed in docs/security.md',
      '  found:    <style>',
      '  fix:      Remove it. The site stylesheet styles content; inline styles are blocked by the Content-Security-Policy.',
    ),
  ],
  'time-zone-case': [
    problem(
      '<content>/courses/fixture-course.md:6 › timeZone',
      '  `timeZone` is a time zone written in the wrong case.',
      '  expected: the zone\'s name as IANA writes it, "America/New_York"',
      '  found:    "america/new_york"',
      '  fix:      Did you mean "America/New_York"?',
    ),
  ],
  'unknown-board': [
    problem(
      '<content>/courses/fixture-course.md:26 › approvals[0].board',
      '  There is no "apaa" in content/boards/.',
      '  expected: one of: apa, nbcc',
      '  found:    "apaa"',
      '  fix:      Did you mean "apa"?',
    ),
  ],
  'unknown-field': [
    problem(
      '<content>/courses/fixture-course.md:18 › audiance',
      '  `audiance` is not a known field.',
      '  expected: one of: title, subtitle, summary, slug, previousSlugs, replaces, draft, publishDate, instructors, format, timeZone, venue, sessions, availableFrom, availableUntil, prices, registrationUrl, capacity, status, offerings, ceHours, ceHoursBreakdown, ceHoursNote, audience, levels, topics, objectives, approvals, disclosures, completion, sponsors, readings, refundPolicy',
      '  found:    "audiance"',
      '  fix:      Did you mean `audience`? Rename the field.',
    ),
  ],
  'unknown-instructor': [
    problem(
      '<content>/courses/fixture-course.md:4 › instructors[0]',
      '  There is no "ada-exampel" in content/instructors/.',
      '  expected: one of: ada-example',
      '  found:    "ada-exampel"',
      '  fix:      Did you mean "ada-example"?',
    ),
  ],
  'unknown-venue-field': [
    problem(
      '<content>/courses/fixture-course.md:12 › venue.rooom',
      '  `rooom` is not a known field of `venue`.',
      '  expected: one of: name, room, streetAddress, locality, region, postalCode, country',
      '  found:    "rooom"',
      '  fix:      Did you mean `room`? Rename the field.',
    ),
  ],
  'unmitigated-relationship': [
    problem(
      '<content>/courses/fixture-course.md:32 › disclosures.people[0].relationships[0].mitigated',
      "  ada-example's relationship with Example Pharma, Inc. (Speakers bureau) was not mitigated. A relevant financial relationship must be mitigated before the course (ACCME Standard 3); only then may the person control its content, with the relationship disclosed to learners.",
      '  expected: a relationship mitigated before the course: `mitigated: true`',
      '  found:    `mitigated: false`',
      "  fix:      Mitigate it before the course, for example by having someone without financial relationships review ada-example's content, then write `mitigated: true`; if it cannot be mitigated, give ada-example's part to someone else.",
    ),
  ],
  'wrong-type': [
    problem(
      '<content>/courses/fixture-course.md:17 › ceHours',
      '  `ceHours` has the wrong type.',
      '  expected: a number: CE hours awarded.',
      '  found:    "four"',
      '  fix:      Write a number, for example `ceHours: 8`',
    ),
  ],
  'yaml-alias-cycle': [
    problem(
      '<content>/courses/fixture-course.md:20',
      '  The alias *topics sits inside the value its anchor &topics names, so that value would contain itself.',
      '  fix:      Write the value out instead of referring to it from inside itself.',
    ),
  ],
  'yaml-bomb': [
    problem(
      '<content>/courses/fixture-course.md:31',
      '  The YAML uses too many aliases (Excessive alias count indicates a resource exhaustion attack).',
      '  fix:      Write the values out instead of repeating them with & anchors and * aliases.',
    ),
  ],
  'yaml-syntax': [
    problem(
      '<content>/courses/fixture-course.md:5',
      '  YAML syntax error: Nested mappings are not allowed in compact mappings',
      '  fix:      Check indentation, the colon after each field name, and quote text that contains a colon or starts with a special character.',
    ),
  ],
};

/** The problems of the report the build printed, with the content folder written `<content>`. */
function reportedProblems(stderr: string, contentDir: string): string[] {
  const heading = /^(\d+) content problems? in \d+ files?:$/m.exec(stderr);
  if (!heading) return [`no report in: ${stderr}`];
  const report = stderr.slice(
    heading.index + heading[0].length,
    stderr.indexOf('\n\nNothing was built'),
  );
  const problems = report.replaceAll(contentDir, '<content>').trim().split('\n\n');
  expect(problems).toHaveLength(Number(heading[1]));
  return problems;
}

describe('broken content fixtures', async () => {
  const onDisk = (await readdir(path.join(import.meta.dirname, '../fixtures/broken'))).sort();

  it('has an expectation for every fixture folder', () => {
    expect(Object.keys(cases).sort()).toEqual(onDisk);
  });

  for (const [name, expected] of Object.entries(cases)) {
    it(`${name}: fails with its whole list of messages, and writes nothing`, async () => {
      const contentDir = await contentWithOverlay(`broken/${name}`);
      const outDir = await mkdtemp(path.join(tmpdir(), 'ce-out-'));
      await writeFile(path.join(outDir, 'index.html'), 'previous build');

      const run = runScript('build', { CONTENT_DIR: contentDir, OUT_DIR: outDir });

      expect(run.status).toBe(1);
      expect(reportedProblems(run.stderr, contentDir)).toEqual(expected);
      expect(run.stderr).toMatch(/Nothing was built/);
      expect(await readdir(outDir)).toEqual(['index.html']);
      expect(await readFile(path.join(outDir, 'index.html'), 'utf8')).toBe('previous build');
      expect(
        (await readdir(path.dirname(outDir))).filter((entry) =>
          entry.startsWith(`${path.basename(outDir)}.staging`),
        ),
      ).toEqual([]);
    });
  }
});
