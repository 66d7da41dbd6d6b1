import { describe, expect, it } from 'vitest';
import {
  EMPTY_SEARCH,
  filterCount,
  hidesPast,
  isIdle,
  pagefindQuery,
  parseSearchParams,
  sameSearch,
  searchParamsOf,
  searchUrl,
  withFilter,
  type SearchState,
} from '../../../../src/domain/search/search-state.ts';

const parse = (query: string) => parseSearchParams(new URLSearchParams(query));
const identity = (_key: string, code: string) => [code];

describe('the search state in the URL', () => {
  it('reads the words, the filters by group and the order', () => {
    expect(parse('q=mentalizing&board=apa&board=nbcc&format=live-online&sort=newest')).toEqual({
      query: 'mentalizing',
      filters: { board: ['apa', 'nbcc'], format: ['live-online'] },
      sort: 'newest',
    });
  });

  it('ignores unknown parameters, empty and repeated codes, and an unknown order', () => {
    expect(parse('utm_source=x&board=&board=apa&board=apa&sort=price')).toEqual({
      query: '',
      filters: { board: ['apa'] },
      sort: 'relevance',
    });
  });

  it('writes the parameters in one fixed order, so equal searches share a URL', () => {
    const state: SearchState = {
      query: '  STEAM ',
      filters: { year: ['2020'], board: ['apa'] },
      sort: 'oldest',
    };
    expect(searchParamsOf(state).toString()).toBe('q=STEAM&board=apa&year=2020&sort=oldest');
    expect(searchUrl(state)).toBe('/search/?q=STEAM&board=apa&year=2020&sort=oldest');
    expect(sameSearch(state, { ...state, filters: { board: ['apa'], year: ['2020'] } })).toBe(true);
  });

  it('leaves the defaults out of the URL', () => {
    expect(searchUrl(EMPTY_SEARCH)).toBe('/search/');
    expect(searchUrl({ ...EMPTY_SEARCH, query: 'self compassion' })).toBe(
      '/search/?q=self+compassion',
    );
  });

  it('survives a round trip through the URL', () => {
    const state: SearchState = {
      query: 'attachment & affect',
      filters: { topic: ['self-compassion'], status: ['upcoming'] },
      sort: 'newest',
    };
    expect(parse(searchParamsOf(state).toString())).toEqual({ ...state });
  });
});

describe('choosing filters', () => {
  it('adds and removes a code, dropping a group once it is empty', () => {
    const one = withFilter(EMPTY_SEARCH, 'board', 'apa', true);
    const two = withFilter(one, 'board', 'nbcc', true);
    expect(two.filters).toEqual({ board: ['apa', 'nbcc'] });
    expect(filterCount(two)).toBe(2);
    expect(
      withFilter(withFilter(two, 'board', 'apa', false), 'board', 'nbcc', false).filters,
    ).toEqual({});
  });

  it('counts a search as idle only with neither words nor filters', () => {
    expect(isIdle({ ...EMPTY_SEARCH, query: '   ' })).toBe(true);
    expect(isIdle({ ...EMPTY_SEARCH, query: 'x' })).toBe(false);
    expect(isIdle(withFilter(EMPTY_SEARCH, 'year', '2020', true))).toBe(false);
  });
});

describe('the Pagefind query', () => {
  const state: SearchState = {
    query: ' mentalizing ',
    filters: { board: ['apa', 'nbcc'], format: ['live-online'] },
    sort: 'newest',
  };
  const labels: Record<string, string> = {
    apa: 'American Psychological Association (APA)',
    nbcc: 'National Board for Certified Counselors (NBCC)',
    'live-online': 'Live online',
  };

  it('turns codes into filter values, any of them within a group, and the order into a date sort', () => {
    expect(pagefindQuery(state, (_key, code) => [labels[code] ?? code])).toEqual({
      term: 'mentalizing',
      options: {
        filters: {
          format: { any: ['Live online'] },
          board: {
            any: [
              'American Psychological Association (APA)',
              'National Board for Certified Counselors (NBCC)',
            ],
          },
        },
        sort: { date: 'desc' },
      },
    });
  });

  it('leaves out one group, for that group’s own counts', () => {
    expect(pagefindQuery(state, identity, 'board').options.filters).toEqual({
      format: { any: ['live-online'] },
    });
  });

  it('asks for every page that passes the filters when there are no words', () => {
    const { term, options } = pagefindQuery(
      { ...EMPTY_SEARCH, filters: { year: ['2027'] }, sort: 'oldest' },
      identity,
    );
    expect(term).toBeNull();
    expect(options).toEqual({ filters: { year: { any: ['2027'] } }, sort: { date: 'asc' } });
  });

  it('sorts by relevance by leaving the sort empty', () => {
    expect(pagefindQuery({ ...EMPTY_SEARCH, query: 'steam' }, identity).options.sort).toEqual({});
  });

  it('leaves past courses out with `none` when asked, unless the reader ticked a status', () => {
    expect(
      pagefindQuery({ ...EMPTY_SEARCH, query: 'steam' }, identity, undefined, true).options.filters,
    ).toEqual({ status: { none: ['Past'] } });
    expect(
      pagefindQuery({ ...EMPTY_SEARCH, filters: { status: ['past'] } }, identity, undefined, true)
        .options.filters,
    ).toEqual({ status: { any: ['past'] } });
    // The status group's own counts are found without it.
    expect(
      pagefindQuery({ ...EMPTY_SEARCH, query: 'steam' }, identity, 'status', true).options.filters,
    ).toEqual({});
  });
});

describe('past courses', () => {
  it('are hidden by default once the index has upcoming or on-demand courses, and as the reader says otherwise', () => {
    expect(hidesPast(EMPTY_SEARCH, { Past: 3, Upcoming: 1 })).toBe(true);
    expect(hidesPast(EMPTY_SEARCH, { Past: 3, 'On demand': 2 })).toBe(true);
    expect(hidesPast(EMPTY_SEARCH, { Past: 3 })).toBe(false);
    expect(hidesPast(EMPTY_SEARCH, undefined)).toBe(false);
    expect(hidesPast({ ...EMPTY_SEARCH, past: 'show' }, { Past: 3, Upcoming: 1 })).toBe(false);
    expect(hidesPast({ ...EMPTY_SEARCH, past: 'hide' }, { Past: 3 })).toBe(true);
  });

  it('keep the reader’s choice in the URL', () => {
    expect(searchUrl({ ...EMPTY_SEARCH, query: 'steam', past: 'show' })).toBe(
      '/search/?q=steam&past=show',
    );
    expect(parseSearchParams(new URLSearchParams('q=steam&past=show'))).toEqual({
      query: 'steam',
      filters: {},
      sort: 'relevance',
      past: 'show',
    });
    expect(parseSearchParams(new URLSearchParams('past=maybe'))).toEqual(EMPTY_SEARCH);
  });
});
