/**
 * `npm run new-course` writes a draft that passes validation as written, never overwrites a
 * course, and catches a wrong answer at the question. The script runs as a child process,
 * the way an editor or CI runs it, into a temporary copy of tests/fixtures/base.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/collections/validation/load-content.ts';
import {
  ceHoursFor,
  courseTemplate,
  MAX_SUGGESTED_SLUG,
  suggestSlug,
  type NewCourse,
} from '../../../src/admin/course-template.ts';
import {
  checkDate,
  checkEnd,
  checkFormat,
  checkInstructor,
  checkSlug,
  checkStart,
  checkTimeZone,
  checkTitle,
  type Inventory,
  defaultApproval,
} from '../../../src/admin/new-course.ts';
import { slugSchema } from '../../../src/collections/schemas/common.ts';
import { contentWithOverlay, repoRoot } from '../../helpers/fixtures.ts';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function newCourse(args: string[], input = ''): Run {
  const result = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'scripts/new-course.ts'), ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      input,
      timeout: 60_000,
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ANSWERS = {
  title: 'Trauma-Informed Supervision',
  format: 'live-online',
  'time-zone': 'America/New_York',
  date: '2027-03-01',
  start: '16:00',
  end: '18:00',
  instructor: 'ada-example',
};

/** The template's input as the script builds it for the base fixture. */
const TEMPLATE: NewCourse = {
  title: 'Trauma-Informed Supervision',
  format: 'live-online',
  timeZone: 'America/New_York',
  session: { date: '2027-03-01', start: '16:00', end: '18:00' },
  instructor: 'ada-example',
  board: 'apa',
  sponsor: 'praxis-cet',
  policy: 'praxis-refund',
};

function flags(contentDir: string, overrides: Record<string, string | undefined> = {}): string[] {
  const answers: Record<string, string | undefined> = {
    ...ANSWERS,
    'content-dir': contentDir,
    ...overrides,
  };
  return Object.entries(answers).flatMap(([name, value]) =>
    value === undefined ? [] : [`--${name}`, value],
  );
}

async function loadCourse(contentDir: string, slug: string) {
  const result = await loadContent(contentDir);
  if (!result.ok)
    throw new Error(
      `expected the content to pass:\n${result.problems.map((problem) => `${problem.file}:${problem.line ?? ''} › ${problem.field}: ${problem.message}`).join('\n')}`,
    );
  const course = result.content.courses.find((entry) => entry.id === slug);
  if (!course) throw new Error(`no course ${slug}`);
  return course;
}

describe('suggestSlug', () => {
  it('makes a URL slug from a title', () => {
    expect(suggestSlug('Improving Treatment Effectiveness with Attachment Theory')).toBe(
      'improving-treatment-effectiveness-with-attachment-theory',
    );
    expect(suggestSlug('Ethics & Boundaries: Part 2')).toBe('ethics-and-boundaries-part-2');
    expect(suggestSlug('  Thérapie émotionnelle — niveau 1 ')).toBe(
      'therapie-emotionnelle-niveau-1',
    );
  });

  it('drops letters a URL slug cannot hold, leaving nothing when nothing is left', () => {
    expect(suggestSlug('Ψυχοθεραπεία 2027')).toBe('2027');
    expect(suggestSlug('Ψυχοθεραπεία')).toBe('');
  });

  it('cuts a long title at a word boundary', () => {
    const slug = suggestSlug(
      'Acceptance and Commitment Therapy for Chronic Pain, Insomnia and Co-occurring Depression in Primary Care',
    );
    expect(slug).toBe('acceptance-and-commitment-therapy-for-chronic-pain-insomnia');
    expect(slug.length).toBeLessThanOrEqual(MAX_SUGGESTED_SLUG);
  });

  it('always gives a valid slug or nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (title) => {
        const slug = suggestSlug(title);
        return (
          slug === '' || (slugSchema.safeParse(slug).success && slug.length <= MAX_SUGGESTED_SLUG)
        );
      }),
    );
  });
});

