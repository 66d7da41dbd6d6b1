/**
 * A course page's structured data, from its course view: the offerings and the prices that apply
 * at build time are the ones the key facts show, computed once (src/views/catalog.ts), not
 * again from the content and the clock.
 */
import type { SiteSettings } from '../collections/schemas/site.ts';
import { courseJsonLd, sessionEventsJsonLd } from '../domain/seo/json-ld.ts';
import type { CourseView } from './catalog.ts';

/** The Course and, for each dated offering, its EventSeries; `image` is an absolute URL. */
export function courseStructuredData(
  view: CourseView,
  site: SiteSettings,
  image: string,
): unknown[] {
  const input = {
    site,
    slug: view.slug,
    course: view.entry.data,
    instructors: view.instructors.map(({ id, data }) => ({ slug: id, data })),
    sponsors: view.sponsors.map(({ data }) => data),
    image,
    credits: view.approvals.map(({ board, approval }) => ({
      board: board.data,
      credit: approval.credit,
    })),
    offerings: view.offerings,
  };
  return [courseJsonLd(input), ...sessionEventsJsonLd(input)];
}
