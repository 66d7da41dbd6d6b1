/**
 * A jointly accredited provider's course (tests/fixtures/clock), on demand with no end date:
 * the Joint Accreditation statement printed once, then each body's designation statement and
 * credit; the key facts name each body's credit where they differ; the NAADAC approval, which
 * ends on March 31, 2027, is offered at the build's clock and carried for the browser.
 */
import { load, type CheerioAPI } from 'cheerio';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { realContentWith } from '../helpers/fixtures.ts';

const PAGE = 'courses/sleep-medicine-for-the-care-team/index.html';
const text = ($: CheerioAPI, selector: Parameters<CheerioAPI>[0]) =>
  $(selector).text().replace(/\s+/g, ' ').trim();
const STATEMENT =
  'In support of improving patient care, Coastal Health Education is jointly accredited by the Accreditation Council for Continuing Medical Education (ACCME), the Accreditation Council for Pharmacy Education (ACPE), and the American Nurses Credentialing Center (ANCC), to provide continuing education for the healthcare team.';

let contentDir: string;
let site: BuiltSite;
let $: CheerioAPI;
beforeAll(async () => {
  contentDir = await realContentWith('clock');
  site = buildSite(contentDir, '2026-11-30T12:00:00Z');
  $ = load(site.read(PAGE));
}, 240_000);

afterAll(async () => {
  for (const dir of [contentDir, site.outDir, `${site.outDir}-cache`])
    await rm(dir, { recursive: true, force: true });
});

describe('Joint Accreditation as providers print it', () => {
  it('prints the statement once, apart, then each body with its credit and designation', () => {
    expect($('.joint-statement')).toHaveLength(1);
    expect(text($, '.joint-statement')).toBe(STATEMENT);
    expect(site.read(PAGE).split('In support of improving patient care')).toHaveLength(2);
    const bodies = $('.approvals > li[data-approval]')
      .toArray()
      .map((item) => ({
        board: text($, $(item).find('.board')),
        credit: text($, $(item).find('.credit')),
        holder: text($, $(item).find('.holder')),
        designation: text($, $(item).find('.designation')),
        statements: $(item).find('.statement').length,
      }));
    expect(bodies).toEqual([
      {
        board: 'Accreditation Council for Continuing Medical Education (ACCME)',
        credit: '6 AMA PRA Category 1 Credits™',
        holder: 'Jointly accredited provider: Coastal Health Education, provider No. JA0000001',
        designation:
          'Coastal Health Education designates this enduring material for a maximum of 6.0 AMA PRA Category 1 Credits™. Physicians should claim only the credit commensurate with the extent of their participation in the activity.',
        statements: 0,
      },
      {
        board: 'American Nurses Credentialing Center (ANCC)',
        credit: '6.25 contact hours',
        holder: 'Jointly accredited provider: Coastal Health Education, provider No. JA0000001',
        designation:
          'Coastal Health Education designates this activity for a maximum of 6.25 nursing contact hours.',
        statements: 0,
      },
      {
        board: 'NAADAC, the Association for Addiction Professionals (NAADAC)',
        credit: '6.25 CE hours',
        holder: 'Approved provider: Coastal Health Education, provider No. NAADAC 999999',
        designation: '',
        statements: 0,
      },
    ]);
    // The statement stands before the first body it covers.
    expect($('.approvals > li').first().hasClass('joint')).toBe(true);
  });

  it('names each body’s credit in the key facts, never one figure physicians cannot claim', () => {
    const row = $('.key-facts dt')
      .filter((_index, term) => $(term).text() === 'CE credit')
      .next('dd');
    expect(text($, row.find('a').first())).toBe(
      '6 AMA PRA Category 1 Credits™ · 6.25 nursing contact hours · 6.25 CE hours',
    );
  });

  it('offers the NAADAC credit at the build and carries its end for the browser', () => {
    expect($('[data-approval-lapsed]')).toHaveLength(0);
    expect($('[data-approval="2"] [data-approval-credit]').attr('hidden')).toBeUndefined();
    expect($('[data-approval="2"]').attr('data-lapsed-note')).toBe(
      'Credit from NAADAC is no longer offered for this course: its approval ended on Wednesday, March 31, 2027.',
    );
    const clock = JSON.parse($('[data-course-clock]').attr('data-course-clock') ?? '{}');
    expect(clock.approvals).toEqual([{}, {}, { endsAt: Date.parse('2027-04-01T04:00:00Z') }]);
  });
});
