/**
 * Long lists split into pages, so a catalog of thousands of courses never becomes one
 * multi-megabyte page. Page 1 lives at the list's own URL, page n at `<base>page/<n>/`.
 */
export const PAGE_SIZE = 48;

export interface PageOf<T> {
  items: T[];
  /** 1-based page number. */
  number: number;
  /** How many pages the list has (at least 1, even when empty). */
  count: number;
  /** How many items the whole list has. */
  total: number;
}

export function splitIntoPages<T>(items: readonly T[], size = PAGE_SIZE): PageOf<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    number: index + 1,
    count,
    total: items.length,
  }));
}

/** `/topics/x/` for page 1, `/topics/x/page/2/` after. */
export function pageUrl(base: string, number: number): string {
  return number <= 1 ? base : `${base}page/${number}/`;
}

/** The rest parameter of a paginated route: undefined for page 1, `page/2` after. */
export function pageParam(number: number): string | undefined {
  return number <= 1 ? undefined : `page/${number}`;
}

/** " (page 2 of 3)" for titles, which must differ from page to page; empty on a single page. */
export function pageSuffix(page: Pick<PageOf<unknown>, 'number' | 'count'>): string {
  return page.count > 1 && page.number > 1 ? ` (page ${page.number} of ${page.count})` : '';
}
