/** What a course's social image shows, from its validated data. */
import type { Course } from '../collections/schemas/course.ts';
import { FORMAT_LABELS, hoursText } from '../domain/labels.ts';
import type { OgCard, OgLogo } from '../build/social-images/og-image.ts';
import { courseOfferings } from '../domain/offerings/offerings.ts';
import { formatDateRange } from '../domain/time/schedule.ts';

type CardSource = Parameters<typeof courseOfferings>[0] & Pick<Course, 'title' | 'ceHours'>;

/**
 * The card states no status and no "next" date, so it needs no rebuild as time passes: the
 * dates of a course given once, else the first of its dated offerings and how many more.
 */
export function courseOgCard(course: CardSource, siteName: string, logo?: OgLogo): OgCard {
  const offerings = courseOfferings(course);
  const ranges = offerings
    .map((offering) => offering.sessions.map((session) => session.date).sort())
    .filter((dates) => dates.length > 0)
    .sort((a, b) => a[0]!.localeCompare(b[0]!))
    .map((dates) => formatDateRange(dates[0]!, dates.at(-1)!));
  const onDemand = offerings.some((offering) => offering.format === 'on-demand');
  const more =
    ranges.length > 1
      ? ` and ${ranges.length - 1} more ${ranges.length === 2 ? 'date' : 'dates'}`
      : '';
  const when =
    ranges[0] === undefined
      ? 'Available on demand'
      : `${ranges[0]}${more}${onDemand ? ', or on demand' : ''}`;
  return {
    title: course.title,
    when,
    facts: `${hoursText(course.ceHours)} · ${[...new Set(offerings.map((offering) => FORMAT_LABELS[offering.format]))].join(' · ')}`,
    siteName,
    ...(logo && { logo }),
  };
}