describe('ceHoursFor', () => {
  it('matches the schedule when it can, and rounds down to a quarter hour when it cannot', () => {
    expect(ceHoursFor(2)).toEqual({ ceHours: 2, exact: true });
    expect(ceHoursFor(70 / 60)).toEqual({ ceHours: 1, exact: false });
    expect(ceHoursFor(1.75)).toEqual({ ceHours: 1.75, exact: true });
  });
});

describe('answer checks', () => {
  const inventory: Inventory = {
    instructors: [{ slug: 'ada-example', name: 'Ada Example' }],
    boards: ['apa'],
    sponsors: ['praxis-cet'],
    sponsorApprovals: new Map([['praxis-cet', ['apa']]]),
    policies: [{ slug: 'praxis-refund', appliesTo: ['live-online', 'in-person', 'hybrid'] }],
    courseSlugs: new Map([['fixture-course', 'content/courses/fixture-course.md']]),
    timeZones: ['America/New_York'],
  };
  const message = (checked: { ok: true } | { ok: false; message: string }) =>
    checked.ok ? 'ok' : checked.message;

  it('claims a board the sponsor is approved by, or else the course’s own approval', () => {
    expect(defaultApproval(inventory, 'praxis-cet')).toEqual({
      board: 'apa',
      courseApproval: false,
    });
    expect(defaultApproval({ ...inventory, boards: ['accme', 'apa'] }, 'praxis-cet')).toEqual({
      board: 'apa',
      courseApproval: false,
    });
    expect(defaultApproval({ ...inventory, sponsorApprovals: new Map() }, 'praxis-cet')).toEqual({
      board: 'apa',
      courseApproval: true,
    });
  });

  it('accepts good answers, by number where there is a list', () => {
    expect(checkFormat('2', inventory)).toEqual({ ok: true, value: 'in-person' });
    expect(checkInstructor('1', inventory)).toEqual({ ok: true, value: 'ada-example' });
    expect(checkTimeZone(' Europe/London ')).toEqual({ ok: true, value: 'Europe/London' });
    expect(checkDate('2027-03-01')).toEqual({ ok: true, value: '2027-03-01' });
    expect(checkStart('16:00', '2027-03-01', 'America/New_York')).toEqual({
      ok: true,
      value: '16:00',
    });
    expect(checkEnd('18:00', { date: '2027-03-01', start: '16:00' }, 'America/New_York')).toEqual({
      ok: true,
      value: '18:00',
    });
    expect(checkSlug('new-course', inventory)).toEqual({ ok: true, value: 'new-course' });
  });

  it('explains a wrong answer and suggests the likely one', () => {
    expect(message(checkTitle('   '))).toBe('The title cannot be empty.');
    expect(message(checkTitle('x'.repeat(201)))).toBe(
      'The title is 201 characters long; the limit is 200.',
    );
    expect(message(checkFormat('in-persn', inventory))).toContain('Did you mean "in-person"?');
    expect(message(checkFormat('on-demand', inventory))).toContain(
      'No refund policy in content/policies/ covers on-demand courses',
    );
    expect(message(checkTimeZone('America/New_Yrok'))).toContain(
      'Did you mean "America/New_York"?',
    );
    expect(message(checkTimeZone('EST'))).toContain('is not an IANA time zone');
    expect(message(checkDate('2027-02-30'))).toContain('is not a date written YYYY-MM-DD');
    expect(message(checkStart('4pm', '2027-03-01', 'America/New_York'))).toContain(
      'is not a 24-hour time',
    );
    expect(message(checkStart('01:30', '2027-11-07', 'America/New_York'))).toContain(
      'happens twice (the clocks fall back over it)',
    );
    expect(
      message(checkEnd('15:00', { date: '2027-03-01', start: '16:00' }, 'America/New_York')),
    ).toContain('must end after it starts');
    expect(
      message(checkEnd('16:10', { date: '2027-03-01', start: '16:00' }, 'America/New_York')),
    ).toContain('shorter than a quarter of an hour');
    expect(message(checkInstructor('ada-exampel', inventory))).toContain(
      'Did you mean "ada-example"?',
    );
    expect(message(checkSlug('Not A Slug', inventory))).toContain('cannot be used in a URL');
    expect(message(checkSlug('fixture-course', inventory))).toContain(
      'content/courses/fixture-course.md already exists',
    );
  });
});

