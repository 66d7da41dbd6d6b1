/**
 * One validator for every caller: a course file gives the same problems to `npm run check` and
 * the build (loadContent), to the admin before a save (prepareEntry) and to the new-course
 * scaffold (problemsInCourseFile). Run over every course file of every fixture folder.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareEntry } from '../../../src/admin/decap-config.ts';
import { problemsInCourseFile } from '../../../src/admin/new-course.ts';
import { readPhase } from '../../../src/collections/validate-file.ts';
import {
  loadContent,
  validationContextFor,
} from '../../../src/collections/validation/load-content.ts';
import {
  formatProblem,
  type ContentProblem,
} from '../../../src/collections/validation/problems.ts';
import { contentWithOverlay, fixturesDir } from '../../helpers/fixtures.ts';

/**
 * Fixtures whose problem only the whole folder shows (two courses with one slug, a course that
 * repeats another): one entry alone has nothing wrong, so the admin and the scaffold say nothing.
 */
const ACROSS_FILES = new Set(['broken/duplicate-slug', 'broken/repeated-course']);

/**
 * The files whose problems differ in the admin, and the empty fields that make them differ: the
 * admin drops the empty values Decap keeps for cleared fields (decap-config.ts,
 * withoutEmptyFields) before its check, so it checks other fields than the file holds. An empty
 * list of objectives is then reported as missing, and an empty `courseApproval: {}` (the
 * course's own approval, not yet numbered) as no approval at all. Every other file, empty
 * fields or not, gets the check's problems.
 */
const ADMIN_DROPS_EMPTY = new Map([
  ['broken/empty-objectives', ['objectives.items']],
  ['e2e', ['approvals[0].courseApproval', 'approvals[1].courseApproval']],
]);

const withoutLine = ({ line: _line, ...problem }: ContentProblem) => problem;

interface Paths {
  check: ContentProblem[];
  scaffold: ContentProblem[];
  /** Undefined when the file cannot be read: the admin's form always holds fields. */
  admin?: ContentProblem[];
  /** The empty fields the admin drops before its check. */
  dropped: string[];
  /** What the read phase finds (the Markdown body), which the admin leaves to the check. */
  read: ContentProblem[];
}

/** The problems each caller gives one course file of a content folder. */
async function problemsOnEachPath(contentDir: string, name: string): Promise<Paths> {
  const file = path.join(contentDir, 'courses', name);
  const result = await loadContent(contentDir);
  const check = result.ok ? [] : result.problems.filter((problem) => problem.file === file);
  const context = await validationContextFor(contentDir);
  const text = await readFile(file, 'utf8');
  const scaffold = problemsInCourseFile(text, file, context);
  const read = readPhase('courses', text, file, path.extname(file));
  if (!read.ok) return { check, scaffold, read: read.problems, dropped: [] };
  const fields = read.source.data as Record<string, unknown>;
  const admin = prepareEntry('courses', { ...fields, body: read.source.body }, file, context);
  return { check, scaffold, admin: admin.problems, read: read.problems, dropped: admin.removed };
}

async function courseFixtures(): Promise<[string, string][]> {
  const folders = [
    ...(await readdir(path.join(fixturesDir, 'broken'))).map((name) => `broken/${name}`),
    ...(await readdir(fixturesDir)).filter((name) => !['base', 'broken'].includes(name)),
  ];
  const cases: [string, string][] = [];
  for (const folder of folders.sort()) {
    const courses = await readdir(path.join(fixturesDir, folder, 'courses')).catch(() => []);
    for (const name of courses.filter((course) => !course.startsWith('.')))
      cases.push([folder, name]);
  }
  return cases;
}

describe('one validator for the check, the admin and the scaffold', async () => {
  const cases = await courseFixtures();

  it('has broken course files to compare', () => {
    expect(cases.filter(([folder]) => folder.startsWith('broken/')).length).toBeGreaterThan(30);
  });

  it.each(cases)('%s/courses/%s gives the same problems on every path', async (folder, name) => {
    const paths = await problemsOnEachPath(await contentWithOverlay(folder), name);
    if (ACROSS_FILES.has(folder)) {
      for (const { message } of paths.check)
        expect(message).toMatch(/^(Another course already uses|This course repeats)/);
      expect(paths.scaffold).toEqual([]);
      expect(paths.admin).toEqual([]);
      return;
    }
    expect(paths.scaffold).toEqual(paths.check);
    if (paths.admin === undefined) return;
    const dropped = ADMIN_DROPS_EMPTY.get(folder);
    if (dropped) {
      expect(paths.dropped).toEqual(dropped);
      return;
    }
    // The admin's form has fields but no lines, and its Markdown body is checked by the check.
    const fromFields = paths.check.filter(
      (problem) => !paths.read.some((read) => read.message === problem.message),
    );
    expect(paths.admin).toEqual(fromFields.map(withoutLine));
  });
});

describe('one mistake, one message, on every path', () => {
  /** The base course with one line changed, and its problems on each path, printed. */
  async function printed(from: string, to: string): Promise<string[][]> {
    const dir = await contentWithOverlay();
    const file = path.join(dir, 'courses/fixture-course.md');
    const text = await readFile(file, 'utf8');
    expect(text).toContain(from);
    await writeFile(file, text.replace(from, to));
    const paths = await problemsOnEachPath(dir, 'fixture-course.md');
    return [paths.check, paths.scaffold, paths.admin ?? []].map((problems) =>
      problems.map(formatProblem),
    );
  }

  it('reports a bad date inside an offering once, not also as a course without a format', async () => {
    const dir = await contentWithOverlay('broken/offering-bad-date');
    const file = path.join(dir, 'courses/fixture-course.md');
    const paths = await problemsOnEachPath(dir, 'fixture-course.md');
    const expected = (line: string) => [
      [
        `${file}${line} › offerings[0].sessions[1].date`,
        '  `offerings[0].sessions[1].date` must be a real calendar date written YYYY-MM-DD.',
        '  expected: a date written YYYY-MM-DD, in quotes',
        '  found:    "2021-02-30"',
        '  fix:      Write it, for example `date: "2020-10-19"`',
      ].join('\n'),
    ];
    expect(paths.check.map(formatProblem)).toEqual(expected(':10'));
    expect(paths.scaffold.map(formatProblem)).toEqual(expected(':10'));
    expect(paths.admin?.map(formatProblem)).toEqual(expected(''));
  });

  it('reports a misspelt format once on every path', async () => {
    const [check, scaffold, admin] = await printed('format: live-online', 'format: livee-online');
    expect(check).toHaveLength(1);
    expect(check?.[0]).toContain('  `format` is not one of the allowed values.');
    expect(check?.[0]).toContain('  fix:      Did you mean "live-online"?');
    expect(scaffold).toEqual(check);
    expect(admin).toEqual(check?.map((problem) => problem.replace(/:\d+ › /, ' › ')));
  });
});
