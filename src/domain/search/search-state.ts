/**
 * What a search is (the words, the chosen filters, the order) and how it lives in the URL:
 * `/search/?q=mentalizing&board=apa&sort=newest`. Filters are kept as their URL codes
 * (search-filters.ts); they become Pagefind filter values only when the search runs.
 */
import { FILTER_KEYS, type FilterKey } from './search-filters.ts';

export const SORT_OPTIONS = [
  { value: 'relevance', label: 'Best match' },
  { value: 'newest', label: 'Start date, latest first (courses only)' },
  { value: 'oldest', label: 'Start date, earliest first (courses only)' },
] as const;

export type SearchSort = (typeof SORT_OPTIONS)[number]['value'];

export interface SearchState {
  query: string;
  /** URL codes of the chosen values, by group; a group's values are alternatives (any of them). */
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SearchSort;
  /** Whether past courses are shown; left out, they are hidden once the index has upcoming or on-demand ones. */
  past?: 'show' | 'hide';
}

export const EMPTY_SEARCH: SearchState = { query: '', filters: {}, sort: 'relevance' };

function isSort(value: string | null): value is SearchSort {
  return SORT_OPTIONS.some((option) => option.value === value);
}

export function parseSearchParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const codes = [
      ...new Set(
        params
          .getAll(key)
          .map((code) => code.trim())
          .filter(Boolean),
      ),
    ];
    if (codes.length > 0) filters[key] = codes;
  }
  const sort = params.get('sort');
  const past = params.get('past');
  return {
    query: params.get('q') ?? '',
    filters,
    sort: isSort(sort) ? sort : 'relevance',
    ...(past === 'show' || past === 'hide' ? { past } : {}),
  };
}

/** The query string of a search, with its parameters always in the same order so equal searches have equal URLs. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query) params.set('q', query);
  for (const key of FILTER_KEYS)
    for (const code of state.filters[key] ?? []) params.append(key, code);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.past) params.set('past', state.past);
  return params;
}

export function searchUrl(state: SearchState, path = '/search/'): string {
  const query = searchParamsOf(state).toString();
  return query ? `${path}?${query}` : path;
}

export function sameSearch(a: SearchState, b: SearchState): boolean {
  return searchParamsOf(a).toString() === searchParamsOf(b).toString();
}

export function withFilter(
  state: SearchState,
  key: FilterKey,
  code: string,
  chosen: boolean,
): SearchState {
  const current = (state.filters[key] ?? []).filter((existing) => existing !== code);
  const next = chosen ? [...current, code] : current;
  // Without the key when nothing is chosen, so the URL carries no empty filter.
  const { [key]: _removed, ...others } = state.filters;
  return { ...state, filters: next.length > 0 ? { ...others, [key]: next } : others };
}

export function filterCount(state: SearchState): number {
  return Object.values(state.filters).reduce((sum, codes) => sum + codes.length, 0);
}

/** Nothing asked yet: no words and no filters. */
export function isIdle(state: SearchState): boolean {
  return state.query.trim() === '' && filterCount(state) === 0;
}

export interface PagefindSearchOptions {
  filters: Record<string, { any: string[] } | { none: string[] }>;
  sort: Record<string, 'asc' | 'desc'>;
}

/** The status filter value of past courses, as course pages emit it. */
export const PAST_STATUS = 'Past';

/** Whether past courses are left out: as the reader chose, else once the index holds courses that are not past. */
export function hidesPast(
  state: SearchState,
  statusCounts: Readonly<Record<string, number>> | undefined,
): boolean {
  if (state.past) return state.past === 'hide';
  return Object.entries(statusCounts ?? {}).some(
    ([status, count]) => status !== PAST_STATUS && count > 0,
  );
}

/**
 * Pagefind's term and options for a search. Without words, Pagefind lists every page that
 * passes the filters when the term is `null`. `omit` leaves one group's filter out, which is
 * how that group's own counts are found (choosing a value in a group widens it, never narrows).
 */
export function pagefindQuery(
  state: SearchState,
  valuesOf: (key: FilterKey, code: string) => string[],
  omit?: FilterKey,
  hidePast = false,
): { term: string | null; options: PagefindSearchOptions } {
  const filters: PagefindSearchOptions['filters'] = {};
  for (const key of FILTER_KEYS) {
    const codes = state.filters[key];
    if (key === omit || !codes || codes.length === 0) continue;
    filters[key] = { any: [...new Set(codes.flatMap((code) => valuesOf(key, code)))] };
  }
  // A status the reader ticked says it all; otherwise past courses may be left out. Pages
  // without a status (instructors) pass `none`.
  if (hidePast && omit !== 'status' && !filters['status'])
    filters['status'] = { none: [PAST_STATUS] };
  const sort: PagefindSearchOptions['sort'] =
    state.sort === 'newest' ? { date: 'desc' } : state.sort === 'oldest' ? { date: 'asc' } : {};
  const words = state.query.trim();
  return { term: words === '' ? null : words, options: { filters, sort } };
}
