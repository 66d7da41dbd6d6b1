/** `/courses/<slug>/calendar.ics`: every session of the course as an event in the course's own time zone. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCourses, siteSettings, type CourseView } from '../../../data/catalog.ts';
import { courseCalendar } from '../../../lib/calendar.ts';
import { paths } from '../../../lib/labels.ts';

export const getStaticPaths = (async () => {
  const courses = await allCourses();
  return courses.filter((view) => view.sessions.length > 0).map((view) => ({ params: { slug: view.slug }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: CourseView }> = async ({ props }) => {
  const { view } = props;
  const site = await siteSettings();
  const calendar = courseCalendar({
    course: view.entry.data,
    slug: view.slug,
    courseUrl: new URL(paths.course(view.slug), site.url).href,
    siteName: site.name,
    siteHost: new URL(site.url).host,
    instructorNames: view.instructors.map(({ data }) => data.name),
  });
  return new Response(calendar, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
