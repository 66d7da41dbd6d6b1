/**
 * What search engines and social networks read: JSON-LD on every page held against the
 * checker's rules, titles, descriptions, canonical URLs, the sitemap, the feed and the
 * social images. Built from content/ plus an in-person and an on-demand fixture course.
 */
import { load } from 'cheerio';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { realContentWith } from '../helpers/fixtures.ts';
import { htmlPages, urlPathOf } from '../helpers/site-files.ts';
import {
  checkStructuredData,
  jsonLdFromHtml,
  type PageKind,
} from '../helpers/structured-data-checker.ts';

const SITE = 'https://courses.example.org';
let site: BuiltSite;
let pages: string[];

beforeAll(async () => {
  site = buildSite(await realContentWith('e2e', 'seo'), '2026-11-30T12:00:00Z');
  // The admin is a tool, not a page for readers or search engines (noindex, no metadata).
  pages = htmlPages(site.outDir).filter((file) => !file.startsWith('admin/'));
});

function kindOf(file: string): PageKind {
  if (file === 'index.html') return 'home';
  if (file === 'courses/index.html') return 'catalog';
  if (/^courses\/[^/]+\/index\.html$/.test(file)) return 'course';
  if (/^instructors\/[^/]+\/index\.html$/.test(file)) return 'instructor';
  return 'other';
}

type Node = Record<string, unknown>;
const nodesOfType = (file: string, type: string) =>
  jsonLdFromHtml(site.read(file)).filter((node) => (node as Node)['@type'] === type) as Node[];

describe('structured data', () => {
  it('passes the checker on every page', () => {
    const failures = pages.flatMap((file) =>
      checkStructuredData(jsonLdFromHtml(site.read(file)), { pageKind: kindOf(file) }).errors.map(
        (error) => `${file}: ${error}`,
      ),
    );
    expect(failures).toEqual([]);
  });

  it('gives the seed sessions -04:00 before and -05:00 after the DST change', () => {
    const [series] = nodesOfType(
      'courses/attachment-theory-treatment-effectiveness/index.html',
      'EventSeries',
    );
    const events = (series?.['subEvent'] ?? []) as Node[];
    expect(events.map((event) => [event['startDate'], event['endDate']])).toEqual([
      ['2020-10-19T16:00:00-04:00', '2020-10-19T18:00:00-04:00'],
      ['2020-10-26T16:00:00-04:00', '2020-10-26T18:00:00-04:00'],
      ['2020-11-02T16:00:00-05:00', '2020-11-02T18:00:00-05:00'],
      ['2020-11-09T16:00:00-05:00', '2020-11-09T18:00:00-05:00'],
    ]);
    const [course] = nodesOfType(
      'courses/attachment-theory-treatment-effectiveness/index.html',
      'Course',
    );
    const instance = course?.['hasCourseInstance'] as Node;
    expect(instance).toMatchObject({
      courseMode: 'Online',
      courseWorkload: 'PT8H',
      startDate: '2020-10-19T16:00:00-04:00',
      endDate: '2020-11-09T18:00:00-05:00',
    });
    expect((instance['location'] as Node)['@type']).toBe('VirtualLocation');
    expect(course).not.toHaveProperty('offers');
  });

  it('follows the format: an in-person course meets at a Place with an address', () => {
    const file = 'courses/self-compassion-in-practice/index.html';
    const [course] = nodesOfType(file, 'Course');
    const instance = course?.['hasCourseInstance'] as Node;
    expect(instance['courseMode']).toBe('Onsite');
    expect(instance['location']).toMatchObject({
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: 'London', addressCountry: 'GB' },
    });
    const [series] = nodesOfType(file, 'EventSeries');
    const [first, second] = (series?.['subEvent'] ?? []) as Node[];
    // London changes to summer time between the two sessions.
    expect(first).toMatchObject({
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      startDate: '2027-03-26T09:00:00+00:00',
    });
    expect(second).toMatchObject({ startDate: '2027-03-29T09:00:00+01:00' });
    expect(first?.['location']).toMatchObject({
      '@type': 'Place',
      address: { '@type': 'PostalAddress' },
    });
    expect(course?.['offers']).toMatchObject({ price: 295, priceCurrency: 'GBP' });
  });

  it('follows the format: an on-demand course has no events and is online', () => {
    const file = 'courses/ethics-on-demand/index.html';
    expect(nodesOfType(file, 'EventSeries')).toEqual([]);
    const [course] = nodesOfType(file, 'Course');
    expect((course?.['hasCourseInstance'] as Node)['courseMode']).toBe('Online');
  });

  it('invites registration for an on-demand course with a registration link', () => {
    const $ = load(site.read('courses/ethics-on-demand/index.html'));
    expect($('[data-register]').attr('href')).toBe(
      'https://www.example.org/register/ethics-on-demand',
    );
  });

  it('gives the catalog an ItemList of every course with unique URLs, and the home page Organization and WebSite', () => {
    const [list] = nodesOfType('courses/index.html', 'ItemList');
    const urls = ((list?.['itemListElement'] ?? []) as Node[]).map((item) => item['url']);
    expect(urls).toHaveLength(3);
    expect(new Set(urls).size).toBe(3);
    expect(nodesOfType('index.html', 'WebSite')).toHaveLength(1);
    expect(nodesOfType('index.html', 'Organization')).toHaveLength(1);
    expect(nodesOfType('instructors/leslie-becker-phelps/index.html', 'Person')).toHaveLength(1);
  });
});

