/** Which courses a build publishes: drafts and courses whose publishDate lies ahead stay out of production. */
import type { Course } from '../../collections/schemas/course.ts';
import { dateInZone } from '../time/zoned-time.ts';

export type BuildMode = 'production' | 'development';

type Publishable = Pick<Course, 'draft' | 'publishDate' | 'timeZone' | 'offerings'>;

/** The zone a publish date is read in: the course's own, else its first offering's, else UTC. */
function publishZone(course: Publishable): string {
  return (
    course.timeZone ??
    course.offerings?.find((offering) => offering.timeZone !== undefined)?.timeZone ??
    'UTC'
  );
}

export function isPublished(course: Publishable, now: Date, mode: BuildMode): boolean {
  if (mode === 'development') return true;
  if (course.draft) return false;
  return (
    course.publishDate === undefined || course.publishDate <= dateInZone(now, publishZone(course))
  );
}
