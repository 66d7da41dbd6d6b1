/** `/courses/<slug>/calendar.ics`: every session of the course as an event in the course's own time zone. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCourses, siteSettings, type CourseView } from '../../../data/catalog.ts';
import { courseCalendarFile, courseFilesWrittenByBuild } from '../../../lib/course-files.ts';

export const getStaticPaths = (async () => {
  // `npm run build` writes these files itself, faster than Astro's route rendering.
  if (courseFilesWrittenByBuild()) return [];
  const courses = await allCourses();
  return courses.filter((view) => view.sessions.length > 0).map((view) => ({ params: { slug: view.slug }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: CourseView }> = async ({ props }) => {
  const { view } = props;
  const calendar = courseCalendarFile(
    { slug: view.slug, course: view.entry.data, instructorNames: view.instructors.map(({ data }) => data.name) },
    await siteSettings(),
  );
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
