/** `/courses/<slug>/calendar.ics` (or `calendar-<offering>.ics`): one offering's sessions as events in its own time zone. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCourses, siteSettings, type CourseView, type OfferingView } from '../../../views/catalog.ts';
import type { SiteSettings } from '../../../collections/schemas/site.ts';
import { courseCalendarFile } from '../../../domain/time/calendar-file.ts';
import { calendarFileName } from '../../../domain/labels.ts';
import { renderKey } from '../../../build/render-key.ts';

function calendarOf(view: CourseView, offering: OfferingView, site: SiteSettings): string | undefined {
  const instructorNames = view.instructors.map(({ data }) => data.name);
  return courseCalendarFile({ slug: view.slug, course: view.entry.data, offering: offering.offering, instructorNames }, site);
}

export const getStaticPaths = (async () => {
  const [courses, site] = await Promise.all([allCourses(), siteSettings()]);
  return courses.flatMap((view) =>
    view.offerings.flatMap((offering) => {
      const calendar = offering.calendarPath === undefined ? undefined : calendarOf(view, offering, site);
      if (calendar === undefined) return [];
      // The text is made here, where it is cheap, so the key is the file itself.
      return [{ params: { slug: view.slug, calendar: calendarFileName(offering.offering.id) }, props: { calendar }, cacheKey: renderKey(calendar) }];
    }),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ calendar: string }> = ({ props }) =>
  new Response(props.calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