// Each case starts Node at least once; on a busy two-core machine that takes seconds.
describe('npm run new-course', { timeout: 60_000 }, () => {
  it('writes a commented draft from flags that passes validation as written', async () => {
    const dir = await contentWithOverlay();
    const run = newCourse(flags(dir));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const file = path.join(dir, 'courses', 'trauma-informed-supervision.md');
    expect(run.stdout).toContain(file);
    expect(run.stdout).toMatch(/npm run check[\s\S]*npm run dev/);

    const course = await loadCourse(dir, 'trauma-informed-supervision');
    expect(course.data).toMatchObject({
      title: 'Trauma-Informed Supervision',
      draft: true,
      format: 'live-online',
      timeZone: 'America/New_York',
      sessions: [{ date: '2027-03-01', start: '16:00', end: '18:00' }],
      ceHours: 2,
      instructors: ['ada-example'],
      // The first board and policy in the folder; the sponsor that publishes the site.
      approvals: [{ board: 'apa' }],
      sponsors: ['praxis-cet'],
      refundPolicy: 'praxis-refund',
    });
    expect(course.data.objectives.items).toEqual([expect.stringMatching(/^Describe /)]);

    const text = await readFile(file, 'utf8');
    expect(text).toContain('# The course title.\ntitle: "Trauma-Informed Supervision"');
    expect(text).toContain('  - date: "2027-03-01"\n    start: "16:00"\n    end: "18:00"');
    // Every field written is preceded by its comment.
    const lines = text.split('\n---\n')[0]!.split('\n');
    lines.forEach((line, index) => {
      if (/^[A-Za-z]+:/.test(line)) expect(lines[index - 1], line).toMatch(/^# /);
    });
  });

  it.each(['in-person', 'hybrid'] as const)(
    'gives a %s course a placeholder venue that passes',
    async (format) => {
      const dir = await contentWithOverlay();
      await writeFile(
        path.join(dir, 'courses', 'meeting-course.md'),
        courseTemplate({ ...TEMPLATE, format }),
      );
      const course = await loadCourse(dir, 'meeting-course');
      expect(course.data.venue).toMatchObject({
        name: expect.any(String),
        streetAddress: expect.any(String),
        country: 'US',
      });
    },
  );

  it('explains CE hours that cannot equal an odd session length', async () => {
    const dir = await contentWithOverlay();
    await writeFile(
      path.join(dir, 'courses', 'odd-length.md'),
      courseTemplate({
        ...TEMPLATE,
        session: { date: '2027-03-01', start: '16:00', end: '17:10' },
      }),
    );
    const course = await loadCourse(dir, 'odd-length');
    expect(course.data.ceHours).toBe(1);
    expect(course.data.ceHoursNote).toMatch(/^Replace: /);
  });

  it('counts a session across a daylight-saving change by its real length', async () => {
    const dir = await contentWithOverlay();
    // 00:00 to 04:00 on the night clocks fall back is five hours long.
    await writeFile(
      path.join(dir, 'courses', 'long-night.md'),
      courseTemplate({
        ...TEMPLATE,
        session: { date: '2027-11-07', start: '00:00', end: '04:00' },
      }),
    );
    expect((await loadCourse(dir, 'long-night')).data.ceHours).toBe(5);
  });

  it('keeps a title with quotes, colons and hashes exactly', async () => {
    const dir = await contentWithOverlay();
    const title = '[Part 1] "Boundaries": #1 ethics issue & more';
    await writeFile(
      path.join(dir, 'courses', 'boundaries.md'),
      courseTemplate({ ...TEMPLATE, title }),
    );
    expect((await loadCourse(dir, 'boundaries')).data.title).toBe(title);
  });

  it('writes an on-demand course without sessions when a policy covers on-demand', async () => {
    const dir = await contentWithOverlay();
    const policyFile = path.join(dir, 'policies', 'praxis-refund.yaml');
    await writeFile(
      policyFile,
      (await readFile(policyFile, 'utf8'))
        .replace(
          'appliesTo: [in-person, hybrid, live-online]',
          'appliesTo: [in-person, hybrid, live-online, on-demand]',
        )
        .replace('\nfees:', '\n  - { formats: [on-demand], outcome: none }\nfees:'),
    );
    const run = newCourse(
      flags(dir, { format: 'on-demand', date: undefined, start: undefined, end: undefined }),
    );
    expect(run.status).toBe(0);
    const course = await loadCourse(dir, 'trauma-informed-supervision');
    expect(course.data.sessions).toBeUndefined();
  });

  it('refuses an on-demand course when no policy covers on-demand, and writes nothing', async () => {
    const dir = await contentWithOverlay();
    const run = newCourse(
      flags(dir, { format: 'on-demand', date: undefined, start: undefined, end: undefined }),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('No refund policy in content/policies/ covers on-demand courses');
    expect(await readdir(path.join(dir, 'courses'))).toEqual(['fixture-course.md']);
  });

  it('refuses to overwrite an existing course', async () => {
    const dir = await contentWithOverlay();
    expect(newCourse(flags(dir)).status).toBe(0);
    const file = path.join(dir, 'courses', 'trauma-informed-supervision.md');
    await writeFile(file, 'edited by hand');

    const again = newCourse(flags(dir));
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(
      /trauma-informed-supervision\.md already exists[\s\S]*Nothing was written\. Give another slug with --slug/,
    );
    expect(await readFile(file, 'utf8')).toBe('edited by hand');

    const existing = newCourse(flags(dir, { slug: 'fixture-course' }));
    expect(existing.status).toBe(1);
    expect(existing.stderr).toContain('fixture-course.md already exists');
  });

  it('refuses a slug another course declares in its `slug` field', async () => {
    const dir = await contentWithOverlay();
    const fixture = await readFile(path.join(dir, 'courses', 'fixture-course.md'), 'utf8');
    await writeFile(
      path.join(dir, 'courses', 'renamed.md'),
      fixture.replace('title: Fixture Course on Mentalizing', 'title: Renamed\nslug: short-url'),
    );
    const run = newCourse(flags(dir, { slug: 'short-url' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('renamed.md uses it as its `slug`');
  });

  it.each([
    [{ instructor: 'ada-exampel' }, 'Did you mean "ada-example"?'],
    [
      { date: '2027-03-14', start: '02:30', end: '04:00' },
      'does not exist (the clocks spring forward over it)',
    ],
  ])('stops on a wrong flag %j and writes nothing', async (overrides, says) => {
    const dir = await contentWithOverlay();
    const run = newCourse(flags(dir, overrides));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(says);
    expect(await readdir(path.join(dir, 'courses'))).toEqual(['fixture-course.md']);
  });

  it('asks for what the flags leave out, asks again after a wrong answer, and offers defaults', async () => {
    const dir = await contentWithOverlay();
    // Title; format and time zone by default; date; a wrong start, then a right one; end;
    // the only instructor and the suggested slug by default.
    const run = newCourse(
      ['--content-dir', dir],
      ['Mentalizing in Practice', '', '', '2027-03-01', '25:00', '16:00', '18:00', '', '', ''].join(
        '\n',
      ),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"25:00" is not a 24-hour time');
    expect(run.stdout).toContain('1. ada-example (Ada Example)');
    const course = await loadCourse(dir, 'mentalizing-in-practice');
    expect(course.data).toMatchObject({
      format: 'live-online',
      timeZone: 'America/New_York',
      instructors: ['ada-example'],
    });
  });

  it('stops without writing when the input ends before every question is answered', async () => {
    const dir = await contentWithOverlay();
    const run = newCourse(['--content-dir', dir], 'Mentalizing in Practice\n');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'The input ended before every question was answered; nothing was written.',
    );
    expect(await readdir(path.join(dir, 'courses'))).toEqual(['fixture-course.md']);
  });
});
