/**
 * A course offered three times (live online with an early-bird price, in person in Denver, and
 * on demand) under a policy whose terms differ by format and count business days without US
 * public holidays: every date, amount and label on its page, its calendar files and its
 * structured data, on three build dates.
 */
import { load, type CheerioAPI } from 'cheerio';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { realContentWith } from '../helpers/fixtures.ts';
import { clean, keyFacts, texts } from '../helpers/page-text.ts';

const SLUG = 'motivational-interviewing-for-counselors';
const PAGE = `courses/${SLUG}/index.html`;

let contentDir: string;
const sites: BuiltSite[] = [];
let before: CheerioAPI;
let later: CheerioAPI;
let after: CheerioAPI;

beforeAll(async () => {
  contentDir = await realContentWith('offerings');
  for (const now of ['2026-11-30T12:00:00Z', '2027-02-01T12:00:00Z', '2027-09-15T12:00:00Z'])
    sites.push(buildSite(contentDir, now));
  [before, later, after] = sites.map((site) => load(site.read(PAGE))) as [
    CheerioAPI,
    CheerioAPI,
    CheerioAPI,
  ];
}, 240_000);

afterAll(async () => {
  for (const dir of [contentDir, ...sites.flatMap((site) => [site.outDir, `${site.outDir}-cache`])])
    await rm(dir, { recursive: true, force: true });
});

describe('before the first offering, with the early bird open', () => {
  it('shows the next offering in the key facts, its prices, and a refund called full only where it is', () => {
    expect(keyFacts(before)).toEqual({
      Status: 'Upcoming',
      Dates: 'January 20–27, 2027 · 2 sessions',
      Time: '12–3 PM CST',
      Format: 'Live online',
      Prices: 'Early bird: $150, until Tuesday, December 15, 2026Standard: $195Students: $95',
      'Also offered': '2 more offerings',
      'CE credit': '6 CE hours',
      Level: 'Beginner',
      // 10 business days before Wednesday, January 20, skipping Martin Luther King Jr. Day (January 18).
      Cancellation: 'Full refund until Tuesday, January 5, 2027',
    });
    expect(before('.key-facts [data-price-ends]').attr('data-price-ends')).toBe(
      '2026-12-16T06:00:00Z',
    );
    expect(before('.key-facts [data-register]').attr('href')).toBe(
      'https://register.example.org/mi/winter-online',
    );
  });

  it('lists every offering with its own facts, Register link and calendar', () => {
    const offerings = before('#offerings ~ ul.current > li')
      .toArray()
      .map((item) => ({
        title: clean(before(item).children('h3').text()),
        register: before(item).find('[data-register]').attr('href'),
        calendar: before(item).find('.calendar-link').attr('href'),
      }));
    expect(offerings).toEqual([
      {
        title: 'January 20–27, 2027 Upcoming',
        register: 'https://register.example.org/mi/winter-online',
        calendar: `/courses/${SLUG}/calendar-winter-online.ics`,
      },
      {
        title: 'April 10, 2027 Upcoming',
        register: 'https://register.example.org/mi/denver-spring',
        calendar: `/courses/${SLUG}/calendar-denver-spring.ics`,
      },
      {
        title: 'On demand',
        register: 'https://register.example.org/mi/on-demand',
        calendar: undefined,
      },
    ]);
    expect(texts(before, '#offerings ~ ul.current > li:nth-child(2) dl > div')).toEqual([
      'Dates April 10, 2027 · 1 session',
      'Time9 AM–3 PM MDT',
      'Format In person',
      'Where Front Range Conference Center, Room 204, second floor, 1600 Glenarm Place, Denver',
      'PlacesLimited to 24 participants',
      'Price $225',
    ]);
    expect(texts(before, '#offerings ~ ul.current > li:nth-child(3) dl > div')).toEqual([
      'AvailableFrom Tuesday, September 1, 2026 until Tuesday, August 31, 2027',
      'Format On demand',
      'Price $120',
    ]);
  });

  it('states each offering’s refund terms by its format, in its dates, with amounts where one price is known', () => {
    expect(texts(before, '.refunds h3, .refunds li')).toEqual([
      'January 20–27, 2027, live online',
      'Cancel on or before Tuesday, January 5, 2027: full refund.',
      'Cancel between Wednesday, January 6, 2027 and Thursday, January 14, 2027: refund minus the $40 late-cancel fee.',
      'Cancel from Friday, January 15, 2027: your choice of a credit for the full amount toward another learning product, valid for 12 months or a transfer to another date of this course.',
      'April 10, 2027, in person',
      'Cancel on or before Monday, March 29, 2027: full refund ($225 back).',
      'Cancel between Tuesday, March 30, 2027 and Wednesday, April 7, 2027: refund minus the $40 late-cancel fee ($185 back).',
      'Cancel from Thursday, April 8, 2027: your choice of a credit for the full amount toward another learning product, valid for 12 months ($225 credit) or a transfer to another date of this course.',
      'On demand',
      'Within 7 business days of purchase, if you have not started the course: full refund ($120 back).',
      'After 7 business days of purchase: no refund.',
      'Cancellation and refunds',
    ]);
  });

  it('writes one calendar file per dated offering, with UIDs of its own', () => {
    const [site] = sites;
    // Unfolded: iCalendar folds lines longer than 75 octets.
    const winter = site!
      .read(`courses/${SLUG}/calendar-winter-online.ics`)
      .replace(/\r\n[ \t]/g, '');
    expect(winter.match(/^UID:[^\r]*/gm)).toEqual([
      `UID:${SLUG}-winter-online-session-1@courses.example.org`,
      `UID:${SLUG}-winter-online-session-2@courses.example.org`,
    ]);
    expect(winter).toContain('DTSTART;TZID=America/Chicago:20270120T120000');
    expect(site!.read(`courses/${SLUG}/calendar-denver-spring.ics`)).toContain(
      'DTSTART;TZID=America/Denver:20270410T090000',
    );
    expect(existsSync(path.join(site!.outDir, 'courses', SLUG, 'calendar.ics'))).toBe(false);
  });

  it('gives JSON-LD one CourseInstance per offering and an EventSeries per dated one, with the early bird’s validThrough', () => {
    const nodes = before('script[type="application/ld+json"]')
      .toArray()
      .map((script) => JSON.parse(before(script).text()) as Record<string, unknown>);
    const course = nodes.find((node) => node['@type'] === 'Course')!;
    const instances = course['hasCourseInstance'] as Record<string, unknown>[];
    expect(
      instances.map((instance) => [
        instance['courseMode'],
        instance['startDate'],
        (instance['offers'] as unknown[] | Record<string, unknown>) &&
          [instance['offers']].flat().length,
      ]),
    ).toEqual([
      ['Online', '2027-01-20T12:00:00-06:00', 3],
      ['Onsite', '2027-04-10T09:00:00-06:00', 1],
      ['Online', undefined, 1],
    ]);
    expect(course).not.toHaveProperty('offers');
    const series = nodes.filter((node) => node['@type'] === 'EventSeries');
    expect(series.map((node) => node['@id'])).toEqual([
      `https://courses.example.org/courses/${SLUG}/#sessions-winter-online`,
      `https://courses.example.org/courses/${SLUG}/#sessions-denver-spring`,
    ]);
    expect(series[0]!['offers']).toEqual([
      {
        '@type': 'Offer',
        category: 'Paid',
        price: 150,
        priceCurrency: 'USD',
        name: 'Early bird',
        validThrough: '2026-12-16T06:00:00Z',
        url: 'https://register.example.org/mi/winter-online',
      },
      {
        '@type': 'Offer',
        category: 'Paid',
        price: 195,
        priceCurrency: 'USD',
        name: 'Standard',
        url: 'https://register.example.org/mi/winter-online',
      },
      {
        '@type': 'Offer',
        category: 'Paid',
        price: 95,
        priceCurrency: 'USD',
        name: 'Students',
        url: 'https://register.example.org/mi/winter-online',
      },
    ]);
  });
});

