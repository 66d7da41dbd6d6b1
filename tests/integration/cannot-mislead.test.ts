/**
 * A free in-person workshop in Sydney whose only credit for social workers is NASW's: its page
 * and calendar file name the zone as tzdata does (AEDT, then AEST), carry the venue's room,
 * read "Free" with no refund amounts, and say beside the NASW credit which states refuse it.
 */
import { load, type CheerioAPI } from 'cheerio';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { keyFacts, texts } from '../helpers/page-text.ts';
import { contentWithOverlay } from '../helpers/fixtures.ts';

const SLUG = 'sydney-workshop';

let contentDir: string;
let site: BuiltSite;
let page: CheerioAPI;

beforeAll(async () => {
  contentDir = await contentWithOverlay('cannot-mislead');
  site = buildSite(contentDir, '2021-03-01T00:00:00Z');
  page = load(site.read(`courses/${SLUG}/index.html`));
}, 240_000);

afterAll(async () => {
  for (const dir of [contentDir, site?.outDir, site && `${site.outDir}-cache`])
    if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a free workshop in Sydney, credited by NASW only', () => {
  it('names the zone AEDT, then AEST, in the key facts and the schedule', () => {
    expect(keyFacts(page)['Time']).toBe('4–6 PM AEDT, then AEST');
    expect(texts(page, '.session .when')).toEqual([
      'Monday, March 29, 2021, 4–6 PM AEDT',
      'Monday, April 5, 2021, 4–6 PM AEST',
    ]);
  });

  it('gives its calendar the same names and the room the page shows', () => {
    const calendar = site.read(`courses/${SLUG}/calendar.ics`).replaceAll('\r\n ', '');
    expect([...calendar.matchAll(/^TZNAME:(\w+)\r$/gm)].map((match) => match[1]).sort()).toEqual([
      'AEDT',
      'AEST',
    ]);
    expect(keyFacts(page)['Where']).toBe(
      'Harbour Conference Centre, Room 204, second floor, 1 Harbour Street, Sydney',
    );
    const locations = [...calendar.matchAll(/^LOCATION:(.*)\r$/gm)].map((match) =>
      match[1]!.replaceAll('\\,', ','),
    );
    expect(locations).toEqual([
      'Harbour Conference Centre, Room 204, second floor, 1 Harbour Street, Sydney, NSW 2000, AU',
      'Harbour Conference Centre, Room 204, second floor, 1 Harbour Street, Sydney, NSW 2000, AU',
    ]);
  });

  it('reads "Free", gives no refund deadline in the key facts and no refund amounts', () => {
    const facts = keyFacts(page);
    expect(facts['Price']).toBe('Free');
    expect(Object.keys(facts).filter((label) => /refund/i.test(label))).toEqual([]);
    const periods = texts(page, '.refunds .periods li');
    expect(periods.length).toBeGreaterThan(0);
    for (const period of periods) expect(period).not.toMatch(/\$0|back\)|credit\)/);
  });

  it('says beside the NASW credit which states refuse it, with the source', () => {
    expect(texts(page, '.approvals > li:has(a[href="/boards/nasw/"]) .refused')).toEqual([
      'Social workers licensed in New Jersey, New York, North Carolina or West Virginia get no credit from this course: those states’ boards do not accept NASW credit (socialworkers.org, CE Approval Program, board endorsements).',
    ]);
  });
});
