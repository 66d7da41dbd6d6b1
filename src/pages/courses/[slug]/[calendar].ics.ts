/** `/courses/<slug>/calendar.ics` (or `calendar-<offering>.ics`): one offering's sessions as events in its own time zone. */
import type { APIRoute, GetStaticPaths } from 'astro';
import {
  allCourses,
  siteSettings,
  type CourseView,
  type OfferingView,
} from '../../../views/catalog.ts';
import type { SiteSettings } from '../../../collections/schemas/site.ts';
import { courseCalendarFile } from '../../../domain/time/calendar-file.ts';
import { calendarFileName } from '../../../domain/labels.ts';
import { renderKey } from '../../../build/render-key.ts';

interface Props {
  view: CourseView;
  offering: OfferingView;
  site: SiteSettings;
}

const inputs = ({ view, offering }: Omit<Props, 'site'>) => ({
  slug: view.slug,
  course: view.entry.data,
  offering: offering.offering,
  instructorNames: view.instructors.map(({ data }) => data.name),
});

export const getStaticPaths = (async () => {
  const [courses, site] = await Promise.all([allCourses(), siteSettings()]);
  return courses.flatMap((view) =>
    view.offerings
      .filter((offering) => offering.calendarPath !== undefined)
      .map((offering) => ({
        params: { slug: view.slug, calendar: calendarFileName(offering.offering.id) },
        props: { view, offering, site },
        // Keyed on what the file is made from, so an unchanged calendar is not made again.
        cacheKey: renderKey(inputs({ view, offering }), site),
      })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<Props> = ({ props }) => {
  const calendar = courseCalendarFile(inputs(props), props.site);
  // The view gives a calendar path only to offerings with sessions to add.
  if (calendar === undefined)
    throw new Error(`No sessions to add for ${props.offering.calendarPath}`);
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
