/**
 * Which files of the content folder are read: a file name too long for the built site, a
 * dot-file and a symbolic link are each reported once, before any build; none is skipped silently.
 */
import { copyFile, mkdir, mkdtemp, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadContent,
  MAX_SLUG_LENGTH,
  type LoadResult,
} from '../../../../src/collections/validation/load-content.ts';
import {
  formatProblem,
  type ContentProblem,
} from '../../../../src/collections/validation/problems.ts';
import { slugSchema } from '../../../../src/collections/schemas/common.ts';
import { contentWithOverlay } from '../../../helpers/fixtures.ts';

const problemsOf = (result: LoadResult): ContentProblem[] => (result.ok ? [] : result.problems);

/** A folder outside the content folder, holding a file, for links to point at. */
async function outside(): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ce-outside-'));
  const file = path.join(dir, 'secret.md');
  await writeFile(file, '---\nname: Secret\n---\n');
  return { dir, file };
}

describe('file names too long for the built site', () => {
  it('uses the limit of the slug field and of references', () => {
    expect(MAX_SLUG_LENGTH).toBe(80);
    expect(slugSchema.maxLength).toBe(MAX_SLUG_LENGTH);
  });

  it('refuses a 255-character course file name, naming the length found', async () => {
    const dir = await contentWithOverlay();
    const name = `${'a'.repeat(252)}.md`;
    const file = path.join(dir, 'courses', name);
    await rename(path.join(dir, 'courses/fixture-course.md'), file);
    const problems = problemsOf(await loadContent(dir));
    expect(problems.map(formatProblem)).toEqual([
      [
        file,
        '  The file name is too long: it names the page and the files of the built site, so it takes at most 80 characters.',
        '  expected: a name of at most 80 characters before .md',
        '  found:    252 characters',
        '  fix:      Shorten the file name, such as attachment-theory.md.',
      ].join('\n'),
    ]);
  });

  it('takes 80 characters and refuses 81', async () => {
    const dir = await contentWithOverlay();
    const course = path.join(dir, 'courses/fixture-course.md');
    await rename(course, path.join(dir, `courses/${'a'.repeat(80)}.md`));
    expect(problemsOf(await loadContent(dir))).toEqual([]);
    await rename(path.join(dir, `courses/${'a'.repeat(80)}.md`), course);
    const long = path.join(dir, `boards/${'b'.repeat(81)}.yaml`);
    await copyFile(path.join(dir, 'boards/apa.yaml'), long);
    expect(problemsOf(await loadContent(dir))).toEqual([
      {
        file: long,
        field: '',
        message:
          'The file name is too long: it names the page and the files of the built site, so it takes at most 80 characters.',
        expected: 'a name of at most 80 characters before .yaml',
        found: '81 characters',
        fix: 'Shorten the file name, such as attachment-theory.yaml.',
      },
    ]);
  });

  it('reports the length alongside the schema’s problems', async () => {
    const dir = await contentWithOverlay();
    const long = path.join(dir, `instructors/${'c'.repeat(90)}.md`);
    await writeFile(long, '---\ncredentials: PsyD\n---\n');
    const problems = problemsOf(await loadContent(dir));
    expect(problems.map(({ field, found }) => [field, found])).toEqual([
      ['', '90 characters'],
      ['name', undefined],
    ]);
  });

  it('lets a course with a `slug` field keep a long file name, which no URL uses', async () => {
    const dir = await contentWithOverlay();
    const course = path.join(dir, 'courses/fixture-course.md');
    const text = await readFile(course, 'utf8');
    await rename(course, path.join(dir, `courses/${'a'.repeat(200)}.md`));
    await writeFile(
      path.join(dir, `courses/${'a'.repeat(200)}.md`),
      text.replace('title: ', 'slug: fixture-course\ntitle: '),
    );
    expect(problemsOf(await loadContent(dir))).toEqual([]);
  });
});

