/**
 * The search behaviour shared by the header's dialog and the /search/ page: runs a Pagefind
 * search as the reader types, renders the results, announces their number in the live region,
 * and moves through them with the arrow keys. The markup comes from SearchBox.astro and
 * SearchResults.astro; this module only fills it in. Old results stay in place until new ones
 * are ready, inside a box of reserved size, so nothing jumps while a search runs.
 */
import {
  FilterVocabulary,
  FILTER_KEYS,
  type FilterCounts,
  type FilterKey,
} from '../domain/search/search-filters.ts';
import {
  countText,
  rankUpcomingFirst,
  shapeResult,
  type SearchResultView,
} from '../domain/search/search-results.ts';
import {
  EMPTY_SEARCH,
  hidesPast,
  isIdle,
  PAST_STATUS,
  pagefindQuery,
  sameSearch,
  type SearchState,
} from '../domain/search/search-state.ts';
import {
  loadPagefind,
  SearchUnavailable,
  type Pagefind,
  type PagefindResult,
} from './search-pagefind.ts';

/** The filter controls of the search page; the dialog has none. */
export interface FacetControls {
  /** Builds the controls from every filter value in the index. */
  prepare(all: FilterCounts): FilterVocabulary;
  /** Shows the chosen values and, for each value, how many results choosing it would give. */
  show(state: SearchState, counts: FilterCounts): void;
}

export interface SearchControllerOptions {
  root: HTMLElement;
  pageSize: number;
  /** On the page Escape clears the box; in the dialog it closes the dialog instead. */
  escapeClears: boolean;
  facets?: FacetControls;
  /** Told of every change the reader makes: `push` for a deliberate step (Enter, a filter), `replace` while typing. */
  onChange?: (state: SearchState, how: 'push' | 'replace') => void;
  /**
   * The filter values and counts of the whole index, when the page has them without Pagefind:
   * the filters show at once, and Pagefind loads only for the first search.
   */
  initialCounts?: FilterCounts;
  /** Told after each search whether past courses were left out, for the control that shows it. */
  onPastShown?: (shown: boolean) => void;
}

const TYPING_PAUSE_MS = 160;

function part<T extends HTMLElement>(root: HTMLElement, name: string): T {
  const element = root.querySelector<T>(`[data-search-${name}]`);
  if (!element) throw new Error(`search: [data-search-${name}] is missing`);
  return element;
}

export class SearchController {
  state: SearchState = EMPTY_SEARCH;
  readonly input: HTMLInputElement;
  readonly #options: SearchControllerOptions;
  readonly #status: HTMLElement;
  readonly #list: HTMLOListElement;
  readonly #help: HTMLElement;
  readonly #helpText: HTMLElement;
  readonly #more: HTMLButtonElement;
  #vocabulary: FilterVocabulary | undefined;
  #all: FilterCounts = {};
  #results: PagefindResult[] = [];
  #shown = 0;
  #run = 0;
  #ready = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #hiddenPast = 0;
  #facetsReady: Promise<void> | undefined;

  constructor(options: SearchControllerOptions) {
    this.#options = options;
    const { root } = options;
    this.input = part<HTMLInputElement>(root, 'input');
    this.#status = part(root, 'status');
    this.#list = part<HTMLOListElement>(root, 'results');
    this.#help = part(root, 'help');
    this.#helpText = part(root, 'help-text');
    this.#more = part<HTMLButtonElement>(root, 'more');

    part<HTMLFormElement>(root, 'form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.#change({ ...this.state, query: this.input.value }, 'push', 0);
    });
    this.input.addEventListener('input', () =>
      this.#change({ ...this.state, query: this.input.value }, 'replace', TYPING_PAUSE_MS),
    );
    this.input.addEventListener('keydown', (event) => this.#onInputKey(event));
    this.#list.addEventListener('keydown', (event) => this.#onResultKey(event));
    this.#more.addEventListener('click', () => void this.#showMore());
  }

  /** Sets the whole search (from the URL, say) without reporting it back as a change. */
  show(state: SearchState): void {
    if (this.input.value !== state.query) this.input.value = state.query;
    this.state = state;
    // Nothing asked and the filters known: show them, and leave Pagefind unloaded until a search.
    const { facets, initialCounts } = this.#options;
    if (isIdle(state) && facets && initialCounts) {
      this.#all = initialCounts;
      this.#vocabulary ??= facets.prepare(initialCounts);
      this.#options.onPastShown?.(!hidesPast(state, this.#all['status']));
      this.#render(state, []);
      return;
    }
    void this.#search();
  }

