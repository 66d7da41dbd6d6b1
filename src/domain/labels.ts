/** Human labels for the enumerations of the content model, and the URLs of their browse pages. */
import type { Level } from '../collections/schemas/course.ts';
import type { CourseFormat } from '../collections/schemas/format.ts';
import { slugify } from './slug.ts';
import type { TimeStatus } from './offerings/offerings.ts';

export const FORMAT_LABELS: Record<CourseFormat, string> = {
  'live-online': 'Live online',
  'in-person': 'In person',
  hybrid: 'Hybrid (in person and online)',
  'on-demand': 'On demand',
};

/** A course's or offering's status, as its badge says it (the page and the browser's re-check). */
export const STATUS_LABELS: Record<TimeStatus, string> = {
  upcoming: 'Upcoming',
  'in-progress': 'In progress',
  past: 'Past course',
  'on-demand': 'On demand',
};

export const LEVEL_LABELS: Record<Level, string> = {
  introductory: 'Introductory',
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** "Beginner to intermediate" for a contiguous range, "Beginner, advanced" otherwise. */
export function levelsText(levels: readonly Level[]): string {
  const order = Object.keys(LEVEL_LABELS) as Level[];
  const sorted = [...levels].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return '';
  if (sorted.length === 1) return LEVEL_LABELS[first];
  const contiguous = order.indexOf(last) - order.indexOf(first) === sorted.length - 1;
  if (contiguous) return `${LEVEL_LABELS[first]} to ${LEVEL_LABELS[last].toLowerCase()}`;
  return [
    LEVEL_LABELS[first],
    ...sorted.slice(1).map((level) => LEVEL_LABELS[level].toLowerCase()),
  ].join(', ');
}

export function hoursText(hours: number): string {
  return `${Number(hours.toFixed(2))} CE ${hours === 1 ? 'hour' : 'hours'}`;
}

/** `calendar`, or `calendar-spring-2027` for a listed offering: the calendar file's name without `.ics`. */
export function calendarFileName(offeringId: string): string {
  return offeringId === '' ? 'calendar' : `calendar-${offeringId}`;
}

/**
 * The absolute URL of a site path, for canonical links, structured data, feeds and calendars.
 * Pages are served from the root of the site's host (every link is root-relative), so a path in
 * the site URL is not kept: the URL is where the file really is.
 */
export function siteUrl(siteAddress: string, path: string): string {
  return new URL(path, siteAddress).href;
}

/** The page of one term of a browse facet (src/views/facets.ts): `/<facet>/<term>/`. */
export function termPath(segment: string, key: string): string {
  return `/${segment}/${key}/`;
}

export const paths = {
  home: () => '/',
  courses: () => '/courses/',
  course: (slug: string) => `/courses/${slug}/`,
  /** One offering's calendar; the one offering a course states at its top level has id ''. */
  courseCalendar: (slug: string, offeringId = '') =>
    `/courses/${slug}/${calendarFileName(offeringId)}.ics`,
  instructors: () => '/instructors/',
  instructor: (slug: string) => `/instructors/${slug}/`,
  topics: () => '/topics/',
  topic: (name: string) => termPath('topics', slugify(name)),
  boards: () => '/boards/',
  board: (id: string) => termPath('boards', id),
  format: (format: CourseFormat) => termPath('formats', format),
  level: (level: Level) => termPath('levels', level),
  search: () => '/search/',
  professions: () => '/professions/',
  profession: (profession: string) => `/professions/${profession}/`,
  professionInState: (profession: string, state: string) =>
    `/professions/${profession}/${state.toLowerCase()}/`,
  providerPolicy: (sponsor: string, policy: string) => `/providers/${sponsor}/${policy}/`,
} as const;

/**
 * The browse pages, as the footer and the search page's help when nothing matches link them. A
 * function, not a constant: a constant built from `paths` at load would keep `paths` (and
 * slugify) in every browser script that imports a label.
 */
export function browseLinks(): readonly { href: string; label: string }[] {
  return [
    { href: paths.courses(), label: 'All courses' },
    { href: paths.topics(), label: 'Courses by topic' },
    { href: paths.boards(), label: 'Courses by CE board' },
    { href: paths.instructors(), label: 'Instructors' },
  ];
}
