/** What a course's social image shows, from its validated data. */
import type { Course } from '../schemas/course.ts';
import { FORMAT_LABELS, hoursText } from './labels.ts';
import type { OgCard } from './og-image.ts';
import { formatDateRange } from './schedule.ts';

export function courseOgCard(course: Pick<Course, 'title' | 'sessions' | 'ceHours' | 'format'>, siteName: string): OgCard {
  const first = course.sessions[0]?.date;
  const last = course.sessions.at(-1)?.date;
  return {
    title: course.title,
    when: first && last ? formatDateRange(first, last) : 'Available on demand',
    facts: `${hoursText(course.ceHours)} · ${FORMAT_LABELS[course.format]}`,
    siteName,
  };
}
