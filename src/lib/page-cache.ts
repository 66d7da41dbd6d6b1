/**
 * Course pages cached across builds. A course page shows only its course, the entries that
 * course references (instructors and their photos' bytes, boards, sponsors, refund policy), the site settings and the
 * course's status at build time; rendered by the same code, the same inputs give the same
 * HTML. So `npm run build` keys each page by a hash of exactly those inputs plus a fingerprint
 * of the code (src/, the Astro config and the lock file), tells the course route to skip the
 * pages it already has, and copies them in after Astro is done. Any change to a course, to
 * something it references, to its status or to the code renders the page afresh.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { processShared } from './process-shared.ts';
import type { ContentSet } from './content/load-content.ts';
import { isPublished } from './publishing.ts';
import { courseOfferings, offeringStatus } from './offerings.ts';
import { currentPrices } from './prices.ts';

/** What the page of a course is built from, besides the code. */
export interface CoursePageInputs {
  site: unknown;
  course: { id: string; extension: string; data: unknown; body: string };
  referenced: unknown[];
  status: string;
}

export function coursePageKey(codeFingerprint: string, inputs: CoursePageInputs): string {
  return createHash('sha256').update(codeFingerprint).update('\0').update(JSON.stringify(inputs)).digest('hex').slice(0, 40);
}

/** Files whose change can change any page's HTML; node_modules is covered by the lock file. */
const CODE_PATHS = ['src', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** A hash of every file the rendered pages can depend on, in a stable order. */
export async function codeFingerprint(root: string, codePaths: readonly string[] = CODE_PATHS): Promise<string> {
  const files: string[] = [];
  for (const codePath of codePaths) {
    const absolute = path.join(root, codePath);
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => undefined);
    if (entries === undefined) files.push(absolute);
    else for (const entry of entries) if (entry.isFile()) files.push(path.join(entry.parentPath, entry.name));
  }
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(path.relative(root, file)).update('\0');
    hash.update(await readFile(file).catch(() => Buffer.from('missing'))).update('\0');
  }
  return hash.digest('hex');
}

export interface CoursePagePlan {
  /** slug → cached HTML file, for every published course. */
  files: Map<string, string>;
  /** Slugs whose page is in the cache: Astro skips them. */
  reused: Set<string>;
}

export function pageCacheDir(astroCacheDir = process.env['ASTRO_CACHE_DIR'] ?? 'node_modules/.astro'): string {
  return path.resolve(astroCacheDir, 'course-pages');
}

/** Which course pages the cache already holds for this content, this clock and this code. */
export async function planCoursePages(content: ContentSet, now: Date, fingerprint: string, cacheDir = pageCacheDir()): Promise<CoursePagePlan> {
  const byId = <T extends { id: string; data: unknown }>(entries: T[]) => new Map(entries.map((entry) => [entry.id, entry.data]));
  const instructors = byId(content.instructors);
  const boards = byId(content.boards);
  const sponsors = byId(content.sponsors);
  const policies = byId(content.policies);
  const cached = new Set(await readdir(cacheDir).catch(() => [] as string[]));
  // A photo's bytes decide its optimised file's name, which the course page links to.
  const photoHashes = new Map(
    await Promise.all(
      content.instructors
        .filter((entry) => entry.data.photo !== undefined)
        .map(async (entry) => [entry.id, createHash('sha256').update(await readFile(path.join(path.dirname(entry.absolutePath), entry.data.photo!))).digest('hex')] as const),
    ),
  );
  const plan: CoursePagePlan = { files: new Map(), reused: new Set() };
  for (const entry of content.courses) {
    if (!isPublished(entry.data, now, 'production')) continue;
    const { data } = entry;
    const referenced = [
      ...data.instructors.map((id) => ['instructor', id, instructors.get(id), photoHashes.get(id)]),
      ...data.approvals.map(({ board }) => ['board', board, boards.get(board)]),
      ...data.sponsors.map((id) => ['sponsor', id, sponsors.get(id)]),
      ['policy', data.refundPolicy, policies.get(data.refundPolicy)],
    ];
    const key = coursePageKey(fingerprint, {
      site: content.site,
      course: { id: entry.id, extension: entry.extension, data, body: entry.body },
      referenced,
      // What the page shows that changes with the clock alone: each offering's status and the prices still applying.
      status: JSON.stringify(
        courseOfferings(data).map((offering) => [offeringStatus(offering, now), currentPrices(offering.prices, offering.timeZone, now).map(({ price }) => price)]),
      ),
    });
    const name = `${key}.html`;
    plan.files.set(entry.id, path.join(cacheDir, name));
    if (cached.has(name)) plan.reused.add(entry.id);
  }
  return plan;
}

const reusedPages = processShared<ReadonlySet<string>>('reused-course-pages', new Set());

/** Called by the build script before Astro runs: these pages are copied in, not rendered. */
export function announceReusedCoursePages(slugs: ReadonlySet<string>): void {
  reusedPages.set(slugs);
}

export function reusedCoursePages(): ReadonlySet<string> {
  return reusedPages.get();
}

const coursePage = (outDir: string, slug: string) => path.join(outDir, 'courses', slug, 'index.html');

/**
 * After Astro: copies the reused pages into `outDir`, stores the freshly rendered ones, and
 * removes cached pages no course uses any more, so the cache does not grow without bound.
 */
export async function completeCoursePages(plan: CoursePagePlan, outDir: string, cacheDir = pageCacheDir()): Promise<{ reused: number; rendered: number }> {
  await mkdir(cacheDir, { recursive: true });
  await Promise.all(
    [...plan.files].map(async ([slug, cacheFile]) => {
      const page = coursePage(outDir, slug);
      if (plan.reused.has(slug)) {
        await mkdir(path.dirname(page), { recursive: true });
        await copyFile(cacheFile, page);
      } else {
        // Through a temporary name, so a build killed midway never leaves a partial page.
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        await copyFile(page, temporary);
        await rename(temporary, cacheFile);
      }
    }),
  );
  const keep = new Set([...plan.files.values()].map((file) => path.basename(file)));
  const stale = (await readdir(cacheDir)).filter((name) => name.endsWith('.html') && !keep.has(name));
  await Promise.all(stale.map((name) => rm(path.join(cacheDir, name), { force: true })));
  return { reused: plan.reused.size, rendered: plan.files.size - plan.reused.size };
}
