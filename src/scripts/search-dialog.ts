/**
 * The behaviour of the header's search dialog (SearchDialog.astro), loaded only when the reader
 * reaches for the search. The entry script has already opened the dialog and put the focus in
 * its box, so nothing typed meanwhile is lost; this module picks up those words and searches.
 * Escape, the close button or a click outside closes the dialog, and focus returns to where it
 * was. Its last link carries the words over to the /search/ page, which has filters.
 */
import { searchUrl } from '../domain/search/search-state.ts';
import { SearchController } from './search-controller.ts';
import { loadPagefind } from './search-pagefind.ts';

let controller: SearchController | undefined;

/** Starts loading the index before the dialog opens, when the reader focuses or points at the entry. */
export function warmUp(): void {
  loadPagefind().catch(() => undefined);
}

/** Wires the dialog once, then searches for whatever is in its box (a missing index is explained at once). */
export function attachSearchDialog(dialog: HTMLDialogElement): void {
  if (controller) return;
  const fullSearch = dialog.querySelector<HTMLAnchorElement>('[data-search-full]');
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop lands on the dialog element itself.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  controller = new SearchController({
    root: dialog,
    pageSize: 8,
    escapeClears: false,
    onChange: (state) => {
      if (fullSearch) fullSearch.href = searchUrl(state);
    },
  });
  controller.update({ ...controller.state, query: controller.input.value });
}
