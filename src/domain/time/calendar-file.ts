/** A course offering's calendar file (`/courses/<slug>/calendar.ics` or `calendar-<offering>.ics`). */
import type { Course } from '../../collections/schemas/course.ts';
import type { SiteSettings } from '../../collections/schemas/site.ts';
import { courseCalendar } from './calendar.ts';
import { paths, siteUrl } from '../labels.ts';
import type { Offering } from '../offerings/offerings.ts';

export interface CourseFileInput {
  slug: string;
  course: Course;
  offering: Offering;
  instructorNames: string[];
}

/** One offering's calendar file, or undefined for one with no sessions to add (on demand, cancelled). */
export function courseCalendarFile(
  { slug, course, offering, instructorNames }: CourseFileInput,
  site: SiteSettings,
): string | undefined {
  return courseCalendar({
    course,
    offering,
    slug,
    courseUrl: siteUrl(site.url, paths.course(slug)),
    siteName: site.name,
    siteHost: new URL(site.url).host,
    instructorNames,
  });
}