describe('after the live-online offering', () => {
  it('shows the Denver offering next, the early bird gone, and the January dates among the past', () => {
    expect(keyFacts(later)).toMatchObject({
      Status: 'Upcoming',
      Dates: 'April 10, 2027 · 1 session',
      Format: 'In person',
      Price: '$225',
      Cancellation: 'Full refund until Monday, March 29, 2027',
    });
    expect(later('[data-price-ends]')).toHaveLength(0);
    expect(texts(later, '.offerings ul.past li')).toEqual(['January 20–27, 2027, live online']);
    expect(later('.key-facts [data-register]').attr('href')).toBe(
      'https://register.example.org/mi/denver-spring',
    );
  });
});

describe('after every offering', () => {
  it('is past, shows the latest, and invites no registration', () => {
    expect(keyFacts(after)).toMatchObject({
      Status: 'Past course',
      Available: 'From Tuesday, September 1, 2026 until Tuesday, August 31, 2027',
      Format: 'On demand',
    });
    expect(after('[data-register]')).toHaveLength(0);
    expect(texts(after, '.key-facts [data-when="past"]')).toEqual([
      'On-demand access ended on Tuesday, August 31, 2027. Registration is closed.',
    ]);
    expect(texts(after, '.offerings ul.past li')).toEqual([
      'On demand, until Tuesday, August 31, 2027',
      'April 10, 2027, in person',
      'January 20–27, 2027, live online',
    ]);
  });
});
