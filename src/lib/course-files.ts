/**
 * The files each course has beside its page: its social image (`/og/<slug>.png`) and its
 * calendars (`/courses/<slug>/calendar.ics`, or one `calendar-<offering>.ics` per listed offering). `npm run build` writes them straight into the
 * output folder, since as Astro routes they cost about 2 ms each in route overhead alone (4 s
 * at 1,000 courses); the routes stay for `astro dev` and for a bare `astro build`, and both
 * paths produce the same bytes through the functions below.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentSet } from './content/load-content.ts';
import type { Course } from '../schemas/course.ts';
import type { SiteSettings } from '../schemas/site.ts';
import { processShared } from './process-shared.ts';
import { courseCalendar } from './calendar.ts';
import { calendarFileName, paths } from './labels.ts';
import { courseOfferings, type Offering } from './offerings.ts';
import { courseOgCard } from './og-card.ts';
import { ogCacheDir } from './og-cache.ts';
import { ogCardHash } from './og-image.ts';
import { isPublished } from './publishing.ts';

const writtenByBuild = processShared('course-files-written-by-build', false);

/** Called by the build script before Astro runs: the routes then yield no paths of their own. */
export function announceCourseFilesWrittenByBuild(): void {
  writtenByBuild.set(true);
}

export function courseFilesWrittenByBuild(): boolean {
  return writtenByBuild.get();
}

export interface CourseFileInput {
  slug: string;
  course: Course;
  offering: Offering;
  instructorNames: string[];
}

/** One offering's calendar file, or undefined for one with no sessions to add (on demand, cancelled). */
export function courseCalendarFile({ slug, course, offering, instructorNames }: CourseFileInput, site: SiteSettings): string | undefined {
  return courseCalendar({
    course,
    offering,
    slug,
    courseUrl: new URL(paths.course(slug), site.url).href,
    siteName: site.name,
    siteHost: new URL(site.url).host,
    instructorNames,
  });
}

/** Writes every published course's social image (from the warmed cache) and calendar into `outDir`. */
export async function writeCourseFiles(content: ContentSet, now: Date, outDir: string, cacheDir = ogCacheDir()): Promise<number> {
  const instructorNames = new Map(content.instructors.map((entry) => [entry.id, entry.data.name]));
  const published = content.courses.filter((entry) => isPublished(entry.data, now, 'production'));
  await mkdir(path.join(outDir, 'og'), { recursive: true });
  await Promise.all(
    published.map(async ({ id: slug, data: course }) => {
      const image = path.join(cacheDir, `${ogCardHash(courseOgCard(course, content.site.name))}.png`);
      await copyFile(image, path.join(outDir, 'og', `${slug}.png`));
      const names = course.instructors.map((id) => {
        const name = instructorNames.get(id);
        // The validator checked every reference; a miss here is a bug, not bad content.
        if (name === undefined) throw new Error(`Unresolved reference: instructor ${id}`);
        return name;
      });
      for (const offering of courseOfferings(course)) {
        const calendar = courseCalendarFile({ slug, course, offering, instructorNames: names }, content.site);
        if (calendar === undefined) continue;
        const folder = path.join(outDir, 'courses', slug);
        await mkdir(folder, { recursive: true });
        await writeFile(path.join(folder, `${calendarFileName(offering.id)}.ics`), calendar);
      }
    }),
  );
  return published.length;
}
