/** What a course's social image shows, from its validated data. */
import type { Course } from '../collections/schemas/course.ts';
import { FORMAT_LABELS, hoursText } from '../domain/labels.ts';
import { courseOfferings } from '../domain/offerings/offerings.ts';
import { formatDateRange } from '../domain/time/schedule.ts';

/** The provider's logo as a card draws it. */
export interface OgLogo {
  /** The logo's bytes as a data: URI, so resvg reads no file (and a worker needs none). */
  href: string;
  /** The SHA-256 of those bytes: the cache key's share of the logo, far shorter than the URI. */
  digest: string;
  /** Its intrinsic size, for the proportions of its box. */
  width: number;
  height: number;
}

export interface OgCard {
  title: string;
  /** "October 19 – November 9, 2020", or a format line for on-demand courses. */
  when: string;
  /** "8 CE hours · Live online". */
  facts: string;
  siteName: string;
  /** The brand's logo, before the site name; absent without a brand. */
  logo?: OgLogo;
}

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
