/**
 * Builds the real content/ and checks that every checked fact of the seed course
 * (../shared/PRODUCT.md) reaches its page exactly, and that nothing is invented.
 */
import { load, type CheerioAPI } from 'cheerio';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { repoRoot } from '../helpers/fixtures.ts';
import { keyFacts } from '../helpers/page-text.ts';

const SLUG = 'attachment-theory-treatment-effectiveness';
const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

describe('the seed course, built after it ended', () => {
  let site: BuiltSite;
  let $: CheerioAPI;
  beforeAll(() => {
    site = buildSite(path.join(repoRoot, 'content'), '2026-11-30T12:00:00Z');
    $ = load(site.read(`courses/${SLUG}/index.html`));
  });

  it('shows the title and subtitle', () => {
    expect(text($, 'h1')).toBe('Improving Treatment Effectiveness with Attachment Theory');
    expect(text($, '.subtitle')).toBe(
      'Overcome Treatment Resistance, Improve Affect Regulation, and Build Compassionate Self-Awareness',
    );
  });

  it('lists four sessions with offsets on both sides of the 2020 DST change', () => {
    const sessions = $('[data-session]').toArray();
    expect(sessions.map((session) => $(session).attr('data-start'))).toEqual([
      '2020-10-19T16:00:00-04:00',
      '2020-10-26T16:00:00-04:00',
      '2020-11-02T16:00:00-05:00',
      '2020-11-09T16:00:00-05:00',
    ]);
    expect(
      sessions.map((session) => text($, `[data-start="${$(session).attr('data-start')}"] .when`)),
    ).toEqual([
      'Monday, October 19, 2020, 4–6 PM EDT',
      'Monday, October 26, 2020, 4–6 PM EDT',
      'Monday, November 2, 2020, 4–6 PM EST',
      'Monday, November 9, 2020, 4–6 PM EST',
    ]);
    expect($('[data-session] time[datetime$="-04:00"]').length).toBe(2);
    expect($('[data-session] time[datetime$="-05:00"]').length).toBe(2);
  });

  it('gives each session its two titled hours', () => {
    const agenda = $('.agenda li')
      .toArray()
      .map((item) => $(item).text().replace(/\s+/g, ' ').trim());
    expect(agenda).toHaveLength(8);
    expect(agenda[0]).toBe(
      'Hour 1: Attachment Theory: An overview and important concepts for therapy',
    );
    expect(agenda[5]).toBe(
      'Hour 2: Building Awareness in Treatment through STEAM (Sensations, Thoughts, Emotions, Actions, and Mentalizing)',
    );
  });

  it('shows 8 CE hours, the joint sponsors and all eight approvals with the APA statement', () => {
    expect(text($, '#ce-credit + p')).toBe(
      'This course is jointly sponsored by Praxis CET and Institute for Better Health (IBH) and is approved for 8 CE hours by the following:',
    );
    const approvals = $('.approvals > li')
      .toArray()
      .map((item) => $(item).find('.board').text());
    expect(approvals).toEqual([
      'National Board for Certified Counselors (NBCC)',
      'NAADAC, the Association for Addiction Professionals (NAADAC)',
      'New York State (NY State)',
      'Other state-level boards (Other State Level)',
      'WESPSB',
      'Accreditation Council for Continuing Medical Education (ACCME)',
      'American Nurses Credentialing Center (ANCC)',
      'American Psychological Association (APA)',
    ]);
    expect(text($, '.approvals .statement')).toBe(
      'Institute for Better Health, Inc is approved by the American Psychological Association (APA) to offer continuing education for psychologists. Institute for Better Health, Inc maintains responsibility for the program and its content.',
    );
  });

  it('lists the seven learning objectives after their lead-in', () => {
    expect(text($, '#objectives-heading + p')).toBe('Participants will be able to:');
    expect($('#objectives-heading ~ ol li')).toHaveLength(7);
    expect(text($, '#objectives-heading ~ ol li:last-child')).toBe(
      'Apply techniques to increase the elements of self-compassion.',
    );
  });

  it('shows the audience and levels', () => {
    expect(text($, '#audience-heading + p')).toBe(
      'Mental health professionals. Level: Beginner to intermediate.',
    );
  });

  it('cites the four readings in APA order', () => {
    const references = $('.references li')
      .toArray()
      .map((item) => $(item).text().trim());
    expect(references).toHaveLength(4);
    expect(references.map((reference) => reference.split(',')[0])).toEqual([
      'Bateman',
      'Becker-Phelps',
      'Cassidy',
      'Warren',
    ]);
  });

  it('computes the refund terms: full refund minus $30 until Oct 5, 2020, then a credit for a year', () => {
    expect(
      $('.periods li')
        .toArray()
        .map((item) => $(item).text().trim()),
    ).toEqual([
      'Cancel on or before Monday, October 5, 2020: refund minus the $30 administrative processing fee.',
      'Cancel from Tuesday, October 6, 2020: no refund; a credit for the full amount toward another learning product, valid for 12 months.',
    ]);
  });

  it('says the course is past, when it took place, and offers no registration', () => {
    expect(text($, '[data-status-label]')).toBe('Past course');
    expect(text($, '[data-when="past"]')).toBe(
      'This course took place from Monday, October 19, 2020 to Monday, November 9, 2020. Registration is closed.',
    );
    expect($('[data-register]')).toHaveLength(0);
  });

  it('invents nothing the source lacks: no price, no registration link, no e-mail', () => {
    const html = site.read(`courses/${SLUG}/index.html`);
    expect(html).not.toMatch(/Price/);
    expect(html).not.toMatch(/mailto:/);
    // The only amounts are the policy's fees ($30, $50): there is no price.
    expect(new Set(load(html)('main').text().match(/\$\d+/g))).toEqual(new Set(['$30', '$50']));
  });

  it('links the calendar file, which exists', () => {
    expect($(`a[href="/courses/${SLUG}/calendar.ics"]`)).toHaveLength(1);
    expect(site.read(`courses/${SLUG}/calendar.ics`)).toContain('BEGIN:VCALENDAR');
  });

  it('lists the course in the catalog as a past course, and on the home page as the latest, with nothing coming up', () => {
    const catalog = load(site.read('courses/index.html'));
    expect(catalog('#past-courses').length).toBe(1);
    expect(catalog(`a[href="/courses/${SLUG}/"]`).first().text()).toBe(
      'Improving Treatment Effectiveness with Attachment Theory',
    );
    const home = load(site.read('index.html'));
    expect(
      text(home, '.next > p').startsWith('No upcoming course is scheduled right now. The latest:'),
    ).toBe(true);
    expect(text(home, `.next a[href="/courses/${SLUG}/"] + .when`)).toBe(
      'Past course, October 19 – November 9, 2020',
    );
  });
});

