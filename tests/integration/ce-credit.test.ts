/**
 * Two providers approved by APA, each course printing its own provider's statement, and the CE
 * sections the approving bodies ask for: credit per body in its unit and categories, the approved
 * organisation and its number, disclosures before the registration point, how credit is earned,
 * schedule parts without credit, provider policy pages, board pages listing the providers, and
 * a credential per body in JSON-LD.
 */
import { load, type CheerioAPI } from 'cheerio';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { realContentWith } from '../helpers/fixtures.ts';

const NOW = '2026-11-30T12:00:00Z';
let site: BuiltSite;
let contentDir: string;
let seed: CheerioAPI;
let fixture: CheerioAPI;
const text = ($: CheerioAPI, selector: string) => $(selector).text().replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  contentDir = await realContentWith('ce');
  site = buildSite(contentDir, NOW);
  seed = load(site.read('courses/attachment-theory-treatment-effectiveness/index.html'));
  fixture = load(site.read('courses/ethics-of-care-webinar/index.html'));
});

afterAll(async () => {
  for (const dir of [contentDir, site?.outDir, site && `${site.outDir}-cache`])
    if (dir) await rm(dir, { recursive: true, force: true });
});

describe('two providers approved by APA', () => {
  it('print each their own statement, naming themselves', () => {
    const apaStatement = ($: CheerioAPI) =>
      text($, '.approvals > li:has(a[href="/boards/apa/"]) .statement');
    expect(apaStatement(seed)).toBe(
      'Institute for Better Health, Inc is approved by the American Psychological Association (APA) to offer continuing education for psychologists. Institute for Better Health, Inc maintains responsibility for the program and its content.',
    );
    expect(apaStatement(fixture)).toBe(
      'Harbour Training Institute is approved by the American Psychological Association to sponsor continuing education for psychologists. Harbour Training Institute maintains responsibility for this program and its content.',
    );
  });

  it('are both listed on the APA board page, once each', () => {
    const board = load(site.read('boards/apa/index.html'));
    expect(
      board('#approved-providers + ul li')
        .toArray()
        .map((item) => board(item).text()),
    ).toEqual(['Harbour Training Institute', 'Institute for Better Health']);
    const index = load(site.read('boards/index.html'));
    expect(index('a[href="/boards/apa/"]')).toHaveLength(1);
  });
});

describe('the CE section of a course with every fact', () => {
  const approval = (board: string) =>
    text(fixture, `.approvals > li:has(a[href="/boards/${board}/"])`);

  it('gives each body its credit, in its unit and categories, with the organisation and number', () => {
    expect(
      text(fixture, '.ce > p').startsWith(
        'This course is sponsored by Harbour Training Institute (HTI) and is approved by the following, each for the credit shown:',
      ),
    ).toBe(true);
    expect(approval('nbcc')).toBe(
      'National Board for Certified Counselors (NBCC) — National Counselors 6 CE hours Approved provider: Harbour Training Institute (HTI), provider No. 7001 Harbour Training Institute has been approved by NBCC as an Approved Continuing Education Provider, ACEP No. 7001. Programs that do not qualify for NBCC credit are clearly identified. Harbour Training Institute is solely responsible for all aspects of the programs.',
    );
    expect(approval('naadac')).toContain(
      '6 CE hours (3 CE hours of ethics, live interactive webinar; 3 CE hours of professional boundaries, live interactive webinar) Course approval No. NAADAC 2027-118',
    );
    expect(approval('ancc')).toBe(
      'American Nurses Credentialing Center (ANCC) — Nurses 6 contact hours',
    );
  });

  it('shows the disclosures, one per person, before the registration point', () => {
    expect(
      fixture('.key-facts #disclosures li')
        .toArray()
        .map((item) => fixture(item).text().replace(/\s+/g, ' ').trim()),
    ).toEqual([
      'Rowan Example (instructor) has no relevant financial relationships with ineligible companies.',
      'Jordan Lee (planner) has these relevant financial relationships, all mitigated: Consultant, Example Pharma, Inc.',
    ]);
    expect(text(fixture, '#disclosures > p')).toBe('This course received no commercial support.');
    const order = fixture('#disclosures, [data-register]')
      .toArray()
      .map((element) => (fixture(element).is('[data-register]') ? 'register' : 'disclosures'));
    expect(order).toEqual(['disclosures', 'register']);
  });

  it('says how credit is earned, linked from the key facts', () => {
    expect(
      fixture('#how-to-get-ce + ul li')
        .toArray()
        .map((item) => fixture(item).text()),
    ).toEqual([
      'Attend every session in full; partial credit is not given.',
      'Complete the course evaluation.',
      'Certificate: Emailed within two weeks of the last session.',
    ]);
    expect(fixture('.key-facts a[href="#how-to-get-ce"]').text()).toBe('How do I get my CE?');
  });

  it('marks the breaks that give no credit', () => {
    expect(
      fixture('.agenda li.no-credit')
        .toArray()
        .map((item) => fixture(item).text().replace(/\s+/g, ' ').trim()),
    ).toEqual(['13:30–14:00 Break (no CE credit)', '13:30–14:00 Break (no CE credit)']);
  });

  it('links the provider’s grievance and accommodation pages, which exist', () => {
    const links = fixture('.policy-links a')
      .toArray()
      .map((link) => [fixture(link).attr('href'), fixture(link).text()]);
    expect(links).toEqual([
      [
        '/providers/harbour-training-institute/grievance/',
        'Grievance procedure: Harbour Training Institute',
      ],
      [
        '/providers/harbour-training-institute/accommodation/',
        'Accommodation requests: Harbour Training Institute',
      ],
    ]);
    const grievance = load(site.read('providers/harbour-training-institute/grievance/index.html'));
    expect(grievance('h1').text()).toBe('Grievance procedure: Harbour Training Institute');
    expect(grievance('main').text()).toContain(
      'Write to the CE administrator within 30 days of the course',
    );
    expect(grievance('a[href="mailto:ce@example.org"]').text()).toBe('ce@example.org');
  });

  it('gives JSON-LD one credential per body, recognised by the body', () => {
    const course = JSON.parse(
      fixture('script[type="application/ld+json"]').first().text(),
    ) as Record<string, unknown>;
    const credentials = course['educationalCredentialAwarded'] as Record<string, unknown>[];
    expect(credentials.map((credential) => credential['name'])).toEqual([
      '6 CE hours, APA',
      '6 CE hours, NBCC',
      '6 CE hours (3 CE hours of ethics, live interactive webinar; 3 CE hours of professional boundaries, live interactive webinar), NAADAC',
      '6 contact hours, ANCC',
    ]);
    expect(credentials[3]).toEqual({
      '@type': 'EducationalOccupationalCredential',
      name: '6 contact hours, ANCC',
      credentialCategory: 'Continuing education credit',
      recognizedBy: { '@type': 'Organization', name: 'American Nurses Credentialing Center' },
    });
  });
});

describe('the seed course, whose source gives no disclosure or completion facts', () => {
  it('says nothing it does not know', () => {
    expect(seed('#disclosures')).toHaveLength(0);
    expect(seed('#how-to-get-ce')).toHaveLength(0);
    expect(seed('.policy-links')).toHaveLength(0);
    expect(
      seed('.approvals .holder')
        .toArray()
        .map((item) => seed(item).text().trim()),
    ).toEqual(['Approved provider: Institute for Better Health (IBH)']);
  });
});
