/**
 * Loads Pagefind's browser API from /pagefind/pagefind.js, which the build writes next to the
 * site. The URL is a variable so Vite leaves it alone: the index is not part of the bundle.
 * In `npm run dev` there is no index, so loading fails with a SearchUnavailable that says why.
 */
import type { FilterCounts } from '../domain/search/search-filters.ts';
import type { PagefindSearchOptions } from '../domain/search/search-state.ts';
import type { PagefindResultData } from '../domain/search/search-results.ts';

export interface PagefindResult {
  id: string;
  /** Pagefind's relevance; 0 for every result of a search without words. */
  score: number;
  data: () => Promise<PagefindResultData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (term: string | null, options?: PagefindSearchOptions) => Promise<PagefindResponse>;
  filters: () => Promise<FilterCounts>;
}

export class SearchUnavailable extends Error {
  readonly inDevelopment: boolean;
  constructor(inDevelopment: boolean) {
    super(
      inDevelopment
        ? 'The search index exists only in a built site.'
        : 'The search could not load.',
    );
    this.inDevelopment = inDevelopment;
  }
}

let loading: Promise<Pagefind> | undefined;

/** Pagefind, imported and started once per page; a failed attempt may be retried. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${import.meta.env.BASE_URL.replace(/\/?$/, '/')}pagefind/pagefind.js`;
    let pagefind: Pagefind;
    try {
      pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
      // The site is small: searching on the main thread spares a worker download (and a CSP worker-src).
      await pagefind.options({ noWorker: true, excerptLength: 26, excerptEllipsis: '…' });
      await pagefind.init();
    } catch {
      throw new SearchUnavailable(import.meta.env.DEV);
    }
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