describe('the seed course, built before it started', () => {
  /** The key facts as term and description, row by row. */

  it('on October 1 is upcoming, names the refund less the fee until October 5, and explains why there is no register button', () => {
    const site = buildSite(path.join(repoRoot, 'content'), '2020-10-01T12:00:00Z');
    const $ = load(site.read(`courses/${SLUG}/index.html`));
    expect(text($, '[data-status-label]')).toBe('Upcoming');
    // The refund keeps a $30 fee, so it is not called full.
    expect(keyFacts($)).toMatchObject({
      'CE credit': '8 CE hours',
      Cancellation: 'Refund less the $30 fee until Monday, October 5, 2020',
    });
    expect($('[data-register]')).toHaveLength(0);
    expect(text($, '[data-when="upcoming"]')).toBe(
      'Registration details for this course have not been published.',
    );
    expect($('[data-when="past"]').attr('hidden')).toBeDefined();
  });

  it('on October 10 names the tier in force, a credit until the start, never the October 5 that has passed', () => {
    const site = buildSite(path.join(repoRoot, 'content'), '2020-10-10T12:00:00Z');
    const $ = load(site.read(`courses/${SLUG}/index.html`));
    expect(text($, '[data-status-label]')).toBe('Upcoming');
    expect(keyFacts($)).toMatchObject({
      'CE credit': '8 CE hours',
      Cancellation: 'No refund; credit until the start, Monday, October 19, 2020',
    });
    expect(text($, '.key-facts')).not.toContain('October 5');
    // The clock the browser re-reads: the two tiers with the instants they end.
    const clock = JSON.parse($('[data-course-clock]').attr('data-course-clock') ?? '{}');
    expect(clock.offerings[0].refundTiers).toEqual([
      {
        text: 'Refund less the $30 fee until Monday, October 5, 2020',
        endsAt: Date.parse('2020-10-06T04:00:00Z'),
      },
      {
        text: 'No refund; credit until the start, Monday, October 19, 2020',
        endsAt: Date.parse('2020-10-19T20:00:00Z'),
      },
    ]);
  });
});
