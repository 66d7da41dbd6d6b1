/**
 * Builds the real content/ plus the browser-test fixtures (an upcoming in-person course approved
 * by NBCC and ASWB) and reads the Pagefind index the build wrote, through Pagefind's own browser
 * API run in Node: the filters, meta and sort values of the seed course, what is left out of
 * the index, and the search page that serves readers without JavaScript.
 */
import { load } from 'cheerio';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { realContentWith, repoRoot } from '../helpers/fixtures.ts';

interface ResultData {
  url: string;
  /** The indexed text of the page. */
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ) => Promise<{ results: { data: () => Promise<ResultData> }[] }>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  destroy: () => Promise<void>;
}

const SEED = '/courses/attachment-theory-treatment-effectiveness/';
const FIXTURE = '/courses/self-compassion-in-practice/';
const APA = 'American Psychological Association (APA)';
const ASWB = 'Association of Social Work Boards (ASWB)';

let site: BuiltSite;
let pagefind: Pagefind;
const realFetch = globalThis.fetch;

async function urls(
  term: string | null,
  options: Parameters<Pagefind['search']>[1] = {},
): Promise<string[]> {
  const { results } = await pagefind.search(term, options);
  return Promise.all(results.map(async (result) => (await result.data()).url));
}

async function seedData(): Promise<ResultData> {
  const { results } = await pagefind.search('mentalizing');
  const data = await Promise.all(results.map((result) => result.data()));
  const seed = data.find((page) => page.url === SEED);
  if (!seed) throw new Error('the seed course is not in the index');
  return seed;
}

beforeAll(async () => {
  site = buildSite(await realContentWith('e2e'), '2026-11-30T12:00:00Z');
  // Pagefind's browser API fetches its files from /pagefind/; here they come from the built site.
  globalThis.fetch = async (input: string | URL | Request) => {
    const url = new URL(
      input instanceof Request ? input.url : String(input),
      'http://site.invalid',
    );
    return new Response(await readFile(path.join(site.outDir, decodeURIComponent(url.pathname))));
  };
  pagefind = (await import(
    /* @vite-ignore */ pathToFileURL(path.join(site.outDir, 'pagefind/pagefind.js')).href
  )) as Pagefind;
  await pagefind.options({ basePath: '/pagefind/', noWorker: true });
});

afterAll(async () => {
  await pagefind?.destroy();
  globalThis.fetch = realFetch;
});

