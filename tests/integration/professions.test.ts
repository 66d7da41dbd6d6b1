/**
 * The profession pages and the state finder on the benchmark's generated 1,000 courses: each
 * profession page lists the upcoming courses whose credit applies to it, a state page leaves
 * out credit that state's board does not accept, and nothing claims acceptance the content
 * does not state.
 */
import { load, type CheerioAPI } from 'cheerio';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateContent } from '../../scripts/bench/generate-content.ts';
import { loadContent, type ContentSet } from '../../src/collections/validation/load-content.ts';
import { isPublished } from '../../src/domain/offerings/publishing.ts';
import { courseOfferings, offeringStatus } from '../../src/domain/offerings/offerings.ts';
import { slugify } from '../../src/domain/slug.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { repoRoot } from '../helpers/fixtures.ts';

const NOW = '2025-06-01T12:00:00Z';
const workDir = path.join(repoRoot, '.bench', `test-professions-${process.pid}`);
let content: ContentSet;
let site: BuiltSite;

beforeAll(async () => {
  await mkdir(workDir, { recursive: true });
  const dir = path.join(workDir, 'content');
  await generateContent({ dir, count: 1000, seed: 11 });
  const result = await loadContent(dir);
  if (!result.ok) throw new Error('the generated content must be valid');
  content = result.content;
  site = buildSite(dir, NOW);
}, 300_000);

afterAll(async () => {
  for (const dir of [workDir, site?.outDir, site && `${site.outDir}-cache`])
    if (dir) await rm(dir, { recursive: true, force: true });
});

const page = (sitePath: string): CheerioAPI => load(site.read(sitePath));
const hrefs = ($: CheerioAPI) =>
  $('#current-courses ~ ul.cards > li .title a')
    .toArray()
    .map((link) => $(link).attr('href'));

/** The upcoming, running and on-demand courses with an approval from a board serving the profession (and, for a state, one it does not refuse), soonest first as the catalog orders them. */
function expectedCourses(profession: string, state?: string): string[] {
  const now = new Date(NOW);
  const boards = new Map(content.boards.map((board) => [board.id, board.data]));
  return content.courses
    .filter(
      ({ data }) =>
        isPublished(data, now, 'production') &&
        courseOfferings(data).some((offering) => offeringStatus(offering, now) !== 'past'),
    )
    .filter(({ data }) =>
      data.approvals.some(({ board }) => {
        const found = boards.get(board)!;
        const serves = found.professions.some((name) => slugify(name) === profession);
        return serves && !(state && found.jurisdictions?.notAccepted.includes(state as never));
      }),
    )
    .map(({ id }) => `/courses/${id}/`);
}

describe('profession pages on 1,000 generated courses', () => {
  it('list every profession the boards serve, each with its number of upcoming courses', () => {
    const index = page('professions/index.html');
    const listed = index('.terms li')
      .toArray()
      .map((item) => [index(item).find('a').attr('href'), index(item).find('.muted').text()]);
    const social = listed.find(([href]) => href === '/professions/social-workers/');
    expect(social?.[1]).toBe(`(${expectedCourses('social-workers').length} courses)`);
    expect(listed.length).toBeGreaterThan(5);
  });

  it('show the soonest 48 courses whose credit applies to social workers, and link to all of them in search', () => {
    const social = page('professions/social-workers/index.html');
    const expected = new Set(expectedCourses('social-workers'));
    const shown = hrefs(social);
    expect(shown).toHaveLength(Math.min(48, expected.size));
    for (const href of shown) expect(expected.has(href!), href).toBe(true);
    expect(
      social(
        'a[href="/search/?profession=social-workers&status=upcoming&status=on-demand"]',
      ).text(),
    ).toBe('search all of them');
    expect(social('.authority').text()).toBe(
      'Your state licensing board is the final authority on which credit it accepts.',
    );
  });

  it('in New York, leave out NASW credit, which New York does not accept, and say where acceptance is stated', () => {
    const ny = page('professions/social-workers/ny/index.html');
    expect(ny('h1').text()).toBe('Courses for social workers in New York');
    const expected = new Set(expectedCourses('social-workers', 'NY'));
    const shown = hrefs(ny);
    expect(shown.length).toBe(Math.min(48, expected.size));
    for (const href of shown) expect(expected.has(href!), href).toBe(true);
    const credits = ny('.credits li')
      .toArray()
      .map((item) => ny(item).text().replace(/\s+/g, ' ').trim());
    expect(credits.some((credit) => credit.startsWith('NASW'))).toBe(false);
    const nyState = credits.filter((credit) => credit.startsWith('NY State'));
    expect(nyState.length).toBeGreaterThan(0);
    for (const credit of nyState) expect(credit).toMatch(/ — accepted in New York$/);
    for (const credit of credits.filter((each) => !each.startsWith('NY State')))
      expect(credit).toMatch(/ — no source here says whether New York accepts it$/);
  });

  it('reach a New York social worker’s list from the home page in two choices', () => {
    const home = page('index.html');
    expect(home('#for-you ~ ul a[href="/professions/social-workers/"]').text()).toBe(
      'Social Workers',
    );
    const social = page('professions/social-workers/index.html');
    expect(
      social('nav[aria-label="By state"] a[href="/professions/social-workers/ny/"]').text(),
    ).toBe('New York');
  });
});
