/** `/og/<slug>.png`: the course's 1200x630 social image, drawn once and cached by content hash. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { allCourses, siteSettings, type CourseView } from '../../data/catalog.ts';
import { courseFilesWrittenByBuild } from '../../lib/course-files.ts';
import { courseOgCard } from '../../lib/og-card.ts';
import { cachedOgImage } from '../../lib/og-cache.ts';

export const getStaticPaths = (async () => {
  // `npm run build` copies these from the image cache itself, faster than Astro's route rendering.
  if (courseFilesWrittenByBuild()) return [];
  return (await allCourses()).map((view) => ({ params: { slug: view.slug }, props: { view } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ view: CourseView }> = async ({ props }) => {
  const site = await siteSettings();
  const png = await cachedOgImage(courseOgCard(props.view.entry.data, site.name));
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
