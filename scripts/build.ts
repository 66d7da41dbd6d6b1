/**
 * `npm run build`: validate all content, build the site into a staging folder, index it
 * with Pagefind, and only then replace dist/. Invalid content or a failed step leaves the
 * previous dist/ exactly as it was, so a deploy never picks up a half-written site.
 *
 * CONTENT_DIR points the build at another content folder; OUT_DIR at another output folder.
 */
import { readdir, rm, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildNow } from '../src/lib/clock.ts';
import { collectGarbage } from '../src/lib/collect-garbage.ts';
import { announceCourseFilesWrittenByBuild, writeCourseFiles } from '../src/lib/course-files.ts';
import { announceReusedCoursePages, codeFingerprint, completeCoursePages, planCoursePages } from '../src/lib/page-cache.ts';
import { complianceSummary } from '../src/lib/content/compliance.ts';
import { formatReport } from '../src/lib/content/problems.ts';
import { resolveContentDir, type ContentSet } from '../src/lib/content/load-content.ts';
import { courseOgCard } from '../src/lib/og-card.ts';
import { warmOgCache } from '../src/lib/og-cache.ts';
import { forgetContent, loadContentOnce } from '../src/loaders/content-loader.ts';

process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
const root = path.resolve(import.meta.dirname, '..');
const contentDir = resolveContentDir();
const outDir = path.resolve(process.env['OUT_DIR'] ?? path.join(root, 'dist'));
const stagingDir = `${outDir}.staging-${process.pid}`;
const previousDir = `${outDir}.previous-${process.pid}`;

async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Staging and previous folders left by a build that was killed: removed, unless that build still runs. */
async function removeLeftovers(): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = path.basename(outDir);
  const entries = await readdir(parent).catch(() => [] as string[]);
  await Promise.all(
    entries.map(async (entry) => {
      const match = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(staging|previous)-(\\d+)$`).exec(entry);
      if (match && !isRunning(Number(match[2]))) await rm(path.join(parent, entry), { recursive: true, force: true });
    }),
  );
}

/** Seconds spent in each step, for the closing line: where a slow build spends its time. */
class PhaseTimer {
  private readonly spent: string[] = [];
  private last: number;
  constructor(started: number) {
    this.last = started;
  }
  end(phase: string): void {
    const now = performance.now();
    this.spent.push(`${phase} ${((now - this.last) / 1000).toFixed(1)} s`);
    this.last = now;
  }
  summary(): string {
    return this.spent.join(', ');
  }
}

/** The pages that carry `data-pagefind-body`: course and instructor pages. */
const SEARCHABLE_PAGES = '{courses,instructors}/*/index.html';

async function indexForSearch(siteDir: string): Promise<number> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  // Only the pages whose layout marks them searchable (BaseLayout's `searchable`): reading the
  // list pages too would double Pagefind's parsing and change nothing in the index.
  const added = await index.addDirectory({ path: siteDir, glob: SEARCHABLE_PAGES });
  if (added.errors.length > 0) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: path.join(siteDir, 'pagefind') });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await pagefind.close();
  return added.page_count;
}

/** Everything before the search index: social images, Astro's pages, cached pages, calendars. */
async function buildSite(content: ContentSet, phases: PhaseTimer) {
  // Loaded only once the content is known to be good, so a failing check stays fast.
  const { build } = await import('astro');
  // Social images are the costliest artefact: draw the missing ones in parallel first, so
  // Astro's page-by-page render only reads them from the cache.
  const images = await warmOgCache(content.courses.map((course) => courseOgCard(course.data, content.site.name)));
  phases.end('social images');
  const now = buildNow();
  const pagePlan = await planCoursePages(content, now, await codeFingerprint(root));
  announceReusedCoursePages(pagePlan.reused);
  announceCourseFilesWrittenByBuild();
  await build({ root, outDir: stagingDir, logLevel: process.env['ASTRO_LOG_LEVEL'] === 'info' ? 'info' : 'warn' });
  phases.end('Astro');
  const coursePages = await completeCoursePages(pagePlan, stagingDir);
  await writeCourseFiles(content, now, stagingDir);
  phases.end('cached pages, images and calendars');
  return { images, coursePages, courseCount: content.courses.length };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loaded = await loadContentOnce(contentDir);
  if (!loaded.ok) {
    console.error(formatReport(loaded.problems));
    console.error(`\nNothing was built; ${path.relative(process.cwd(), outDir) || outDir} is unchanged.`);
    process.exitCode = 1;
    return;
  }
  if (loaded.warnings.length > 0) console.warn(`${complianceSummary(loaded.warnings, false)} \`npm run check\` lists them.`);

  await removeLeftovers();
  try {
    const phases = new PhaseTimer(started);
    phases.end('validation');
    const { images, coursePages, courseCount } = await buildSite(loaded.content, phases);
    // Pagefind's indexer is a separate process that needs about 2 GB at 5,000 courses; give
    // back what the Astro build no longer uses first, so the two do not add up.
    forgetContent(contentDir);
    collectGarbage();
    const pages = await indexForSearch(stagingDir);
    phases.end('Pagefind');
    // Swap: two renames, so dist/ is never missing for longer than an instant nor ever partial.
    const hadPrevious = await exists(outDir);
    if (hadPrevious) await rename(outDir, previousDir);
    await rename(stagingDir, outDir);
    if (hadPrevious) await rm(previousDir, { recursive: true, force: true });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Social images: ${images.drawn} drawn, ${images.reused} reused from the cache.`);
    console.log(`Course pages: ${coursePages.rendered} rendered, ${coursePages.reused} reused from the cache.`);
    console.log(`Built ${courseCount} courses, indexed ${pages} pages into ${path.relative(process.cwd(), outDir) || outDir} in ${seconds} s (${phases.summary()}).`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    // Astro renders several pages at once, so files may still be landing in the folder: retry.
    await rm(stagingDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    console.error(`\nThe build failed; ${path.relative(process.cwd(), outDir) || outDir} is unchanged.`);
    process.exitCode = 1;
  }
}

await main();