  /** Applies a change made through another control (a filter, the order) as a deliberate step. */
  update(state: SearchState): void {
    this.#change(state, 'push', 0);
  }

  #change(state: SearchState, how: 'push' | 'replace', delay: number): void {
    const changed = !sameSearch(state, this.state);
    this.state = state;
    if (changed || how === 'push') this.#options.onChange?.(state, how);
    clearTimeout(this.#timer);
    if (!changed && how === 'replace') return;
    this.#timer = setTimeout(() => void this.#search(), delay);
  }

  async #search(): Promise<void> {
    const run = ++this.#run;
    const current = () => run === this.#run;
    const { state } = this;
    this.#list.setAttribute('aria-busy', 'true');
    if (!this.#ready && !isIdle(state)) this.#status.textContent = 'Loading the search…';
    try {
      const pagefind = await loadPagefind();
      this.#ready = true;
      await this.#prepareFacets(pagefind);
      if (!current()) return;
      if (isIdle(state)) {
        this.#render(state, []);
        return;
      }
      const valuesOf = (key: FilterKey, code: string) =>
        this.#vocabulary?.valuesOf(key, code) ?? [code];
      // Only the page, which knows the index's statuses, leaves past courses out.
      const hidePast = this.#options.facets !== undefined && hidesPast(state, this.#all['status']);
      const { term, options } = pagefindQuery(state, valuesOf, undefined, hidePast);
      const response = await pagefind.search(term, options);
      const counts = await this.#facetCounts(pagefind, state, response.filters, valuesOf, hidePast);
      const past = await this.#pastIds(
        pagefind,
        state,
        valuesOf,
        hidePast || state.sort === 'relevance',
      );
      const results = hidePast
        ? response.results
        : rankUpcomingFirst(response.results, (result) => past.has(result.id));
      const first = await Promise.all(
        results
          .slice(0, this.#options.pageSize)
          .map(async (result) => shapeResult(await result.data())),
      );
      if (!current()) return;
      this.#results = results;
      this.#hiddenPast = hidePast ? past.size : 0;
      this.#options.onPastShown?.(!hidePast);
      this.#render(state, first, counts);
    } catch (error) {
      if (current()) this.#fail(error);
    } finally {
      if (current()) this.#list.removeAttribute('aria-busy');
    }
  }

