/**
 * The header's search entry, on every page. Without JavaScript it is a plain link to /search/.
 * With it, a click, Space or `/` (when not typing in a field) opens the search dialog at once,
 * focus in its box, and only then loads the search code and index; focusing or pointing at the
 * entry starts that download early. On the /search/ page the same keys go to the page's own box.
 * Kept tiny on purpose: this is the only search code a page carries before the search is used.
 */
const entry = document.querySelector<HTMLAnchorElement>('[data-search-entry]');
const dialog = document.querySelector<HTMLDialogElement>('dialog[data-search-dialog]');
const pageInput = document.querySelector<HTMLInputElement>(
  '[data-search-page] [data-search-input]',
);
let behaviour: Promise<typeof import('./search-dialog.ts')> | undefined;
const load = () => (behaviour ??= import('./search-dialog.ts'));

function focusBox(input: HTMLInputElement | null | undefined): void {
  input?.focus();
  input?.select();
}

function open(): void {
  if (pageInput || !dialog) {
    if (pageInput) focusBox(pageInput);
    else window.location.assign(entry?.href ?? '/search/');
    return;
  }
  if (!dialog.open) dialog.showModal();
  focusBox(dialog.querySelector<HTMLInputElement>('[data-search-input]'));
  load().then(
    (module) => module.attachSearchDialog(dialog),
    () => {
      const status = dialog.querySelector('[data-search-status]');
      if (status) status.textContent = 'The search could not load.';
    },
  );
}

function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

if (entry && dialog && !pageInput) {
  entry.setAttribute('role', 'button');
  entry.setAttribute('aria-haspopup', 'dialog');
  const warm = () =>
    void load().then(
      (module) => module.warmUp(),
      () => undefined,
    );
  entry.addEventListener('focus', warm, { once: true });
  entry.addEventListener('pointerenter', warm, { once: true });
}

entry?.addEventListener('click', (event) => {
  // Modified clicks keep their link behaviour (a new tab, a new window).
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  open();
});
entry?.addEventListener('keydown', (event) => {
  if (event.key !== ' ') return;
  event.preventDefault();
  open();
});

document.addEventListener('keydown', (event) => {
  if (
    event.key !== '/' ||
    event.ctrlKey ||
    event.metaKey ||
    event.altKey ||
    event.defaultPrevented ||
    typingIn(event.target)
  )
    return;
  event.preventDefault();
  open();
});
