/**
 * Every broken fixture (tests/fixtures/broken/<case>, laid over tests/fixtures/base) must be
 * rejected by `npm run build` with a message naming the file and the field, and leave the
 * previous output untouched.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../helpers/build.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

interface Expectation {
  file: string;
  field: string;
  says: RegExp;
}

const cases: Record<string, Expectation> = {
  'yaml-syntax': { file: 'courses/fixture-course.md', field: '', says: /YAML syntax error/ },
  'missing-title': {
    file: 'courses/fixture-course.md',
    field: 'title',
    says: /`title` is required[\s\S]*fix:\s+Add `title`/,
  },
  'unknown-board': {
    file: 'courses/fixture-course.md',
    field: 'approvals[0].board',
    says: /no "apaa" in content\/boards\/[\s\S]*Did you mean "apa"\?/,
  },
  'end-before-start': {
    file: 'courses/fixture-course.md',
    field: 'sessions[0].end',
    says: /ends before it starts[\s\S]*found:\s+"15:00"/,
  },
  'bad-time-zone': {
    file: 'courses/fixture-course.md',
    field: 'timeZone',
    says: /not an IANA time zone[\s\S]*Did you mean "America\/New_York"\?/,
  },
  'dst-gap': {
    file: 'courses/fixture-course.md',
    field: 'sessions[1].start',
    says: /2021-03-14 02:30 does not exist in America\/New_York/,
  },
  'ambiguous-time': {
    file: 'courses/fixture-course.md',
    field: 'sessions[1].start',
    says: /2021-11-07 01:30 happens twice in America\/New_York/,
  },
  'duplicate-slug': {
    file: 'courses/another-course.md',
    field: 'slug',
    says: /already uses the slug "fixture-course"/,
  },
  'ce-hours-mismatch': {
    file: 'courses/fixture-course.md',
    field: 'ceHours',
    says: /differ from the 4 hours scheduled[\s\S]*ceHoursNote/,
  },
  'http-url': {
    file: 'courses/fixture-course.md',
    field: 'registrationUrl',
    says: /must be an absolute https URL[\s\S]*found:\s+"http:\/\/register/,
  },
  'unknown-instructor': {
    file: 'courses/fixture-course.md',
    field: 'instructors[0]',
    says: /no "ada-exampel" in content\/instructors\/[\s\S]*Did you mean "ada-example"\?/,
  },
  'wrong-type': {
    file: 'courses/fixture-course.md',
    field: 'ceHours',
    says: /wrong type[\s\S]*expected:\s+a number[\s\S]*found:\s+"four"/,
  },
  'empty-objectives': {
    file: 'courses/fixture-course.md',
    field: 'objectives.items',
    says: /needs at least 1 entry/,
  },
  'unknown-field': {
    file: 'courses/fixture-course.md',
    field: 'audiance',
    says: /not a known field[\s\S]*Did you mean `audience`\?/,
  },
  'site-url-relative': { file: 'site.yaml', field: 'url', says: /absolute https URL/ },
  'not-utf8': { file: 'instructors/ada-example.md', field: '', says: /not UTF-8/ },
  'frontmatter-too-large': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /The fields take \d+ KB; the limit is 256 KB/,
  },
  'yaml-bomb': { file: 'courses/fixture-course.md', field: '', says: /too many aliases/ },
  'yaml-alias-cycle': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /alias \*topics sits inside the value its anchor &topics names/,
  },
  'path-traversal-slug': {
    file: 'courses/fixture-course.md',
    field: 'slug',
    says: /expected:\s+lowercase letters, digits and single hyphens only[\s\S]*found:\s+"\.\.\/\.\.\/etc"/,
  },
  'script-in-body': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /fixture-course\.md:36\n\s+In the course description: the HTML element <script> is not allowed/,
  },
  'event-handler-in-body': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /fixture-course\.md:34\n\s+In the course description: the event-handler attribute `onerror` on <img> is not allowed/,
  },
  'javascript-link': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /fixture-course\.md:34\n\s+In the course description: a `javascript:` link is not allowed/,
  },
  'iframe-in-body': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /fixture-course\.md:34\n\s+In the course description: the HTML element <iframe> is not allowed/,
  },
  'approval-no-holder': {
    file: 'courses/fixture-course.md',
    field: 'approvals[0].board',
    says: /No sponsor of this course \(praxis-cet\) is approved by APA, and the course gives no approval of its own\.[\s\S]*fix:\s+Add `- board: apa` under `approvals`/,
  },
  'expired-approval': {
    file: 'courses/fixture-course.md',
    field: 'approvals[0].board',
    says: /The APA approval of Praxis CET ended on 2020-12-31, before the course's last date, 2021-03-08\./,
  },
  'credit-sums-disagree': {
    file: 'courses/fixture-course.md',
    field: 'approvals[0].credit.parts',
    says: /The parts add up to 3 hours, not the 4 hours of this credit\./,
  },
  'disclosure-missing-instructor': {
    file: 'courses/fixture-course.md',
    field: 'disclosures.people',
    says: /The disclosures leave out ada-example, who teaches the course\.[\s\S]*fix:\s+Add `- \{ instructor: ada-example, relationships: none \}`/,
  },
  'missing-photo': {
    file: 'instructors/ada-example.md',
    field: 'photo',
    says: /There is no image file photos\/ada-example\.jpg in content\/instructors\/\.[\s\S]*fix:\s+Save the photo as content\/instructors\/photos\/ada-example\.jpg, or correct the path\./,
  },
  'time-zone-case': {
    file: 'courses/fixture-course.md',
    field: 'timeZone',
    says: /`timeZone` is a time zone written in the wrong case\.[\s\S]*fix:\s+Did you mean "America\/New_York"\?/,
  },
  'reference-case': {
    file: 'courses/fixture-course.md',
    field: 'approvals[1].board',
    says: /There is no "NBCC" in content\/boards\/\.[\s\S]*fix:\s+Did you mean "nbcc"\?/,
  },
  'unknown-venue-field': {
    file: 'courses/fixture-course.md',
    field: 'venue.rooom',
    says: /`rooom` is not a known field of `venue`\.[\s\S]*Did you mean `room`\?/,
  },
  'repeated-course': {
    file: 'courses/fixture-course.md',
    field: 'title',
    says: /This course repeats [^\n]*fixture-course-rerun\.md: the same title on the same dates\.[\s\S]*fix:\s+Remove one of the two files, or add `replaces: fixture-course-rerun`/,
  },
  'offering-fields-at-top-level': {
    file: 'courses/fixture-course.md',
    field: 'sessions',
    says: /`sessions` belongs in each offering when the course lists `offerings`\.[\s\S]*fix:\s+Move `sessions` into the offerings it applies to\./,
  },
  'on-demand-policy-without-tier': {
    file: 'policies/praxis-refund.yaml',
    field: 'appliesTo[3]',
    says: /The policy covers on-demand courses, but none of its tiers applies to them\.[\s\S]*fix:\s+Add a tier with `formats: \[on-demand\]` and `withinDays`/,
  },
  'early-bird-without-deadline': {
    file: 'courses/fixture-course.md',
    field: 'prices[0].until',
    says: /An early-bird price needs the last day it applies\.[\s\S]*fix:\s+Add `until:` with the early-bird deadline\./,
  },
  'dates-without-time-zone': {
    file: 'courses/fixture-course.md',
    field: 'timeZone',
    says: /The offering has dates but no time zone to read them in\.[\s\S]*fix:\s+Add `timeZone:`/,
  },
  'long-file-name': {
    file: 'instructors/ada-example-whose-file-name-runs-past-the-eighty-characters-that-a-slug-may-have-too.md',
    field: '',
    says: /The file name is too long: it names the page and the files of the built site, so it takes at most 80 characters\.\n\s+expected: a name of at most 80 characters before \.md\n\s+found:\s+84 characters\n\s+fix:\s+Shorten the file name, such as attachment-theory\.md\./,
  },
  'dot-file': {
    file: 'courses/.fixture-course-draft.md',
    field: '',
    says: /This file is not read, because its name starts with a dot\.\n\s+fix:\s+Rename it to fixture-course-draft\.md \(with `draft: true` to keep it unpublished\), or delete it\./,
  },
  'style-in-body': {
    file: 'courses/fixture-course.md',
    field: '',
    says: /fixture-course\.md:34\n\s+In the course description: the HTML element <style> is not allowed/,
  },
};

describe('broken content fixtures', async () => {
  const onDisk = (await readdir(path.join(import.meta.dirname, '../fixtures/broken'))).sort();

  it('has an expectation for every fixture folder', () => {
    expect(Object.keys(cases).sort()).toEqual(onDisk);
  });

  for (const [name, expectation] of Object.entries(cases)) {
    it(`${name}: fails with a message naming file and field, and writes nothing`, async () => {
      const contentDir = await contentWithOverlay(`broken/${name}`);
      const outDir = await mkdtemp(path.join(tmpdir(), 'ce-out-'));
      await writeFile(path.join(outDir, 'index.html'), 'previous build');

      const run = runScript('build', { CONTENT_DIR: contentDir, OUT_DIR: outDir });
      const fileRef = path.join(contentDir, expectation.file);
      const location = expectation.field
        ? `${fileRef}:\\d+ › ${expectation.field.replace(/[[\].]/g, '\\$&')}\\n`
        : `${fileRef}(:\\d+)?\\n`;

      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(new RegExp(location));
      expect(run.stderr).toMatch(expectation.says);
      expect(run.stderr).toMatch(/fix:/);
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