describe('the search index', () => {
  it('is written by the build into the site, never into public/', () => {
    expect(existsSync(path.join(site.outDir, 'pagefind/pagefind.js'))).toBe(true);
    expect(existsSync(path.join(repoRoot, 'public/pagefind'))).toBe(false);
  });

  it('holds the course and instructor pages only', () => {
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.values(entry.languages).map((language) => language.page_count)).toEqual([4]);
  });

  it('indexes every page that carries the Pagefind body marker (the build reads only those folders)', async () => {
    const marked: string[] = [];
    for (const file of await readdir(site.outDir, { recursive: true })) {
      if (
        file.endsWith('.html') &&
        (await readFile(path.join(site.outDir, file), 'utf8')).includes('data-pagefind-body')
      )
        marked.push(file);
    }
    const entry = JSON.parse(site.read('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(marked).toHaveLength(4);
    expect(Object.values(entry.languages)[0]?.page_count).toBe(marked.length);
  });

  it('gives the seed course its topic, format, level, board, profession, instructor, status and year filters', async () => {
    const { filters } = await seedData();
    expect(filters).toEqual({
      board: [
        'National Board for Certified Counselors (NBCC)',
        'NAADAC, the Association for Addiction Professionals (NAADAC)',
        'New York State (NY State)',
        'Other state-level boards (Other State Level)',
        'WESPSB',
        'Accreditation Council for Continuing Medical Education (ACCME)',
        'American Nurses Credentialing Center (ANCC)',
        APA,
      ],
      format: ['Live online'],
      instructor: ['Leslie Becker-Phelps'],
      level: ['Beginner', 'Intermediate'],
      profession: [
        'Counselors',
        'Drug & Alcohol Counselors',
        'Educators',
        'MFTs',
        'National Counselors',
        'Nurses',
        'Physicians',
        'Psychologists',
        'Social Workers',
      ],
      status: ['Past'],
      topic: [
        'Attachment theory',
        'Self-compassion',
        'Affect regulation',
        'Mentalizing',
        'Treatment resistance',
      ],
      year: ['2020'],
    });
  });

  it('gives the search page the index’s own filter values and counts, so it shows them before Pagefind loads', async () => {
    const page = load(site.read('search/index.html'));
    const embedded = JSON.parse(
      page('[data-search-page]').attr('data-filter-counts') ?? '{}',
    ) as Record<string, Record<string, number>>;
    expect(embedded).toEqual(await pagefind.filters());
  });

  it('quotes the course in result excerpts, never the labels of its key facts', async () => {
    const { results } = await pagefind.search('attachment');
    const data = await Promise.all(results.map((result) => result.data()));
    const seed = data.find((page) => page.url === SEED);
    expect(seed?.excerpt).toBeTruthy();
    for (const page of data) {
      expect(page.content).not.toMatch(
        /Key facts|Status|Past course|Full refund until|Registration is closed/,
      );
    }
  });

  it('gives the seed course its title, start date, dates, CE hours, instructor, format and level as meta', async () => {
    const { meta } = await seedData();
    expect(meta).toEqual({
      title: 'Improving Treatment Effectiveness with Attachment Theory',
      start: '2020-10-19',
      dates: 'October 19 – November 9, 2020',
      hours: '8',
      instructor: 'Leslie Becker-Phelps',
      format: 'Live online',
      level: 'Beginner to intermediate',
    });
  });

  it('sorts courses by their start date, both ways, leaving out pages without one', async () => {
    expect(await urls(null, { filters: {}, sort: { date: 'asc' } })).toEqual([SEED, FIXTURE]);
    expect(await urls(null, { filters: {}, sort: { date: 'desc' } })).toEqual([FIXTURE, SEED]);
  });

  it('counts every filter value across the site', async () => {
    const all = await pagefind.filters();
    expect(all['board']).toMatchObject({
      [APA]: 1,
      [ASWB]: 1,
      'National Board for Certified Counselors (NBCC)': 2,
    });
    expect(all['status']).toEqual({ Past: 1, Upcoming: 1 });
    expect(all['year']).toEqual({ '2020': 1, '2027': 1 });
  });

  it('keeps the seed course under a board it has and drops it under one it lacks', async () => {
    expect(await urls('mentalizing', { filters: { board: { any: [APA] } } })).toEqual([SEED]);
    expect(await urls('mentalizing', { filters: { board: { any: [ASWB] } } })).toEqual([]);
  });

  it('finds the seed course by a word of its agenda', async () => {
    expect((await urls('STEAM'))[0]).toBe(SEED);
  });

  it('ranks a course whose title has the words above one that only mentions them', async () => {
    expect((await urls('self-compassion'))[0]).toBe(FIXTURE);
  });

  it('leaves out the policy text, the approval statements and the registration notes every course repeats', async () => {
    const { content } = await seedData();
    expect(content).toContain('Therapy rooms are filled with clients');
    for (const boilerplate of [
      'administrative processing fee',
      'maintains responsibility for the program',
      'Registration is closed',
      'Add the sessions to your calendar',
    ]) {
      expect(content, boilerplate).not.toContain(boilerplate);
    }
  });
});

describe('the search page', () => {
  const html = () => load(readFileSync(path.join(site.outDir, 'search/index.html'), 'utf8'));

  it('explains itself without JavaScript and links to the catalog and every browse page', () => {
    const $ = html();
    expect($('main .without-scripts').text()).toContain('Searching needs JavaScript');
    const links = new Set(
      $('main a')
        .toArray()
        .map((link) => $(link).attr('href')),
    );
    for (const href of [
      '/courses/',
      '/topics/',
      '/boards/',
      '/instructors/',
      '/formats/live-online/',
      '/formats/in-person/',
      '/levels/beginner/',
      '/boards/apa/',
      '/topics/mentalizing/',
    ]) {
      expect(links, href).toContain(href);
    }
    // The page itself is indexable; robots.txt keeps its result URLs (/search/?q=…) out of crawls.
    expect($('meta[name="robots"]')).toHaveLength(0);
    expect(readFileSync(path.join(site.outDir, 'robots.txt'), 'utf8')).toContain(
      'Disallow: /search/?',
    );
  });

  it('maps every board in the index to the board’s file name, for stable URLs', async () => {
    const codes = JSON.parse(
      html()('[data-search-page]').attr('data-board-codes') ?? '{}',
    ) as Record<string, string>;
    const boards = Object.keys((await pagefind.filters())['board'] ?? {});
    expect(boards.length).toBeGreaterThan(0);
    for (const board of boards) expect(codes[board], board).toMatch(/^[a-z0-9-]+$/);
    expect(codes[APA]).toBe('apa');
    expect(codes[ASWB]).toBe('aswb');
  });

  it('is the target of the header’s search entry on every page', () => {
    for (const page of [
      'index.html',
      `courses/attachment-theory-treatment-effectiveness/index.html`,
      'topics/index.html',
    ]) {
      expect(load(site.read(page))('header a[data-search-entry]').attr('href'), page).toBe(
        '/search/',
      );
    }
  });
});
