/**
 * Turns what Pagefind returns for a page into what a result shows (title, kind, dates,
 * CE hours, format, status, excerpt with the matched words), and words the result count.
 */
import { hoursText } from '../labels.ts';
import { filterCount, type SearchState } from './search-state.ts';

/** The part of Pagefind's `result.data()` the results use. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Readonly<Record<string, string | undefined>>;
  filters?: Readonly<Record<string, readonly string[]>>;
}

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface SearchResultView {
  url: string;
  title: string;
  kind: 'Course' | 'Instructor' | 'Page';
  /** Short facts in reading order: dates, CE hours, format, status. */
  facts: string[];
  excerpt: ExcerptPart[];
}

const ENTITIES: Record<string, string> = {
  '&lt;': '<',
  '&gt;': '>',
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/**
 * Pagefind's excerpt is page text with `<` and `>` escaped and the matched words wrapped in
 * `<mark>`. Splitting it into plain-text parts lets the page render it with `textContent`,
 * so nothing in an excerpt is ever parsed as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const decode = (text: string) =>
    text.replace(/&(?:lt|gt|amp|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
  const push = (text: string, marked: boolean) => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  for (const [index, piece] of excerpt.split(/<\/?mark>/).entries())
    push(decode(piece), index % 2 === 1);
  return parts;
}

function kindOf(url: string): SearchResultView['kind'] {
  if (url.startsWith('/courses/')) return 'Course';
  if (url.startsWith('/instructors/')) return 'Instructor';
  return 'Page';
}

export function shapeResult(data: PagefindResultData): SearchResultView {
  const { meta } = data;
  const hours = Number(meta['hours']);
  const facts = [
    meta['dates'],
    meta['hours'] && Number.isFinite(hours) ? hoursText(hours) : undefined,
    meta['format'],
    data.filters?.['status']?.[0],
  ].filter((fact): fact is string => typeof fact === 'string' && fact.trim() !== '');
  return {
    url: data.url,
    title: meta['title']?.trim() || data.url,
    kind: kindOf(data.url),
    facts,
    excerpt: excerptParts(data.excerpt),
  };
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the live region says once a search has finished: "2 results for “STEAM” with 1 filter, latest first". */
export function countText(count: number, state: SearchState, hiddenPast = 0): string {
  const query = state.query.trim();
  const filters = filterCount(state);
  const found = count === 0 ? 'No results' : plural(count, 'result', 'results');
  const parts = [found];
  if (query) parts.push(` for “${query}”`);
  if (filters > 0) parts.push(` with ${plural(filters, 'filter', 'filters')}`);
  if (count > 0 && state.sort === 'newest') parts.push(', latest first');
  if (count > 0 && state.sort === 'oldest') parts.push(', earliest first');
  const hidden =
    hiddenPast > 0 ? ` ${plural(hiddenPast, 'past course is', 'past courses are')} hidden.` : '';
  return `${parts.join('')}.${hidden}`;
}

/**
 * Best match with upcoming and on-demand courses before past ones of the same score: Pagefind
 * orders by score, and the sort is stable, so only ties move.
 */
export function rankUpcomingFirst<R extends { score: number }>(
  results: readonly R[],
  isPast: (result: R) => boolean,
): R[] {
  return [...results].sort((a, b) => b.score - a.score || Number(isPast(a)) - Number(isPast(b)));
}