describe('dot-files', () => {
  it('reports a course file whose name starts with a dot', async () => {
    const dir = await contentWithOverlay();
    const file = path.join(dir, 'courses/.fixture-course-copy.md');
    await copyFile(path.join(dir, 'courses/fixture-course.md'), file);
    expect(problemsOf(await loadContent(dir)).map(formatProblem)).toEqual([
      [
        file,
        '  This file is not read, because its name starts with a dot.',
        '  fix:      Rename it to fixture-course-copy.md (with `draft: true` to keep it unpublished), or delete it.',
      ].join('\n'),
    ]);
  });

  it('reports one in any collection', async () => {
    const dir = await contentWithOverlay();
    const file = path.join(dir, 'boards/.apa.yaml');
    await copyFile(path.join(dir, 'boards/apa.yaml'), file);
    expect(problemsOf(await loadContent(dir))).toEqual([
      {
        file,
        field: '',
        message: 'This file is not read, because its name starts with a dot.',
        fix: 'Rename it to apa.yaml, or delete it.',
      },
    ]);
  });

  it('passes over the files of the system, git and editors', async () => {
    const dir = await contentWithOverlay();
    for (const name of ['.DS_Store', '.gitkeep', '.gitignore', '.keep', '.fixture-course.md.swp'])
      await writeFile(path.join(dir, 'courses', name), 'x');
    await symlink('ada@host.1234:1700000000', path.join(dir, 'courses/.#fixture-course.md'));
    expect(problemsOf(await loadContent(dir))).toEqual([]);
  });
});

describe('symbolic links', () => {
  it('reports a linked course file, and does not read it', async () => {
    const dir = await contentWithOverlay();
    const { file: target } = await outside();
    const link = path.join(dir, 'courses/secret.md');
    await symlink(target, link);
    expect(problemsOf(await loadContent(dir)).map(formatProblem)).toEqual([
      [
        link,
        '  This is a symbolic link, and links are not followed, so that content cannot pull in files from outside the content folder.',
        `  found:    a link to ${target}`,
        '  fix:      Replace the link with a copy of the file it points to.',
      ].join('\n'),
    ]);
  });

  it('reports a linked folder, a link inside a folder of a collection, and a dangling link', async () => {
    const dir = await contentWithOverlay();
    const { dir: target, file } = await outside();
    await mkdir(path.join(dir, 'instructors/photos'));
    await symlink(file, path.join(dir, 'instructors/photos/ada-example.jpg'));
    await symlink(target, path.join(dir, 'policies/shared'));
    await symlink('../nowhere.yaml', path.join(dir, 'boards/gone.yaml'));
    const message =
      'This is a symbolic link, and links are not followed, so that content cannot pull in files from outside the content folder.';
    expect(problemsOf(await loadContent(dir))).toEqual([
      {
        file: path.join(dir, 'boards/gone.yaml'),
        field: '',
        message,
        found: 'a link to ../nowhere.yaml',
        fix: 'Delete the link: what it points to does not exist.',
      },
      {
        file: path.join(dir, 'instructors/photos/ada-example.jpg'),
        field: '',
        message,
        found: `a link to ${file}`,
        fix: 'Replace the link with a copy of the file it points to.',
      },
      {
        file: path.join(dir, 'policies/shared'),
        field: '',
        message,
        found: `a link to ${target}`,
        fix: 'Replace the link with a copy of the folder it points to.',
      },
    ]);
  });
});

describe('SITE_NOW', () => {
  it('is reported with the content, so the check and the build stop before Astro starts', async () => {
    const dir = await contentWithOverlay();
    const result = await loadContent(dir, { environment: { SITE_NOW: '2026-02-30T12:00:00Z' } });
    expect(problemsOf(result).map(formatProblem)).toEqual([
      [
        'SITE_NOW',
        '  SITE_NOW names February 30, 2026, which does not exist (February 2026 has 28 days); found "2026-02-30T12:00:00Z".',
        '  fix:      Set SITE_NOW to an instant that exists, such as 2020-10-01T12:00:00Z, or leave it unset to use the real clock.',
      ].join('\n'),
    ]);
    expect((await loadContent(dir, { environment: { SITE_NOW: '2024-02-29T12:00:00Z' } })).ok).toBe(
      true,
    );
  });
});
