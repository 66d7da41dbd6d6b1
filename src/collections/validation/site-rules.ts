/**
 * Rules over the site as a whole rather than one file: the brand's contrast, provider pages
 * that would take a route of the site, and old course slugs that clash. Each returns problems
 * in the shape every message takes (problems.ts), with the line where the loader knows it.
 */
import type { Brand, CmsSettings } from '../schemas/site.ts';
import {
  brandColors,
  contrastFailures,
  MIN_TEXT_CONTRAST,
  nearestPassingColor,
  type Scheme,
} from '../../domain/brand/palette.ts';
import { formatRatio } from '../../domain/brand/contrast.ts';
import { isSiteSection, SITE_SECTIONS } from '../../domain/site-sections.ts';
import type { ContentProblem } from './problems.ts';

type LineOf = (path: PropertyKey[]) => number | undefined;

const at = (lineOf: LineOf, path: PropertyKey[]) => {
  const line = lineOf(path);
  return line === undefined ? {} : { line };
};

/** A brand colour that misses WCAG AA in its scheme, with the ratio found and the nearest that passes. */
export function brandProblems(brand: Brand, file: string, lineOf: LineOf): ContentProblem[] {
  const given: { field: 'color' | 'colorDark'; color: string; scheme: Scheme }[] = [
    { field: 'color', color: brand.color, scheme: 'light' },
  ];
  if (brand.colorDark !== undefined)
    given.push({ field: 'colorDark', color: brand.colorDark, scheme: 'dark' });
  else if (contrastFailures(brandColors(brand).dark, 'dark').length > 0)
    given.push({ field: 'color', color: brand.color, scheme: 'dark' });
  return given.flatMap(({ field, color, scheme }) => {
    const failures = contrastFailures(color, scheme);
    if (failures.length === 0) return [];
    const nearest = nearestPassingColor(color, scheme);
    const path = ['brand', field];
    return [
      {
        file,
        field: `brand.${field}`,
        ...at(lineOf, path),
        message: `The brand colour ${color} is too faint for text in the ${scheme} colour scheme (WCAG AA needs ${MIN_TEXT_CONTRAST}:1).`,
        expected: `at least ${MIN_TEXT_CONTRAST}:1 against ${failures.map(({ against }) => against).join(', ')}`,
        found: failures
          .map(({ against, ratio }) => `${formatRatio(ratio)} against ${against}`)
          .join('; '),
        fix: nearest
          ? `Use ${nearest}, the nearest colour that passes${field === 'color' && scheme === 'dark' ? ', as `colorDark`' : ''}.`
          : 'Choose a darker or lighter colour.',
      },
    ];
  });
}

/** The brand logo file is missing from the content folder. */
export function missingLogoProblem(logo: string, file: string, lineOf: LineOf): ContentProblem {
  return {
    file,
    field: 'brand.logo',
    ...at(lineOf, ['brand', 'logo']),
    message: `There is no file ${logo} in the content folder.`,
    expected: 'the path of an .svg or .png file, from the content folder',
    found: JSON.stringify(logo),
    fix: `Save the logo as content/${logo}, or correct the path.`,
  };
}

/** A provider page whose file name is one of the site's own sections. */
export function pageSlugProblem(slug: string, file: string): ContentProblem | undefined {
  if (!isSiteSection(slug)) return undefined;
  return {
    file,
    field: '',
    message: `The page would be /${slug}/, which is one of the site's own sections.`,
    expected: `a file name other than ${SITE_SECTIONS.join(', ')}`,
    found: JSON.stringify(slug),
    fix: `Rename the file, such as about-${slug}.md.`,
  };
}

export interface SluggedCourse {
  id: string;
  file: string;
  previousSlugs: readonly string[];
  lineOf: LineOf;
}

/**
 * Old slugs that cannot redirect: another course's current slug (the redirect would hide that
 * course), the course's own slug, or an old slug two courses claim.
 */
export function previousSlugProblems(courses: readonly SluggedCourse[]): ContentProblem[] {
  const current = new Map(courses.map((course) => [course.id, course]));
  const claimed = new Map<string, SluggedCourse>();
  const problems: ContentProblem[] = [];
  for (const course of courses) {
    course.previousSlugs.forEach((old, index) => {
      const path = ['previousSlugs', index];
      const base = {
        file: course.file,
        field: `previousSlugs[${index}]`,
        ...at(course.lineOf, path),
      };
      const owner = current.get(old);
      const earlier = claimed.get(old);
      if (owner === course)
        problems.push({
          ...base,
          message: `"${old}" is this course's own slug, not a previous one.`,
          found: JSON.stringify(old),
          fix: 'Remove it from previousSlugs.',
        });
      else if (owner)
        problems.push({
          ...base,
          message: `"${old}" is the current slug of ${owner.file}, so /courses/${old}/ cannot redirect here.`,
          expected: 'a slug no course uses now',
          found: JSON.stringify(old),
          fix: `Remove "${old}" from previousSlugs, or rename ${owner.file} first.`,
        });
      else if (earlier && earlier !== course)
        problems.push({
          ...base,
          message: `"${old}" is also a previous slug of ${earlier.file}; an old address can redirect to one course only.`,
          found: JSON.stringify(old),
          fix: `Keep "${old}" in the previousSlugs of the course that last had it, and remove it from the other.`,
        });
      else claimed.set(old, course);
    });
  }
  return problems;
}

/** github and gitlab sign editors in to one repository, which the settings must name. */
export function cmsProblems(cms: CmsSettings, file: string, lineOf: LineOf): ContentProblem[] {
  if (cms.backend === 'git-gateway' || cms.repo !== undefined) return [];
  return [
    {
      file,
      field: 'cms.repo',
      ...at(lineOf, ['cms']),
      message: `The ${cms.backend} backend needs the repository the admin saves to.`,
      expected: 'owner/name, such as praxis-cet/courses',
      found: 'nothing',
      fix: `Add \`repo: <owner>/<name>\` under cms, the repository on ${cms.backend === 'github' ? 'GitHub' : 'GitLab'} that holds this site.`,
    },
  ];
}
