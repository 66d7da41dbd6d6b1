/**
 * The search filters: which groups there are and in what order, how their values are ordered,
 * and the stable code each value has in a search URL (`board=apa`, `format=live-online`), so a
 * shared link keeps working when a board's full name is edited.
 *
 * The values themselves are what the course pages emit as Pagefind filters: a board's full
 * name with its code ("American Psychological Association (APA)"), a format's label, and so on.
 */
import { FORMAT_LABELS, LEVEL_LABELS } from '../labels.ts';
import { slugify } from '../slug.ts';
import type { CourseFormat } from '../../collections/schemas/format.ts';
import type { Level } from '../../collections/schemas/course.ts';

export const FILTER_GROUPS = [
  { key: 'format', label: 'Format' },
  { key: 'level', label: 'Level' },
  { key: 'profession', label: 'Profession' },
  { key: 'board', label: 'CE board' },
  { key: 'topic', label: 'Topic' },
  { key: 'instructor', label: 'Instructor' },
  { key: 'status', label: 'Status' },
  { key: 'year', label: 'Year' },
] as const;

export type FilterKey = (typeof FILTER_GROUPS)[number]['key'];
export const FILTER_KEYS: readonly FilterKey[] = FILTER_GROUPS.map((group) => group.key);

/** Value → count for each filter, as Pagefind's `filters()` and search responses give them. */
export type FilterCounts = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** A board's filter value and link text: the full name with the code, or the code alone. */
export function boardFilterValue(board: { code: string; fullName?: string | undefined }): string {
  return board.fullName ? `${board.fullName} (${board.code})` : board.code;
}

/**
 * The filter value each fact of a course gives, by group: the one function both the components
 * that emit a filter beside the fact they show (a level, a board, a topic, an instructor) and
 * the search page's counts (src/views/search-facets.ts) read, so the two cannot drift apart.
 */
export const filterValue = {
  format: (format: CourseFormat): string => FORMAT_LABELS[format],
  level: (level: Level): string => LEVEL_LABELS[level],
  profession: (profession: { name: string }): string => profession.name,
  board: boardFilterValue,
  topic: (topic: string): string => topic,
  instructor: (instructor: { name: string }): string => instructor.name,
} as const satisfies Partial<Record<FilterKey, (fact: never) => string>>;

const STATUS_ORDER = ['Upcoming', 'On demand', 'Past'];

function keyOfLabel(labels: Readonly<Record<string, string>>, value: string): string | undefined {
  return Object.entries(labels).find(([, label]) => label === value)?.[0];
}

/**
 * The URL code of a filter value: the content key where one exists (format, level, and the
 * board's file name via `boardCodes`), the year as is, otherwise the value's slug.
 */
export function filterCode(
  key: string,
  value: string,
  boardCodes: Readonly<Record<string, string>> = {},
): string {
  switch (key) {
    case 'format':
      return keyOfLabel(FORMAT_LABELS, value) ?? slugify(value);
    case 'level':
      return keyOfLabel(LEVEL_LABELS, value) ?? slugify(value);
    case 'board':
      return boardCodes[value] ?? slugify(value);
    case 'year':
      return value;
    default:
      return slugify(value);
  }
}

function rankIn(order: readonly string[], value: string): number {
  const index = order.indexOf(value);
  return index < 0 ? order.length : index;
}

/** The values of one filter group in reading order: formats and levels as the site lists them, newest year first, the rest alphabetically. */
export function orderFilterValues(key: string, values: Iterable<string>): string[] {
  const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
  const inOrder = (order: readonly string[]) => (a: string, b: string) =>
    rankIn(order, a) - rankIn(order, b) || byName(a, b);
  const list = [...new Set(values)];
  switch (key) {
    case 'format':
      return list.sort(inOrder(Object.values(FORMAT_LABELS)));
    case 'level':
      return list.sort(inOrder(Object.values(LEVEL_LABELS)));
    case 'status':
      return list.sort(inOrder(STATUS_ORDER));
    case 'year':
      return list.sort((a, b) => b.localeCompare(a, 'en', { numeric: true }));
    default:
      return list.sort(byName);
  }
}

/** Looks up the filter values behind URL codes, given every value in the index. */
export class FilterVocabulary {
  readonly #values = new Map<string, Map<string, string[]>>();

  constructor(all: FilterCounts, boardCodes: Readonly<Record<string, string>> = {}) {
    for (const [key, counts] of Object.entries(all)) {
      const codes = new Map<string, string[]>();
      for (const value of Object.keys(counts)) {
        const code = filterCode(key, value, boardCodes);
        codes.set(code, [...(codes.get(code) ?? []), value]);
      }
      this.#values.set(key, codes);
    }
  }

  /** The values a code stands for; an unknown code stands for itself and so matches nothing. */
  valuesOf(key: string, code: string): string[] {
    return this.#values.get(key)?.get(code) ?? [code];
  }

  /** The groups present in the index, in display order, each with its values in reading order. */
  groups(): { key: FilterKey; label: string; options: { value: string; code: string }[] }[] {
    return FILTER_GROUPS.flatMap(({ key, label }) => {
      const codes = this.#values.get(key);
      if (!codes || codes.size === 0) return [];
      const codeOf = new Map(
        [...codes].flatMap(([code, values]) => values.map((value) => [value, code] as const)),
      );
      const options = orderFilterValues(key, codeOf.keys()).map((value) => ({
        value,
        code: codeOf.get(value) ?? value,
      }));
      return [{ key, label, options }];
    });
  }
}