describe('page metadata', () => {
  it('gives every page a unique title, a description of at most 160 characters and an absolute canonical URL', () => {
    const titles = new Map<string, string>();
    for (const file of pages) {
      const $ = load(site.read(file));
      const title = $('title').text();
      expect(title, file).not.toBe('');
      expect(
        titles.get(title),
        `${file} repeats the title of ${titles.get(title)}`,
      ).toBeUndefined();
      titles.set(title, file);
      const description = $('meta[name="description"]').attr('content') ?? '';
      expect(description.length, file).toBeGreaterThan(0);
      expect(description.length, file).toBeLessThanOrEqual(160);
      if (file !== '404.html')
        expect($('link[rel="canonical"]').attr('href'), file).toBe(`${SITE}${urlPathOf(file)}`);
      expect($('meta[property="og:title"]').attr('content'), file).toBeTruthy();
      expect($('meta[name="twitter:card"]').attr('content'), file).toBeTruthy();
      expect($('link[rel="alternate"][type="application/rss+xml"]').attr('href'), file).toBe(
        `${SITE}/feed.xml`,
      );
    }
  });

  it('marks the 404 page noindex', () => {
    expect(load(site.read('404.html'))('meta[name="robots"]').attr('content')).toBe('noindex');
  });

  it('gives a course page its social image, 1200x630', () => {
    const $ = load(site.read('courses/attachment-theory-treatment-effectiveness/index.html'));
    expect($('meta[property="og:image"]').attr('content')).toBe(
      `${SITE}/og/attachment-theory-treatment-effectiveness.png`,
    );
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
    const png = readFileSync(
      path.join(site.outDir, 'og/attachment-theory-treatment-effectiveness.png'),
    );
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});

describe('sitemap, robots and feed', () => {
  it('lists exactly the built public pages in the sitemap, each with lastmod', () => {
    const xml = site.read('sitemap-0.xml');
    const listed = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]).sort();
    const publicPages = pages
      .filter((file) => !load(site.read(file))('meta[name="robots"][content*="noindex"]').length)
      .map((file) => `${SITE}${urlPathOf(file)}`)
      .sort();
    expect(listed).toEqual(publicPages);
    expect(xml.match(/<lastmod>/g)).toHaveLength(listed.length);
    expect(site.read('sitemap-index.xml')).toContain(`${SITE}/sitemap-0.xml`);
    expect(site.read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap-index.xml`);
  });

  it('publishes a feed that an independent parser reads, newest first', async () => {
    const feed = await new Parser().parseString(site.read('feed.xml'));
    expect(feed.items.map((item) => item.title)).toEqual([
      'Self-Compassion in Practice',
      'Improving Treatment Effectiveness with Attachment Theory',
      'Ethics for Telehealth Practice',
    ]);
    expect(feed.items[1]?.link).toBe(`${SITE}/courses/attachment-theory-treatment-effectiveness/`);
  });
});
