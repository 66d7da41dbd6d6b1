/** RSS feed of courses, newest first: by publishDate when the course has one, else by its newest offering's first session. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { allCourses, siteSettings, type CourseView } from '../views/catalog.ts';
import { paths } from '../domain/labels.ts';
import { newestFirst } from '../domain/seo/feed.ts';

export const GET: APIRoute = async ({ site }) => {
  const settings = await siteSettings();
  // A rerun counts from its newest offering's first session, so announcing new dates puts the course back on top.
  const newestStart = (view: CourseView) =>
    view.offerings
      .map(({ sessions }) => sessions[0]?.session.date)
      .filter((date) => date !== undefined)
      .sort()
      .at(-1);
  const courses = newestFirst(await allCourses(), (view) => ({
    publishDate: view.entry.data.publishDate,
    firstSessionDate: newestStart(view),
  }));
  return rss({
    title: `${settings.name}: courses`,
    description: settings.description,
    site: site ?? settings.url,
    customData: `<language>${settings.language}</language>`,
    items: courses.map((view) => ({
      title: view.entry.data.title,
      link: paths.course(view.slug),
      description: view.entry.data.summary,
      categories: view.entry.data.topics,
      ...(view.entry.data.publishDate
        ? { pubDate: new Date(`${view.entry.data.publishDate}T00:00:00Z`) }
        : {}),
    })),
  });
};
