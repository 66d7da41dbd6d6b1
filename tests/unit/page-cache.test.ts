/** Which course pages a build may copy from the cache instead of rendering: only those whose every input is unchanged. */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent, type ContentSet } from '../../src/lib/content/load-content.ts';
import { codeFingerprint, completeCoursePages, planCoursePages } from '../../src/lib/page-cache.ts';
import { contentWithOverlay, repoRoot } from '../helpers/fixtures.ts';

const BEFORE_COURSE = new Date('2020-10-01T12:00:00Z');
const AFTER_COURSE = new Date('2021-01-01T12:00:00Z');
let content: ContentSet;

beforeAll(async () => {
  const result = await loadContent(path.join(repoRoot, 'content'));
  if (!result.ok) throw new Error('the real content should be valid');
  content = result.content;
});

/** A cache folder holding the pages of a first build of `content`. */
async function warmCache(set: ContentSet, now: Date, fingerprint = 'code-1'): Promise<string> {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'page-cache-'));
  const outDir = await mkdtemp(path.join(tmpdir(), 'page-out-'));
  const plan = await planCoursePages(set, now, fingerprint, cacheDir);
  for (const slug of plan.files.keys()) {
    await mkdir(path.join(outDir, 'courses', slug), { recursive: true });
    await writeFile(path.join(outDir, 'courses', slug, 'index.html'), `<p>${slug} rendered</p>`);
  }
  await completeCoursePages(plan, outDir, cacheDir);
  return cacheDir;
}

const SLUG = 'attachment-theory-treatment-effectiveness';

describe('the course page cache', () => {
  it('plans to render every page on a cold cache and to reuse all of them on a warm one', async () => {
    const cacheDir = await warmCache(content, BEFORE_COURSE);
    const cold = await planCoursePages(content, BEFORE_COURSE, 'code-1', await mkdtemp(path.join(tmpdir(), 'empty-')));
    expect(cold.reused.size).toBe(0);
    expect([...cold.files.keys()]).toContain(SLUG);
    const warm = await planCoursePages(content, BEFORE_COURSE, 'code-1', cacheDir);
    expect([...warm.reused]).toEqual([...warm.files.keys()]);
  });

  it('renders a page again when the course, something it references, the site, its status or the code changes', async () => {
    const cacheDir = await warmCache(content, BEFORE_COURSE);
    const course = content.courses.find((entry) => entry.id === SLUG)!;
    const changedCourse = { ...content, courses: content.courses.map((entry) => (entry === course ? { ...entry, body: `${entry.body}\nOne more line.` } : entry)) };
    const instructorId = course.data.instructors[0]!;
    const changedInstructor = {
      ...content,
      instructors: content.instructors.map((entry) => (entry.id === instructorId ? { ...entry, data: { ...entry.data, name: `${entry.data.name} Jr.` } } : entry)),
    };
    const policyId = course.data.refundPolicy;
    const changedPolicy = {
      ...content,
      policies: content.policies.map((entry) => (entry.id === policyId ? { ...entry, data: { ...entry.data, title: 'Changed' } } : entry)),
    };
    const changedSite = { ...content, site: { ...content.site, name: 'Another name' } };

    for (const [what, set, now, code] of [
      ['course body', changedCourse, BEFORE_COURSE, 'code-1'],
      ['instructor', changedInstructor, BEFORE_COURSE, 'code-1'],
      ['refund policy', changedPolicy, BEFORE_COURSE, 'code-1'],
      ['site settings', changedSite, BEFORE_COURSE, 'code-1'],
      ['status (upcoming to past)', content, AFTER_COURSE, 'code-1'],
      ['code', content, BEFORE_COURSE, 'code-2'],
    ] as const) {
      const plan = await planCoursePages(set, now, code, cacheDir);
      expect(plan.reused.has(SLUG), what).toBe(false);
    }
  });

  it('reuses a page when only the clock moved and the status did not change', async () => {
    const cacheDir = await warmCache(content, BEFORE_COURSE);
    const plan = await planCoursePages(content, new Date('2020-10-02T12:00:00Z'), 'code-1', cacheDir);
    expect(plan.reused.has(SLUG)).toBe(true);
  });

  it('copies reused pages into the output, stores rendered ones, and drops pages no course uses', async () => {
    const cacheDir = await warmCache(content, BEFORE_COURSE);
    const before = await readdir(cacheDir);
    const outDir = await mkdtemp(path.join(tmpdir(), 'page-out-'));
    const plan = await planCoursePages(content, BEFORE_COURSE, 'code-1', cacheDir);
    const result = await completeCoursePages(plan, outDir, cacheDir);
    expect(result).toEqual({ reused: plan.files.size, rendered: 0 });
    expect(await readFile(path.join(outDir, 'courses', SLUG, 'index.html'), 'utf8')).toBe(`<p>${SLUG} rendered</p>`);

    // The code changed: every page is rendered under a new key and the old ones go.
    const next = await planCoursePages(content, BEFORE_COURSE, 'code-2', cacheDir);
    await completeCoursePages(next, outDir, cacheDir);
    const after = await readdir(cacheDir);
    expect(after).toHaveLength(before.length);
    expect(after.some((name) => before.includes(name))).toBe(false);
  });

  it('leaves drafts out of the plan', async () => {
    const contentDir = await contentWithOverlay('drafts');
    const result = await loadContent(contentDir);
    if (!result.ok) throw new Error('the drafts fixture should be valid');
    const plan = await planCoursePages(result.content, new Date('2021-02-01T12:00:00Z'), 'code-1', await mkdtemp(path.join(tmpdir(), 'empty-')));
    expect([...plan.files.keys()]).toEqual(['fixture-course']);
  });

  it('fingerprints the code by content: a changed file changes it, an unchanged tree keeps it', async () => {
    const tree = await mkdtemp(path.join(tmpdir(), 'code-'));
    await mkdir(path.join(tree, 'src/lib'), { recursive: true });
    await writeFile(path.join(tree, 'src/lib/a.ts'), 'export const a = 1;');
    await writeFile(path.join(tree, 'astro.config.mjs'), 'export default {};');
    const first = await codeFingerprint(tree);
    expect(await codeFingerprint(tree)).toBe(first);
    await writeFile(path.join(tree, 'src/lib/a.ts'), 'export const a = 2;');
    expect(await codeFingerprint(tree)).not.toBe(first);
  });
});