  /** Loads the filter index once (a failed attempt may be retried) and builds the controls from it. */
  async #prepareFacets(pagefind: Pagefind): Promise<void> {
    if (!this.#options.facets) return;
    this.#facetsReady ??= this.#loadFacets(pagefind).catch((error: unknown) => {
      this.#facetsReady = undefined;
      throw error;
    });
    await this.#facetsReady;
  }

  async #loadFacets(pagefind: Pagefind): Promise<void> {
    const { facets, initialCounts } = this.#options;
    // Pagefind counts filter values in its responses only once it has loaded its filter index.
    const all = await pagefind.filters();
    this.#all = initialCounts ?? all;
    this.#vocabulary ??= facets?.prepare(this.#all);
  }

  /**
   * The past courses among the matches, when they are left out (to say how many) or shown with
   * best match (to rank them after upcoming ones of equal score); a status the reader ticked
   * makes the question moot.
   */
  async #pastIds(
    pagefind: Pagefind,
    state: SearchState,
    valuesOf: (key: FilterKey, code: string) => string[],
    needed: boolean,
  ): Promise<Set<string>> {
    if (!needed || (state.filters.status ?? []).length > 0) return new Set();
    const { term, options } = pagefindQuery(state, valuesOf);
    const response = await pagefind.search(term, {
      ...options,
      filters: { ...options.filters, status: { any: [PAST_STATUS] } },
    });
    return new Set(response.results.map((result) => result.id));
  }

  /** Each group's counts ignore that group's own choice, so the counts say what ticking a box would give. */
  async #facetCounts(
    pagefind: Pagefind,
    state: SearchState,
    filtered: FilterCounts,
    valuesOf: (key: FilterKey, code: string) => string[],
    hidePast: boolean,
  ): Promise<FilterCounts> {
    if (!this.#options.facets) return {};
    const counts: Record<string, Readonly<Record<string, number>>> = { ...filtered };
    const chosen = FILTER_KEYS.filter((key) => (state.filters[key] ?? []).length > 0);
    await Promise.all(
      chosen.map(async (key) => {
        const { term, options } = pagefindQuery(state, valuesOf, key, hidePast);
        const response =
          term === null && Object.keys(options.filters).length === 0
            ? { filters: this.#all }
            : await pagefind.search(term, options);
        counts[key] = response.filters[key] ?? {};
      }),
    );
    return counts;
  }

  #render(state: SearchState, views: SearchResultView[], counts?: FilterCounts): void {
    this.#options.facets?.show(state, isIdle(state) ? this.#all : (counts ?? {}));
    // A reader who already moved into the results keeps their place when a late search redraws them.
    const focused = this.#links().indexOf(document.activeElement as HTMLAnchorElement);
    this.#list.replaceChildren(...views.map((view, index) => this.#item(view, index)));
    if (focused >= 0) (this.#links()[Math.min(focused, views.length - 1)] ?? this.input).focus();
    this.#shown = views.length;
    const idle = isIdle(state);
    const total = idle ? 0 : this.#results.length;
    this.#more.hidden = this.#shown >= total;
    this.#status.textContent = idle ? '' : countText(total, state, this.#hiddenPast);
    this.#help.hidden = idle || total > 0;
    if (!this.#help.hidden) {
      this.#helpText.textContent =
        state.query.trim() === ''
          ? 'No course matches all of these filters. Untick one, or browse the courses instead:'
          : 'Check the spelling, try a shorter or more general word, or remove a filter. You can also browse the courses:';
    }
    if (idle) this.#results = [];
  }

  #fail(error: unknown): void {
    this.#results = [];
    this.#list.replaceChildren();
    this.#more.hidden = true;
    this.#help.hidden = false;
    const inDevelopment = error instanceof SearchUnavailable && error.inDevelopment;
    this.#status.textContent = inDevelopment
      ? 'Search needs a build: it does not work in npm run dev.'
      : 'The search could not load.';
    this.#helpText.replaceChildren(
      ...(inDevelopment
        ? [
            'The search index is made by the build. Run ',
            code('npm run build && npm run preview'),
            ' and open the preview to try the search, or browse the courses:',
          ]
        : ['Reload the page to try again, or browse the courses:']),
    );
  }

  async #showMore(): Promise<void> {
    const start = this.#shown;
    const next = this.#results.slice(start, start + this.#options.pageSize);
    const views = await Promise.all(next.map(async (result) => shapeResult(await result.data())));
    const items = views.map((view, index) => this.#item(view, start + index));
    this.#list.append(...items);
    this.#shown += views.length;
    this.#more.hidden = this.#shown >= this.#results.length;
    items[0]?.querySelector('a')?.focus();
  }

  #item(view: SearchResultView, index: number): HTMLLIElement {
    const id = `${this.#list.id}-${index}`;
    const item = element('li', 'result');
    const link = element('a', 'result-link', view.title);
    link.href = view.url;
    link.setAttribute('aria-describedby', `${id}-facts ${id}-excerpt`);
    const facts = element('p', 'result-facts');
    facts.id = `${id}-facts`;
    facts.append(
      element('span', 'result-kind', view.kind),
      ...view.facts.map((fact) => element('span', 'result-fact', fact)),
    );
    const excerpt = element('p', 'result-excerpt');
    excerpt.id = `${id}-excerpt`;
    excerpt.append(
      ...view.excerpt.map(({ text, marked }) => (marked ? element('mark', undefined, text) : text)),
    );
    item.append(link, facts, excerpt);
    return item;
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll<HTMLAnchorElement>('a.result-link')];
  }

  #onInputKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.#links()[0]) {
      event.preventDefault();
      this.#links()[0]?.focus();
    } else if (event.key === 'Escape' && this.#options.escapeClears && this.input.value !== '') {
      event.preventDefault();
      this.input.value = '';
      this.#change({ ...this.state, query: '' }, 'push', 0);
    }
  }

  #onResultKey(event: KeyboardEvent): void {
    const links = this.#links();
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (at < 0) return;
    const target = {
      ArrowDown: links[Math.min(at + 1, links.length - 1)],
      ArrowUp: at === 0 ? this.input : links[at - 1],
      Home: links[0],
      End: links.at(-1),
      Escape: this.#options.escapeClears ? this.input : undefined,
    }[event.key];
    if (!target) return;
    event.preventDefault();
    target.focus();
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function code(text: string): HTMLElement {
  return element('code', undefined, text);
}
