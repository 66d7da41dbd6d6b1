/**
 * The filter checkboxes of the search page, one fieldset per filter group, built from the
 * values in the index; each value shows how many results ticking it would give.
 */
import {
  FilterVocabulary,
  type FilterCounts,
  type FilterKey,
} from '../domain/search/search-filters.ts';
import type { SearchState } from '../domain/search/search-state.ts';
import type { FacetControls } from './search-controller.ts';

export class SearchFacets implements FacetControls {
  readonly #box: HTMLElement;
  readonly #chosenCount: HTMLElement;
  readonly #boardCodes: Readonly<Record<string, string>>;
  readonly #onToggle: (key: FilterKey, code: string, chosen: boolean) => void;
  #boxes: { input: HTMLInputElement; key: FilterKey; value: string; count: HTMLElement }[] = [];

  constructor(
    root: HTMLElement,
    boardCodes: Readonly<Record<string, string>>,
    onToggle: (key: FilterKey, code: string, chosen: boolean) => void,
  ) {
    const box = root.querySelector<HTMLElement>('[data-search-filters]');
    const chosenCount = root.querySelector<HTMLElement>('[data-search-filter-count]');
    if (!box || !chosenCount) throw new Error('search: the filter controls are missing');
    this.#box = box;
    this.#chosenCount = chosenCount;
    this.#boardCodes = boardCodes;
    this.#onToggle = onToggle;
  }

  prepare(all: FilterCounts): FilterVocabulary {
    const vocabulary = new FilterVocabulary(all, this.#boardCodes);
    this.#boxes = [];
    const groups = vocabulary.groups().map(({ key, label, options }) => {
      const fieldset = document.createElement('fieldset');
      fieldset.className = 'filter-group';
      const legend = document.createElement('legend');
      legend.textContent = label;
      const list = document.createElement('ul');
      for (const { value, code } of options) {
        const input = document.createElement('input');
        input.type = 'checkbox';
        input.name = key;
        input.value = code;
        input.addEventListener('change', () => this.#onToggle(key, code, input.checked));
        const name = document.createElement('span');
        name.className = 'filter-value';
        name.textContent = value;
        const count = document.createElement('span');
        count.className = 'filter-count';
        const label = document.createElement('label');
        label.append(input, name, count);
        const item = document.createElement('li');
        item.append(label);
        list.append(item);
        this.#boxes.push({ input, key, value, count });
      }
      fieldset.append(legend, list);
      return fieldset;
    });
    this.#box.replaceChildren(...groups);
    return vocabulary;
  }

  show(state: SearchState, counts: FilterCounts): void {
    let chosen = 0;
    for (const { input, key, value, count } of this.#boxes) {
      input.checked = (state.filters[key] ?? []).includes(input.value);
      if (input.checked) chosen += 1;
      const n = counts[key]?.[value] ?? 0;
      count.textContent = `(${n})`;
      input.closest('li')?.classList.toggle('is-empty', n === 0 && !input.checked);
    }
    this.#chosenCount.textContent = chosen > 0 ? `(${chosen} chosen)` : '';
  }
}
