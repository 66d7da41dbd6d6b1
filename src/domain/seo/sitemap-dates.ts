/**
 * A page's `lastmod` in the sitemap, from the dates its content names, never from file times: a
 * checkout on CI gives every file the checkout time, so every page would claim a change on every
 * deploy, and search engines learn to ignore a sitemap's dates when they are not reliable.
 *
 * A course page changes for a reader on the days its content names: it is published or released,
 * on-demand access opens or closes, a session takes place (status and registration change). Its
 * `lastmod` is the latest of those days up to the build's day; a page whose days all lie ahead has
 * none, rather than a guess.
 */
import type { Course } from '../../collections/schemas/course.ts';
import { courseOfferings } from '../offerings/offerings.ts';

export type LastmodSource = Parameters<typeof courseOfferings>[0] &
  Pick<Course, 'publishDate' | 'completion'>;

/** The latest of `dates` (ISO calendar dates) on or before `today`; undefined when none is. */
export function latestDateBy(
  dates: Iterable<string | undefined>,
  today: string,
): string | undefined {
  let latest: string | undefined;
  for (const date of dates)
    if (date !== undefined && date <= today && (latest === undefined || date > latest))
      latest = date;
  return latest;
}

/** The days a course's page changes on, as its content names them. */
function courseDates(course: LastmodSource): (string | undefined)[] {
  return [
    course.publishDate,
    course.completion?.releaseDate,
    ...courseOfferings(course).flatMap((offering) => [
      offering.availableFrom,
      offering.availableUntil,
      ...offering.sessions.map((session) => session.date),
    ]),
  ];
}

/** A course page's `lastmod`: the latest day up to `today` (the build's, ISO) its content names. */
export function courseLastmod(course: LastmodSource, today: string): string | undefined {
  return latestDateBy(courseDates(course), today);
}
