/**
 * The /search/ page: the search box, filters with counts and the order, all kept in the URL
 * so a search can be shared and the back button steps through it. Typing replaces the
 * current history entry; Enter, a filter or a new order adds one.
 */
import {
  parseSearchParams,
  searchUrl,
  withFilter,
  type SearchSort,
  type SearchState,
} from '../domain/search/search-state.ts';
import type { FilterCounts } from '../domain/search/search-filters.ts';
import { SearchController } from './search-controller.ts';
import { SearchFacets } from './search-facets.ts';

const WIDE = '(min-width: 60rem)';

function parseJson<T extends object>(json: string | undefined): T | undefined {
  try {
    const parsed: unknown = JSON.parse(json ?? '');
    return typeof parsed === 'object' && parsed !== null ? (parsed as T) : undefined;
  } catch {
    return undefined;
  }
}

function start(root: HTMLElement): void {
  const sort = root.querySelector<HTMLSelectElement>('[data-search-sort]');
  const past = root.querySelector<HTMLInputElement>('[data-search-past]');
  const filtersBox = root.querySelector<HTMLDetailsElement>('[data-search-filters-box]');
  const baseTitle = document.title;
  const initialCounts = parseJson<FilterCounts>(root.dataset['filterCounts']);
  if (filtersBox && window.matchMedia(WIDE).matches) filtersBox.open = true;

  const facets = new SearchFacets(
    root,
    parseJson<Record<string, string>>(root.dataset['boardCodes']) ?? {},
    (key, code, chosen) => controller.update(withFilter(controller.state, key, code, chosen)),
  );
  const reflect = (state: SearchState) => {
    if (sort) sort.value = state.sort;
    const query = state.query.trim();
    document.title = query ? `“${query}”: ${baseTitle}` : baseTitle;
  };
  const controller = new SearchController({
    root,
    pageSize: 10,
    escapeClears: true,
    facets,
    ...(initialCounts ? { initialCounts } : {}),
    onPastShown: (shown) => {
      if (past) past.checked = shown;
    },
    onChange: (state, how) => {
      reflect(state);
      const url = searchUrl(state, location.pathname);
      if (url === `${location.pathname}${location.search}`) return;
      if (how === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    },
  });
  sort?.addEventListener('change', () =>
    controller.update({ ...controller.state, sort: sort.value as SearchSort }),
  );
  past?.addEventListener('change', () =>
    controller.update({ ...controller.state, past: past.checked ? 'show' : 'hide' }),
  );

  const fromUrl = () => {
    const state = parseSearchParams(new URLSearchParams(location.search));
    reflect(state);
    controller.show(state);
  };
  window.addEventListener('popstate', fromUrl);
  fromUrl();
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);
