/**
 * The launch items (`npm run check -- --launch`), and the site-wide rules that come with a
 * launch: brand contrast, a logo that exists, page slugs that take a route, old course slugs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadContent,
  type LoadResult,
} from '../../../../src/collections/validation/load-content.ts';
import { isPlaceholderUrl, launchItems } from '../../../../src/collections/validation/launch.ts';
import { formatProblem } from '../../../../src/collections/validation/problems.ts';
import { siteSchema } from '../../../../src/collections/schemas/site.ts';
import { cmsProblems } from '../../../../src/collections/validation/site-rules.ts';
import { contentWithOverlay } from '../../../helpers/fixtures.ts';

// After the fixture course's sessions (March 2021), so it invites no registration.
const NOW = new Date('2025-01-01T12:00:00Z');

async function launchContent(): Promise<string> {
  return contentWithOverlay('launch');
}

async function edit(dir: string, file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(dir, file);
  await writeFile(target, change(await readFile(target, 'utf8')));
}

const messages = (result: LoadResult) =>
  result.ok
    ? []
    : result.problems.map((problem) =>
        formatProblem(problem).replaceAll(/\S*ce-content-[^/]+\//g, ''),
      );

function itemsOf(result: LoadResult): string[] {
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return launchItems({
    content: result.content,
    warnings: result.warnings,
    contentDir: 'content',
    now: NOW,
  }).map(({ file, field, message }) => `${file}${field ? ` › ${field}` : ''}: ${message}`);
}

describe('launch items', () => {
  it('finds nothing left on a site with a brand, pages, contact details and a CMS', async () => {
    expect(itemsOf(await loadContent(await launchContent()))).toEqual([]);
  });

  it('names everything the bare base fixture still lacks, in order', async () => {
    expect(itemsOf(await loadContent(await contentWithOverlay()))).toEqual([
      'content/site.yaml › url: The site URL https://courses.example.org is a placeholder: canonical links, the sitemap, the feed and the social cards would point there.',
      'content/site.yaml › brand: The site has no logo or brand colour: the header shows the site name as text, in the site’s own colours.',
      'content/pages/: There is no privacy page.',
      'content/pages/: There is no accessibility page.',
      'content/sponsors/praxis-cet.yaml › contact: The publisher gives no e-mail, telephone or postal address, so the footer and the structured data name no way to reach it.',
      'content/site.yaml › cms: The admin (/admin/) has no production backend, so editors can only use it on their own computer (`npm run cms`).',
      'content/site.yaml › strictCompliance: strictCompliance is off, so a course that lacks an item a CE body requires is published with only a warning.',
    ]);
  });

  it('asks for a registration link on an upcoming course, and counts compliance warnings', async () => {
    const dir = await launchContent();
    await edit(dir, 'courses/fixture-course.md', (text) =>
      text.replaceAll('2021-03-0', '2031-03-0'),
    );
    const result = await loadContent(dir);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const warning = {
      file: 'content/courses/x.md',
      field: 'prices',
      message: 'APA requires…',
      fix: 'Add prices.',
    };
    const items = launchItems({
      content: result.content,
      warnings: [warning, warning],
      contentDir: 'content',
      now: NOW,
    });
    expect(items.map(({ file, field, message }) => `${file} › ${field}: ${message}`)).toEqual([
      `${dir}/courses/fixture-course.md › registrationUrl: This course is open for registration, but there is no registration link, so the page offers no way to enrol.`,
      'content › : 2 compliance warnings: promotional items a CE body requires that a course does not state (listed above).',
    ]);
  });

  it('takes reserved example hosts as placeholders, and real ones as real', () => {
    for (const url of [
      'https://courses.example.org',
      'https://example.com',
      'https://site.test',
      'https://localhost',
    ])
      expect(isPlaceholderUrl(url)).toBe(true);
    for (const url of ['https://courses.praxis-cet.org', 'https://example-clinic.org'])
      expect(isPlaceholderUrl(url)).toBe(false);
  });
});

describe('site settings for a launch', () => {
  it('accepts a brand and a CMS backend, and needs a repository for github and gitlab', () => {
    const base = { name: 'A', url: 'https://a.org', description: 'A site.', organization: 'a' };
    expect(siteSchema.safeParse({ ...base, cms: { backend: 'git-gateway' } }).success).toBe(true);
    expect(siteSchema.parse({ ...base, cms: { backend: 'github', repo: 'a/b' } }).cms?.branch).toBe(
      'main',
    );
    expect(
      cmsProblems({ backend: 'gitlab', branch: 'main' }, 'content/site.yaml', () => 9),
    ).toEqual([
      {
        file: 'content/site.yaml',
        field: 'cms.repo',
        line: 9,
        message: 'The gitlab backend needs the repository the admin saves to.',
        expected: 'owner/name, such as praxis-cet/courses',
        found: 'nothing',
        fix: 'Add `repo: <owner>/<name>` under cms, the repository on GitLab that holds this site.',
      },
    ]);
    expect(
      siteSchema.safeParse({ ...base, brand: { logo: '../logo.svg', color: '#000000' } }).success,
    ).toBe(false);
    expect(
      siteSchema.safeParse({ ...base, brand: { logo: 'logo.gif', color: '#000000' } }).success,
    ).toBe(false);
    expect(
      siteSchema.safeParse({ ...base, brand: { logo: 'logo.png', color: 'teal' } }).success,
    ).toBe(false);
  });

  it('refuses a faint brand colour with the ratio found and the nearest that passes', async () => {
    const dir = await launchContent();
    await edit(dir, 'site.yaml', (text) =>
      text.replace('"#7a1f5c"', '"#ff9900"\n  colorDark: "#3a2a00"'),
    );
    expect(messages(await loadContent(dir))).toEqual([
      [
        'site.yaml:11 › brand.color',
        '  The brand colour #ff9900 is too faint for text in the light colour scheme (WCAG AA needs 4.5:1).',
        '  expected: at least 4.5:1 against the light page background #fbfaf7, the light card background #ffffff, button text #ffffff on it',
        '  found:    2.05:1 against the light page background #fbfaf7; 2.14:1 against the light card background #ffffff; 2.14:1 against button text #ffffff on it',
        '  fix:      Use #a66300, the nearest colour that passes.',
      ].join('\n'),
      [
        'site.yaml:12 › brand.colorDark',
        '  The brand colour #3a2a00 is too faint for text in the dark colour scheme (WCAG AA needs 4.5:1).',
        '  expected: at least 4.5:1 against the dark page background #11151c, the dark card background #1a202a, button text #0b1a1e on it',
        '  found:    1.31:1 against the dark page background #11151c; 1.17:1 against the dark card background #1a202a; 1.27:1 against button text #0b1a1e on it',
        '  fix:      Use #8f866e, the nearest colour that passes.',
      ].join('\n'),
    ]);
  });

  it('reports a logo that is not there', async () => {
    const dir = await launchContent();
    await edit(dir, 'site.yaml', (text) => text.replace('brand/logo.svg', 'brand/logo.png'));
    expect(messages(await loadContent(dir))).toEqual([
      [
        'site.yaml:10 › brand.logo',
        '  There is no file brand/logo.png in the content folder.',
        '  expected: the path of an .svg or .png file, from the content folder',
        '  found:    "brand/logo.png"',
        '  fix:      Save the logo as content/brand/logo.png, or correct the path.',
      ].join('\n'),
    ]);
  });
});

describe('slugs', () => {
  it('refuses a page that would take one of the site’s sections', async () => {
    const dir = await launchContent();
    await writeFile(
      path.join(dir, 'pages/search.md'),
      '---\ntitle: Search tips\ndescription: How to search.\n---\n\nText.\n',
    );
    expect(messages(await loadContent(dir))).toEqual([
      [
        'pages/search.md',
        "  The page would be /search/, which is one of the site's own sections.",
        '  expected: a file name other than 404, admin, boards, brand, courses, formats, instructors, levels, og, pagefind, professions, providers, search, topics',
        '  found:    "search"',
        '  fix:      Rename the file, such as about-search.md.',
      ].join('\n'),
    ]);
  });

  it('refuses an old slug that is another course’s current one, or the course’s own, or claimed twice', async () => {
    const dir = await launchContent();
    const course = await readFile(path.join(dir, 'courses/fixture-course.md'), 'utf8');
    await mkdir(path.join(dir, 'courses'), { recursive: true });
    await writeFile(
      path.join(dir, 'courses/second-course.md'),
      course
        .replace('title: Fixture Course on Mentalizing', 'title: Second Course')
        .replace(
          'previousSlugs: [mentalizing-2020]',
          'previousSlugs: [fixture-course, second-course, mentalizing-2020]',
        )
        .replace(
          'A course used by the tests.',
          'Another course used by the tests, with its own words.',
        ),
    );
    expect(messages(await loadContent(dir))).toEqual([
      [
        'courses/second-course.md:30 › previousSlugs[0]',
        '  "fixture-course" is the current slug of courses/fixture-course.md, so /courses/fixture-course/ cannot redirect here.',
        '  expected: a slug no course uses now',
        '  found:    "fixture-course"',
        '  fix:      Remove "fixture-course" from previousSlugs, or rename courses/fixture-course.md first.',
      ].join('\n'),
      [
        'courses/second-course.md:30 › previousSlugs[1]',
        `  "second-course" is this course's own slug, not a previous one.`,
        '  found:    "second-course"',
        '  fix:      Remove it from previousSlugs.',
      ].join('\n'),
      [
        'courses/second-course.md:30 › previousSlugs[2]',
        '  "mentalizing-2020" is also a previous slug of courses/fixture-course.md; an old address can redirect to one course only.',
        '  found:    "mentalizing-2020"',
        '  fix:      Keep "mentalizing-2020" in the previousSlugs of the course that last had it, and remove it from the other.',
      ].join('\n'),
    ]);
  });
});
