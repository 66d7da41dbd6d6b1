/** `/courses/<slug>/calendar.ics` (or `calendar-<offering>.ics`): one offering's sessions as events in its own time zone. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCourses, siteSettings, type CourseView, type OfferingView } from '../../../data/catalog.ts';
import { courseCalendarFile, courseFilesWrittenByBuild } from '../../../lib/course-files.ts';
import { calendarFileName } from '../../../lib/labels.ts';

export const getStaticPaths = (async () => {
  // `npm run build` writes these files itself, faster than Astro's route rendering.
  if (courseFilesWrittenByBuild()) return [];
  const courses = await allCourses();
  return courses.flatMap((view) =>
    view.offerings
      .filter(({ calendarPath }) => calendarPath !== undefined)
      .map((offering) => ({ params: { slug: view.slug, calendar: calendarFileName(offering.offering.id) }, props: { view, offering } })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: CourseView; offering: OfferingView }> = async ({ props }) => {
  const { view, offering } = props;
  const calendar = courseCalendarFile(
    { slug: view.slug, course: view.entry.data, offering: offering.offering, instructorNames: view.instructors.map(({ data }) => data.name) },
    await siteSettings(),
  );
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
