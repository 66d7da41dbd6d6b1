import { describe, expect, it } from 'vitest';
import {
  countText,
  excerptParts,
  rankUpcomingFirst,
  shapeResult,
} from '../../../../src/domain/search/search-results.ts';
import { EMPTY_SEARCH } from '../../../../src/domain/search/search-state.ts';

describe('excerpts', () => {
  it('split into plain text and the matched words', () => {
    expect(excerptParts('… five domains (<mark>STEAM:</mark> Sensations, Thoughts …')).toEqual([
      { text: '… five domains (', marked: false },
      { text: 'STEAM:', marked: true },
      { text: ' Sensations, Thoughts …', marked: false },
    ]);
  });

  it('decode Pagefind’s escaping, so markup in page text stays text', () => {
    expect(excerptParts('a &lt;script&gt; tag &amp; <mark>more</mark>')).toEqual([
      { text: 'a <script> tag & ', marked: false },
      { text: 'more', marked: true },
    ]);
  });

  it('join neighbouring parts and drop empty ones', () => {
    expect(excerptParts('<mark>Mental</mark><mark>izing</mark>')).toEqual([
      { text: 'Mentalizing', marked: true },
    ]);
    expect(excerptParts('')).toEqual([]);
  });
});

describe('a result', () => {
  it('shows a course’s dates, CE hours, format and status', () => {
    expect(
      shapeResult({
        url: '/courses/attachment-theory-treatment-effectiveness/',
        excerpt: 'through <mark>STEAM</mark>',
        meta: {
          title: 'Improving Treatment Effectiveness with Attachment Theory',
          dates: 'October 19 – November 9, 2020',
          hours: '8',
          format: 'Live online',
        },
        filters: { status: ['Past'] },
      }),
    ).toEqual({
      url: '/courses/attachment-theory-treatment-effectiveness/',
      title: 'Improving Treatment Effectiveness with Attachment Theory',
      kind: 'Course',
      facts: ['October 19 – November 9, 2020', '8 CE hours', 'Live online', 'Past'],
      excerpt: [
        { text: 'through ', marked: false },
        { text: 'STEAM', marked: true },
      ],
    });
  });

  it('shows an instructor page with no facts, and falls back to the URL without a title', () => {
    const instructor = shapeResult({
      url: '/instructors/sam-fixture/',
      excerpt: 'Sam',
      meta: { title: 'Sam Fixture, LCSW' },
    });
    expect(instructor).toMatchObject({ kind: 'Instructor', title: 'Sam Fixture, LCSW', facts: [] });
    expect(shapeResult({ url: '/about/', excerpt: '', meta: {} })).toMatchObject({
      kind: 'Page',
      title: '/about/',
    });
  });

  it('writes one CE hour in the singular and skips hours that are not a number', () => {
    expect(shapeResult({ url: '/courses/x/', excerpt: '', meta: { hours: '1' } }).facts).toEqual([
      '1 CE hour',
    ]);
    expect(shapeResult({ url: '/courses/x/', excerpt: '', meta: { hours: 'many' } }).facts).toEqual(
      [],
    );
  });
});

describe('the count the live region announces', () => {
  it('names the words, the filters and the order', () => {
    expect(countText(1, { ...EMPTY_SEARCH, query: 'mentalizing' })).toBe(
      '1 result for “mentalizing”.',
    );
    expect(countText(2, { query: ' STEAM ', filters: { board: ['apa'] }, sort: 'newest' })).toBe(
      '2 results for “STEAM” with 1 filter, latest first.',
    );
    expect(
      countText(3, { query: '', filters: { board: ['apa'], year: ['2020'] }, sort: 'oldest' }),
    ).toBe('3 results with 2 filters, earliest first.');
  });

  it('says plainly when nothing matches', () => {
    expect(countText(0, { ...EMPTY_SEARCH, query: 'xyzzy' })).toBe('No results for “xyzzy”.');
  });
});

describe('best match', () => {
  it('puts upcoming courses before past ones of equal score, and moves nothing else', () => {
    const results = [
      { id: 'past-a', score: 5 },
      { id: 'upcoming-a', score: 5 },
      { id: 'past-b', score: 9 },
      { id: 'upcoming-b', score: 1 },
    ].sort((a, b) => b.score - a.score);
    expect(
      rankUpcomingFirst(results, (result) => result.id.startsWith('past')).map(
        (result) => result.id,
      ),
    ).toEqual(['past-b', 'upcoming-a', 'past-a', 'upcoming-b']);
  });

  it('says how many past courses are hidden', () => {
    expect(countText(2, { ...EMPTY_SEARCH, query: 'trauma' }, 3)).toBe(
      '2 results for “trauma”. 3 past courses are hidden.',
    );
    expect(countText(0, { ...EMPTY_SEARCH, query: 'mentalizing' }, 1)).toBe(
      'No results for “mentalizing”. 1 past course is hidden.',
    );
  });
});
