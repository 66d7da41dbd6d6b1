/**
 * Drafts and courses whose publishDate lies ahead are left out of every production output:
 * pages, social images, calendars, catalog, sitemap, feed and search index. A build on or after the date publishes them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

let contentDir: string;
beforeAll(async () => {
  contentDir = await contentWithOverlay('drafts');
});

describe('drafts and scheduled publishing', () => {
  let before: BuiltSite;
  beforeAll(() => {
    before = buildSite(contentDir, '2021-02-01T12:00:00Z');
  });

  it('builds neither the draft nor the course scheduled for later', () => {
    for (const file of [
      'courses/fixture-course/index.html',
      'courses/fixture-course/calendar.ics',
      'og/fixture-course.png',
    ]) {
      expect(existsSync(path.join(before.outDir, file)), file).toBe(true);
    }
    for (const slug of ['draft-course', 'scheduled-course']) {
      expect(existsSync(path.join(before.outDir, `courses/${slug}`)), slug).toBe(false);
      expect(existsSync(path.join(before.outDir, `og/${slug}.png`)), slug).toBe(false);
      expect(before.read('courses/index.html'), slug).not.toContain(`/courses/${slug}/`);
      expect(before.read('sitemap-0.xml'), slug).not.toContain(`/courses/${slug}/`);
      expect(before.read('feed.xml'), slug).not.toContain(`/courses/${slug}/`);
    }
    // Nor is a social image drawn for them, only to be thrown away.
    expect(before.run.stdout).toMatch(/^Social images: 1 drawn, 0 reused from the cache/m);
  });

  it('leaves them out of the search index', () => {
    const entry = JSON.parse(before.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    // The fixture course and its instructor only.
    expect(pages).toBe(2);
  });

  it('publishes the scheduled course in a build on or after its publishDate, never the draft', () => {
    const after = buildSite(contentDir, '2021-02-15T12:00:00Z');
    expect(existsSync(path.join(after.outDir, 'courses/scheduled-course/index.html'))).toBe(true);
    expect(existsSync(path.join(after.outDir, 'courses/draft-course/index.html'))).toBe(false);
  });
});
