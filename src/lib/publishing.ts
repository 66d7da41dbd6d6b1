/** Which courses a build publishes: drafts and courses whose publishDate lies ahead stay out of production. */
import type { Course } from '../schemas/course.ts';
import { dateInZone } from './zoned-time.ts';

export type BuildMode = 'production' | 'development';

export function isPublished(course: Pick<Course, 'draft' | 'publishDate' | 'timeZone'>, now: Date, mode: BuildMode): boolean {
  if (mode === 'development') return true;
  if (course.draft) return false;
  return course.publishDate === undefined || course.publishDate <= dateInZone(now, course.timeZone);
}
