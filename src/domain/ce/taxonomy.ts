/** Groups items by the terms they carry (topics, boards, formats, levels), for browse pages. */
export interface Term<T> {
  key: string;
  label: string;
  items: T[];
}

/**
 * Every term that at least one item carries, with the items carrying it, sorted by label.
 * `termsOf` gives each item's terms as [key, label] pairs; the first label seen for a key wins.
 */
export function groupByTerm<T>(
  items: readonly T[],
  termsOf: (item: T) => Iterable<readonly [string, string]>,
): Term<T>[] {
  const terms = new Map<string, Term<T>>();
  for (const item of items) {
    for (const [key, label] of termsOf(item)) {
      let term = terms.get(key);
      if (!term) {
        term = { key, label, items: [] };
        terms.set(key, term);
      }
      if (!term.items.includes(item)) term.items.push(item);
    }
  }
  return [...terms.values()].sort((a, b) => a.label.localeCompare(b.label));
}
